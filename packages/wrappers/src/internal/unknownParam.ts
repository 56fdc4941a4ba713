// scikeras's scikeras/wrappers.py set_params (MIT): unknown keys, with scikit-learn's "did you mean".
import {
  InvalidParameterError,
  closestMatch,
  splitParamKey,
  type Params,
} from '@scikeras/estimator-core';

/**
 * Checks the keys given to a wrapper's `setParams`: a param, a routed key (`fit__batchSize`)
 * or a nested param (`est__x` of a param `est`); anything else is rejected with scikeras's
 * hint to pass it to the constructor, and the closest param name.
 *
 * @param owner - the class name
 * @param names - the wrapper's param names
 * @param prefixes - the routing prefixes
 * @param params - the keys and values given to `setParams`
 * @throws InvalidParameterError "Invalid parameter epoch for estimator KerasClassifier. Did you mean 'epochs'?\nThis issue can likely be resolved by ..."
 * @example
 * ```ts
 * checkSettableParams('KerasClassifier', ['epochs'], ['fit'], { epoch: 3 }); // throws
 * ```
 */
export function checkSettableParams(
  owner: string,
  names: readonly string[],
  prefixes: readonly string[],
  params: Params,
): void {
  for (const key of Object.keys(params ?? {})) {
    const split = splitParamKey(key);
    if (names.includes(key) || (split && (prefixes.includes(split[0]) || names.includes(split[0]))))
      continue;
    const match = closestMatch(key, [...names].sort());
    const value = JSON.stringify(params[key]) ?? String(params[key]);
    throw new InvalidParameterError(
      `Invalid parameter ${key} for estimator ${owner}.${match ? ` Did you mean '${match}'?` : ''}\n` +
        `This issue can likely be resolved by setting this parameter in the ${owner} constructor:\n` +
        `\`new ${owner}({ ${key}: ${value} })\`\n` +
        'Check the list of available parameters with `Object.keys(estimator.getParams())`',
    );
  }
}
