// Which target encoders decode the model's float32 output matrices as they decode rows (and
// encode y straight into one float32 matrix).
import { ClassifierLabelEncoder, RegressorTargetEncoder } from '@scikeras/target-utils';

/**
 * Whether a fitted target encoder is one of ours, whose `inverseTransform` reads
 * `{ data: Float32Array, shape: [n, k] }` (through `toNumericMatrix`, in place) exactly as it
 * reads the same values as `number[][]` rows, and whose `transformMatrix` gives `transform`'s
 * values as one float32 matrix: `predict` and `fit` then skip making rows. A subclass (which may
 * override `transform` or `inverseTransform`) or any other encoder gets rows.
 *
 * @param encoder - the wrapper's `targetEncoder_`
 * @returns true for a `ClassifierLabelEncoder` or `RegressorTargetEncoder` itself
 * @example
 * ```ts
 * readsOutputMatrices(new ClassifierLabelEncoder()); // true
 * ```
 */
export function readsOutputMatrices(encoder: unknown): boolean {
  const ctor = (encoder as { constructor?: unknown } | null | undefined)?.constructor;
  return ctor === ClassifierLabelEncoder || ctor === RegressorTargetEncoder;
}
