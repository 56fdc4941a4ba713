// Model data (arrays, { data, shape } matrices, tensors; one per model input/output) to tfjs tensors.
import * as tf from '@tensorflow/tfjs';
import { ValueError, toArrayND, type ArrayND } from '@scikeras/estimator-core';

/** Model input or target as the hooks produce it: one matrix or one per model input/output. */
export type KerasData =
  | ArrayND
  | tf.Tensor
  | readonly number[]
  | readonly (readonly number[])[]
  | readonly (ArrayND | tf.Tensor | readonly number[] | readonly (readonly number[])[])[];

/** Model output as `postProcessY` receives it: n x k, or one n x k_i matrix per output. */
export type KerasOutput = number[][] | number[][][];

export function isTensor(v: unknown): v is tf.Tensor {
  return v instanceof tf.Tensor;
}

export function isArray2DLike(v: unknown): v is ArrayND {
  return (
    !!v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    'shape' in v &&
    'data' in v &&
    ArrayBuffer.isView((v as ArrayND).data)
  );
}

function asFloat32(a: ArrayLike<number>): Float32Array {
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

/**
 * Rows of equal length as one float32 tensor, filled row by row into one Float32Array (no
 * intermediate arrays: a 1M-row encoded y is not copied twice). Ragged rows go to
 * `tf.tensor2d`, which throws its own error.
 */
function rowsToTensor(rows: readonly ArrayLike<unknown>[]): tf.Tensor {
  const d = rows[0]!.length;
  if (rows.some((r) => r.length !== d)) {
    return tf.tensor2d(
      rows.map((r) => Array.from(r, Number)),
      undefined,
      'float32',
    );
  }
  const data = new Float32Array(rows.length * d);
  for (let i = 0, o = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < d; j++) data[o++] = Number(r[j]);
  }
  return tf.tensor2d(data, [rows.length, d], 'float32');
}

/** One array-like value (any rank) to a float32 tensor (1-D arrays become one column). */
function matrixToTensor(v: unknown, owned: tf.Tensor[]): tf.Tensor {
  if (isTensor(v)) {
    owned.push(v);
    return v;
  }
  let t: tf.Tensor;
  const nd = Array.isArray(v) ? toArrayND(v, { inputName: 'model input' }) : undefined;
  if (nd) t = tf.tensor(asFloat32(nd.data), [...nd.shape], 'float32');
  else if (isArray2DLike(v)) t = tf.tensor(asFloat32(v.data), [...v.shape], 'float32');
  else if (ArrayBuffer.isView(v)) {
    const a = asFloat32(v as unknown as ArrayLike<number>);
    t = tf.tensor2d(a, [a.length, 1], 'float32');
  } else if (
    Array.isArray(v) &&
    v.length > 0 &&
    (Array.isArray(v[0]) || ArrayBuffer.isView(v[0]))
  ) {
    t = rowsToTensor(v as ArrayLike<unknown>[]);
  } else if (Array.isArray(v)) {
    t = tf.tensor2d(v.map(Number), [v.length, 1], 'float32');
  } else {
    throw new ValueError(
      `Cannot convert ${typeof v} to a model input or target; use arrays or tensors.`,
    );
  }
  owned.push(t);
  return t;
}

/**
 * Model data (one matrix, or one per model input/output when `count > 1`) to float32 tensors;
 * every tensor is pushed onto `owned` for the caller to dispose.
 *
 * @param v - the data
 * @param count - the number of model inputs (or outputs)
 * @param owned - collects the tensors to dispose
 * @param what - `'input'` or `'output'`, for messages
 * @returns one tensor or a list
 * @throws ValueError when the list length does not match the model
 * @example
 * ```ts
 * const owned: tf.Tensor[] = [];
 * toTensors([[1, 2]], 1, owned, 'input'); // a [1, 2] tensor
 * tf.dispose(owned);
 * ```
 */
export function toTensors(
  v: unknown,
  count: number,
  owned: tf.Tensor[],
  what: string,
): tf.Tensor | tf.Tensor[] {
  if (count <= 1) {
    if (
      Array.isArray(v) &&
      v.length === 1 &&
      (isTensor(v[0]) || isArray2DLike(v[0]) || Array.isArray(v[0]?.[0]))
    )
      return matrixToTensor(v[0], owned);
    return matrixToTensor(v, owned);
  }
  if (!Array.isArray(v) || v.length !== count) {
    throw new ValueError(
      `The model has ${count} ${what}s, so the data for it must be a list of ${count} arrays; got ${Array.isArray(v) ? `a list of ${v.length}` : typeof v}.`,
    );
  }
  return v.map((x) => matrixToTensor(x, owned));
}

function isCategoricalCrossentropy(loss: unknown): boolean {
  const name = typeof loss === 'function' ? (loss as { name: string }).name : loss;
  return typeof name === 'string' && /^categorical_?crossentropy$/i.test(name);
}

/**
 * Per-output target tensors for `model`: one-hot encoded where an output's loss is categorical
 * crossentropy, its target a column of class codes and the output has several units.
 *
 * @param model - the compiled model
 * @param yk - the target (one matrix, or one per output)
 * @param owned - collects the tensors to dispose
 * @returns one tensor or a list
 * @example
 * ```ts
 * targetTensors(model, [[0], [2]], owned); // [[1, 0, 0], [0, 0, 1]] for a 3-unit softmax with categoricalCrossentropy
 * ```
 */
export function targetTensors(
  model: tf.LayersModel,
  yk: unknown,
  owned: tf.Tensor[],
): tf.Tensor | tf.Tensor[] {
  const nOut = model.outputs.length;
  const raw = toTensors(yk, nOut, owned, 'output');
  const list = Array.isArray(raw) ? raw : [raw];
  const lossOf = (i: number): unknown => {
    const l = (model as unknown as { loss?: unknown }).loss;
    const fns = (model as unknown as { lossFunctions?: unknown[] }).lossFunctions;
    if (Array.isArray(l)) return l[i];
    if (l && typeof l === 'object') return (l as Record<string, unknown>)[model.outputNames[i]!];
    return l ?? fns?.[i];
  };
  const adapted = list.map((t, i) => {
    const units = model.outputs[i]!.shape[model.outputs[i]!.shape.length - 1];
    if (
      t.rank === 2 &&
      t.shape[1] === 1 &&
      typeof units === 'number' &&
      units > 1 &&
      isCategoricalCrossentropy(lossOf(i))
    ) {
      const oh = tf.tidy(() => tf.oneHot(tf.cast(tf.reshape(t, [-1]), 'int32'), units).toFloat());
      owned.push(oh);
      return oh;
    }
    return t;
  });
  return Array.isArray(raw) ? adapted : adapted[0]!;
}
