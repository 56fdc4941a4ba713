// What estimator-core's codec learns about loss and metric objects (instances with a
// `call(yTrue, yPred)` method, as Keras's Loss and Metric instances are): stored as the name
// their class is registered under (registerLoss) and their getConfig(),
// rebuilt with `new Klass(config)`, as Keras's register_keras_serializable + get_config do.
import * as tf from '@tensorflow/tfjs';
import {
  describePath,
  registeredFunctionName,
  registerCodecType,
  ValueError,
  type DecodeContext,
  type EncodeContext,
  type Json,
} from '@scikeras/estimator-core';
import { isCallbackInstance } from './buildCallbacks';
import { MODULE_URL } from './moduleUrl';

type LossObject = { call: (...a: unknown[]) => unknown; getConfig?: () => unknown };

/** A loss or metric object: not a plain object, a tfjs layer, model, optimizer or callback. */
function isLossObject(v: unknown): v is LossObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return false;
  if (typeof (v as { call?: unknown }).call !== 'function') return false;
  return !(v instanceof tf.serialization.Serializable) && !isCallbackInstance(v);
}

function className(v: object): string {
  const n = (v.constructor as { name?: string } | undefined)?.name;
  return n && /^[A-Za-z_$][\w$]*$/.test(n) ? n : 'CustomLoss';
}

function refuse(ctx: EncodeContext, path: string, what: string, fix: string): ValueError {
  const verb = ctx.mode === 'travel' ? 'sent to a worker thread' : 'saved';
  return new ValueError(
    `${ctx.owner} cannot be ${verb}: its ${describePath(path)} is ${what}. ${fix}`,
  );
}

async function encodeLossObject(v: LossObject, path: string, ctx: EncodeContext) {
  const js = className(v);
  const name = registeredFunctionName(v.constructor);
  if (name === undefined) {
    throw refuse(
      ctx,
      path,
      `an instance of ${js}, a loss or metric class that is not registered`,
      `Register the class with registerLoss('${js}', ${js}, { module: import.meta.url }), ` +
        'give it a getConfig() that returns its ' +
        `constructor's argument if it takes one, or pass the class itself (loss: ${js}).`,
    );
  }
  let config: unknown;
  if (typeof v.getConfig === 'function') config = v.getConfig();
  else if (Object.keys(v).length > 0) {
    throw refuse(
      ctx,
      path,
      `an instance of the registered class '${name}' with own fields (${Object.keys(v).join(', ')}) and no getConfig()`,
      `Give ${js} a getConfig() method that returns its constructor's argument.`,
    );
  }
  // the class itself is a registered function: the codec stores it by name (and its module)
  return {
    class: await ctx.encode(v.constructor, `${path}.constructor`),
    config: config === undefined ? null : await ctx.encode(config, `${path}.config`),
  };
}

async function decodeLossObject(
  body: { [k: string]: Json },
  path: string,
  ctx: DecodeContext,
): Promise<unknown> {
  const Klass = await ctx.decode(body.class ?? null, `${path}.constructor`);
  if (typeof Klass !== 'function')
    throw ctx.corrupt(`${describePath(path)} is not a valid loss object`);
  const config =
    body.config === null ? undefined : await ctx.decode(body.config!, `${path}.config`);
  try {
    return new (Klass as new (c?: unknown) => unknown)(config);
  } catch (e) {
    throw new ValueError(
      `${ctx.owner}: the loss or metric object of its ${describePath(path)} cannot be rebuilt ` +
        `(${(e as Error).message}). Register its class with registerLoss before loading.`,
    );
  }
}

let installed = false;

/** Teaches estimator-core's codec loss and metric objects (called by installTfjsCodec). */
export function installLossObjectCodec(): void {
  if (installed) return;
  installed = true;
  registerCodecType<LossObject>({
    tag: 'lossObject',
    module: MODULE_URL,
    test: isLossObject,
    encode: encodeLossObject,
    decode: decodeLossObject,
  });
}
