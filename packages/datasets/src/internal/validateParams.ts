// Port of scikit-learn's sklearn/utils/_param_validation.py messages (validate_params, Interval, BSD-3-Clause), camelCased.
import { InvalidParameterError, RandomState } from '@scikeras/estimator-core';

type Closed = 'left' | 'right' | 'both' | 'neither';

/** One of scikit-learn's parameter constraints, in the few kinds the data set functions use. */
export type Constraint =
  | { type: 'int' | 'float'; left: number | null; right: number | null; closed: Closed }
  | 'array-like'
  | 'boolean'
  | 'null'
  | 'random_state'
  /** a two-element array (scikit-learn's `tuple` for `n_samples` and `center_box`) */
  | 'pair';

/** `Interval(Integral, left, right, closed=closed)`. */
export const int = (left: number | null, right: number | null = null, closed: Closed = 'left') =>
  ({ type: 'int', left, right, closed }) as const;

/** `Interval(Real, left, right, closed=closed)`. */
export const real = (left: number | null, right: number | null = null, closed: Closed = 'left') =>
  ({ type: 'float', left, right, closed }) as const;

/** Python-like repr of a value for messages. */
export function repr(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<number>).join(', ')}]`;
  if (typeof v === 'function') return v.name ? `[Function ${v.name}]` : '[Function]';
  if (v instanceof RandomState) return 'RandomState';
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** Python's repr of a float bound: 0 -> 0.0. */
const floatRepr = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

function describe(c: Constraint): string {
  if (typeof c === 'object') {
    const fmt = (x: number | null, inf: string) =>
      x === null ? inf : c.type === 'int' ? String(x) : floatRepr(x);
    const lb = c.closed === 'left' || c.closed === 'both' ? '[' : '(';
    const rb = c.closed === 'right' || c.closed === 'both' ? ']' : ')';
    const kind = c.type === 'int' ? 'an int' : 'a float';
    return `${kind} in the range ${lb}${fmt(c.left, '-inf')}, ${fmt(c.right, 'inf')}${rb}`;
  }
  return {
    'array-like': 'an array-like',
    boolean: "an instance of 'bool'",
    null: 'null',
    random_state: "an int in the range [0, 4294967295], an instance of 'RandomState' or null",
    pair: 'a two-element array',
  }[c];
}

function inInterval(
  v: number,
  c: { left: number | null; right: number | null; closed: Closed },
): boolean {
  const leftClosed = c.closed === 'left' || c.closed === 'both';
  const rightClosed = c.closed === 'right' || c.closed === 'both';
  if (c.left !== null && (leftClosed ? v < c.left : v <= c.left)) return false;
  if (c.right !== null && (rightClosed ? v > c.right : v >= c.right)) return false;
  return true;
}

function satisfies(v: unknown, c: Constraint): boolean {
  if (typeof c === 'object') {
    if (typeof v !== 'number' || Number.isNaN(v)) return false;
    if (c.type === 'int' && !Number.isInteger(v)) return false;
    return inInterval(v, c);
  }
  switch (c) {
    case 'array-like':
      return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'random_state':
      return (
        v === null ||
        v instanceof RandomState ||
        (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4294967295)
      );
    case 'pair':
      return Array.isArray(v) && v.length === 2;
  }
}

/**
 * Merges `params` over `defaults` (an `undefined` value keeps the default) and validates every
 * value against its constraints, as scikit-learn's `validate_params` does.
 *
 * @param caller - the function named in messages, e.g. `makeBlobs`
 * @param defaults - every parameter with its default
 * @param params - what the caller passed
 * @param constraints - the accepted kinds of each parameter
 * @returns the merged parameters
 * @throws TypeError for an unknown parameter, as Python does for an unexpected keyword argument
 * @throws InvalidParameterError when a value satisfies none of its constraints
 */
export function validateParams<T extends object>(
  caller: string,
  defaults: T,
  params: Partial<T> | undefined,
  constraints: { readonly [K in keyof T]: readonly Constraint[] },
): T {
  const given = (params ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given))
    throw new TypeError(`${caller}() takes a params object, got ${repr(given)}.`);
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(given)) {
    if (!(key in defaults)) {
      // `n_samples` or `returnXY` for `nSamples` or `returnXy`
      const norm = (k: string) => k.replace(/_/g, '').toLowerCase();
      const hint = Object.keys(defaults).find((k) => norm(k) === norm(key));
      throw new TypeError(
        `${caller}() got an unexpected keyword argument '${key}'${hint ? `. Did you mean '${hint}'?` : ''}`,
      );
    }
    if (value !== undefined) merged[key] = value;
  }
  for (const [key, cs] of Object.entries(constraints) as [string, readonly Constraint[]][]) {
    const value = merged[key];
    if (cs.some((c) => satisfies(value, c))) continue;
    const texts = cs.map(describe);
    const expected =
      texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join(', ')} or ${texts.at(-1)}`;
    throw new InvalidParameterError(
      `The '${key}' parameter of ${caller} must be ${expected}. Got ${repr(value)} instead.`,
    );
  }
  return merged as T;
}
