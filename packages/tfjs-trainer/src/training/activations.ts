// Element-wise forward and backward of the Dense activations the lean training loop supports,
// written to match tfjs 4.22's kernels and gradients (tfjs-core, Apache-2.0) in float32.

/** Activations a Dense layer may use on the lean training path (tfjs class names). */
export const LEAN_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'elu', 'softmax'] as const;

/** One of {@link LEAN_ACTIVATIONS}. */
export type LeanActivation = (typeof LEAN_ACTIVATIONS)[number];

const f32 = Math.fround;

/**
 * Applies `activation` to a row-major `rows x cols` block of pre-activations, in place of
 * `out` (tfjs's Relu, Sigmoid, Tanh, Elu and Softmax kernels, computed in float32).
 *
 * @param activation - the activation's tfjs class name
 * @param z - pre-activations
 * @param rows - number of rows
 * @param cols - number of columns (softmax normalises each row)
 * @param out - receives the activations (may be `z` itself)
 * @example
 * ```ts
 * const p = new Float32Array(3);
 * activationForward('softmax', Float32Array.of(1, 2, 3), 1, 3, p);
 * ```
 */
export function activationForward(
  activation: LeanActivation,
  z: ArrayLike<number>,
  rows: number,
  cols: number,
  out: Float32Array,
): void {
  const n = rows * cols;
  switch (activation) {
    case 'linear':
      for (let i = 0; i < n; i++) out[i] = z[i]!;
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = z[i]! < 0 ? 0 : z[i]!;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(z[i]!);
      return;
    case 'elu':
      for (let i = 0; i < n; i++) out[i] = z[i]! >= 0 ? z[i]! : Math.exp(z[i]!) - 1;
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let max = -Infinity;
        for (let j = 0; j < cols; j++) if (z[o + j]! > max) max = z[o + j]!;
        let sum = 0;
        for (let j = 0; j < cols; j++) {
          const e = f32(Math.exp(f32(z[o + j]! - max)));
          out[o + j] = e;
          sum += e;
        }
        const s = f32(sum);
        for (let j = 0; j < cols; j++) out[o + j] = out[o + j]! / s;
      }
      return;
  }
}

/**
 * Back-propagates `dy` (the gradient with respect to an activation's output `y`) through the
 * activation: the gradient with respect to its input, as tfjs's gradients compute it from the
 * output (relu: `dy * step(y)`, sigmoid: `dy * y * (1 - y)`, tanh: `dy * (1 - y^2)`, elu:
 * `y >= 0 ? dy : dy * (y + 1)`, softmax: `dy * y - y * sum(dy * y)` per row).
 *
 * @param activation - the activation's tfjs class name
 * @param dy - gradient with respect to the output
 * @param y - the activation's output
 * @param rows - number of rows
 * @param cols - number of columns
 * @param out - receives the gradient with respect to the input (may be `dy` itself)
 * @example
 * ```ts
 * const dz = new Float32Array(2);
 * activationBackward('relu', Float32Array.of(1, 1), Float32Array.of(0, 2), 1, 2, dz); // [0, 1]
 * ```
 */
export function activationBackward(
  activation: LeanActivation,
  dy: ArrayLike<number>,
  y: ArrayLike<number>,
  rows: number,
  cols: number,
  out: Float32Array,
): void {
  const n = rows * cols;
  switch (activation) {
    case 'linear':
      for (let i = 0; i < n; i++) out[i] = dy[i]!;
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = y[i]! > 0 ? dy[i]! : 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = f32(dy[i]! * f32(y[i]! * f32(1 - y[i]!)));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = f32(dy[i]! * f32(1 - f32(y[i]! * y[i]!)));
      return;
    case 'elu':
      for (let i = 0; i < n; i++) out[i] = y[i]! >= 0 ? dy[i]! : f32(dy[i]! * f32(y[i]! + 1));
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += f32(dy[o + j]! * y[o + j]!);
        const sf = f32(s);
        for (let j = 0; j < cols; j++) {
          out[o + j] = f32(f32(dy[o + j]! * y[o + j]!) - f32(sf * y[o + j]!));
        }
      }
      return;
  }
}
