// Loading what saveEstimator wrote: data only, classes and functions resolved through registries.
import * as tf from '@tensorflow/tfjs';
import { ValueError, corruptedError, fromBase64 } from '@scikeras/estimator-core';
import { dynamicImport } from './internal/dynamicImport';
import {
  MANIFEST_FILE,
  ownArrayBuffer,
  validateManifest,
  type EstimatorArtifact,
  type EstimatorManifest,
} from './internal/artifact';
import { artifactToEstimator, type LoadEstimatorOptions } from './internal/readArtifact';
import { BaseWrapper } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { KerasRegressor } from './KerasRegressor';

/** Where {@link loadEstimator} reads from. */
export type EstimatorLoadSource =
  | string
  | tf.io.IOHandler
  | EstimatorArtifact
  | { manifest: EstimatorManifest; weightData: string };

export type { EstimatorRegistry, LoadEstimatorOptions } from './internal/readArtifact';

const corrupt = corruptedError;

function parseManifest(text: string, where: string): EstimatorManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw corrupt(where, `it is not valid JSON (${(e as Error).message})`);
  }
  return validateManifest(parsed, where);
}

async function readDirectory(dir: string): Promise<{ art: EstimatorArtifact; where: string }> {
  const fsSpec = 'node:fs/promises';
  const pathSpec = 'node:path';
  const fs = (await dynamicImport(fsSpec)) as typeof import('node:fs/promises');
  const path = (await dynamicImport(pathSpec)) as typeof import('node:path');
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ValueError(
      code === 'ENOENT'
        ? `No saved estimator in '${dir}': ${MANIFEST_FILE} is missing. Save one with saveEstimator(est, '${dir}').`
        : `Cannot read '${file}': ${(e as Error).message}`,
    );
  }
  const where = `The saved estimator '${file}'`;
  const manifest = parseManifest(text, where);
  const wfile = path.join(dir, path.basename(manifest.weights.file));
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(wfile);
  } catch (e) {
    throw corrupt(where, `its weights file '${wfile}' cannot be read (${(e as Error).message})`);
  }
  return { art: { manifest, weightData: ownArrayBuffer(bytes) }, where };
}

async function readHandler(handler: tf.io.IOHandler, where: string): Promise<EstimatorArtifact> {
  if (typeof handler.load !== 'function')
    throw new ValueError(`${where} cannot be read: the IOHandler has no 'load' method.`);
  const a = await handler.load();
  const meta = a.userDefinedMetadata as Record<string, unknown> | undefined;
  if (!meta || meta.scikeras === undefined) {
    throw new ValueError(
      `${where} is a plain tfjs model, not a saved scikeras-ts estimator (no 'scikeras' entry in its ` +
        `userDefinedMetadata). Load it with tf.loadLayersModel, or wrap it: new KerasClassifier({ model }).`,
    );
  }
  const manifest = validateManifest(meta.scikeras, where);
  const weightData =
    a.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(a.weightData);
  return { manifest, weightData };
}

async function resolveSource(
  source: EstimatorLoadSource,
): Promise<{ art: EstimatorArtifact; where: string }> {
  if (typeof source === 'string') {
    if (/^file:\/\//.test(source))
      return readDirectory(decodeURIComponent(source.slice('file://'.length)));
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
      const handlers = tf.io.getLoadHandlers(source);
      if (handlers.length !== 1)
        throw new ValueError(`No tfjs load handler for '${source}' (found ${handlers.length}).`);
      const where = `The saved estimator '${source}'`;
      return { art: await readHandler(handlers[0]!, where), where };
    }
    return readDirectory(source);
  }
  if (typeof source === 'object' && source !== null && 'manifest' in source) {
    const where = 'The estimator artifact';
    const manifest = validateManifest(source.manifest, where);
    const wd = source.weightData;
    let weightData: ArrayBuffer;
    if (typeof wd === 'string') weightData = fromBase64(wd);
    else if (wd instanceof ArrayBuffer) weightData = wd;
    else if (
      ArrayBuffer.isView(wd) ||
      Object.prototype.toString.call(wd) === '[object ArrayBuffer]'
    )
      weightData = ownArrayBuffer(wd as ArrayBuffer);
    else throw corrupt(where, "its 'weightData' is not an ArrayBuffer");
    return { art: { manifest, weightData }, where };
  }
  if (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as tf.io.IOHandler).load === 'function'
  ) {
    const where = 'The saved estimator (IOHandler)';
    return { art: await readHandler(source as tf.io.IOHandler, where), where };
  }
  throw new ValueError(
    'loadEstimator expects a directory path, a tfjs URL, an IOHandler or an artifact from saveEstimator.',
  );
}

/**
 * Loads an estimator saved by {@link saveEstimator}: same class, params and fitted attributes;
 * its model with the same weights (identical predictions) and optimizer state (so `partialFit`
 * continues where it stopped).
 *
 * Nothing from the file is executed: the class is looked up by its registered name among
 * `registry.classes` and the classes registered in this thread (`registerEstimator`: the
 * wrappers, the target-utils encoders, model-selection's splitters and searches, your own);
 * functions (build functions, custom losses) among `registry.models` and {@link registerModel}'s
 * registry. A build function that is registered nowhere comes back as a stand-in: the estimator
 * predicts, and refitting it throws an error that says what to register. Files of format
 * version 1 (before the codec moved to estimator-core) load too.
 *
 * @param source - a directory path (Node), a tfjs URL (`'indexeddb://x'`, ...), a tfjs
 *   `IOHandler`, or the artifact returned by `saveEstimator`
 * @param options - `{ registry: { classes, models } }`
 * @returns the estimator
 * @throws ValueError "... is corrupted or was modified after it was saved: ..." when a file is
 *   truncated, edited, or its SHA-256 does not match; when its class is not in the registry; when
 *   the source is not a saved estimator
 * @example
 * ```ts
 * registerModel('mlp', buildMlp);
 * await saveEstimator(clf, '/tmp/clf');
 * const clf2 = await loadEstimator('/tmp/clf', { registry: { classes: { MyClassifier } } });
 * await clf2.predict(X); // same predictions as clf
 * ```
 * @remarks The counterpart of `pickle.load` for scikeras estimators, without pickle's code
 * execution. A prebuilt `model` param (a `tf.LayersModel` given to the constructor) comes back
 * as a new model that belongs to the caller, as the one passed to the constructor did: the
 * loaded estimator's `dispose()` frees its fitted `model_` only (its clones share the param, as
 * they share yours), so free the param with `(est.getParams().model as tf.LayersModel).dispose()`
 * when nothing uses it any more.
 * @see https://adriangb.com/scikeras/stable/notebooks/Basic_Usage.html#6.-Saving-and-loading-a-model
 */
export async function loadEstimator<E = any>(
  source: EstimatorLoadSource,
  options: LoadEstimatorOptions = {},
): Promise<E> {
  const { art, where } = await resolveSource(source);
  // the wrappers by name even where only loadEstimator was imported (they register themselves too)
  const classes = { BaseWrapper, KerasClassifier, KerasRegressor, ...options.registry?.classes };
  return (await artifactToEstimator(art, where, {
    ...options,
    registry: { ...options.registry, classes },
  })) as E;
}
