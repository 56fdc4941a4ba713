// A Dense chain's forward pass for prediction on the training SIMD module's gemm: host rows in,
// host outputs out, no tfjs kernel or tensor per batch.
import * as tf from '@tensorflow/tfjs';
import { trainingSimd, type TrainingSimd } from '../training/simdModule';
import { wasmHeapSimd } from '../training/wasmHeapSimd';
import { denseChainOf } from './denseChainOf';

/** Rows of host data, row-major: `shape[0]` rows of `shape[1]` values. */
export interface HostMatrixLike {
  /** The values, row after row (float64 values are rounded to float32). */
  data: Float32Array | Float64Array;
  /** `[rows, columns]`. */
  shape: readonly number[];
}

/** Options of {@link predictDenseChain}. */
export interface PredictDenseChainOptions {
  /**
   * Rows computed at a time (each row's output does not depend on it, only the time and the
   * scratch memory do). @defaultValue 512
   */
  chunkRows?: number;
}

const PAGE = 65536;
/** The rows of a chunk by default: its input and layer outputs stay in a core's L2 cache. */
const CHUNK_ROWS = 512;
/** Rows per tfjs activation call on the output (softmax is per row, sigmoid/tanh per value). */
const ACTIVATION_ROWS = 65536;

/** One WebAssembly memory per thread for the forward pass, grown as needed, with the kernels on it. */
let scratch: { memory: WebAssembly.Memory; simd: TrainingSimd } | null | undefined;

function scratchOf(bytes: number): { memory: WebAssembly.Memory; simd: TrainingSimd } | null {
  if (scratch === undefined) {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const simd = trainingSimd(memory);
    scratch = simd ? { memory, simd } : null;
  }
  if (scratch === null) return null;
  const have = scratch.memory.buffer.byteLength;
  try {
    if (have < bytes) scratch.memory.grow(Math.ceil((bytes - have) / PAGE));
  } catch {
    return null; // past WebAssembly's 4 GiB or the runtime's limit: predict through tfjs
  }
  return scratch;
}

const up4 = (n: number): number => Math.ceil(n / 4) * 4;

/** Activations tfjs-layers' Dense fuses into its product (the bias is the sum's start). */
const FUSED = new Set<string>(['linear', 'relu']);

/** The last layer's activations applied by tfjs's own kernels, after a separate bias add. */
const UNFUSED: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  softmax: (x) => tf.softmax(x, -1),
};

/**
 * The output of a Dense-chain model (see {@link denseChainOf}) for every row of `x`, as
 * `model.predict` computes it on the wasm backend, bit for bit, without a tensor per batch: the
 * weights are copied once into a scratch WebAssembly memory of this thread's, then each chunk of
 * rows is copied in and multiplied layer by layer on the training SIMD module's `gemm` (each
 * output summed in order from its bias, one float32 multiply and add per term: the sums of
 * XNNPACK's fully-connected operator, which tfjs-backend-wasm runs), with relu in place. A last
 * sigmoid, tanh or softmax layer is computed as tfjs-layers' Dense computes it (the product,
 * then the bias added, then tfjs's activation kernel, run on slabs of 65,536 rows of the output). Each row's
 * output depends on that row alone, so the chunk size changes only the time.
 *
 * It applies where that equality holds: the wasm backend, a runtime with WebAssembly SIMD, and a
 * Dense chain whose hidden layers are linear or relu and whose last layer is linear, relu,
 * sigmoid, tanh or softmax. Anywhere else it returns null and the caller predicts through tfjs.
 *
 * @param model - a built model
 * @param x - the rows (n x d, d the model's input width); float64 values are rounded to float32
 * @param options - `chunkRows`
 * @returns the n x units output, row-major, or null where this path does not apply
 * @example
 * ```ts
 * const out = predictDenseChain(model, { data: X, shape: [n, d] }) ?? fallback(model, X);
 * ```
 */
export function predictDenseChain(
  model: tf.LayersModel,
  x: HostMatrixLike,
  options: PredictDenseChainOptions = {},
): Float32Array | null {
  if (tf.getBackend() !== 'wasm') return null;
  const links = denseChainOf(model);
  if (links === null || x.shape.length !== 2) return null;
  const lastLink = links[links.length - 1]!;
  if (links.some((l) => l !== lastLink && !FUSED.has(l.activation))) return null;
  const fused = FUSED.has(lastLink.activation);
  if (!fused && UNFUSED[lastLink.activation] === undefined) return null;
  const [n, d] = x.shape as [number, number];
  if (d !== links[0]!.kernel.shape[0]) return null;
  const chunk = Math.max(1, Math.min(options.chunkRows ?? CHUNK_ROWS, n));

  // the layout, in bytes: each layer's kernel (k x n4) and bias (n4), its output (chunk x n4),
  // then the input chunk; n4 = the layer's units rounded up to 4 (zero columns: the gemm's
  // 4-column tiles, instead of its scalar tail), every region 16-byte aligned
  let size = 0;
  const take = (floats: number): number => {
    const at = size;
    size += up4(floats);
    return 4 * at;
  };
  const plan = links.map((l, i) => {
    const [k, units] = l.kernel.shape as [number, number];
    const n4 = up4(units);
    // the bias starts the sum, except the last layer's when its activation is not fused
    const withBias = l.bias !== null && (i < links.length - 1 || fused) ? 1 : 0;
    return { ...l, k, units, n4, withBias, w: take(k * n4), b: take(n4), out: take(chunk * n4) };
  });
  const input = take(chunk * d);
  const space = scratchOf(size * 4);
  if (space === null) return null;
  const { simd, memory } = space;
  const f32 = new Float32Array(memory.buffer);
  f32.fill(0, 0, size);
  for (const p of plan) {
    const w = p.kernel.dataSync() as Float32Array;
    for (let t = 0; t < p.k; t++) {
      f32.set(w.subarray(t * p.units, (t + 1) * p.units), (p.w >> 2) + t * p.n4);
    }
    if (p.bias) f32.set(p.bias.dataSync() as Float32Array, p.b >> 2);
  }

  const last = plan[plan.length - 1]!;
  const units = last.units;
  const result = new Float32Array(n * units);
  // the last layer's bias, added after its product when its activation is not fused
  const lateBias = !fused && last.bias ? f32.slice(last.b >> 2, (last.b >> 2) + units) : null;
  for (let start = 0; start < n; start += chunk) {
    const rows = Math.min(chunk, n - start);
    f32.set(x.data.subarray(start * d, (start + rows) * d), input >> 2);
    let a = input;
    let aRow = 4 * d;
    for (const p of plan) {
      simd.gemm(a, p.w, p.out, p.b, p.withBias, rows, p.k, p.n4, aRow, 4);
      if (p.activation === 'relu') simd.reluForward(p.out, p.out, rows * p.n4);
      a = p.out;
      aRow = 4 * p.n4;
    }
    // the chunk's rows, less the padding columns (and plus the late bias)
    let from = last.out >> 2;
    let to = start * units;
    for (let r = 0; r < rows; r++, from += last.n4) {
      if (lateBias === null) for (let j = 0; j < units; j++) result[to++] = f32[from + j]!;
      else for (let j = 0; j < units; j++) result[to++] = f32[from + j]! + lateBias[j]!;
    }
  }
  if (fused) return result;
  // tfjs's own activation kernel, on slabs of rows (the backend's heap need not hold the whole
  // output at once), each read back in place from the heap into `result`
  const activation = UNFUSED[last.activation]!;
  const heap = wasmHeapSimd(tf.backend());
  for (let start = 0; start < n; start += ACTIVATION_ROWS) {
    const rows = Math.min(ACTIVATION_ROWS, n - start);
    const slab = result.subarray(start * units, (start + rows) * units);
    const out = tf.tidy(() => activation(tf.tensor2d(slab, [rows, units])));
    slab.set(heap ? heap.floats(out) : (out.dataSync() as Float32Array));
    out.dispose();
  }
  return result;
}
