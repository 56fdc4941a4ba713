// The on/off switch of the lean training loop (docs/PERFORMANCE.md): on by default.

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
let enabled = env?.SCIKERAS_LEAN_FIT !== '0';

/**
 * Turns the lean training loop on (the default) or off for every wrapper in this process. On,
 * `fit` and `partialFit` train models that {@link planLeanFit} accepts (Dense chains on the cpu
 * and wasm backends) with {@link leanFit}; off, every model trains through tfjs's
 * `model.fit`. The environment variable `SCIKERAS_LEAN_FIT=0` starts with it off.
 *
 * @param on - true for the lean loop where it applies, false for `model.fit` always
 * @example
 * ```ts
 * import { setLeanFit } from '@scikeras/wrappers';
 * setLeanFit(false); // compare with tfjs's own model.fit
 * ```
 * @remarks Not part of scikit-learn or scikeras: tfjs's `model.fit` runs ~200 small kernels
 * per step for a 3-layer MLP, which dominates the time of the small models scikit-learn users
 * search over.
 */
export function setLeanFit(on: boolean): void {
  enabled = on;
}

/**
 * Whether the lean training loop is switched on (see {@link setLeanFit}).
 *
 * @returns true unless switched off
 * @example
 * ```ts
 * leanFitEnabled(); // true
 * ```
 */
export function leanFitEnabled(): boolean {
  return enabled;
}
