// The estimator classes loadEstimator and worker travel know without being told: the wrappers and
// the target encoders they hold as fitted attributes.
import type { EstimatorClass } from '@scikeras/estimator-core';
import * as targetUtils from '@scikeras/target-utils';
import { IdentityTransformer } from '../IdentityTransformer';

function isEstimatorClass(v: unknown): v is EstimatorClass<any> {
  return (
    typeof v === 'function' &&
    typeof (v as { defaults?: unknown }).defaults === 'object' &&
    typeof (v as { prototype?: { getParams?: unknown } }).prototype?.getParams === 'function'
  );
}

/**
 * Class name -> class for the encoders a wrapper holds: every estimator class of
 * @scikeras/target-utils and IdentityTransformer. (The wrapper classes themselves are added by
 * loadEstimator and travel, which know them without an import cycle through BaseWrapper.)
 */
export function defaultEstimatorClasses(): Record<string, EstimatorClass<any>> {
  const out: Record<string, EstimatorClass<any>> = Object.create(null);
  for (const v of Object.values(targetUtils)) if (isEstimatorClass(v)) out[v.name] = v;
  out.IdentityTransformer = IdentityTransformer as unknown as EstimatorClass<any>;
  return out;
}
