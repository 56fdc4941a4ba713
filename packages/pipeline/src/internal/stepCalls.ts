// Port of scikit-learn's sklearn/pipeline.py _fit_transform_one / _transform_one / _fit_one (BSD-3-Clause).
import { hasTransformInto, isArray2D, isTensorLike, transformInto } from '@scikeras/estimator-core';
import { andThen, isPromiseLike, type MaybePromise } from '../maybeAsync';
import type { StepEstimator } from '../types';
import { deferredOutput, scaleOutput } from './outputs';

/** Options passed only when there are some: `fit(X, y)` stays a two-argument call. */
function hasOptions(
  options: Record<string, unknown> | undefined,
): options is Record<string, unknown> {
  return options !== undefined && Object.keys(options).length > 0;
}

/** `est.fit(X, y[, options])`: options only when there are some. */
export function callFit(
  est: StepEstimator,
  X: unknown,
  y: unknown,
  options?: Record<string, unknown>,
): unknown {
  return hasOptions(options) ? est.fit(X, y, options) : est.fit(X, y);
}

/** Calls a method by name with `args`, adding `options` only when there are some. */
export function callWith(
  est: StepEstimator,
  method: string,
  args: unknown[],
  options?: Record<string, unknown>,
): unknown {
  const fn = (est as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
  return hasOptions(options) ? fn.call(est, ...args, options) : fn.call(est, ...args);
}

/**
 * Fits a transformer and transforms X (`fitTransform` where it has one, else `fit` then
 * `transform`), scaled by `weight`; scikit-learn's `_fit_transform_one`.
 *
 * @returns `[Xt, the fitted transformer]`
 */
export function fitTransformOne(
  transformer: StepEstimator,
  X: unknown,
  y: unknown,
  weight: number | null | undefined,
  options?: Record<string, unknown>,
): MaybePromise<[unknown, StepEstimator]> {
  const res =
    typeof transformer.fitTransform === 'function'
      ? (callWith(transformer, 'fitTransform', [X, y], options) as MaybePromise<unknown>)
      : andThen(callFit(transformer, X, y, options) as MaybePromise<unknown>, () =>
          transformer.transform!(X),
        );
  return andThen(res as MaybePromise<unknown>, (Xt) => [scaleOutput(Xt, weight), transformer]);
}

/** `transformer.transform(X)` scaled by `weight`; scikit-learn's `_transform_one`. */
export function transformOne(
  transformer: StepEstimator,
  X: unknown,
  weight: number | null | undefined,
): MaybePromise<unknown> {
  return andThen(transformer.transform!(X) as MaybePromise<unknown>, (Xt) =>
    scaleOutput(Xt, weight),
  );
}

/**
 * `transformer.transform(X)` for a stack into one Float64Array: with estimator-core's
 * `transformInto` hook and an Array2D X, a deferred output that its writer puts straight into the
 * stacked buffer (X validated now, as `transform` would); else the transform itself.
 */
export function transformIntoOne(transformer: StepEstimator, X: unknown): MaybePromise<unknown> {
  if (hasTransformInto(transformer) && isArray2D(X)) {
    const w = transformer[transformInto](X);
    if (w) return deferredOutput(w, X.shape[0], () => transformer.transform!(X));
  }
  return transformer.transform!(X) as MaybePromise<unknown>;
}

/**
 * Fits a transformer and returns {@link transformIntoOne}'s output: only for transformers with
 * the `transformInto` hook, whose `fitTransform` is `fit` then `transform`.
 *
 * @returns `[Xt, the fitted transformer]`
 */
export function fitIntoOne(
  transformer: StepEstimator,
  X: unknown,
  y: unknown,
): MaybePromise<[unknown, StepEstimator]> {
  return andThen(callFit(transformer, X, y) as MaybePromise<unknown>, () =>
    andThen(
      transformIntoOne(transformer, X),
      (Xt) => [Xt, transformer] as [unknown, StepEstimator],
    ),
  );
}

/**
 * Frees an intermediate result that the pipeline made and hands to nobody: a tensor (a Keras
 * transformer's output) that is neither the caller's input nor what is returned.
 */
export function disposeIntermediate(value: unknown, ...keep: unknown[]): void {
  if (keep.includes(value) || !isTensorLike(value)) return;
  const dispose = (value as { dispose?: unknown }).dispose;
  if (typeof dispose === 'function') (dispose as () => void).call(value);
}

/**
 * Runs `fn`, and rewrites an error it throws (synchronously or as a rejection) with `rewrite`.
 */
export function rethrowAs<T>(
  fn: () => MaybePromise<T>,
  rewrite: (e: unknown) => unknown,
): MaybePromise<T> {
  let out: MaybePromise<T>;
  try {
    out = fn();
  } catch (e) {
    throw rewrite(e);
  }
  if (isPromiseLike(out)) {
    return Promise.resolve(out).catch((e: unknown) => {
      throw rewrite(e);
    });
  }
  return out;
}
