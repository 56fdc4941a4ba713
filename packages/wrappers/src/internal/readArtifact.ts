// Reading a saved artifact into a live estimator: the shared core of loadEstimator and worker
// travel. Data only: classes and functions come from registries, never from the file.
import * as tf from '@tensorflow/tfjs';
import { ValueError, warn, type EstimatorClass } from '@scikeras/estimator-core';
import { verifyArtifact, type EstimatorArtifact, type SavedModelEntry } from './artifact';
import {
  decodeValue,
  optimizerFromConfig,
  type CodecMode,
  type DecodeContext,
} from './estimatorCodec';
import { defaultEstimatorClasses } from './defaultClasses';
import { getRegisteredModel, type RegisteredFunction } from '../ModelRegistry';

/** The registries loadEstimator resolves names through (nothing from the file is run). */
export interface EstimatorRegistry {
  /** Estimator classes by the class name saved in the file: your `KerasClassifier` subclasses. */
  classes?: Record<string, EstimatorClass<any>>;
  /** Functions by the name they were saved under; added to (and winning over) registerModel's. */
  models?: Record<string, RegisteredFunction>;
}

/** Options of loadEstimator. */
export interface LoadEstimatorOptions {
  /** Extra classes and functions to resolve names with. */
  registry?: EstimatorRegistry;
}

function corrupt(where: string, what: string): ValueError {
  return new ValueError(`${where} is corrupted or was modified after it was saved: ${what}.`);
}

async function loadModel(
  entry: SavedModelEntry,
  weightData: ArrayBuffer,
  ctx: DecodeContext,
  where: string,
): Promise<tf.LayersModel> {
  const slice = weightData.slice(entry.byteOffset, entry.byteOffset + entry.byteLength);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: entry.modelTopology,
        weightSpecs: entry.weightSpecs,
        weightData: slice,
      }),
    );
  } catch (e) {
    throw corrupt(where, `its model cannot be rebuilt (${(e as Error).message})`);
  }
  if (entry.optimizer === null || entry.compile === null) return model;
  let optimizer: tf.Optimizer | undefined;
  try {
    const config = decodeValue(entry.optimizer.config as never, 'optimizer config', ctx, where);
    optimizer = optimizerFromConfig(entry.optimizer.className, config, where);
    const loss = decodeCompileArg(entry.compile.loss, 'loss', ctx, where);
    const metrics = decodeCompileArg(entry.compile.metrics, 'metrics', ctx, where);
    model.compile({
      optimizer,
      loss: loss as never,
      ...(metrics == null ? {} : { metrics: metrics as never }),
    });
    // The model owns the optimizer, as when compiled from a string: model.dispose() frees its slots.
    (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
  } catch (e) {
    optimizer?.dispose();
    if (e instanceof ValueError && /corrupted or was modified/.test(e.message)) {
      model.dispose();
      throw e;
    }
    warn(
      `${where}: the model was loaded but not compiled (${(e as Error).message}). It predicts; to train ` +
        `it further, register the loss/metric functions with registerModel and load again.`,
      'UserWarning',
    );
    return model;
  }
  const optSpecs = entry.weightSpecs.filter((s) => s.group === 'optimizer');
  if (optSpecs.length > 0) {
    const named = tf.io.decodeWeights(slice, entry.weightSpecs);
    try {
      await optimizer.setWeights(optSpecs.map((s) => ({ name: s.name, tensor: named[s.name]! })));
    } finally {
      tf.dispose(Object.values(named));
    }
  }
  return model;
}

/** A compile argument: functions from the registries, else by name (tfjs's built-in losses and metrics). */
function decodeCompileArg(v: unknown, what: string, ctx: DecodeContext, where: string): unknown {
  if (Array.isArray(v)) return v.map((x) => decodeCompileArg(x, what, ctx, where));
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (o.$scikeras === 'function') {
      const name = o.name;
      if (typeof name !== 'string')
        throw new ValueError(`the compiled ${what} is an anonymous function`);
      const own = Object.prototype.hasOwnProperty.call(ctx.functions, name)
        ? ctx.functions[name]
        : undefined;
      return own ?? (o.registered === true ? getRegisteredModel(name) : undefined) ?? name;
    }
    if (o.$scikeras === undefined) {
      return Object.fromEntries(
        Object.entries(o).map(([k, x]) => [k, decodeCompileArg(x, what, ctx, where)]),
      );
    }
  }
  return decodeValue(v as never, `compiled ${what}`, ctx, where);
}

/**
 * Reads a saved artifact into a live estimator (the shared core of loadEstimator and worker travel).
 *
 * @internal
 */
export async function artifactToEstimator(
  art: EstimatorArtifact,
  where: string,
  options: LoadEstimatorOptions & { mode?: CodecMode } = {},
): Promise<unknown> {
  await verifyArtifact(art.manifest, art.weightData, where);
  const ctx: DecodeContext = {
    mode: options.mode ?? 'save',
    owner: art.manifest.className,
    classes: { ...defaultEstimatorClasses(), ...(options.registry?.classes ?? {}) },
    functions: { ...(options.registry?.models ?? {}) },
    models: [],
  };
  const models: tf.LayersModel[] = [];
  try {
    for (const entry of art.manifest.models)
      models.push(await loadModel(entry, art.weightData, { ...ctx, models }, where));
    return decodeValue(art.manifest.estimator as never, '', { ...ctx, models }, where);
  } catch (e) {
    for (const m of models) m.dispose();
    throw e;
  }
}
