// The dtype scikeras records for X (numpy's inferred dtype) and numpy's can_cast, for JavaScript inputs.
import { isArrayND, isTensorLike, isTypedArray } from '@scikeras/estimator-core';

const TYPED_DTYPES: Record<string, string> = {
  Float32Array: 'float32',
  Float64Array: 'float64',
  Int8Array: 'int8',
  Int16Array: 'int16',
  Int32Array: 'int32',
  Uint8Array: 'uint8',
  Uint8ClampedArray: 'uint8',
  Uint16Array: 'uint16',
  Uint32Array: 'uint32',
};

/** The numpy dtype of a typed array, by its `Object.prototype.toString` tag (minifiers keep it). */
function typedDtype(a: ArrayBufferView): string {
  const tag = Object.prototype.toString.call(a).slice(8, -1);
  return TYPED_DTYPES[tag] ?? 'float64';
}

/**
 * Adds the dtypes of the leaves of nested arrays to `out` (numbers as numpy infers them from a
 * list), and stops at the first float64 leaf: every dtype here casts safely to float64, so once
 * one leaf is float64 the result is float64 whatever the others are (this is what keeps the
 * check O(1) for rows of plain numbers rather than a walk over every value).
 *
 * @returns true when a float64 leaf was found (nothing more can change the result)
 */
function leafDtypes(v: unknown, out: Set<string>, depth = 0): boolean {
  if (isTypedArray(v)) out.add(typedDtype(v));
  else if (Array.isArray(v) && depth < 64) {
    for (const x of v) if (leafDtypes(x, out, depth + 1)) return true;
  } else if (typeof v === 'boolean') out.add('bool');
  else out.add('float64'); // a JS number is an IEEE-754 double; strings, records, null: converted
  return out.has('float64');
}

/**
 * The dtype scikeras records as `X_dtype_` (numpy's), for a JavaScript X: a typed array's own
 * (`Float32Array` data -> `'float32'`, `Uint8Array` -> `'uint8'`), a tensor's (`'float32'`,
 * `'int32'`, `'bool'`), and for nested plain arrays `'float64'` (`'bool'` when every leaf is a
 * boolean).
 *
 * @param X - the X given to fit, partialFit or predict (before conversion)
 * @returns the numpy dtype name
 * @remarks numpy infers `int64` for a list of whole numbers. A JavaScript number is a double
 * whatever its value, and `JSON.parse('3.0')` gives `3`: inferring `int64` from whole values would
 * make a later `partialFit` batch with a fraction fail ("casting from float64 to int64 is not
 * safe") for data that was float all along. Integer dtypes come from typed arrays and tensors.
 * @example
 * ```ts
 * dtypeOfX([[1, 2], [2, 3]]); // 'float64'
 * dtypeOfX({ data: new Float32Array(4), shape: [2, 2] }); // 'float32'
 * ```
 */
export function dtypeOfX(X: unknown): string {
  if (isTensorLike(X)) return (X as { dtype?: string }).dtype ?? 'float32';
  if (isArrayND(X)) return typedDtype(X.data);
  if (!Array.isArray(X)) return 'float64';
  const kinds = new Set<string>();
  leafDtypes(X, kinds);
  if (kinds.size <= 1) return [...kinds][0] ?? 'float64';
  // numpy's result type: the one every other casts to safely, else float64
  return [...kinds].find((to) => [...kinds].every((from) => canCastDtype(from, to))) ?? 'float64';
}

function parse(dtype: string): { kind: string; bits: number } | undefined {
  if (dtype === 'bool') return { kind: 'b', bits: 8 };
  const m = /^(u?int|float)(\d+)$/.exec(dtype);
  if (!m) return undefined;
  return { kind: m[1] === 'float' ? 'f' : m[1] === 'uint' ? 'u' : 'i', bits: Number(m[2]) };
}

/**
 * numpy's `can_cast(from, to)` (casting='safe') for the dtypes {@link dtypeOfX} gives: bool to
 * anything; integers to wider integers of the same signedness, unsigned to a wider signed;
 * integers to a float with more bits (64-bit integers to float64 too, as numpy allows); floats
 * to wider floats only.
 *
 * @param from - the new dtype
 * @param to - the fitted dtype
 * @returns whether numpy calls the cast safe
 * @example
 * ```ts
 * canCastDtype('uint8', 'int64'); // true
 * canCastDtype('float64', 'int64'); // false
 * ```
 */
export function canCastDtype(from: string, to: string): boolean {
  if (from === to) return true;
  const a = parse(from);
  const b = parse(to);
  if (!a || !b) return false;
  if (a.kind === 'b') return true;
  if (b.kind === 'b') return false;
  if (b.kind === 'f') return a.kind === 'f' ? a.bits <= b.bits : a.bits < b.bits || b.bits === 64;
  if (a.kind === 'f') return false;
  if (a.kind === b.kind) return a.bits <= b.bits;
  return a.kind === 'u' && a.bits < b.bits; // unsigned into a wider signed integer
}
