// The shared state of one estimator's checks: fresh instances, tags, data, method calls.
import { DEFAULT_TAGS, type EstimatorTags } from '../BaseEstimator';
import { estimatorNameOf } from '../registry/estimatorNameOf';
import { blobs, linearRegression, stringLabels } from './datasets';
import type { CheckableEstimator, CheckEstimatorOptions } from './types';

/** The kind of estimator, which picks the data and the kind-specific checks. */
export type EstimatorKind = 'classifier' | 'regressor' | 'transformer' | 'other';

/** Methods that take X and return one output per sample. */
export const X_METHODS = [
  'predict',
  'transform',
  'decisionFunction',
  'predictProba',
  'predictLogProba',
] as const;

/** What every check gets. */
export interface CheckContext {
  /** The class name. */
  name: string;
  /** The first instance the factory made: read it (tags, methods), never fit it. */
  probe: CheckableEstimator;
  tags: EstimatorTags;
  kind: EstimatorKind;
  /** `'1dlabels'` when the estimator takes labels only (a label transformer), else `'2darray'`. */
  mode: '2darray' | '1dlabels';
  /** The main training data (`X` undefined in `'1dlabels'` mode). */
  X: unknown;
  y: unknown;
  /** Whether X/y came from `options.X` / `options.y`. */
  userData: boolean;
  /** `options.roundTrip`: save and load back a fitted estimator, when the caller gives one. */
  roundTrip?: (est: CheckableEstimator) => unknown;
  /** A fresh instance from the factory, with every `randomState` param set to `seed`. */
  make(seed?: number): CheckableEstimator;
  /**
   * `fit(X, y)` (or `fit(y)` in `'1dlabels'` mode), awaited; without data, on the main set.
   * An explicitly passed `undefined` y stays undefined.
   */
  fit(est: CheckableEstimator, ...data: [] | [X: unknown, y: unknown]): Promise<unknown>;
  /** The output methods the estimator has. */
  methods(est: CheckableEstimator): string[];
  /** Calls a method by name, awaited. */
  call(est: CheckableEstimator, method: string, ...args: unknown[]): Promise<unknown>;
  /** A target for `n` samples generated from X's first column, fitting the kind. */
  yFor(X: number[][]): unknown[];
  /** Records an estimator whose resources the check frees afterwards (every `fit` records its). */
  track(est: CheckableEstimator): void;
  /**
   * Calls `dispose()` on every estimator fitted during the check, where it has one (a tfjs
   * wrapper's model and optimizer), so that a check leaves no tensors behind.
   */
  disposeFitted(): void;
}

/**
 * Sets every `randomState` param (and nested `x__randomState`) to `seed`, scikit-learn's
 * `set_random_state`, so that checks can compare two fits.
 *
 * @param est - the estimator (changed in place)
 * @param seed - the seed @defaultValue 0
 * @example
 * ```ts
 * setRandomState(clf, 0); // clf.randomState === 0, clf.estimator.randomState === 0
 * ```
 * @see https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/utils/estimator_checks.py
 */
export function setRandomState(est: CheckableEstimator, seed = 0): void {
  const params = est.getParams(true);
  const upd: Record<string, unknown> = {};
  for (const k of Object.keys(params))
    if (k === 'randomState' || k.endsWith('__randomState')) upd[k] = seed;
  if (Object.keys(upd).length > 0) est.setParams(upd);
}

/** The merged tags of an estimator (its `getTags()` over the defaults, then the overrides). */
export function tagsOf(est: CheckableEstimator, overrides?: Partial<EstimatorTags>): EstimatorTags {
  const own = typeof est.getTags === 'function' ? est.getTags() : {};
  return { ...DEFAULT_TAGS, ...own, ...(overrides ?? {}) };
}

/** The kind of an estimator from `estimatorType` (a `transform` method makes a transformer). */
export function kindOf(est: CheckableEstimator): EstimatorKind {
  const t = est.estimatorType;
  if (t === 'classifier' || t === 'regressor' || t === 'transformer') return t;
  if (typeof est.transform === 'function') return 'transformer';
  return 'other';
}

/** Builds the context of one estimator's checks from a probe instance. */
export function makeContext(
  factory: () => CheckableEstimator,
  probe: CheckableEstimator,
  options: CheckEstimatorOptions = {},
): CheckContext {
  const tags = tagsOf(probe, options.tags);
  const kind = kindOf(probe);
  const mode: '2darray' | '1dlabels' =
    !tags.XTypes.includes('2darray') && tags.XTypes.includes('1dlabels') ? '1dlabels' : '2darray';
  let X: unknown;
  let y: unknown;
  if (mode === '1dlabels') {
    y = options.y ?? stringLabels();
  } else if (kind === 'regressor') {
    const d = linearRegression();
    X = d.X;
    y = d.y;
  } else {
    const d = blobs();
    X = d.X;
    y = d.y;
  }
  if (options.X !== undefined) X = options.X;
  if (options.y !== undefined) y = options.y;
  const call = async (est: CheckableEstimator, method: string, ...args: unknown[]) => {
    const fn = (est as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new TypeError(`${method} is not a method of ${name}`);
    return await (fn as (...a: unknown[]) => unknown).apply(est, args);
  };
  const name = estimatorNameOf(probe);
  const fitted = new Set<CheckableEstimator>();
  return {
    name,
    probe,
    tags,
    kind,
    mode,
    X,
    y,
    userData: options.X !== undefined || options.y !== undefined,
    ...(options.roundTrip ? { roundTrip: options.roundTrip } : {}),
    make(seed = 0) {
      const est = factory();
      setRandomState(est, seed);
      return est;
    },
    async fit(est, ...args: unknown[]) {
      fitted.add(est);
      // no data: the main set; otherwise exactly what was passed (an undefined y stays undefined)
      const [Xa, ya] = args.length === 0 ? [X, y] : args;
      if (mode === '1dlabels') return await est.fit(ya);
      return await est.fit(Xa, ya);
    },
    methods(est) {
      const list = mode === '1dlabels' ? ['transform'] : [...X_METHODS];
      return list.filter(
        (m) => typeof (est as unknown as Record<string, unknown>)[m] === 'function',
      );
    },
    call,
    track(est) {
      fitted.add(est);
    },
    disposeFitted() {
      for (const est of fitted) {
        const dispose = (est as unknown as { dispose?: unknown }).dispose;
        if (typeof dispose === 'function') {
          try {
            (dispose as () => void).call(est);
          } catch {
            // a broken estimator's dispose must not hide the check's own result
          }
        }
      }
      fitted.clear();
    },
    yFor(Xs) {
      if (kind === 'regressor') return Xs.map((r) => r[0]!);
      return Xs.map((r) => Math.floor(r[0]!));
    },
  };
}

/** One estimator check: its name, the scikit-learn checks it ports, when it applies, what it does. */
export interface EstimatorCheck {
  /** Our name, scikit-learn's in camelCase where it ports one check. */
  name: string;
  /** The scikit-learn checks (sklearn/utils/estimator_checks.py) it ports. */
  sklearn: readonly string[];
  /** `true`, or why it does not apply to this estimator (reported as skipped). */
  applies(ctx: CheckContext): true | string;
  /** Runs the check; throws `CheckFailure` (or anything) on a defect. */
  run(ctx: CheckContext): Promise<void>;
}

/** Applies to estimators that take a 2-D X. */
export function needs2d(ctx: CheckContext): true | string {
  return ctx.mode === '2darray' ? true : "needs a 2-D X (the XTypes tag has no '2darray')";
}

/**
 * Applies to estimators that validate X (sklearn skips its input-validation checks for the
 * `no_validation` tag).
 */
export function needsValidation(ctx: CheckContext): true | string {
  const a = needs2d(ctx);
  if (a !== true) return a;
  return ctx.tags.noValidation ? 'the estimator is tagged noValidation: true' : true;
}

/** Applies to estimators that must be fitted before use (not tagged `stateless`). */
export function needsFit(ctx: CheckContext): true | string {
  return ctx.tags.stateless ? 'the estimator is tagged stateless: true' : true;
}

/** Applies to deterministic estimators. */
export function needsDeterministic(ctx: CheckContext): true | string {
  return ctx.tags.deterministic ? true : 'the estimator is tagged deterministic: false';
}
