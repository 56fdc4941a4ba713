// What estimator-core's codec learns from this package: tfjs LayersModels (topology, weights and
// optimizer state as a buffer, compile settings), optimizers and tensors. Data only: models are
// rebuilt by tfjs from their topology, optimizers through tfjs's serialization map.
import * as tf from '@tensorflow/tfjs';
import {
  ValueError,
  describePath,
  registerCodecType,
  registerTravelEnvironment,
  warn,
  type DecodeContext,
  type EncodeContext,
  type Json,
} from '@scikeras/estimator-core';
import { useBackend, type BackendName } from '../useBackend';
import { isLayersModel } from './isLayersModel';
import { MODULE_URL } from './moduleUrl';
import { installCallbackCodec } from './callbackCodec';
import { installLossObjectCodec } from './lossObjectCodec';
import { checkSavedModel } from './checkSavedModel';

type Body = { [k: string]: Json };

/** The ids of the models encoded so far in one encoding (a model met twice is stored once). */
function modelIds(ctx: EncodeContext | DecodeContext): Map<unknown, number> {
  let ids = ctx.memo.get(MODEL_IDS) as Map<unknown, number> | undefined;
  if (!ids) {
    ids = new Map();
    ctx.memo.set(MODEL_IDS, ids);
  }
  return ids;
}
const MODEL_IDS = Symbol('layersModel ids');

async function captureModel(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
    { includeOptimizer: false },
  );
  if (!captured) throw new ValueError('tfjs did not hand over the model artifacts.');
  return captured;
}

/** The model's weights, then its optimizer's (`group: 'optimizer'`), as one buffer. */
async function weightsOf(
  model: tf.LayersModel,
  art: tf.io.ModelArtifacts,
): Promise<{ specs: tf.io.WeightsManifestEntry[]; data: ArrayBuffer }> {
  const chunks = [
    art.weightData === undefined
      ? new ArrayBuffer(0)
      : tf.io.CompositeArrayBuffer.join(art.weightData),
  ];
  const specs = [...(art.weightSpecs ?? [])];
  const opt = model.optimizer as tf.Optimizer | undefined;
  if (opt) {
    const weights = await opt.getWeights();
    try {
      const enc = await tf.io.encodeWeights(weights, 'optimizer');
      specs.push(...enc.specs);
      chunks.push(enc.data);
    } finally {
      // getWeights makes a fresh scalar for the iteration count; the rest are the optimizer's own.
      tf.dispose(weights.filter((w) => w.name === 'iter').map((w) => w.tensor));
    }
  }
  return { specs, data: tf.io.concatenateArrayBuffers(chunks) };
}

async function encodeModel(model: tf.LayersModel, path: string, ctx: EncodeContext): Promise<Body> {
  const ids = modelIds(ctx);
  const seen = ids.get(model);
  if (seen !== undefined) return { ref: seen };
  const id = ids.size;
  ids.set(model, id);
  const art = await captureModel(model);
  const { specs, data } = await weightsOf(model, art);
  const opt = model.optimizer as tf.Optimizer | undefined;
  const at = path || 'model';
  return {
    id,
    modelTopology: art.modelTopology as Json,
    weightSpecs: specs as unknown as Json,
    buffer: ctx.addBuffer(data),
    optimizer: opt
      ? {
          className: opt.getClassName(),
          config: await ctx.encode(opt.getConfig(), `optimizer config of ${at}`),
        }
      : null,
    compile: opt
      ? {
          loss: await ctx.encode(model.loss ?? null, `compiled loss of ${at}`),
          metrics: await ctx.encode(
            (model as unknown as { metrics?: unknown }).metrics ?? null,
            `compiled metrics of ${at}`,
          ),
        }
      : null,
  };
}

function isObj(v: Json | undefined): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A compile argument: functions from the registries, else by name (tfjs's built-in losses and metrics). */
async function decodeCompileArg(v: Json, path: string, ctx: DecodeContext): Promise<unknown> {
  if (Array.isArray(v)) return Promise.all(v.map((x) => decodeCompileArg(x, path, ctx)));
  if (isObj(v) && v.$scikeras === 'function') {
    if (typeof v.name !== 'string') throw new ValueError(`the ${path} is an anonymous function`);
    return ctx.findFunction(v.name, v.registered === true) ?? v.name;
  }
  if (isObj(v) && v.$scikeras === undefined) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await decodeCompileArg(x, path, ctx);
    return out;
  }
  return ctx.decode(v, path);
}

/** Builds a tfjs optimizer from its class name and config through tfjs's serialization map. */
function optimizerFromConfig(className: string, config: unknown, ctx: DecodeContext): tf.Optimizer {
  const map = tf.serialization.SerializationMap.getMap().classNameMap as Record<string, [any, any]>;
  const entry = Object.prototype.hasOwnProperty.call(map, className) ? map[className] : undefined;
  if (!entry) throw ctx.corrupt(`unknown optimizer class '${className}'`);
  const [cls, fromConfig] = entry;
  const opt = fromConfig(cls, config ?? {}) as tf.Optimizer;
  if (typeof (opt as { applyGradients?: unknown }).applyGradients !== 'function')
    throw ctx.corrupt(`'${className}' is not an optimizer class`);
  return opt;
}

async function compileLoaded(
  model: tf.LayersModel,
  body: Body,
  bytes: ArrayBuffer,
  specs: tf.io.WeightsManifestEntry[],
  path: string,
  ctx: DecodeContext,
): Promise<void> {
  const { optimizer: o, compile: c } = body;
  if (!isObj(o) || !isObj(c) || typeof o.className !== 'string') return;
  let optimizer: tf.Optimizer | undefined;
  try {
    optimizer = optimizerFromConfig(o.className, await ctx.decode(o.config ?? null, path), ctx);
    const loss = await decodeCompileArg(c.loss ?? null, 'compiled loss', ctx);
    const metrics = await decodeCompileArg(c.metrics ?? null, 'compiled metrics', ctx);
    model.compile({
      optimizer,
      loss: loss as never,
      ...(metrics == null ? {} : { metrics: metrics as never }),
    });
    // The model owns the optimizer, as when compiled from a string: model.dispose() frees its slots.
    (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
  } catch (e) {
    optimizer?.dispose();
    if (e instanceof ValueError && /corrupted or was modified/.test(e.message)) throw e;
    warn(
      `${ctx.owner}: the model of its ${describePath(path)} was loaded but not compiled (${(e as Error).message}). ` +
        'It predicts; to train it further, register the loss/metric functions with registerModel and load again.',
      'UserWarning',
    );
    return;
  }
  const optSpecs = specs.filter((s) => s.group === 'optimizer');
  if (optSpecs.length === 0) return;
  const named = tf.io.decodeWeights(bytes, specs);
  try {
    await optimizer.setWeights(optSpecs.map((s) => ({ name: s.name, tensor: named[s.name]! })));
  } finally {
    tf.dispose(Object.values(named));
  }
}

async function decodeModel(body: Body, path: string, ctx: DecodeContext): Promise<tf.LayersModel> {
  const models = ctx.memo as Map<unknown, unknown>;
  if (body.ref !== undefined) {
    const m = models.get(`layersModel#${String(body.ref)}`);
    if (!m) throw ctx.corrupt(`${describePath(path)} refers to a model that is not in the data`);
    return m as tf.LayersModel;
  }
  if (!isObj(body.modelTopology)) throw ctx.corrupt(`${describePath(path)} has no model topology`);
  const bytes = ctx.buffer(body.buffer, path);
  const specs = checkSavedModel(body.modelTopology, body.weightSpecs, bytes.byteLength, path, ctx);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: body.modelTopology,
        weightSpecs: specs,
        weightData: bytes,
      }),
    );
  } catch (e) {
    throw ctx.corrupt(
      `the model of ${describePath(path)} cannot be rebuilt (${(e as Error).message})`,
    );
  }
  ctx.track(model);
  await compileLoaded(model, body, bytes, specs, path, ctx);
  models.set(`layersModel#${String(body.id)}`, model);
  return model;
}

function isOptimizer(v: unknown): v is tf.Optimizer {
  const o = v as Record<string, unknown> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.applyGradients === 'function' &&
    typeof o.getConfig === 'function' &&
    typeof o.getClassName === 'function'
  );
}

async function encodeOptimizer(opt: tf.Optimizer, path: string, ctx: EncodeContext): Promise<Body> {
  for (const [model, id] of modelIds(ctx))
    if ((model as tf.LayersModel).optimizer === opt) return { ofModel: id };
  return {
    className: opt.getClassName(),
    config: await ctx.encode(opt.getConfig(), `${path}.config`),
  };
}

async function decodeOptimizer(
  body: Body,
  path: string,
  ctx: DecodeContext,
): Promise<tf.Optimizer> {
  if (body.ofModel !== undefined) {
    const m = ctx.memo.get(`layersModel#${String(body.ofModel)}`) as tf.LayersModel | undefined;
    if (!m) throw ctx.corrupt(`${describePath(path)} refers to a model that is not in the data`);
    return m.optimizer;
  }
  const config = await ctx.decode(body.config ?? null, `${path}.config`);
  const opt = optimizerFromConfig(String(body.className), config, ctx);
  ctx.track(opt);
  return opt;
}

function encodeTensor(t: tf.Tensor, path: string, ctx: EncodeContext): Body {
  if (t.isDisposed) throw ctx.unsupported(path, 'a disposed tensor');
  if (t.dtype === 'string' || t.dtype === 'complex64')
    throw ctx.unsupported(path, `a ${t.dtype} tensor`);
  const data = Array.from(t.dataSync() as Float32Array, (x) =>
    Number.isFinite(x)
      ? x
      : { $scikeras: 'number', value: Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity' },
  );
  return { dtype: t.dtype, shape: t.shape, data: data as Json };
}

async function decodeTensor(body: Body, path: string, ctx: DecodeContext): Promise<tf.Tensor> {
  const { dtype, shape, data } = body;
  if (
    !['float32', 'int32', 'bool'].includes(String(dtype)) ||
    !Array.isArray(shape) ||
    !shape.every((d) => Number.isInteger(d) && (d as number) >= 0) ||
    !Array.isArray(data)
  )
    throw ctx.corrupt(`${describePath(path)} is not a valid tensor`);
  const nums = (await ctx.decode(data, path)) as unknown[];
  if (!nums.every((x) => typeof x === 'number'))
    throw ctx.corrupt(`${describePath(path)} holds non-numbers`);
  if (nums.length !== (shape as number[]).reduce((a, b) => a * b, 1))
    throw ctx.corrupt(
      `${describePath(path)} has ${nums.length} values for shape [${shape.join(', ')}]`,
    );
  const t = tf.tensor(nums as number[], shape as number[], dtype as 'float32');
  ctx.track(t);
  return t;
}

let installed = false;

/**
 * Teaches estimator-core's codec tfjs models, optimizers and tensors, and makes the tfjs backend
 * travel with TravelSpecs. Idempotent; called where this package saves, loads or defines a
 * wrapper (a bare import would be dropped by bundlers: the package has no side effects).
 */
export function installTfjsCodec(): void {
  if (installed) return;
  installed = true;
  registerCodecType<tf.LayersModel>({
    tag: 'layersModel',
    module: MODULE_URL,
    test: isLayersModel,
    encode: encodeModel,
    decode: decodeModel,
  });
  registerCodecType<tf.Optimizer>({
    tag: 'optimizer',
    module: MODULE_URL,
    test: isOptimizer,
    encode: encodeOptimizer,
    decode: decodeOptimizer,
  });
  installCallbackCodec();
  installLossObjectCodec();
  registerCodecType<tf.Tensor>({
    tag: 'tensor',
    module: MODULE_URL,
    test: (v): v is tf.Tensor => v instanceof tf.Tensor,
    encode: encodeTensor,
    decode: decodeTensor,
  });

  // The sender's tfjs backend travels with every TravelSpec; the receiving thread switches to it
  // before rebuilding anything (e.g. 'wasm'). Nothing is sent while the sender has not started a
  // backend (no useBackend, no tensor made): the receiver then keeps tfjs's default, as the sender would.
  registerTravelEnvironment({
    name: 'tfjs.backend',
    capture: () => (tf.getBackend() as string | undefined) ?? undefined,
    restore: async (backend) => {
      if (typeof backend !== 'string') return;
      // the name is set as soon as a switch starts (another task of this worker may be switching):
      // wait until the backend is ready before anything is decoded
      if (tf.getBackend() === backend) return void (await tf.ready());
      try {
        await useBackend(backend as BackendName);
      } catch (e) {
        warn(
          `This thread could not switch to the '${backend}' backend of the sending thread (${(e as Error).message}); using '${tf.getBackend()}'.`,
          'RuntimeWarning',
        );
      }
    },
  });
}
