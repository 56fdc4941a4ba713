// Saving a wrapper estimator: scikeras pickles (params + fitted attributes + the Keras model);
// here the same content goes into a JSON manifest plus one weights buffer.
import * as tf from '@tensorflow/tfjs';
import { ValueError, isEstimator } from '@scikeras/estimator-core';
import { dynamicImport } from './internal/dynamicImport';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_FILE,
  WEIGHTS_FILE,
  manifestHashInput,
  sha256Hex,
  type EstimatorArtifact,
  type EstimatorManifest,
  type SavedModelEntry,
} from './internal/artifact';
import {
  encodeEstimator,
  encodeValue,
  type CodecMode,
  type EncodeContext,
} from './internal/estimatorCodec';

export type { EstimatorArtifact, EstimatorManifest, SavedModelEntry } from './internal/artifact';

/** Where {@link saveEstimator} writes: a directory path (Node), a tfjs URL such as `'indexeddb://name'`, or a tfjs `IOHandler`. */
export type EstimatorSaveTarget = string | tf.io.IOHandler;

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

function joinWeights(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return tf.io.CompositeArrayBuffer.join(data);
}

/** Topology, weights (model, then optimizer slots) and compile config of one model. */
async function saveModel(
  model: tf.LayersModel,
  ctx: EncodeContext,
  index: number,
): Promise<{ entry: Omit<SavedModelEntry, 'byteOffset'>; data: ArrayBuffer[] }> {
  const art = await captureModel(model);
  const data = [joinWeights(art.weightData)];
  const weightSpecs = [...(art.weightSpecs ?? [])];
  let optimizer: SavedModelEntry['optimizer'] = null;
  let compile: SavedModelEntry['compile'] = null;
  const opt = model.optimizer as tf.Optimizer | undefined;
  if (opt) {
    const weights = await opt.getWeights();
    try {
      const enc = await tf.io.encodeWeights(weights, 'optimizer');
      weightSpecs.push(...enc.specs);
      data.push(enc.data);
    } finally {
      // getWeights makes a fresh scalar for the iteration count; the rest are the optimizer's own.
      tf.dispose(weights.filter((w) => w.name === 'iter').map((w) => w.tensor));
    }
    optimizer = {
      className: opt.getClassName(),
      config: encodeValue(opt.getConfig(), 'optimizer config', ctx),
    };
    const where = `model #${index}'s`;
    compile = {
      loss: encodeValue(model.loss ?? null, `${where} compiled loss`, ctx),
      metrics: encodeValue(
        (model as unknown as { metrics?: unknown }).metrics ?? null,
        `${where} compiled metrics`,
        ctx,
      ),
    };
  }
  const byteLength = data.reduce((a, b) => a + b.byteLength, 0);
  return {
    entry: {
      modelTopology: art.modelTopology as Record<string, unknown>,
      weightSpecs,
      byteLength,
      optimizer,
      compile,
    },
    data,
  };
}

/**
 * Serializes an estimator to an in-memory artifact (the content of `estimator.json` and
 * `weights.bin`), for {@link saveEstimator} and worker travel.
 *
 * @internal
 */
export async function estimatorToArtifact(
  est: unknown,
  mode: CodecMode = 'save',
): Promise<EstimatorArtifact> {
  if (!isEstimator(est) || typeof (est as object).constructor !== 'function') {
    throw new ValueError(
      `saveEstimator expects an estimator (an object with getParams and setParams), got ${
        est === null ? 'null' : typeof est
      }.`,
    );
  }
  const className = (est as object).constructor.name;
  const ctx: EncodeContext = { mode, owner: className, models: [] };
  const encoded = encodeEstimator(est as never, '', ctx) as Record<string, unknown>;
  // Fitted attributes are encoded after params by encodeEstimator; make `model_` (when present)
  // the first model, so a tfjs IOHandler's own topology field is the fitted model.
  const fittedModel = (est as { model_?: unknown }).model_;
  const order = ctx.models.slice();
  const fi = order.indexOf(fittedModel as tf.LayersModel);
  if (fi > 0) {
    order.splice(fi, 1);
    order.unshift(fittedModel as tf.LayersModel);
    remapRefs(encoded, (ref) => order.indexOf(ctx.models[ref]!));
  }
  const entries: SavedModelEntry[] = [];
  const chunks: ArrayBuffer[] = [];
  let offset = 0;
  for (let i = 0; i < order.length; i++) {
    const { entry, data } = await saveModel(order[i]!, ctx, i);
    entries.push({ ...entry, byteOffset: offset });
    chunks.push(...data);
    offset += entry.byteLength;
  }
  if (ctx.models.length !== order.length) {
    // An optimizer's config cannot hold a model; guard against a future encoder that adds one.
    throw new ValueError(
      'A tfjs model was found while saving the compile settings; this is not supported.',
    );
  }
  const weightData = tf.io.concatenateArrayBuffers(chunks);
  const body: Omit<EstimatorManifest, 'sha256'> = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    generatedBy: `@scikeras/wrappers (TensorFlow.js ${tf.version.tfjs})`,
    className,
    estimator: encoded,
    models: entries,
    weights: {
      file: WEIGHTS_FILE,
      byteLength: weightData.byteLength,
      sha256: await sha256Hex(weightData),
    },
  };
  const manifest = {
    ...body,
    sha256: await sha256Hex(manifestHashInput(body)),
  } as EstimatorManifest;
  return { manifest, weightData };
}

function remapRefs(v: unknown, map: (ref: number) => number): void {
  if (Array.isArray(v)) {
    for (const x of v) remapRefs(x, map);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const o = v as Record<string, unknown>;
  if (o.$scikeras === 'layersModel' && typeof o.ref === 'number') o.ref = map(o.ref);
  else if (o.$scikeras === 'optimizer' && typeof o.ofModel === 'number') o.ofModel = map(o.ofModel);
  for (const x of Object.values(o)) remapRefs(x, map);
}

async function writeDirectory(dir: string, art: EstimatorArtifact): Promise<void> {
  const g = globalThis as { process?: { versions?: { node?: string } } };
  if (!g.process?.versions?.node) {
    throw new ValueError(
      `Saving to a directory ('${dir}') needs Node.js. In a browser pass a tfjs URL such as ` +
        `'indexeddb://my-model' or an IOHandler, or call saveEstimator(est) for an in-memory artifact.`,
    );
  }
  const fsSpec = 'node:fs/promises';
  const pathSpec = 'node:path';
  const fs = (await dynamicImport(fsSpec)) as typeof import('node:fs/promises');
  const path = (await dynamicImport(pathSpec)) as typeof import('node:path');
  await fs.mkdir(dir, { recursive: true });
  // Weights first: a crash in between leaves a manifest that does not match, never a silent mix.
  await fs.writeFile(path.join(dir, WEIGHTS_FILE), new Uint8Array(art.weightData));
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(art.manifest, null, 1) + '\n');
}

function isIOHandler(v: unknown): v is tf.io.IOHandler {
  return typeof v === 'object' && v !== null && typeof (v as tf.io.IOHandler).save === 'function';
}

/**
 * Saves an estimator (fitted or not): its class, params, fitted attributes, and every tfjs model
 * it holds with topology, weights and optimizer state, so that {@link loadEstimator} gives back
 * an estimator that predicts identically and continues training with `partialFit`.
 *
 * - `target` a path (Node): writes a directory with `estimator.json` (manifest: format and
 *   version, class, params, fitted attributes, model topology, weight specs, optimizer config,
 *   SHA-256 of both files' contents) and `weights.bin` (model weights, then optimizer slots).
 * - `target` a tfjs URL (`'indexeddb://x'`, `'localstorage://x'`, `'downloads://x'`) or an
 *   `IOHandler`: the fitted model as tfjs model artifacts, the manifest in
 *   `userDefinedMetadata.scikeras`.
 * - no `target`: nothing is written; use the returned artifact (e.g. to send it somewhere).
 *
 * Function-valued params (the build function, custom losses) are stored by the name they are
 * registered under ({@link registerModel}); an unregistered one is stored by its JavaScript name
 * and comes back as a stand-in that only throws if called (predicting does not call it).
 *
 * @param est - the estimator, e.g. a fitted `KerasClassifier`
 * @param target - where to write (see above); omitted for memory only
 * @returns the in-memory artifact: `{ manifest, weightData }`
 * @throws ValueError when a param or fitted attribute holds something that cannot be stored
 *   (e.g. a callback instance), naming it
 * @example
 * ```ts
 * const clf = await new KerasClassifier({ model: registerModel('mlp', buildMlp), epochs: 5 }).fit(X, y);
 * await saveEstimator(clf, './models/clf');          // Node: a directory
 * const again = await loadEstimator('./models/clf');
 * await again.partialFit(X, y);                     // continues from the saved optimizer state
 * ```
 * @remarks scikeras relies on pickle, which runs code from the file when loading; this format is
 * data only, and loading resolves classes and functions through registries.
 * @see https://adriangb.com/scikeras/stable/notebooks/Basic_Usage.html#6.-Saving-and-loading-a-model
 */
export async function saveEstimator(
  est: unknown,
  target?: EstimatorSaveTarget,
): Promise<EstimatorArtifact> {
  const art = await estimatorToArtifact(est, 'save');
  if (target === undefined || target === null) return art;
  if (typeof target === 'string') {
    if (/^file:\/\//.test(target)) {
      await writeDirectory(decodeURIComponent(target.slice('file://'.length)), art);
      return art;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      const handlers = tf.io.getSaveHandlers(target);
      if (handlers.length !== 1) {
        throw new ValueError(
          `No tfjs save handler for '${target}' (found ${handlers.length}). Use a directory path in ` +
            `Node, 'indexeddb://' or 'localstorage://' in a browser, or pass an IOHandler.`,
        );
      }
      await saveToHandler(handlers[0]!, art);
      return art;
    }
    await writeDirectory(target, art);
    return art;
  }
  if (isIOHandler(target)) {
    await saveToHandler(target, art);
    return art;
  }
  throw new ValueError(
    `saveEstimator's target must be a directory path, a tfjs URL or an IOHandler; got ${typeof target}.`,
  );
}

async function saveToHandler(handler: tf.io.IOHandler, art: EstimatorArtifact): Promise<void> {
  const first = art.manifest.models[0];
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: first?.modelTopology ?? {},
    format: 'layers-model',
    generatedBy: art.manifest.generatedBy,
    convertedBy: null,
    // Only the first model's specs (model_, at byte 0), so tf.loadLayersModel can read it too.
    weightSpecs: first ? first.weightSpecs : [],
    weightData: art.weightData,
    userDefinedMetadata: { scikeras: art.manifest as unknown as Record<string, never> },
  };
  const res = await handler.save!(artifacts);
  if (res.errors && res.errors.length > 0) {
    throw new ValueError(
      `The IOHandler failed to save the estimator: ${res.errors.map(String).join('; ')}`,
    );
  }
}
