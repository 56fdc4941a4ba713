// What estimator-core's codec learns about callbacks (issue 17 item 7): tfjs's base Callback,
// EarlyStopping and CustomCallback by their settings, instances of classes registered with registerCallback by name
// and constructor argument, `{ onEpochEnd, ... }` objects of registered functions. Any other
// callback is refused with a message that names the param and the fix. Data only: classes come
// from the registry, functions from the function registry.
import * as tf from '@tensorflow/tfjs';
import {
  ValueError,
  describePath,
  registerCodecType,
  registeredFunctionName,
  type DecodeContext,
  type EncodeContext,
  type Json,
} from '@scikeras/estimator-core';
import { callbackEntry, callbackEntryOf } from '../registerCallback';
import { isCallbackInstance } from './buildCallbacks';
import { MODULE_URL } from './moduleUrl';

type Body = { [k: string]: Json };

/** The keys of a `{ onEpochEnd, ... }` callback object (tfjs's CustomCallbackArgs, and predict's hooks). */
const HOOKS = [
  'onTrainBegin',
  'onTrainEnd',
  'onEpochBegin',
  'onEpochEnd',
  'onBatchBegin',
  'onBatchEnd',
  'onYield',
  'onPredictBegin',
  'onPredictEnd',
  'nowFunc',
  'nextFrameFunc',
] as const;

/** CustomCallback's fields for each hook. */
const CUSTOM_FIELDS: Record<string, string> = {
  onTrainBegin: 'trainBegin',
  onTrainEnd: 'trainEnd',
  onEpochBegin: 'epochBegin',
  onEpochEnd: 'epochEnd',
  onBatchBegin: 'batchBegin',
  onBatchEnd: 'batchEnd',
  onYield: 'yield',
  nowFunc: 'nowFunc',
  nextFrameFunc: 'nextFrameFunc',
};

function refuse(ctx: EncodeContext, path: string, what: string, fix: string): ValueError {
  const verb = ctx.mode === 'travel' ? 'sent to a worker thread' : 'saved';
  return new ValueError(
    `${ctx.owner} cannot be ${verb}: its ${describePath(path)} is ${what}. ${fix}`,
  );
}

function jsName(v: object): string {
  const n = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor
    ?.name;
  return n && /^[A-Za-z_$][\w$]*$/.test(n) ? n : 'MyCallback';
}

/** Whether a value is a plain `{ onEpochEnd, ... }` object of functions. */
function isHookObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  const entries = Object.entries(v);
  return (
    entries.some(([, f]) => typeof f === 'function') &&
    entries.every(
      ([k, f]) =>
        (HOOKS as readonly string[]).includes(k) && (f === undefined || typeof f === 'function'),
    )
  );
}

/** Encodes the functions of a callback, each of which must be registered. */
async function encodeHooks(
  hooks: [string, unknown][],
  path: string,
  ctx: EncodeContext,
): Promise<Body> {
  const out: Body = {};
  for (const [key, fn] of hooks) {
    if (typeof fn !== 'function') continue;
    if (registeredFunctionName(fn as () => unknown) === undefined) {
      const shown = fn.name || 'onEpochEnd';
      throw refuse(
        ctx,
        path,
        `a callback whose '${key}' is ${fn.name ? `the function '${fn.name}'` : 'an anonymous function'}, which is not registered`,
        `Register it with registerFunction('${shown}', ${shown}, { module: import.meta.url }) (registerModel in ` +
          '@scikeras/wrappers), or make the callback a class and register it with registerCallback.',
      );
    }
    out[key] = await ctx.encode(fn, `${path}.${key}`);
  }
  return out;
}

async function decodeHooks(body: Json | undefined, path: string, ctx: DecodeContext) {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw ctx.corrupt(`${describePath(path)} is not a valid callback`);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(body)) {
    if (!(HOOKS as readonly string[]).includes(key))
      throw ctx.corrupt(`${describePath(path)} has an unknown hook '${key}'`);
    const fn = await ctx.decode(v, `${path}.${key}`);
    if (typeof fn !== 'function')
      throw ctx.corrupt(`${describePath(path)}.${key} is not a function`);
    out[key] = fn;
  }
  return out;
}

/** Stands in for an instance of a callback class that is not registered where a file is loaded. */
class MissingCallback extends tf.Callback {
  constructor(
    readonly savedName: string,
    readonly savedConfig: Json,
    private readonly message: string,
  ) {
    super();
  }

  override async onTrainBegin(): Promise<void> {
    throw new ValueError(this.message);
  }
}

type EarlyStoppingFields = {
  monitor: string;
  minDelta: number;
  patience: number;
  verbose: number;
  mode: 'auto' | 'min' | 'max';
  baseline?: number;
};

function earlyStoppingConfig(cb: tf.EarlyStopping): EarlyStoppingFields {
  const f = cb as unknown as EarlyStoppingFields;
  // tfjs keeps minDelta negated for 'min' monitoring; restoreBestWeights: true is refused by tfjs itself
  const config: EarlyStoppingFields = {
    monitor: f.monitor,
    minDelta: Math.abs(f.minDelta),
    patience: f.patience,
    verbose: f.verbose,
    mode: f.mode,
  };
  if (f.baseline != null) config.baseline = f.baseline;
  return config;
}

function checkEarlyStopping(c: unknown, path: string, ctx: DecodeContext): EarlyStoppingFields {
  const f = c as Partial<EarlyStoppingFields> | null;
  const num = (x: unknown) => typeof x === 'number' && !Number.isNaN(x);
  if (
    typeof f !== 'object' ||
    f === null ||
    typeof f.monitor !== 'string' ||
    !num(f.minDelta) ||
    !num(f.patience) ||
    !num(f.verbose) ||
    !['auto', 'min', 'max'].includes(String(f.mode)) ||
    (f.baseline !== undefined && !num(f.baseline))
  )
    throw ctx.corrupt(`${describePath(path)} is not a valid EarlyStopping config`);
  return f as EarlyStoppingFields;
}

async function encodeCallback(cb: tf.Callback, path: string, ctx: EncodeContext): Promise<Body> {
  if (cb instanceof MissingCallback) {
    if (ctx.mode === 'travel')
      throw refuse(
        ctx,
        path,
        `a '${cb.savedName}' callback whose class is not registered here`,
        `Call registerCallback('${cb.savedName}', ...) before loading.`,
      );
    return { name: cb.savedName, config: cb.savedConfig };
  }
  const entry = callbackEntryOf(cb);
  if (entry) return encodeRegistered(cb, entry.name, path, ctx);
  const proto = Object.getPrototypeOf(cb);
  // tfjs's base class itself (Keras's `Callback()`): no hooks, nothing to store
  if (proto === tf.Callback.prototype) return { tfjs: 'Callback' };
  if (proto === tf.EarlyStopping.prototype)
    return {
      tfjs: 'EarlyStopping',
      config: await ctx.encode(earlyStoppingConfig(cb as tf.EarlyStopping), `${path}.config`),
    };
  if (proto === tf.CustomCallback.prototype) {
    const c = cb as unknown as Record<string, unknown>;
    const hooks = Object.entries(CUSTOM_FIELDS)
      .map(([hook, field]): [string, unknown] => [hook, c[field]])
      .filter(([hook, fn]) => !(hook === 'nextFrameFunc' && fn === tf.nextFrame));
    const yieldEvery = c.yieldEvery as Json;
    return { tfjs: 'CustomCallback', hooks: await encodeHooks(hooks, path, ctx), yieldEvery };
  }
  const name = jsName(cb);
  throw refuse(
    ctx,
    path,
    `an instance of ${name}, a callback class that is not registered`,
    `Register its class with registerCallback('${name}', ${name}, { module: import.meta.url }) and give it a ` +
      "getConfig() that returns its constructor's argument, or pass the class itself " +
      `(callbacks: [${name}]) with its arguments as callbacks__<i>__<arg> params.`,
  );
}

async function encodeRegistered(
  cb: tf.Callback,
  name: string,
  path: string,
  ctx: EncodeContext,
): Promise<Body> {
  const entry = callbackEntry(name)!;
  if (ctx.mode === 'travel') {
    if (entry.module === undefined)
      throw refuse(
        ctx,
        path,
        `an instance of the callback class '${name}', registered without a module, so a worker thread cannot import it`,
        `Call registerCallback('${name}', ${name}, { module: import.meta.url }) (__filename in CommonJS) in the module that defines it, or use nJobs: 1.`,
      );
    ctx.addModule(entry.module);
  }
  const own = (cb as { getConfig?: () => unknown }).getConfig;
  const getConfig = entry.getConfig ?? (typeof own === 'function' ? () => own.call(cb) : undefined);
  if (!getConfig)
    throw refuse(
      ctx,
      path,
      `an instance of the registered callback class '${name}', which has no getConfig()`,
      `Give ${name} a getConfig() method that returns its constructor's argument, or pass ` +
        `registerCallback('${name}', ${name}, { getConfig: (cb) => ... }).`,
    );
  return { name, config: await ctx.encode(getConfig(cb), `${path}.config`) };
}

async function decodeCallback(body: Body, path: string, ctx: DecodeContext): Promise<tf.Callback> {
  if (body.tfjs === 'EarlyStopping') {
    const config = await ctx.decode(body.config ?? null, `${path}.config`);
    return new tf.EarlyStopping(checkEarlyStopping(config, path, ctx));
  }
  if (body.tfjs === 'Callback') return new (tf.Callback as unknown as new () => tf.Callback)();
  if (body.tfjs === 'CustomCallback') {
    const hooks = await decodeHooks(body.hooks, path, ctx);
    const y = body.yieldEvery;
    if (
      y !== undefined &&
      typeof y !== 'number' &&
      !['auto', 'batch', 'epoch', 'never'].includes(String(y))
    )
      throw ctx.corrupt(`${describePath(path)} has an invalid yieldEvery`);
    return new tf.CustomCallback(
      hooks as tf.CustomCallbackArgs,
      y as ConstructorParameters<typeof tf.CustomCallback>[1],
    ) as unknown as tf.Callback;
  }
  if (typeof body.name !== 'string')
    throw ctx.corrupt(`${describePath(path)} is not a valid callback`);
  return decodeRegistered(body.name, body.config ?? null, path, ctx);
}

async function decodeRegistered(
  name: string,
  config: Json,
  path: string,
  ctx: DecodeContext,
): Promise<tf.Callback> {
  const entry = callbackEntry(name);
  if (!entry) {
    const fix = `Call registerCallback('${name}', ${/^[A-Za-z_$][\w$]*$/.test(name) ? name : 'MyCallback'}, { module: import.meta.url })`;
    if (ctx.mode === 'travel')
      throw new ValueError(
        `${ctx.owner} cannot be rebuilt in this thread: its ${describePath(path)} is a '${name}' callback, whose class is not registered here. ${fix} in the module that defines it.`,
      );
    return new MissingCallback(
      name,
      config,
      `The ${describePath(path)} of this loaded ${ctx.owner} is a '${name}' callback, whose class is not registered in this thread. ${fix} before loading it, to fit it.`,
    );
  }
  const arg = await ctx.decode(config, `${path}.config`);
  try {
    return new entry.Klass(arg) as tf.Callback;
  } catch (e) {
    throw new ValueError(
      `${ctx.owner}: the '${name}' callback of its ${describePath(path)} cannot be rebuilt from its saved config (${(e as Error).message}).`,
    );
  }
}

let installed = false;

/** Teaches estimator-core's codec callbacks (called by installTfjsCodec). */
export function installCallbackCodec(): void {
  if (installed) return;
  installed = true;
  registerCodecType<tf.Callback>({
    tag: 'callback',
    module: MODULE_URL,
    test: (v): v is tf.Callback => isCallbackInstance(v),
    encode: encodeCallback,
    decode: decodeCallback,
  });
  registerCodecType<Record<string, unknown>>({
    tag: 'callbackHooks',
    module: MODULE_URL,
    test: isHookObject,
    encode: async (v, path, ctx) => ({ hooks: await encodeHooks(Object.entries(v), path, ctx) }),
    decode: (body, path, ctx) => decodeHooks(body.hooks, path, ctx),
  });
}
