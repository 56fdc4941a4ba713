// Sorted unique labels and label -> code maps, ordered like numpy's np.unique (numbers ascending
// with NaN last, strings by code point, false < true). Fast paths for 1,000,000 labels: a
// presence table for small integer ranges, a Map for few distinct values, a Float64Array sort
// otherwise; strings through a Map; no per-element allocation.
import { typeName, type Label } from '@scikeras/estimator-core';
import type { LabelArray } from './labelArray';

const SURROGATE = /[\uD800-\uDFFF]/;

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n;) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * Sorts strings in place by Unicode code point (numpy's and Python's order).
 *
 * @param values - the strings (sorted in place)
 * @returns the same array
 * @example
 * ```ts
 * sortStringsByCodePoint(['b', 'B', 'a']); // ['B', 'a', 'b']
 * ```
 */
export function sortStrings(values: string[]): string[] {
  if (values.some((s) => SURROGATE.test(s))) return values.sort(compareCodePoints);
  return values.sort(); // UTF-16 code unit order equals code point order without surrogates
}

/**
 * Sorts numbers in place ascending, NaN last (numpy's `np.sort`).
 *
 * @param values - the numbers (sorted in place)
 * @returns the same array
 * @example
 * ```ts
 * sortNumbersNanLast([3, NaN, 1]); // [1, 3, NaN]
 * ```
 */
export function sortNumbers(values: number[]): number[] {
  return values.sort((a, b) => (a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.isNaN(a) ? 1 : -1));
}

/**
 * The first distinct values, no more than `limit` of them (NaN equals NaN), in order of
 * appearance. Plain indexed loops: no iterator or closure per item.
 */
export function distinctUpTo(data: ArrayLike<unknown>, limit: number): unknown[] {
  const seen: unknown[] = [];
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    let found = false;
    for (let k = 0; k < seen.length; k++) {
      const s = seen[k];
      if (s === v || (s !== s && v !== v)) {
        found = true;
        break;
      }
    }
    if (found) continue;
    seen.push(v);
    if (seen.length >= limit) break;
  }
  return seen;
}

/** Number of distinct values, counting no further than `limit` (NaN equals NaN). */
export function uniqueCountUpTo(data: ArrayLike<unknown>, limit: number): number {
  return distinctUpTo(data, limit).length;
}

const SMALL_MAP = 4096;

/**
 * Sorted distinct numbers (NaN once, last; -0 as 0), numpy's `np.unique` order, fast for
 * 1,000,000 values (a presence table for small integer ranges).
 *
 * @param data - the numbers
 * @returns the sorted distinct values
 * @example
 * ```ts
 * uniqueSortedNumbers([3, 1, NaN, 3]); // [1, 3, NaN]
 * ```
 */
export function uniqueNumbers(data: ArrayLike<number>): number[] {
  const n = data.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  let allInt = true;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    if ((v | 0) !== v) {
      allInt = false;
      break;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (allInt) {
    const range = max - min + 1;
    if (range <= Math.max(1 << 16, 4 * n) && range <= 1 << 26) {
      const seen = new Uint8Array(range);
      for (let i = 0; i < n; i++) seen[data[i]! - min] = 1;
      const out: number[] = [];
      for (let k = 0; k < range; k++) if (seen[k]) out.push(k + min);
      return out;
    }
  }
  // few distinct values: a Map (SameValueZero: NaN once, -0 is 0)
  const set = new Set<number>();
  let i = 0;
  for (; i < n && set.size <= SMALL_MAP; i++) set.add(data[i]!);
  if (i === n) return sortNumbers(Array.from(set, (v) => v + 0));
  const copy = Float64Array.from(data);
  copy.sort(); // typed array sort: ascending, NaN last
  const out: number[] = [];
  let prev = NaN;
  let sawNaN = false;
  for (let k = 0; k < n; k++) {
    const v = copy[k]!;
    if (v !== v) {
      sawNaN = true;
      break;
    }
    if (out.length === 0 || v !== prev) out.push(v + 0);
    prev = v;
  }
  if (sawNaN) out.push(NaN);
  return out;
}

/**
 * Sorted distinct strings (code point order, numpy's `np.unique` of a str array).
 *
 * @param data - the strings
 * @returns the sorted distinct values
 * @example
 * ```ts
 * uniqueSortedStrings(['b', 'a', 'b']); // ['a', 'b']
 * ```
 */
export function uniqueStrings(data: ArrayLike<string>): string[] {
  const set = new Set<string>();
  for (let i = 0; i < data.length; i++) set.add(data[i]!);
  return sortStrings([...set]);
}

/**
 * Sorted distinct booleans (false before true).
 *
 * @param data - truthy/falsy values
 * @returns `[false]`, `[true]`, `[false, true]` or `[]`
 * @example
 * ```ts
 * uniqueSortedBooleans([true, false, true]); // [false, true]
 * ```
 */
export function uniqueBooleans(data: ArrayLike<unknown>): boolean[] {
  let f = false;
  let t = false;
  for (let i = 0; i < data.length && !(f && t); i++) {
    if (data[i]) t = true;
    else f = true;
  }
  const out: boolean[] = [];
  if (f) out.push(false);
  if (t) out.push(true);
  return out;
}

/**
 * The sorted unique values of a label array (scikit-learn's `_unique`).
 *
 * @throws TypeError "Encoders require their input to be uniformly strings or numbers. Got [...]"
 */
export function uniqueOf(a: LabelArray): Label[] {
  switch (a.kind) {
    case 'float':
    case 'int':
      return uniqueNumbers(a.data as ArrayLike<number>);
    case 'str':
      return uniqueStrings(a.data as ArrayLike<string>);
    case 'bool':
      return uniqueBooleans(a.data);
    default: {
      const types = [...new Set(Array.from(a.data, typeName))].sort();
      throw new TypeError(
        `Encoders require their input to be uniformly strings or numbers. Got [${types.map((t) => `'${t}'`).join(', ')}]`,
      );
    }
  }
}

/** Codes of values against classes: `codes[i]` is the index of `values[i]` in `classes`, -1 when unseen. */
export interface Encoded {
  /** A plain array (filled at creation: V8 keeps it a fast packed array of small ints). */
  codes: number[];
  /** Distinct unseen values, in order of first appearance. */
  unseen: Label[];
}

/** `new Array(n)` past 100,000 items starts in slow dictionary mode in V8; fill() keeps it packed. */
function newCodes(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function encodeIntTable(
  data: ArrayLike<number>,
  classes: readonly number[],
  min: number,
  range: number,
): Encoded {
  const table = new Int32Array(range).fill(-1);
  for (let k = 0; k < classes.length; k++) table[classes[k]! - min] = k;
  const n = data.length;
  const codes = newCodes(n);
  let unseen: Set<number> | undefined;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    const off = v - min;
    const c = (v | 0) === v && off >= 0 && off < range ? table[off]! : -1;
    codes[i] = c;
    if (c < 0) (unseen ??= new Set()).add(v);
  }
  return { codes, unseen: unseen ? [...unseen] : [] };
}

/**
 * Codes of any values against classes by identity (SameValueZero: NaN matches NaN, `null`
 * matches `null`): `codes[i]` is the index of `values[i]` in `classes`, -1 when unseen.
 *
 * @param data - the values
 * @param classes - the known values (any order)
 * @returns the codes and the distinct unseen values in order of appearance
 * @example
 * ```ts
 * encodeValuesAgainst(['b', null, 'z'], ['a', 'b', null]); // { codes: [1, 2, -1], unseen: ['z'] }
 * ```
 */
export function encodeWithMap<T>(data: ArrayLike<T>, classes: readonly T[]): Encoded {
  const map = new Map<T, number>();
  for (let k = 0; k < classes.length; k++) map.set(classes[k]!, k);
  const n = data.length;
  const codes = newCodes(n);
  let unseen: Set<T> | undefined;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    const c = map.get(v);
    if (c === undefined) {
      codes[i] = -1;
      (unseen ??= new Set()).add(v);
    } else codes[i] = c;
  }
  return { codes, unseen: unseen ? ([...unseen] as Label[]) : [] };
}

/**
 * Codes of numbers against sorted numeric classes (an integer table for small integer ranges,
 * a Map otherwise; NaN matches a NaN class).
 *
 * @param data - the numbers
 * @param classes - the sorted classes
 * @returns the codes (-1 when unseen) and the distinct unseen values
 * @example
 * ```ts
 * encodeNumbersAgainst([3, 1, 7], [1, 3]); // { codes: [1, 0, -1], unseen: [7] }
 * ```
 */
export function encodeNumbers(data: ArrayLike<number>, classes: readonly number[]): Encoded {
  if (classes.length > 0 && classes.every((c) => (c | 0) === c)) {
    const min = classes[0]!;
    const range = classes[classes.length - 1]! - min + 1;
    if (range <= Math.max(1 << 16, 4 * classes.length))
      return encodeIntTable(data, classes, min, range);
  }
  return encodeWithMap(data, classes);
}

/**
 * Encodes a label array against classes of the same kind (numbers, strings or booleans).
 * Values of another kind are all unseen.
 */
export function encodeLabels(a: LabelArray, classes: readonly Label[]): Encoded {
  if ((a.kind === 'float' || a.kind === 'int') && classes.every((c) => typeof c === 'number'))
    return encodeNumbers(a.data as ArrayLike<number>, classes as number[]);
  return encodeWithMap(a.data as ArrayLike<Label>, classes);
}

/** Sorts unseen labels like numpy's setdiff1d (numbers ascending, strings by code point). */
export function sortedLabels(values: Label[]): Label[] {
  if (values.every((v) => typeof v === 'number')) return sortNumbers(values as number[]);
  if (values.every((v) => typeof v === 'string')) return sortStrings(values as string[]);
  return values.sort((a, b) => (String(a) < String(b) ? -1 : 1));
}
