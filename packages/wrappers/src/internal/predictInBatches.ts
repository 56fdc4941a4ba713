// tfjs-layers's LayersModel.predict loop (Apache-2.0), fed one batch at a time from host memory.
import * as tf from '@tensorflow/tfjs';
import { ValueError, matrixToRows, toArrayND } from '@scikeras/estimator-core';
import { predictDenseChain } from '@scikeras/tfjs-trainer';
import { isArray2DLike, isTensor, type KerasData, type KerasOutput } from './tensorData';

interface HostMatrix {
  data: ArrayLike<number> & { subarray(begin: number, end: number): ArrayLike<number> };
  shape: number[];
  row: number;
  dtype: tf.DataType;
}

function flatten(rows: readonly ArrayLike<unknown>[]): HostMatrix {
  const d = rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    if (r.length !== d) {
      throw new ValueError(
        `Model input rows must all have ${d} values, but row ${i} has ${r.length}.`,
      );
    }
    for (let j = 0; j < d; j++) data[i * d + j] = Number(r[j]);
  });
  return { data, shape: [rows.length, d], row: d, dtype: 'float32' };
}

/** One model input in host memory (a tensor's values are read once, and the tensor freed). */
function toHost(v: unknown): HostMatrix {
  if (isTensor(v)) {
    const data = v.dataSync() as HostMatrix['data'];
    const row = v.shape.slice(1).reduce((a, b) => a * b, 1);
    const m = { data, shape: [...v.shape], row, dtype: v.dtype };
    v.dispose();
    return m;
  }
  const nd = Array.isArray(v) ? toArrayND(v, { inputName: 'model input' }) : undefined;
  const shaped = nd ?? (isArray2DLike(v) ? v : undefined);
  if (shaped) {
    // any rank: one row is every value after the first axis, read in place
    const data = shaped.data as unknown as HostMatrix['data'];
    const row = shaped.shape.slice(1).reduce((a, b) => a * b, 1);
    return { data, shape: [...shaped.shape], row, dtype: 'float32' };
  }
  if (ArrayBuffer.isView(v)) {
    const data = Float32Array.from(v as unknown as ArrayLike<number>);
    return { data, shape: [data.length, 1], row: 1, dtype: 'float32' };
  }
  if (Array.isArray(v) && v.length > 0 && (Array.isArray(v[0]) || ArrayBuffer.isView(v[0]))) {
    return flatten(v as ArrayLike<unknown>[]);
  }
  if (Array.isArray(v)) {
    const data = Float32Array.from(v, Number);
    return { data, shape: [data.length, 1], row: 1, dtype: 'float32' };
  }
  throw new ValueError(`Cannot convert ${typeof v} to a model input; use arrays or tensors.`);
}

function hostInputs(xk: KerasData, count: number): HostMatrix[] {
  const v = xk as unknown;
  if (count <= 1) {
    const one =
      Array.isArray(v) &&
      v.length === 1 &&
      (isTensor(v[0]) || isArray2DLike(v[0]) || Array.isArray(v[0]?.[0]));
    return [toHost(one ? v[0] : v)];
  }
  if (!Array.isArray(v) || v.length !== count) {
    throw new ValueError(
      `The model has ${count} inputs, so the data for it must be a list of ${count} arrays; got ${Array.isArray(v) ? `a list of ${v.length}` : typeof v}.`,
    );
  }
  return v.map(toHost);
}

function batchOf(m: HostMatrix, start: number, end: number): tf.Tensor {
  const view = m.data.subarray(start * m.row, end * m.row);
  // tfjs takes float32, int32 and uint8 arrays: float64 rows are converted batch by batch
  const values =
    view instanceof Float32Array || view instanceof Int32Array || view instanceof Uint8Array
      ? view
      : Float32Array.from(view);
  return tf.tensor(values, [end - start, ...m.shape.slice(1)], m.dtype);
}

/** tfjs's `checkInputData` for the whole data at once (execute, below, checks nothing). */
function checkInputShapes(model: tf.LayersModel, inputs: readonly HostMatrix[]): void {
  inputs.forEach((m, i) => {
    const want = model.inputs[i]!.shape;
    const ok =
      want.length === m.shape.length &&
      want.every((d, j) => j === 0 || d === null || d === m.shape[j]);
    if (!ok) {
      throw new ValueError(
        `Error when checking input: expected ${model.inputNames[i]} to have shape ${JSON.stringify(want)} but got array with shape ${JSON.stringify(m.shape)}.`,
      );
    }
  });
}

/** One model output for every row: n x k float32 values, row-major (what the model computed). */
export interface OutputMatrix {
  data: Float32Array;
  shape: [number, number];
}

/** The model's output as {@link OutputMatrix}: one, or one per model output. */
export type OutputMatrices = OutputMatrix | OutputMatrix[];

/**
 * The model's output for every row, computed batch by batch into one float32 matrix per model
 * output: each batch becomes its own small tensor made from host memory (a view of the caller's
 * typed array, never a copy of the whole X), is predicted, read back into the matrix and freed.
 * The cost is linear in the rows on every backend (tfjs's `predict` slices every batch out of
 * one big tensor, which the wasm backend does by copying from the whole source: quadratic), and
 * the values are the ones `model.predict(x, { batchSize })` gives, batch for batch (each batch
 * runs the model's graph as `predict` does, through `model.apply`; the input shapes are checked
 * once, up front). On the wasm backend a Dense chain with relu/linear hidden layers runs through
 * tfjs-trainer's `predictDenseChain` instead: the same values bit for bit, with no tensor per
 * batch (rows in chunks of its own: each row's output depends on that row alone).
 *
 * @param model - the model
 * @param xk - model input from `preProcessX` (tensors in it are freed)
 * @param batchSize - rows per batch (tfjs's default 32)
 * @returns one n x k matrix, or one per model output
 * @throws ValueError when the input does not match the model's inputs
 * @example
 * ```ts
 * const { data, shape } = predictMatrices(model, { data: new Float32Array(8), shape: [2, 4] }, 1024) as OutputMatrix;
 * ```
 */
export function predictMatrices(
  model: tf.LayersModel,
  xk: KerasData,
  batchSize = 32,
): OutputMatrices {
  const inputs = hostInputs(xk, model.inputs.length);
  checkInputShapes(model, inputs);
  const n = inputs[0]!.shape[0]!;
  const single = model.outputs.length === 1;
  // a Dense chain on wasm: the same values without a tensor per batch (null: it does not apply)
  const one = inputs.length === 1 && single ? inputs[0]! : undefined;
  const data = one?.data;
  const floats = data instanceof Float32Array || data instanceof Float64Array ? data : undefined;
  if (one?.dtype === 'float32' && floats && one.shape.length === 2 && n > 0) {
    const fast = predictDenseChain(model, { data: floats, shape: one.shape });
    if (fast !== null) return { data: fast, shape: [n, fast.length / n] };
  }
  const outputs: OutputMatrix[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const batch = inputs.map((m) => batchOf(m, start, end));
    // what model.predict runs for one batch (its predictLoop runs the graph on the model's
    // symbolic outputs), without slicing; not `execute(x, outputNames)`, which looks outputs up
    // by layer name and fails for a nested model used twice (layers shared between models)
    const outs = tf.tidy(() =>
      [model.apply(batch.length === 1 ? batch[0]! : batch, { training: false }) as tf.Tensor]
        .flat()
        .map((t) => (t.rank === 1 ? t.reshape([-1, 1]) : t.reshape([t.shape[0]!, -1]))),
    );
    outs.forEach((t, j) => {
      const cols = t.shape[1]!;
      const m = (outputs[j] ??= { data: new Float32Array(n * cols), shape: [n, cols] });
      m.data.set(t.dataSync() as Float32Array, start * cols);
    });
    tf.dispose(outs);
    tf.dispose(batch);
  }
  return single ? outputs[0]! : outputs;
}

/** One output matrix as rows (plain numbers: each float32 value as a double). */
function matrixRows(m: OutputMatrix): number[][] {
  return matrixToRows(m.data, m.shape[0], m.shape[1]);
}

/**
 * Output matrices as `number[][]` rows (`number[][][]`, one per output, for several outputs):
 * what `predictRaw` returns and `postProcessY` takes.
 *
 * @param out - from {@link predictMatrices}
 * @returns the rows
 * @example
 * ```ts
 * outputRows({ data: Float32Array.of(0.25, 0.75), shape: [1, 2] }); // [[0.25, 0.75]]
 * ```
 */
export function outputRows(out: OutputMatrices): KerasOutput {
  return Array.isArray(out) ? out.map(matrixRows) : matrixRows(out);
}

/**
 * {@link predictMatrices} as rows (`number[][]`, or one such matrix per model output): the
 * values `model.predict(x, { batchSize })` gives.
 *
 * @param model - the model
 * @param xk - model input from `preProcessX` (tensors in it are freed)
 * @param batchSize - rows per batch (tfjs's default 32)
 * @returns one n x k matrix, or one per model output
 * @throws ValueError when the input does not match the model's inputs
 * @example
 * ```ts
 * const proba = predictInBatches(model, { data: Float64Array.from([1, 2, 3, 4]), shape: [2, 2] }, 32);
 * ```
 */
export function predictInBatches(
  model: tf.LayersModel,
  xk: KerasData,
  batchSize = 32,
): KerasOutput {
  return outputRows(predictMatrices(model, xk, batchSize));
}
