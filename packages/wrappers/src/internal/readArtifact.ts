// Reading a saved artifact into a live estimator. Data only: classes and functions come from
// registries (estimator-core's codec), never from the file.
import { decodeValue, type EstimatorClass, type Json } from '@scikeras/estimator-core';
import { verifyArtifact, type EstimatorArtifact } from './artifact';
import { upgradeV1Manifest } from './formatV1';
import type { RegisteredFunction } from '../ModelRegistry';
import { installTfjsCodec } from './tfjsCodec';

/** Extra classes and functions loadEstimator resolves names with (nothing from the file is run). */
export interface EstimatorRegistry {
  /** Estimator classes by the name saved in the file, tried before `registerEstimator`'s registry. */
  classes?: Record<string, EstimatorClass<any>>;
  /** Functions by the name they were saved under; tried before registerModel's registry. */
  models?: Record<string, RegisteredFunction>;
}

/** Options of loadEstimator. */
export interface LoadEstimatorOptions {
  /** Extra classes and functions to resolve names with. */
  registry?: EstimatorRegistry;
}

/**
 * Reads a saved artifact into a live estimator: checks both hashes, upgrades a version 1
 * manifest, slices the weights into the codec's buffers and decodes.
 *
 * @internal
 */
export async function artifactToEstimator(
  art: EstimatorArtifact,
  where: string,
  options: LoadEstimatorOptions = {},
): Promise<unknown> {
  installTfjsCodec();
  await verifyArtifact(art.manifest, art.weightData, where);
  const manifest =
    art.manifest.formatVersion === 1 ? upgradeV1Manifest(art.manifest, where) : art.manifest;
  const buffers = manifest.buffers.map((b) =>
    art.weightData.slice(b.byteOffset, b.byteOffset + b.byteLength),
  );
  return decodeValue(manifest.estimator as Json, {
    mode: 'save',
    where,
    buffers,
    classes: options.registry?.classes,
    functions: options.registry?.models,
    classesHint: (name) => `loadEstimator(source, { registry: { classes: { ${name} } } })`,
  });
}
