// Python-style repr of values for messages, in scikit-learn's dialect ("Got 1 instead.",
// "Got 'abc' instead.") with JavaScript's literals (null, undefined, true, NaN, Infinity).
import { estimatorNameOf } from './registry/estimatorNameOf';

/** numpy prints at most this many items of an array; more are abbreviated with `...`. */
const MAX_ITEMS = 1000;
/** Containers nested deeper than this print as `...` (and cycles end there). */
const MAX_DEPTH = 6;

/**
 * A number as Python prints it: integral values below 1e16 as ints (`3`), others with the
 * shortest round-trip digits in Python's layout (`0.5`, `1e-05`, `1.5e+16`); `NaN`,
 * `Infinity` and `-Infinity` as JavaScript writes them.
 *
 * @param n - the number
 * @returns its text
 * @example
 * ```ts
 * pyNumStr(1e-5); // '1e-05'
 * pyNumStr(3); // '3'
 * ```
 */
export function pyNumStr(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n === 0 ? 0 : n);
  const [mant, expStr] = n.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  if (exp >= -4 && exp < 16) return String(n);
  const e = Math.abs(exp);
  return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}

/** Python's repr of a string: single quotes unless the text has one and no double quote. */
function strRepr(s: string): string {
  if (s.includes("'") && !s.includes('"')) return `"${s}"`;
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function hasOwnToString(v: object): boolean {
  const ts = (v as { toString?: unknown }).toString;
  return typeof ts === 'function' && ts !== Object.prototype.toString;
}

function reprAt(v: unknown, depth: number): string {
  if (typeof v === 'string') return strRepr(v);
  if (typeof v === 'number') return pyNumStr(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `<function ${v.name || '<lambda>'}>`;
  if (typeof v !== 'object' || v === null) return String(v);
  if (depth > MAX_DEPTH) return '...';
  const item = (x: unknown) => reprAt(x, depth + 1);
  if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView)))
    return listOf(v as ArrayLike<unknown>, item);
  if (v instanceof RegExp) return String(v);
  if (v instanceof Set) return v.size === 0 ? 'set()' : `{${[...v].map(item).join(', ')}}`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${item(k)}: ${item(x)}`).join(', ')}}`;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    const entries = Object.entries(v as Record<string, unknown>);
    return `{${entries.map(([k, x]) => `${strRepr(k)}: ${item(x)}`).join(', ')}}`;
  }
  if (hasOwnToString(v)) {
    try {
      return String(v);
    } catch {
      // a throwing toString falls through to the class name
    }
  }
  const getParams = (v as { getParams?: unknown }).getParams;
  if (typeof getParams === 'function') {
    // an estimator-like object without BaseEstimator's repr: its name and every param
    try {
      const params = Object.entries(getParams.call(v, false) as Record<string, unknown>);
      const shown = params.map(([k, x]) => `${k}: ${item(x)}`).join(', ');
      return `${estimatorNameOf(v)}(${shown ? `{ ${shown} }` : ''})`;
    } catch {
      // a throwing getParams falls through to the class name
    }
  }
  return `<${typeName(v)} object>`;
}

/** The items of a list as text, numpy's abbreviation past 1000 items (reads only the 6 shown then). */
function itemsOf(values: ArrayLike<unknown>, item: (x: unknown) => string): string[] {
  const n = values.length;
  const out: string[] = [];
  if (n > MAX_ITEMS) {
    for (let i = 0; i < 3; i++) out.push(item(values[i]));
    out.push('...');
    for (let i = n - 3; i < n; i++) out.push(item(values[i]));
    return out;
  }
  for (let i = 0; i < n; i++) out.push(item(values[i]));
  return out;
}

function listOf(values: ArrayLike<unknown>, item: (x: unknown) => string): string {
  return `[${itemsOf(values, item).join(', ')}]`;
}

/**
 * Python's `repr()` of a value, with JavaScript's literals: `'abc'`, `3`, `0.5`, `null`,
 * `true`, `[1, 2]`, `{'a': 1}`, `<function build>`, a RegExp as its literal (`/^a/i`), an estimator as its `toString()`
 * (`KFold({ nSplits: 3 })`), another estimator-like object (one with `getParams`) as
 * `Name({ a: 1 })`, another class instance as `<Name object>`.
 *
 * @param v - any value
 * @returns its text for a message
 * @example
 * ```ts
 * `Got ${pyRepr('3')} instead.`; // "Got '3' instead."
 * pyRepr([1, 'a', null]); // "[1, 'a', null]"
 * ```
 * @remarks scikit-learn prints `None`/`True`; a JavaScript user wrote `null`/`true`, so the
 * messages show what they wrote.
 */
export function pyRepr(v: unknown): string {
  return reprAt(v, 0);
}

/**
 * Python's `str()` of a value: a string as it is, anything else as {@link pyRepr}.
 *
 * @param v - any value
 * @returns its text
 * @example
 * ```ts
 * pyStr('relu'); // 'relu' (no quotes)
 * ```
 */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}

/**
 * Python's `str()` of a list: `[1, 2]`, `['a', 'b']` (numpy's abbreviation past 1000 items).
 *
 * @param values - the items
 * @returns the text
 * @example
 * ```ts
 * pyList(['a', 'b']); // "['a', 'b']"
 * ```
 */
export function pyList(values: ArrayLike<unknown>): string {
  return listOf(values, (x) => reprAt(x, 1));
}

/**
 * Python's `repr()` of a tuple: `(0, 1)`, `(3,)`, `()` (a JavaScript array where scikit-learn
 * takes a tuple, e.g. `featureRange: [0, 1]`).
 *
 * @param values - the items
 * @returns the text
 * @example
 * ```ts
 * `Got ${pyTuple([2, 1])}.`; // 'Got (2, 1).'
 * ```
 */
export function pyTuple(values: ArrayLike<unknown>): string {
  const items = itemsOf(values, (x) => reprAt(x, 1));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/**
 * Python's `repr()` of a set: `{'a', 'c'}`, `set()` when empty. The distinct items are sorted
 * (numbers ascending, others by their text) so that messages are stable.
 *
 * @param values - the items (duplicates are shown once)
 * @returns the text
 * @example
 * ```ts
 * `columns are missing: ${pySet(['c', 'a', 'c'])}`; // "columns are missing: {'a', 'c'}"
 * ```
 * @remarks Python prints a set in hash order, which differs between runs for strings; a sorted
 * order is one Python could print and keeps tests and logs stable.
 */
export function pySet(values: Iterable<unknown>): string {
  const list: ArrayLike<unknown> =
    Array.isArray(values) || ArrayBuffer.isView(values)
      ? (values as ArrayLike<unknown>)
      : [...values];
  if (list.length === 0) return 'set()';
  const item = (x: unknown) => reprAt(x, 1);
  let numeric = true;
  let strings = true;
  for (let i = 0; i < list.length && (numeric || strings); i++) {
    if (typeof list[i] !== 'number') numeric = false;
    if (typeof list[i] !== 'string') strings = false;
  }
  if (numeric) return `{${itemsOf(distinctNumbers(list as ArrayLike<number>), item).join(', ')}}`;
  if (strings) return `{${itemsOf([...new Set(Array.from(list))].sort(), item).join(', ')}}`;
  const texts = [...new Set(Array.from(list))].map(item).sort();
  return `{${itemsOf(texts, (t) => t as string).join(', ')}}`;
}

/** Distinct numbers ascending (NaN once, last), without a Set of boxed numbers. */
function distinctNumbers(values: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (v !== v) {
      out.push(NaN);
      break;
    }
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/**
 * numpy's `str()` of a 1-D array: `[1 2]`, `['a' 'b']` (space separated).
 *
 * @param values - the items
 * @returns the text
 * @example
 * ```ts
 * npArrayStr([1, 2]); // '[1 2]'
 * ```
 */
export function npArrayStr(values: ArrayLike<unknown>): string {
  return `[${itemsOf(values, (x) => reprAt(x, 1)).join(' ')}]`;
}

/**
 * A shape as Python prints a tuple: `(3,)`, `(3, 2)`.
 *
 * @param shape - the dimensions
 * @returns the text
 * @example
 * ```ts
 * pyShape([3]); // '(3,)'
 * ```
 */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * The type of a value in messages: `'null'`, `'Array'`, an estimator's registered name, a
 * class name, or `typeof`.
 *
 * @param v - any value
 * @returns the type name
 * @example
 * ```ts
 * typeName([]); // 'Array'
 * typeName(new KFold()); // 'KFold'
 * ```
 */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'object') return estimatorNameOf(v);
  return typeof v;
}
