// Typos found at run time: a user param that nothing read, with the closest known name.
import { closestMatch, splitParamKey, warn, type Params } from '@scikeras/estimator-core';
import { COMPILE_KWARGS, PREDICT_KWARGS } from '../RoutedParams';
import { ROUTING_PREFIXES } from '../WrapperParams';

/** What one fit read, for {@link findUnusedParams}. */
export interface ParamUse {
  /** The params of the fit (`getParams(false)`). */
  params: Params;
  /** The class's own params (its `static defaults` chain): never reported. */
  declared: ReadonlySet<string>;
  /** Names the build function read from its context (see `trackedBuildContext`). */
  reads: ReadonlySet<string>;
  /** The build function enumerated its context: every model param counts as read. */
  enumerated: boolean;
  /** The unprefixed names forwarded to tfjs `fit`. */
  fitKwargs: ReadonlySet<string>;
  /** Destinations among `loss`, `metrics`, `callbacks` that built a class with their params. */
  classDestinations: ReadonlySet<string>;
}

/** One unused param and the name it probably meant. */
export interface UnusedParam {
  name: string;
  suggestion?: string;
}

function routedUse(head: string, rest: string, use: ParamUse): boolean | string[] {
  if (head === 'fit' || head === 'predict') {
    if (rest.startsWith('callbacks')) return true;
    const known = head === 'fit' ? use.fitKwargs : PREDICT_KWARGS;
    return known.has(rest) || [...known];
  }
  if (head === 'compile') return COMPILE_KWARGS.has(rest) || [...COMPILE_KWARGS];
  if (head === 'loss' || head === 'metrics' || head === 'callbacks') {
    return use.classDestinations.has(head);
  }
  return head === 'optimizer' || head === 'score';
}

function modelUse(name: string, use: ParamUse): boolean | string[] {
  if (use.enumerated || use.reads.has(name)) return true;
  return [...use.declared, ...use.reads].filter((n) => n !== name && splitParamKey(n) === null);
}

/**
 * The params of a fit that nothing used: an extra param (not declared by the class) that the
 * build function never read, a `model__x` whose `x` it never read, a `fit__x` / `predict__x` /
 * `compile__x` that tfjs does not take, a `loss__x` / `metrics__x` / `callbacks__x` with no
 * class to build, or a prefix that is not a routing destination.
 *
 * @param use - what the fit read
 * @returns each unused param with its closest known name
 * @example
 * ```ts
 * findUnusedParams({ params: { epoch: 5 }, declared: new Set(['epochs']), reads: new Set(), ... });
 * // [{ name: 'epoch', suggestion: 'epochs' }]
 * ```
 */
export function findUnusedParams(use: ParamUse): UnusedParam[] {
  const out: UnusedParam[] = [];
  for (const name of Object.keys(use.params)) {
    if (use.declared.has(name)) continue;
    const split = splitParamKey(name);
    let verdict: boolean | string[];
    let prefix = '';
    if (split === null) verdict = modelUse(name, use);
    else if (split[0] === 'model') {
      verdict = use.reads.has(name) || modelUse(split[1], use);
      prefix = 'model__';
    } else if ((ROUTING_PREFIXES as readonly string[]).includes(split[0])) {
      verdict = routedUse(split[0], split[1], use);
      prefix = `${split[0]}__`;
    } else verdict = use.declared.has(split[0]); // a nested estimator's param, or a typo
    if (verdict === true) continue;
    let suggestion: string | undefined;
    if (Array.isArray(verdict)) {
      const match = closestMatch(split ? split[1] : name, verdict);
      if (match) suggestion = `${prefix}${match}`;
    } else if (split && !(ROUTING_PREFIXES as readonly string[]).includes(split[0])) {
      const head = closestMatch(split[0], ROUTING_PREFIXES);
      if (head) suggestion = `${head}__${split[1]}`;
    }
    out.push({ name, ...(suggestion ? { suggestion } : {}) });
  }
  return out;
}

/**
 * Emits one `UserWarning` per unused param, naming it and the closest known name.
 *
 * @param owner - the estimator's class name
 * @param unused - from {@link findUnusedParams}
 * @example
 * ```ts
 * warnUnusedParams('KerasClassifier', [{ name: 'epoch', suggestion: 'epochs' }]);
 * ```
 */
export function warnUnusedParams(owner: string, unused: readonly UnusedParam[]): void {
  for (const { name, suggestion } of unused) {
    warn(
      `Parameter '${name}' of ${owner} was not used by this fit: the model-building function ` +
        'did not read it and no routing consumed it.' +
        (suggestion ? ` Did you mean '${suggestion}'?` : ''),
      'UserWarning',
    );
  }
}
