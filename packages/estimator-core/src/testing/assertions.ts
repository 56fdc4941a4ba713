// Assertion helpers of the estimator checks (after numpy.testing and sklearn.utils._testing.raises).
import { pyList, pyRepr } from '../repr';
import { estimatorNameOf } from '../registry/estimatorNameOf';
import { isArray2D, isMatrix, isTypedArray } from '../internal/guards';
import { isEstimator } from '../isEstimator';

/**
 * A check found a defect: the message says which and how to fix it.
 *
 * @example
 * ```ts
 * throw new CheckFailure('fit of Foo should return the estimator itself (this), got undefined.');
 * ```
 */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Fails the check with `message` unless `cond`. */
export function ensure(cond: unknown, message: string | (() => string)): asserts cond {
  if (!cond) throw new CheckFailure(typeof message === 'function' ? message() : message);
}

/**
 * Whether `e` is an error of the named class or a subclass of it, by the names along its
 * prototype chain (so errors from another copy of this package are recognised too).
 */
export function errorIs(e: unknown, className: string): boolean {
  if (!(e instanceof Error) && !(typeof e === 'object' && e !== null && 'message' in e))
    return false;
  for (
    let p = Object.getPrototypeOf(e);
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    if ((p as { constructor?: { name?: string } }).constructor?.name === className) return true;
  }
  return (e as { name?: unknown }).name === className;
}

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name || e.constructor.name : typeof e;
}

/** Options of {@link expectRaises}. */
export interface RaisesOptions {
  /** Accepted error class names (by prototype chain). @defaultValue ['ValueError'] */
  types?: readonly string[];
  /** The message must match one of these (a string means "contains"). */
  match?: RegExp | string | readonly (RegExp | string)[];
  /** Passing without an error is fine (scikit-learn's `may_pass`). */
  mayPass?: boolean;
  /** What the failure says when nothing (or the wrong thing) was raised. */
  errMsg: string;
}

function matches(msg: string, m: RegExp | string): boolean {
  return typeof m === 'string' ? msg.includes(m) : m.test(msg);
}

/**
 * Runs `fn` (awaited) and requires it to throw an error of one of `types` whose message
 * matches `match` (scikit-learn's `raises`).
 *
 * @returns `'raised'` when it threw as required, `'passed'` when it did not throw and `mayPass`
 */
export async function expectRaises(
  fn: () => unknown,
  options: RaisesOptions,
): Promise<'raised' | 'passed'> {
  const types = options.types ?? ['ValueError'];
  let thrown: unknown;
  let didThrow = false;
  try {
    await fn();
  } catch (e) {
    didThrow = true;
    thrown = e;
  }
  if (!didThrow) {
    if (options.mayPass) return 'passed';
    throw new CheckFailure(`${options.errMsg} Nothing was raised.`);
  }
  if (thrown instanceof CheckFailure) throw thrown;
  if (!types.some((t) => errorIs(thrown, t))) {
    throw new CheckFailure(
      `${options.errMsg} It raised ${errorName(thrown)}: ${messageOf(thrown)}, but one of ${pyList(types)} was expected.`,
    );
  }
  if (options.match !== undefined) {
    const ms: readonly (RegExp | string)[] =
      typeof options.match === 'string' || options.match instanceof RegExp
        ? [options.match]
        : options.match;
    const msg = messageOf(thrown);
    if (!ms.some((m) => matches(msg, m))) {
      throw new CheckFailure(
        `${options.errMsg} The error message should match ${ms
          .map((m) => (typeof m === 'string' ? `'${m}'` : String(m)))
          .join(' or ')}, got: '${msg}'.`,
      );
    }
  }
  return 'raised';
}

export { pyList } from '../repr';

/** A nested plain array (or a scalar) of whatever a method returned. */
export type Plain = unknown;

/** Converts a method's output to nested plain arrays: typed arrays, `{data, shape}`, Matrix, tensors. */
export function toPlain(v: unknown): Plain {
  if (Array.isArray(v)) return v.map(toPlain);
  if (isTypedArray(v)) return Array.from(v);
  if (isArray2D(v)) {
    const [r, c] = v.shape;
    return Array.from({ length: r }, (_, i) => Array.from(v.data.subarray(i * c, (i + 1) * c)));
  }
  if (isMatrix(v)) return v.to2DArray();
  if (v && typeof v === 'object' && typeof (v as { arraySync?: unknown }).arraySync === 'function')
    return (v as { arraySync(): unknown }).arraySync();
  return v;
}

/** The shape of a nested plain array: `[n]`, `[n, k]`, ... (`[]` for a scalar). */
export function shapeOf(v: Plain): number[] {
  const shape: number[] = [];
  let cur: unknown = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

/** Python's repr of a shape tuple: `(3,)`, `(3, 2)`. */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Flattens a nested plain array. */
export function ravel(v: Plain): unknown[] {
  return Array.isArray(v) ? v.flatMap((x) => ravel(x)) : [v];
}

/**
 * The first difference between two outputs, or undefined when they agree (numbers within
 * `atol + rtol * |b|`, NaN equal to NaN, anything else by `===`), numpy's `assert_allclose`.
 */
export function firstMismatch(a: Plain, b: Plain, rtol = 1e-7, atol = 0): string | undefined {
  const sa = shapeOf(a);
  const sb = shapeOf(b);
  if (sa.join(',') !== sb.join(',')) return `shapes ${shapeRepr(sa)} and ${shapeRepr(sb)} differ`;
  const fa = ravel(a);
  const fb = ravel(b);
  for (let i = 0; i < fa.length; i++) {
    const x = fa[i];
    const y = fb[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      if (x === y) continue;
      if (Math.abs(x - y) <= atol + rtol * Math.abs(y)) continue;
      return `element ${i} differs: ${x} vs ${y}`;
    }
    if (x !== y) return `element ${i} differs: ${pyRepr(x)} vs ${pyRepr(y)}`;
  }
  return undefined;
}

/**
 * A by-value snapshot of a param (containers copied recursively, estimators as their class
 * and params, functions and other objects by reference), for "was it mutated?" checks.
 */
export function snapshot(v: unknown, depth = 0): unknown {
  if (depth > 20) return v;
  if (Array.isArray(v)) return { $array: v.map((x) => snapshot(x, depth + 1)) };
  if (isTypedArray(v)) return { $typed: Object.prototype.toString.call(v), values: Array.from(v) };
  if (isEstimator(v)) {
    return {
      $estimator: estimatorNameOf(v),
      params: snapshot(v.getParams(false), depth + 1),
    };
  }
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [k, snapshot(x, depth + 1)]) };
  if (v instanceof Set) return { $set: [...v].map((x) => snapshot(x, depth + 1)) };
  if (v && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      return {
        $object: Object.entries(v).map(([k, x]) => [k, snapshot(x, depth + 1)]),
      };
    }
  }
  return v;
}

/** Whether two snapshots are equal. */
export function sameSnapshot(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameSnapshot(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const pa = Object.getPrototypeOf(a);
    if (pa !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) =>
        sameSnapshot((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}

/** Sorted unique labels, scikit-learn's `np.unique` order (numbers numerically, strings by code point). */
export function uniqueSorted(labels: readonly unknown[]): unknown[] {
  const seen = [...new Set(labels)];
  return seen.sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}
