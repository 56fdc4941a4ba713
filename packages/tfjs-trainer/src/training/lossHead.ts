// The last layer's activation, the loss, its gradient and the accuracy of one batch in one pass:
// the chain tfjs-layers 4.22 builds from ops (losses.ts, metrics.ts; Apache-2.0), derived by hand.
import { activationBackward, activationForward, type LeanActivation } from './activations';

/** Losses the lean training loop supports (tfjs-layers names). */
export const LEAN_LOSSES = [
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'binaryCrossentropy',
  'meanSquaredError',
] as const;

/** One of {@link LEAN_LOSSES}. */
export type LeanLoss = (typeof LEAN_LOSSES)[number];

/** Which accuracy {@link lossHead} computes: tfjs-layers' metric behind `'accuracy'`. */
export type LeanAccuracy = 'none' | 'binary' | 'categorical' | 'sparseCategorical';

/** What {@link lossHead} computes for a batch. */
export interface LossHeadSpec {
  activation: LeanActivation;
  loss: LeanLoss;
  accuracy: LeanAccuracy;
  /** tfjs-layers' fuzz factor (`epsilon()`, 1e-7 on float32 backends). */
  epsilon: number;
}

/** Outputs of {@link lossHead}. */
export interface LossHeadOutput {
  /** Activations of the last layer (the model's output), rows x cols. */
  p: Float32Array;
  /** Gradient of the batch loss with respect to the last layer's pre-activations. */
  dz: Float32Array;
}

const f32 = Math.fround;

/**
 * One batch through the model's head: `p = activation(z)`, the batch loss
 * `mean_i(w_i * loss(y_i, p_i))` (tfjs-layers' weighted training loss), its gradient with respect
 * to `z` (through tfjs-layers' clipping and normalisation, so it is the gradient tfjs's autodiff
 * computes for the same ops), and the unweighted accuracy.
 *
 * @param z - pre-activations of the last Dense layer, row-major rows x cols
 * @param y - targets: rows x cols, or rows labels for `sparseCategoricalCrossentropy`
 * @param w - per-row loss weights, or null
 * @param rows - batch size
 * @param cols - units of the last layer
 * @param spec - activation, loss, accuracy and epsilon
 * @param out - receives `p` and `dz`
 * @returns the batch loss and accuracy (NaN when `spec.accuracy` is 'none')
 * @example
 * ```ts
 * const out = { p: new Float32Array(3), dz: new Float32Array(3) };
 * lossHead(Float32Array.of(0, 1, 2), [2], null, 1, 3,
 *   { activation: 'softmax', loss: 'sparseCategoricalCrossentropy', accuracy: 'sparseCategorical', epsilon: 1e-7 }, out);
 * ```
 */
export function lossHead(
  z: ArrayLike<number>,
  y: ArrayLike<number>,
  w: ArrayLike<number> | null,
  rows: number,
  cols: number,
  spec: LossHeadSpec,
  out: LossHeadOutput,
): { loss: number; accuracy: number } {
  const { p, dz } = out;
  activationForward(spec.activation, z, rows, cols, p);
  const lo = f32(spec.epsilon);
  const hi = f32(1 - spec.epsilon);
  const clip = (v: number): number => (v < lo ? lo : v > hi ? hi : v);
  const inRange = (v: number): boolean => v >= lo && v <= hi;
  const [dp, g, q] = scratchRows(cols);
  let lossSum = 0;
  let accSum = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    const u = (w ? w[r]! : 1) / rows;
    let rowLoss = 0;
    switch (spec.loss) {
      case 'meanSquaredError': {
        for (let j = 0; j < cols; j++) {
          const d = f32(p[o + j]! - y[o + j]!);
          rowLoss += f32(d * d);
          dp[j] = ((u * 2) / cols) * d;
        }
        rowLoss /= cols;
        break;
      }
      case 'binaryCrossentropy': {
        for (let j = 0; j < cols; j++) {
          const pj = p[o + j]!;
          const c = clip(pj);
          const t = f32(Math.log(f32(c / f32(1 - c))));
          const yj = y[o + j]!;
          rowLoss += f32(
            f32(f32(t > 0 ? t : 0) - f32(t * yj)) + f32(Math.log1p(f32(Math.exp(-Math.abs(t))))),
          );
          dp[j] = inRange(pj) ? ((u / cols) * (c - yj)) / (c * (1 - c)) : 0;
        }
        rowLoss /= cols;
        break;
      }
      case 'categoricalCrossentropy':
      case 'sparseCategoricalCrossentropy': {
        const sparse = spec.loss === 'sparseCategoricalCrossentropy';
        const label = sparse ? Math.floor(y[r]!) : -1;
        // sparse: clip first (and one-hot the label), then categoricalCrossentropy's normalise + clip
        let s = 0;
        for (let j = 0; j < cols; j++) {
          q[j] = sparse ? clip(p[o + j]!) : p[o + j]!;
          s += q[j]!;
        }
        s = f32(s);
        let gq = 0;
        for (let j = 0; j < cols; j++) {
          const qj = f32(q[j]! / s);
          const yj = sparse ? (j === label ? 1 : 0) : y[o + j]!;
          const c = clip(qj);
          if (yj !== 0) rowLoss -= f32(yj * f32(Math.log(c)));
          g[j] = yj !== 0 && inRange(qj) ? (-u * yj) / c : 0;
          gq += g[j]! * qj;
          q[j] = qj;
        }
        for (let j = 0; j < cols; j++) {
          const d = (g[j]! - gq) / s;
          dp[j] = sparse && !inRange(p[o + j]!) ? 0 : d;
        }
        break;
      }
    }
    lossSum += (w ? w[r]! : 1) * rowLoss;
    for (let j = 0; j < cols; j++) dz[o + j] = dp[j]!;
    accSum += rowAccuracy(spec.accuracy, y, p, r, cols);
  }
  activationBackward(spec.activation, dz, p, rows, cols, dz);
  return {
    loss: f32(lossSum / rows),
    accuracy: spec.accuracy === 'none' ? NaN : f32(accSum / rows),
  };
}

let scratch: [Float64Array, Float64Array, Float64Array] | null = null;

/** Three float64 rows of `cols` values, reused from call to call (a step runs one head at a time). */
function scratchRows(cols: number): [Float64Array, Float64Array, Float64Array] {
  if (scratch === null || scratch[0].length !== cols) {
    scratch = [new Float64Array(cols), new Float64Array(cols), new Float64Array(cols)];
  }
  return scratch;
}

/** tfjs-layers' binaryAccuracy / categoricalAccuracy / sparseCategoricalAccuracy of one row. */
function rowAccuracy(
  kind: LeanAccuracy,
  y: ArrayLike<number>,
  p: Float32Array,
  r: number,
  cols: number,
): number {
  const o = r * cols;
  switch (kind) {
    case 'none':
      return 0;
    case 'binary': {
      let hits = 0;
      for (let j = 0; j < cols; j++) hits += y[o + j] === (p[o + j]! > 0.5 ? 1 : 0) ? 1 : 0;
      return f32(hits / cols);
    }
    case 'categorical':
      return argMax(y, o, cols) === argMax(p, o, cols) ? 1 : 0;
    case 'sparseCategorical':
      return y[r] === argMax(p, o, cols) ? 1 : 0;
  }
}

/** Index of the first maximum of `a[o .. o + n)` (tfjs's argMax). */
function argMax(a: ArrayLike<number>, o: number, n: number): number {
  let best = 0;
  let max = a[o]!;
  for (let j = 1; j < n; j++) {
    if (a[o + j]! > max) {
      max = a[o + j]!;
      best = j;
    }
  }
  return best;
}
