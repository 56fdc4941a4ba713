// The `prefix__name` keys of scikit-learn's nested params (sklearn/base.py set_params, BSD-3-Clause)
// and of scikeras's routed params (scikeras/_utils.py route_params, MIT): the one place that splits them.
import type { Params } from './BaseEstimator';
import { setOwn } from './internal/paramNames';

/**
 * Splits a param key at its first `__` (scikit-learn's `key.partition("__")`): the head names
 * a nested estimator or a routing destination, the rest is the name under it.
 *
 * @param key - a param name, e.g. `'model__hidden'` or `'callbacks__0__patience'`
 * @returns `[head, rest]`, or `null` for a key without a (non-leading) `__`
 * @example
 * ```ts
 * splitParamKey('optimizer__learningRate'); // ['optimizer', 'learningRate']
 * splitParamKey('callbacks__0__patience'); // ['callbacks', '0__patience']
 * splitParamKey('epochs'); // null
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.base.BaseEstimator.html#sklearn.base.BaseEstimator.set_params
 */
export function splitParamKey(key: string): [head: string, rest: string] | null {
  const sep = key.indexOf('__');
  return sep > 0 ? [key.slice(0, sep), key.slice(sep + 2)] : null;
}

/**
 * The params under one prefix, the prefix stripped (scikeras's `route_params` for one
 * destination). A prefix may itself hold `__` (`'fit__callbacks'`).
 *
 * @param params - params by name
 * @param prefix - the head to select, without the trailing `__`
 * @returns a new object: `{ rest: value }` for every `prefix__rest` key
 * @example
 * ```ts
 * paramsWithPrefix({ loss__delta: 1, loss__0__alpha: 2, epochs: 3 }, 'loss'); // { delta: 1, '0__alpha': 2 }
 * paramsWithPrefix({ fit__callbacks__0__patience: 2 }, 'fit__callbacks'); // { '0__patience': 2 }
 * ```
 */
export function paramsWithPrefix(params: Params, prefix: string): Params {
  const heads = prefix.split('__');
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    let rest: string | undefined = key;
    for (const head of heads) {
      const split: [string, string] | null = rest === undefined ? null : splitParamKey(rest);
      rest = split && split[0] === head ? split[1] : undefined;
    }
    if (rest !== undefined) setOwn(out, rest, value);
  }
  return out;
}

/**
 * The params whose keys carry no prefix (no `__`), optionally only those named in `names`.
 *
 * @param params - params by name
 * @param names - keep only these names, or `null` for every unprefixed key
 * @returns a new object
 * @example
 * ```ts
 * unprefixedParams({ epochs: 2, fit__epochs: 3, hidden: 4 }, new Set(['epochs'])); // { epochs: 2 }
 * ```
 */
export function unprefixedParams(params: Params, names: ReadonlySet<string> | null = null): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    if (splitParamKey(key) === null && (names === null || names.has(key))) setOwn(out, key, value);
  }
  return out;
}
