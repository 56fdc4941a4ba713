// Transformer outputs as rows or as one typed matrix, weighting and horizontal stacking (numpy's
// hstack for 2-D outputs): typed end to end when every part is numeric and setOutput asked for
// 'array2d', no per-row arrays then.
import {
  ValueError,
  isArray2D,
  isMatrix,
  isTensorLike,
  isTypedArray,
  matrixToRows,
  toArray2D,
  type Array2D,
  type WindowWriter,
} from '@scikeras/estimator-core';

const DEFERRED = Symbol('deferredOutput');

/**
 * A transformer's output not computed yet: its writer puts it straight into the stacked
 * Float64Array (estimator-core's `transformInto` hook), no buffer of its own.
 */
export interface DeferredOutput {
  readonly [DEFERRED]: true;
  /** The number of rows of the output. */
  readonly n: number;
  readonly writer: WindowWriter;
  /** The output as `transform` gives it (when the writer gives up, or the stack needs rows). */
  materialize(): unknown;
}

/** A {@link DeferredOutput} of `n` rows. */
export function deferredOutput(
  writer: WindowWriter,
  n: number,
  materialize: () => unknown,
): DeferredOutput {
  return { [DEFERRED]: true, n, writer, materialize };
}

function isDeferred(o: unknown): o is DeferredOutput {
  return typeof o === 'object' && o !== null && DEFERRED in o;
}

function freeTensor(value: unknown): void {
  const dispose = (value as { dispose?: unknown }).dispose;
  if (typeof dispose === 'function') (dispose as () => void).call(value);
}

/** Rows of an Array2D (one new array per row). */
export function rowsOfMatrix(a: Array2D): number[][] {
  return matrixToRows(a.data, a.shape[0], a.shape[1]);
}

/**
 * The rows of a 2-D transformer output (`number[][]`, typed-array rows, `{ data, shape }`,
 * Matrix, Tensor2D; rows of raw values where a passthrough keeps strings), or `null` when the
 * output is not 2-D. A tensor is read and then disposed: it was made for this call.
 */
export function outputRows(Xt: unknown): unknown[][] | null {
  if (Array.isArray(Xt)) {
    const rows: unknown[][] = [];
    for (const r of Xt) {
      if (Array.isArray(r)) rows.push(r);
      else if (isTypedArray(r)) rows.push(Array.from(r));
      else return null;
    }
    return rows;
  }
  const m = outputMatrix(Xt);
  return m === null ? null : rowsOfMatrix(m);
}

/** Numeric rows (arrays or typed arrays of one width) as one Float64Array, or null. */
function rowsMatrix(rows: readonly unknown[]): Array2D | null {
  const n = rows.length;
  const first = rows[0];
  if (n === 0 || !(Array.isArray(first) || isTypedArray(first))) return null;
  const d = (first as ArrayLike<unknown>).length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!(Array.isArray(r) || isTypedArray(r)) || r.length !== d) return null;
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v: unknown = r[j];
      if (typeof v !== 'number') return null;
      data[off + j] = v;
    }
  }
  return { data, shape: [n, d] };
}

/**
 * A 2-D numeric output as one row-major typed matrix (`{ data, shape }` as it is, Matrix and
 * Tensor2D converted, the tensor disposed; numeric rows copied), or `null` when it is not a
 * numeric 2-D output (strings, 1-D).
 */
export function outputMatrix(Xt: unknown): Array2D | null {
  if (isArray2D(Xt)) return toArray2D(Xt);
  if (isMatrix(Xt) || (isTensorLike(Xt) && Xt.rank === 2)) {
    const m = toArray2D(Xt);
    if (isTensorLike(Xt)) freeTensor(Xt);
    return m;
  }
  if (Array.isArray(Xt)) return rowsMatrix(Xt);
  return null;
}

/** Multiplies an output by a transformer weight (scikit-learn's `res * weight`); no weight: unchanged. */
export function scaleOutput(Xt: unknown, weight: number | null | undefined): unknown {
  if (weight === null || weight === undefined) return Xt;
  if (isArray2D(Xt)) {
    const src = Xt.data;
    const data = new Float64Array(src.length);
    for (let k = 0; k < src.length; k++) data[k] = src[k]! * weight;
    return { data, shape: [Xt.shape[0], Xt.shape[1]] };
  }
  const rows = outputRows(Xt);
  if (rows !== null) return rows.map((r) => r.map((v) => (v as number) * weight));
  if (Array.isArray(Xt) || isTypedArray(Xt))
    return Array.from(Xt as ArrayLike<number>, (v) => v * weight);
  return Xt;
}

function checkRowCounts(counts: readonly number[]): void {
  const n = counts[0]!;
  for (const c of counts) {
    if (c !== n) {
      throw new ValueError(
        `all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has size ${n} and another has size ${c}`,
      );
    }
  }
}

/**
 * Stacks 2-D outputs side by side into one `number[][]` (numpy's `hstack`); no output at all
 * gives `nRows` empty rows.
 *
 * @throws ValueError when the outputs have different numbers of rows
 */
export function hstack(parts: readonly unknown[][][], nRows: number): number[][] {
  if (parts.length === 0) return Array.from({ length: nRows }, () => []);
  checkRowCounts(parts.map((p) => p.length));
  const n = parts[0]!.length;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: unknown[] = [];
    for (const p of parts) {
      const r = p[i]!;
      for (let j = 0; j < r.length; j++) row.push(r[j]);
    }
    out.push(row as number[]);
  }
  return out;
}

/** Copies the rows of `p` into columns `start..` of `data` (rows of width `total`). */
function copyInto(p: Array2D, data: Float64Array, start: number, total: number): void {
  const [n, w] = p.shape;
  const src = p.data;
  for (let i = 0; i < n; i++) {
    const from = i * w;
    const to = i * total + start;
    for (let k = 0; k < w; k++) data[to + k] = src[from + k]!;
  }
}

/** A deferred output's `transform` result as a matrix of the writer's shape (its fallback). */
function materialized(p: DeferredOutput): Array2D {
  const m = outputMatrix(p.materialize());
  if (m === null || m.shape[0] !== p.n || m.shape[1] !== p.writer.width)
    throw new ValueError(
      `transform gave another output than its transformInto writer announced (${p.n} x ${p.writer.width}).`,
    );
  return m;
}

/**
 * Stacks typed matrices side by side into one Float64Array (numpy's `hstack`), row by row: no
 * per-row arrays; a deferred output is written in place by its writer; no part gives `nRows`
 * rows of width 0.
 *
 * @throws ValueError when the parts have different numbers of rows
 */
export function hstackMatrices(
  parts: readonly (Array2D | DeferredOutput)[],
  nRows: number,
): Array2D {
  if (parts.length === 0) return { data: new Float64Array(0), shape: [nRows, 0] };
  const rows = (p: Array2D | DeferredOutput) => (isDeferred(p) ? p.n : p.shape[0]);
  const width = (p: Array2D | DeferredOutput) => (isDeferred(p) ? p.writer.width : p.shape[1]);
  checkRowCounts(parts.map(rows));
  const n = rows(parts[0]!);
  const total = parts.reduce((s, p) => s + width(p), 0);
  const data = new Float64Array(n * total);
  let start = 0;
  for (const p of parts) {
    if (!isDeferred(p)) copyInto(p, data, start, total);
    else if (!p.writer.write(data, start, total)) copyInto(materialized(p), data, start, total);
    start += width(p);
  }
  return { data, shape: [n, total] };
}

/** The stacked outputs of a ColumnTransformer or FeatureUnion, and each part's width. */
export interface Stacked {
  X: number[][] | Array2D;
  widths: number[];
}

/**
 * Checks every output is 2-D and stacks them: into one Float64Array when `typed` and every
 * output is numeric, else into rows (a passed-through string column keeps its strings).
 *
 * @param outs - the outputs
 * @param names - the transformer of each output, for the message
 * @param nRows - the number of rows when there is no output
 * @param typed - setOutput's 'array2d'
 * @throws ValueError "The output of the 'num' transformer should be 2D (...)."
 */
export function stackOutputs(
  outs: readonly unknown[],
  names: readonly string[],
  nRows: number,
  typed: boolean,
): Stacked {
  const notTwoD = (i: number) =>
    new ValueError(
      `The output of the '${names[i]}' transformer should be 2D (number[][], typed-array rows, { data, shape }, Matrix or Tensor2D).`,
    );
  if (typed) {
    // each output read once (a tensor is disposed when read)
    const parts = outs.map((o, i): Array2D | DeferredOutput | unknown[][] => {
      if (isDeferred(o)) return o;
      const m = outputMatrix(o);
      if (m !== null) return m;
      const r = outputRows(o);
      if (r === null) throw notTwoD(i);
      return r;
    });
    if (parts.every((p) => !Array.isArray(p))) {
      const mats = parts as (Array2D | DeferredOutput)[];
      const widths = mats.map((m) => (isDeferred(m) ? m.writer.width : m.shape[1]));
      return { X: hstackMatrices(mats, nRows), widths };
    }
    // some output holds strings: rows
    const rows = parts.map((p) =>
      Array.isArray(p) ? p : rowsOfMatrix(isDeferred(p) ? materialized(p) : p),
    );
    return { X: hstack(rows, nRows), widths: rows.map((r) => (r[0] ? r[0].length : 0)) };
  }
  const rows = outs.map((o, i) => {
    const r = outputRows(isDeferred(o) ? o.materialize() : o);
    if (r === null) throw notTwoD(i);
    return r;
  });
  return { X: hstack(rows, nRows), widths: rows.map((r) => (r[0] ? r[0].length : 0)) };
}
