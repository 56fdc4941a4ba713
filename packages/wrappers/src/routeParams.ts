// Port of scikeras's scikeras/_utils.py route_params (MIT).
import { paramsWithPrefix, unprefixedParams, type Params } from '@scikeras/estimator-core';

/**
 * Collects the params bound for one destination: unprefixed params whose names are in
 * `passFilter` (all unprefixed params when `passFilter` is `null`), overridden by
 * `destination__name` params (the prefix stripped). This is scikeras's precedence
 * `fit__x > x`; call options are applied on top by the caller.
 *
 * @param params - every param by name (`getParams()`)
 * @param destination - the routing prefix, e.g. `'fit'`, `'model'`, `'optimizer'`
 * @param passFilter - unprefixed names that also go to the destination, or `null` for all
 * @returns a new object keyed by the destination's own names
 * @example
 * ```ts
 * routeParams({ batchSize: 8, fit__batchSize: 32, epochs: 2 }, 'fit', new Set(['batchSize']));
 * // { batchSize: 32 }
 * ```
 * @see https://adriangb.com/scikeras/stable/advanced.html#routed-parameters
 */
export function routeParams(
  params: Params,
  destination: string,
  passFilter: ReadonlySet<string> | null,
): Params {
  return { ...unprefixedParams(params, passFilter), ...paramsWithPrefix(params, destination) };
}
