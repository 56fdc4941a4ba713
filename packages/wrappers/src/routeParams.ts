// Port of scikeras's scikeras/_utils.py route_params (MIT).
import type { Params } from '@scikeras/estimator-core';

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
  const out: Params = {};
  // own properties only: a routed name such as `model____proto__` must not set a prototype
  const set = (k: string, v: unknown) =>
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const [k, v] of Object.entries(params)) {
    if (!k.includes('__') && (passFilter === null || passFilter.has(k))) set(k, v);
  }
  const prefix = `${destination}__`;
  for (const [k, v] of Object.entries(params)) {
    if (k.startsWith(prefix)) set(k.slice(prefix.length), v);
  }
  return out;
}
