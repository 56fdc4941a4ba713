// Reading formatVersion 1 files (saveEstimator before the codec moved to estimator-core): their
// models sat in a top-level `models` list that `{ $scikeras: 'layersModel', ref }` pointed into;
// version 2 keeps each model inline where it is used, its weights in `buffers`.
import { corruptedError, type Json } from '@scikeras/estimator-core';
import type { EstimatorManifest } from './artifact';

/** How deep a version 1 estimator may nest before it counts as corrupted (the codec's bound). */
const MAX_DEPTH = 200;

interface V1Model {
  modelTopology: Json;
  weightSpecs: Json;
  byteOffset: number;
  byteLength: number;
  optimizer: Json;
  compile: Json;
}

/**
 * A version 1 manifest as version 2: every model inline at its first use (later uses keep
 * `{ ref }`), the `models` byte ranges as `buffers`. Call it after the version 1 hash was checked.
 *
 * @param manifest - a validated version 1 manifest
 * @param where - the source, for the corrupted message
 * @returns the same content in version 2
 * @throws ValueError (corrupted) for a reference to a model that is not in the file
 */
export function upgradeV1Manifest(manifest: EstimatorManifest, where: string): EstimatorManifest {
  const models = (manifest as unknown as { models: V1Model[] }).models;
  const seen = new Set<number>();
  const walk = (v: Json, depth: number): Json => {
    if (depth > MAX_DEPTH)
      throw corruptedError(where, `its estimator is nested deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (typeof v !== 'object' || v === null) return v;
    if (v.$scikeras === 'layersModel' && typeof v.ref === 'number') {
      const e = models[v.ref];
      if (!e) throw corruptedError(where, 'a model reference points outside its models');
      if (seen.has(v.ref)) return v;
      seen.add(v.ref);
      return {
        $scikeras: 'layersModel',
        id: v.ref,
        modelTopology: e.modelTopology,
        weightSpecs: e.weightSpecs,
        buffer: v.ref,
        optimizer: e.optimizer ?? null,
        compile: e.compile ?? null,
      };
    }
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(out, k, {
        value: walk(x, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  };
  const { models: _v1, ...rest } = manifest as unknown as EstimatorManifest & { models: unknown };
  return {
    ...rest,
    formatVersion: 2,
    estimator: walk(manifest.estimator, 0),
    buffers: models.map((e) => ({ byteOffset: e.byteOffset, byteLength: e.byteLength })),
  };
}
