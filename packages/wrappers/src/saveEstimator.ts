// Saving a wrapper estimator: scikeras pickles (params + fitted attributes + the Keras model);
// here the same content goes into a JSON manifest plus one weights buffer.
import * as tf from '@tensorflow/tfjs';
import { ValueError, encodeValue, isEstimator, pyRepr, type Json } from '@scikeras/estimator-core';
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
  type SavedBuffer,
} from './internal/artifact';
import { installTfjsCodec } from './internal/tfjsCodec';

export type { EstimatorArtifact, EstimatorManifest, SavedBuffer } from './internal/artifact';

/** Where {@link saveEstimator} writes: a directory path (Node), a tfjs URL such as `'indexeddb://name'`, or a tfjs `IOHandler`. */
export type EstimatorSaveTarget = string | tf.io.IOHandler;

type JsonObject = { [k: string]: Json };

/** The encoded fitted `model_` (a layersModel body), if the estimator has one. */
function fittedModelEntry(encoded: Json): JsonObject | undefined {
  const fitted = (encoded as JsonObject | null)?.fitted as JsonObject | undefined;
  const m = fitted?.model_ as JsonObject | undefined;
  return m && m.$scikeras === 'layersModel' && typeof m.buffer === 'number' ? m : undefined;
}

/**
 * Serializes an estimator to an in-memory artifact (the content of `estimator.json` and
 * `weights.bin`), for {@link saveEstimator} and worker travel.
 *
 * @internal
 */
export async function estimatorToArtifact(est: unknown): Promise<EstimatorArtifact> {
  if (!isEstimator(est)) {
    throw new ValueError(
      `saveEstimator expects an estimator (an object with getParams and setParams), got ${pyRepr(est)}.`,
    );
  }
  installTfjsCodec();
  const { value, buffers } = await encodeValue(est, { mode: 'save' });
  // The fitted model's weights first: a tfjs IOHandler's own weights are then that model's.
  const first = fittedModelEntry(value)?.buffer as number | undefined;
  const order = buffers.map((_, i) => i);
  if (first !== undefined) order.unshift(...order.splice(first, 1));
  const ranges: SavedBuffer[] = new Array(buffers.length);
  let offset = 0;
  for (const i of order) {
    ranges[i] = { byteOffset: offset, byteLength: buffers[i]!.byteLength };
    offset += buffers[i]!.byteLength;
  }
  const weightData = tf.io.concatenateArrayBuffers(order.map((i) => buffers[i]!));
  const body: Omit<EstimatorManifest, 'sha256'> = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    generatedBy: `@scikeras/wrappers (TensorFlow.js ${tf.version.tfjs})`,
    className: String((value as JsonObject).className),
    estimator: value,
    buffers: ranges,
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
  const art = await estimatorToArtifact(est);
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
  const first = fittedModelEntry(art.manifest.estimator);
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: (first?.modelTopology as object | undefined) ?? {},
    format: 'layers-model',
    generatedBy: art.manifest.generatedBy,
    convertedBy: null,
    // The fitted model's specs (its weights are at byte 0), so tf.loadLayersModel can read it too.
    weightSpecs: (first?.weightSpecs as unknown as tf.io.WeightsManifestEntry[] | undefined) ?? [],
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
