// X and y on their way to the worker threads: plain number arrays packed into one Float64Array
// on a SharedArrayBuffer (structured clone copies an array of arrays element by element, which
// costs a worker more than its whole start on 50,000 rows; a shared buffer is not copied at
// all), rebuilt as the same plain arrays in the worker. Node-only pool wire format: the public
// TaskContextSpec (used by other executors) is unchanged.
import { matrixToRows } from '@scikeras/estimator-core';
import type { TaskContextSpec } from './FitTask';

/** A plain `number[][]` (rectangular) or `number[]`, packed row-major. */
export interface PackedNumbers {
  packed: 'numbers';
  data: Float64Array;
  /** `[rows, columns]` for a `number[][]`, `[length]` for a `number[]`. */
  shape: [number, number] | [number];
}

/** Fewer values than this travel as they are (packing would not pay for itself). */
const MIN_VALUES = 1024;

function isNumberRow(row: unknown, d: number): row is number[] {
  if (!Array.isArray(row) || row.length !== d) return false;
  for (let j = 0; j < d; j++) if (typeof row[j] !== 'number') return false;
  return true;
}

function buffer(length: number): Float64Array {
  const bytes = length * Float64Array.BYTES_PER_ELEMENT;
  return new Float64Array(
    typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes),
  );
}

/**
 * A plain array of numbers, or of equally long arrays of numbers, packed into one Float64Array
 * (on a SharedArrayBuffer where there is one); anything else (typed arrays, `{ data, shape }`,
 * arrays of strings, ragged or sparse arrays, small arrays) is returned as it is.
 *
 * @param v - X or y, as {@link toTransferable} gives it
 * @returns the packed data, or `v`
 * @example
 * ```ts
 * packNumbers([[1, 2], [3, 4]]); // as it is (small); 1,024 values or more: { packed: 'numbers', data, shape: [n, d] }
 * ```
 */
export function packNumbers(v: unknown): unknown {
  if (!Array.isArray(v) || v.length === 0) return v;
  const n = v.length;
  const first: unknown = v[0];
  if (typeof first === 'number') {
    if (n < MIN_VALUES) return v;
    const data = buffer(n);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'number') return v;
      data[i] = x;
    }
    return { packed: 'numbers', data, shape: [n] } satisfies PackedNumbers;
  }
  if (!Array.isArray(first) || first.length === 0 || n * first.length < MIN_VALUES) return v;
  const d = first.length;
  const data = buffer(n * d);
  for (let i = 0; i < n; i++) {
    const row: unknown = v[i];
    if (!isNumberRow(row, d)) return v;
    data.set(row, i * d);
  }
  return { packed: 'numbers', data, shape: [n, d] } satisfies PackedNumbers;
}

function isPacked(v: unknown): v is PackedNumbers {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as Partial<PackedNumbers>).packed === 'numbers' &&
    // not instanceof: a clone may come from another realm (jest's vm contexts)
    Object.prototype.toString.call((v as Partial<PackedNumbers>).data) === '[object Float64Array]'
  );
}

/**
 * The plain arrays {@link packNumbers} packed (the same values, -0 and NaN included); anything
 * else as it is.
 *
 * @param v - what arrived
 * @returns `number[][]`, `number[]`, or `v`
 * @example
 * ```ts
 * unpackNumbers(packNumbers(X)); // deep-equal to X
 * ```
 */
export function unpackNumbers(v: unknown): unknown {
  if (!isPacked(v)) return v;
  const { data, shape } = v;
  if (shape.length === 1) return Array.from(data);
  return matrixToRows(data, shape[0], shape[1]!);
}

/**
 * A job's context for the worker threads: X and y packed ({@link packNumbers}).
 *
 * @param spec - the context
 * @returns a copy with X and y packed
 * @example
 * ```ts
 * worker.postMessage({ type: 'context', jobId, context: packContext(spec) });
 * ```
 */
export function packContext(spec: TaskContextSpec): TaskContextSpec {
  return { ...spec, X: packNumbers(spec.X), y: packNumbers(spec.y) };
}

/**
 * The context {@link packContext} packed, with X and y rebuilt.
 *
 * @param spec - what arrived
 * @returns the context
 * @example
 * ```ts
 * const live = await fromTaskContextSpec(unpackContext(m.context));
 * ```
 */
export function unpackContext(spec: TaskContextSpec): TaskContextSpec {
  return { ...spec, X: unpackNumbers(spec.X), y: unpackNumbers(spec.y) };
}
