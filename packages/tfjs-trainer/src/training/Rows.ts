// Batches of training rows for the lean training loop.
import * as tf from '@tensorflow/tfjs';
import { isHostRows, type HostRows } from '../HostRows';

/** Up to this many elements, a tensor's rows are batched from a host copy (no kernel). */
const HOST_COPY_LIMIT = 1 << 25;

/**
 * Makes batches of a tensor's rows (copied from a host copy, or gathered for large data) or of host
 * rows, for the lean training loop.
 *
 * @example
 * ```ts
 * const rows = new Rows(x);
 * const batch = tf.tidy(() => rows.take(Int32Array.of(3, 0, 7)));
 * ```
 */
export class Rows {
  readonly #tensor: tf.Tensor | null;
  readonly #shape: number[];
  readonly #dtype: tf.DataType;
  readonly #rowLen: number;
  readonly #values: Float32Array | Int32Array | null = null;

  constructor(source: tf.Tensor | HostRows) {
    this.#shape = [...source.shape];
    this.#rowLen = source.shape.slice(1).reduce((a, b) => a * b, 1);
    if (isHostRows(source)) {
      // host rows are read in place, whatever their size
      this.#tensor = null;
      this.#values = source.data;
      this.#dtype = 'float32';
      return;
    }
    const tensor = source;
    this.#tensor = tensor;
    this.#dtype = tensor.dtype;
    if (tensor.size <= HOST_COPY_LIMIT) {
      const values = tensor.dataSync();
      if (values instanceof Float32Array || values instanceof Int32Array) this.#values = values;
    }
  }

  /** The batch buffer, reused by every batch (see {@link Rows.take}). */
  #batch: Float32Array | Int32Array | null = null;

  /**
   * The rows `ids` as a new tensor (call inside a tidy; dispose it before the next call): the
   * rows are gathered into one batch buffer reused from batch to batch (the tensor copies it
   * into the wasm heap; the cpu backend keeps it until the tensor is disposed).
   */
  take(ids: Int32Array): tf.Tensor {
    const values = this.#values;
    if (values === null) return tf.gather(this.#tensor!, tf.tensor1d(ids, 'int32'));
    const len = this.#rowLen;
    const size = ids.length * len;
    if (this.#batch === null || this.#batch.length < size) {
      this.#batch = values instanceof Float32Array ? new Float32Array(size) : new Int32Array(size);
    }
    const out = this.#batch.subarray(0, size);
    this.copyRows(ids, out);
    return tf.tensor(out, [ids.length, ...this.#shape.slice(1)], this.#dtype);
  }

  /** Whether the rows are on the host as float32 or int32 values (what {@link Rows.copyRows} reads). */
  get onHost(): boolean {
    return this.#values !== null;
  }

  /** The element type of the rows. */
  get dtype(): tf.DataType {
    return this.#dtype;
  }

  /** The number of values in one row. */
  get rowLength(): number {
    return this.#rowLen;
  }

  /**
   * Copies the rows `ids` of the host values into `out` (row after row); needs {@link Rows.onHost}.
   *
   * @param ids - row indices
   * @param out - at least `ids.length * rowLength` values of this dtype's array type
   */
  copyRows(ids: Int32Array, out: Float32Array | Int32Array): void {
    const values = this.#values!;
    const len = this.#rowLen;
    if (len === 1) {
      for (let r = 0; r < ids.length; r++) out[r] = values[ids[r]!]!;
      return;
    }
    for (let r = 0, t = 0; r < ids.length; r++) {
      const o = ids[r]! * len;
      for (let c = 0; c < len; c++) out[t++] = values[o + c]!;
    }
  }
}
