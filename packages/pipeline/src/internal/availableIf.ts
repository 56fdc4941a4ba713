// Port of scikit-learn's sklearn/utils/_available_if.py available_if (BSD-3-Clause).

/**
 * Installs `name` on `proto` as a method that exists only while `check(this)` is true
 * (scikit-learn's `available_if`): reading it gives the bound method, or `undefined` when
 * the check fails, so that `typeof est.predict === 'function'` answers like Python's
 * `hasattr(est, 'predict')`. A check that throws counts as false.
 */
export function availableIf<T extends object>(
  proto: T,
  name: string,
  check: (self: T) => boolean,
  impl: (this: T, ...args: any[]) => unknown,
): void {
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: false,
    get(this: T) {
      let ok = false;
      try {
        ok = check(this);
      } catch {
        ok = false;
      }
      return ok ? impl.bind(this) : undefined;
    },
  });
}
