// Training rows kept in host memory: a float32 array and its shape, sliced batch by batch.
import * as tf from '@tensorflow/tfjs';

/**
 * Model input held in host memory (`{ data: Float32Array, shape: [n, ...] }`, row-major): a
 * trainer that accepts it ({@link Trainer.acceptsHostRows}) slices each batch from `data`
 * instead of first copying all of it into one tensor (on the wasm backend a tensor copies its
 * values into the wasm heap: a second copy of the whole data).
 *
 * @example
 * ```ts
 * const x: HostRows = { data: new Float32Array(1_000_000 * 100), shape: [1_000_000, 100] };
 * await fastTrainer.fit(model, x, y, { epochs: 1 });
 * ```
 */
export interface HostRows {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/**
 * Whether `v` is {@link HostRows} (and not a tensor).
 *
 * @param v - any value
 * @returns true for `{ data: Float32Array, shape }`
 * @example
 * ```ts
 * isHostRows({ data: new Float32Array(2), shape: [1, 2] }); // true
 * ```
 */
export function isHostRows(v: unknown): v is HostRows {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof tf.Tensor) &&
    (v as HostRows).data instanceof Float32Array &&
    Array.isArray((v as HostRows).shape)
  );
}

/**
 * The input as tensors (host rows become one tensor, which `owned` collects for disposal).
 *
 * @param x - tensors or host rows
 * @param owned - collects the tensors made here
 * @returns tensors, as `model.fit` takes them
 * @example
 * ```ts
 * const owned: tf.Tensor[] = [];
 * const t = hostToTensor({ data: new Float32Array(2), shape: [1, 2] }, owned);
 * tf.dispose(owned);
 * ```
 */
export function hostToTensor(
  x: tf.Tensor | tf.Tensor[] | HostRows,
  owned: tf.Tensor[],
): tf.Tensor | tf.Tensor[] {
  if (!isHostRows(x)) return x;
  const t = tf.tensor(x.data, [...x.shape], 'float32');
  owned.push(t);
  return t;
}
