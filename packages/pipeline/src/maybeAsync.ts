// Sync-or-async chaining for meta-estimators whose steps may return values or Promises.

/**
 * A value, or a Promise of it: what a meta-estimator's method returns. A pipeline of steps
 * whose methods all return values returns a value; as soon as one step returns a Promise (a
 * Keras wrapper's `fit`/`predict`), the rest of the chain runs after it and the method
 * returns a Promise. `await` works on both.
 *
 * @example
 * ```ts
 * const Xt: MaybePromise<number[][]> = pipe.transform(X);
 * const rows = await Xt; // always fine
 * ```
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Whether a value is a Promise or another thenable.
 *
 * @param value - anything
 * @returns true for objects and functions with a `then` method
 * @example
 * ```ts
 * isPromiseLike(Promise.resolve(1)); // true
 * isPromiseLike(1); // false
 * ```
 */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Applies `fn` to a value or to what a Promise resolves to: synchronously when `value` is not
 * a Promise (a synchronous throw stays synchronous), after it otherwise.
 *
 * @param value - a value or a Promise of it
 * @param fn - the next step
 * @returns `fn(value)`, or a Promise of it
 * @example
 * ```ts
 * andThen(2, (v) => v + 1); // 3
 * await andThen(Promise.resolve(2), (v) => v + 1); // 3
 * ```
 */
export function andThen<T, R>(
  value: MaybePromise<T>,
  fn: (v: T) => MaybePromise<R>,
): MaybePromise<R> {
  if (isPromiseLike(value)) return Promise.resolve(value).then(fn);
  return fn(value);
}

/**
 * Folds `items` through `step` in order, synchronously while every step returns a value; from
 * the first step that returns a Promise on, the rest runs after it and the result is a Promise.
 *
 * @param items - the items, in order
 * @param init - the initial accumulator
 * @param step - `(acc, item, index) => next acc` (a value or a Promise)
 * @returns the final accumulator, or a Promise of it
 * @example
 * ```ts
 * reduceMaybe([1, 2, 3], 0, (s, v) => s + v); // 6 (sync)
 * await reduceMaybe([1, 2, 3], 0, async (s, v) => s + v); // 6
 * ```
 */
export function reduceMaybe<T, A>(
  items: readonly T[],
  init: A,
  step: (acc: A, item: T, index: number) => MaybePromise<A>,
): MaybePromise<A> {
  let acc = init;
  for (let i = 0; i < items.length; i++) {
    const next = step(acc, items[i]!, i);
    if (isPromiseLike(next)) return finishAsync(items, next, i + 1, step);
    acc = next;
  }
  return acc;
}

async function finishAsync<T, A>(
  items: readonly T[],
  pending: PromiseLike<A>,
  from: number,
  step: (acc: A, item: T, index: number) => MaybePromise<A>,
): Promise<A> {
  let acc = await pending;
  for (let i = from; i < items.length; i++) acc = await step(acc, items[i]!, i);
  return acc;
}

/**
 * Maps `items` through `fn` one after the other (never concurrently), synchronously while
 * every call returns a value.
 *
 * @param items - the items, in order
 * @param fn - `(item, index) => result` (a value or a Promise)
 * @returns the results in order, or a Promise of them
 * @example
 * ```ts
 * mapMaybe([1, 2], (v) => v * 2); // [2, 4]
 * ```
 */
export function mapMaybe<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => MaybePromise<R>,
): MaybePromise<R[]> {
  const out: R[] = [];
  return reduceMaybe(items, out, (acc, item, i) =>
    andThen(fn(item, i), (r) => {
      acc.push(r);
      return acc;
    }),
  );
}
