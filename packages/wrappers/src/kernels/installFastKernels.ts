// Kernel overrides for tfjs 4.22's BatchMatMul and _FusedMatMul (see docs/PERFORMANCE.md).
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { cpuBatchMatMul } from './cpuMatMul';
import { productDims } from './productDims';

/**
 * The backends handled, and for each the kernels replaced and how. On tfjs-backend-wasm 4.22
 * a transposed operand drops a product from XNNPACK (~25 GFLOP/s) to a scalar loop (1.5-2
 * GFLOP/s): the wrapper transposes first. tfjs-backend-cpu runs every transpose combination
 * at the same ~0.77 GFLOP/s: its `BatchMatMul` is replaced by a register-blocked JS loop
 * (2.5-4x faster); its `_FusedMatMul` calls the stock product directly and is left alone.
 */
const KERNELS: Record<string, Record<string, (stock: KernelConfig) => KernelFunc>> = {
  wasm: {
    BatchMatMul: (stock) => wrapMatMul(stock, true),
    _FusedMatMul: (stock) => wrapMatMul(stock, false),
  },
  cpu: {
    BatchMatMul: cpuBatchMatMul,
  },
};

/** Backends patched by default. */
const DEFAULT_BACKENDS: readonly string[] = ['wasm', 'cpu'];

/** Options of {@link installFastKernels}. */
export interface FastKernelOptions {
  /**
   * Backends whose matMul kernels are replaced, among 'wasm' and 'cpu' (other names are
   * ignored: native and GPU backends have no such penalty). A backend not registered (for
   * example 'wasm' when `@tensorflow/tfjs-backend-wasm` was never imported) is skipped.
   * @defaultValue ['wasm', 'cpu']
   */
  backends?: readonly string[];
}

interface Patch {
  stock: KernelConfig;
  ours: KernelConfig;
}

/** backend name -> kernel name -> the stock config and the wrapper put in its place. */
const patches = new Map<string, Map<string, Patch>>();

interface Backend {
  disposeData(dataId: object, force?: boolean): boolean;
}

/** Runs a kernelFunc that returns one output. */
function runKernel(
  kernelFunc: KernelFunc,
  inputs: Record<string, TensorInfo | undefined>,
  backend: object,
  attrs: NamedAttrMap,
): TensorInfo {
  const out = kernelFunc({ inputs, backend, attrs });
  return Array.isArray(out) ? (out[0] as TensorInfo) : out;
}

/** A TensorInfo with its last two dimensions swapped, made by the backend's Transpose kernel. */
function transposeLastTwo(x: TensorInfo, backend: object, backendName: string): TensorInfo {
  const transpose = tf.getKernel('Transpose', backendName);
  if (transpose === undefined) {
    throw new Error(`Cannot find registered kernel 'Transpose' for backend '${backendName}'`);
  }
  const rank = x.shape.length;
  const perm = x.shape.map((_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return runKernel(transpose.kernelFunc, { x }, backend, { perm });
}

/**
 * Weight of one element packed into XNNPACK's layout (the operator tfjs-backend-wasm builds
 * for each new right-hand operand) against one element copied by a Transpose. Fitted on 80
 * Dense-backward shapes (batch 32/128, widths 3-512): 3 and 4 both pick the faster of the
 * two strategies within 10% in 72 of 80 cases, 2 in 71, 1 in 61.
 */
const PACK_COST = 3;

/**
 * Wraps a stock matMul kernelFunc: the stock kernel runs only on plain (untransposed)
 * operands, which tfjs-backend-wasm sends to XNNPACK instead of its scalar fallback.
 *
 * `op(A)·op(B)` (m×k by k×n) is computed one of two ways, whichever moves fewer elements:
 * directly, transposing the flagged operands; or as `(op(B)ᵀ·op(A)ᵀ)ᵀ`, where a flagged
 * operand is already in plain layout and only the unflagged ones and the n×m result are
 * transposed. The swap also serves plain products whose right operand is new (the weights
 * of a training step): packing the smaller operand for XNNPACK pays for the transposes.
 * Only the batch-free case (all batch dimensions 1) is rewritten, as the wasm kernel takes
 * its scalar path for real batches whatever the flags. `_FusedMatMul` (bias along the last
 * axis) is only rewritten directly, and its plain case is left alone.
 */
function wrapMatMul(stock: KernelConfig, allowSwap: boolean): KernelFunc {
  const { kernelFunc, backendName } = stock;
  const seenPlainRight = new WeakSet<object>();
  const wrapped: KernelFunc = (args) => {
    const attrs = (args.attrs ?? {}) as NamedAttrMap;
    const transposeA = attrs['transposeA'] === true;
    const transposeB = attrs['transposeB'] === true;
    const plain = !transposeA && !transposeB;
    const a = args.inputs['a'];
    const b = args.inputs['b'];
    if ((plain && !allowSwap) || a === undefined || b === undefined) {
      return kernelFunc(args);
    }
    // Not float32 matrices, mismatched inner dimensions (the stock kernel throws its own
    // error), or real batches: the stock kernel as is.
    const dims = productDims(a, b, transposeA, transposeB);
    if (
      dims === null ||
      tf.util.sizeFromShape(a.shape.slice(0, -2)) !== 1 ||
      tf.util.sizeFromShape(b.shape.slice(0, -2)) !== 1
    ) {
      return kernelFunc(args);
    }
    const { m, k, n } = dims;
    const { backend } = args;
    const directCost = (transposeA ? m * k : 0) + (transposeB ? k * n : 0) + PACK_COST * k * n;
    const swapCost =
      (transposeA ? 0 : m * k) + (transposeB ? 0 : k * n) + PACK_COST * k * m + m * n;
    if (plain) {
      // XNNPACK keeps the packed right operand of a plain product, keyed by its tensor: a
      // right operand seen before (fixed weights at inference) is left to the stock kernel,
      // which packs it once and reuses it. A new one (a weight updated by the last training
      // step) is packed at most once anyway, so the cheaper strategy is taken.
      if (seenPlainRight.has(b.dataId)) return kernelFunc(args);
      seenPlainRight.add(b.dataId);
      if (!(swapCost < directCost)) return kernelFunc(args);
    }
    const plainAttrs = { ...attrs, transposeA: false, transposeB: false };
    const intermediates: TensorInfo[] = [];
    const disposer = backend as Backend;
    try {
      if (allowSwap && swapCost < directCost) {
        // (op(B)ᵀ·op(A)ᵀ)ᵀ: op(B)ᵀ is B itself when transposeB, op(A)ᵀ is A when transposeA.
        const left = transposeB ? b : transposeLastTwo(b, backend, backendName);
        if (!transposeB) intermediates.push(left);
        const right = transposeA ? a : transposeLastTwo(a, backend, backendName);
        if (!transposeA) intermediates.push(right);
        const outT = runKernel(
          kernelFunc,
          { ...args.inputs, a: left, b: right },
          backend,
          plainAttrs,
        );
        intermediates.push(outT);
        return transposeLastTwo(outT, backend, backendName);
      }
      const left = transposeA ? transposeLastTwo(a, backend, backendName) : a;
      if (transposeA) intermediates.push(left);
      const right = transposeB ? transposeLastTwo(b, backend, backendName) : b;
      if (transposeB) intermediates.push(right);
      return runKernel(kernelFunc, { ...args.inputs, a: left, b: right }, backend, plainAttrs);
    } finally {
      for (const t of intermediates) disposer.disposeData(t.dataId);
    }
  };
  return wrapped;
}

/**
 * Replaces the matrix-product kernels of the wasm and cpu backends by faster ones.
 *
 * - wasm (`BatchMatMul`, `_FusedMatMul`): stock tfjs-backend-wasm sends a product to
 *   XNNPACK only when no transpose flag is set, and otherwise runs a scalar loop 8-15x
 *   slower. The wrapper transposes with the backend's own `Transpose` kernel (the operands,
 *   or the operands and the result, whichever moves less) and runs the stock kernel on
 *   plain layouts. A Dense layer's backward pass (`dW = Xᵀ·dY`, `dX = dY·Wᵀ`) is exactly
 *   such products; `model.fit` of a 100-256-256-3 MLP runs about 4x faster.
 * - cpu (`BatchMatMul`): a register-blocked JS loop over contiguous rows, 2.5-4x faster than
 *   the stock dot-product loop, for every transpose combination.
 *
 * Results equal the stock kernels to float32 rounding (the same products, summed in
 * another order); gradients, shapes, dtypes and errors are unchanged, and every
 * intermediate buffer is freed (`tf.memory()` is unaffected).
 *
 * Idempotent: calling it again patches only backends that are not patched yet (for
 * example a backend registered since the last call).
 *
 * @param options - Which backends to patch; defaults to `['wasm', 'cpu']`.
 * @returns Nothing.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import '@tensorflow/tfjs-backend-wasm';
 * import { installFastKernels, uninstallFastKernels } from '@scikeras/wrappers';
 * await tf.setBackend('wasm');
 * installFastKernels();   // Dense models now train about 4x faster on wasm
 * uninstallFastKernels(); // back to the stock kernels
 * ```
 * @remarks Not part of scikit-learn or scikeras: a TensorFlow.js-specific speed fix. It
 * also corrects stock wasm's `_FusedMatMul` with a transpose flag and a bias, which adds
 * `bias[n-1]` to every row after the first. Measurements: docs/PERFORMANCE.md.
 * @see https://github.com/tensorflow/tfjs/blob/tfjs-v4.22.0/tfjs-backend-wasm/src/cc/batch_mat_mul_impl.cc
 */
export function installFastKernels(options: FastKernelOptions = {}): void {
  const backends = options.backends ?? DEFAULT_BACKENDS;
  for (const backendName of backends) {
    const replacements = Object.hasOwn(KERNELS, backendName) ? KERNELS[backendName] : undefined;
    if (replacements === undefined) continue;
    let byKernel = patches.get(backendName);
    for (const [kernelName, replace] of Object.entries(replacements)) {
      if (byKernel?.has(kernelName) === true) continue;
      const stock = tf.getKernel(kernelName, backendName);
      if (stock === undefined) continue;
      const ours: KernelConfig = { ...stock, kernelFunc: replace(stock) };
      tf.unregisterKernel(kernelName, backendName);
      tf.registerKernel(ours);
      if (byKernel === undefined) {
        byKernel = new Map();
        patches.set(backendName, byKernel);
      }
      byKernel.set(kernelName, { stock, ours });
    }
  }
}

/**
 * Restores the stock matMul kernels that {@link installFastKernels} replaced.
 *
 * A kernel that someone else re-registered since our install is left as it is.
 *
 * @returns Nothing.
 * @example
 * ```ts
 * uninstallFastKernels();
 * fastKernelsInstalled(); // false
 * ```
 * @remarks Not part of scikit-learn or scikeras.
 * @see {@link installFastKernels}
 */
export function uninstallFastKernels(): void {
  for (const [backendName, byKernel] of patches) {
    for (const [kernelName, { stock, ours }] of byKernel) {
      if (tf.getKernel(kernelName, backendName) === ours) {
        tf.unregisterKernel(kernelName, backendName);
        tf.registerKernel(stock);
      }
    }
  }
  patches.clear();
}

/**
 * Whether the fast matMul kernels are in place.
 *
 * @param backendName - A backend to ask about; without it, whether any backend is patched.
 * @returns `true` when {@link installFastKernels} patched that backend (or any backend).
 * @example
 * ```ts
 * installFastKernels();
 * fastKernelsInstalled('wasm'); // true once tfjs-backend-wasm is imported
 * fastKernelsInstalled('webgl'); // false: only 'wasm' and 'cpu' are handled
 * ```
 * @remarks Not part of scikit-learn or scikeras.
 * @see {@link installFastKernels}
 */
export function fastKernelsInstalled(backendName?: string): boolean {
  const registered = (name: string): boolean => {
    const byKernel = patches.get(name);
    if (byKernel === undefined) return false;
    for (const [kernelName, { ours }] of byKernel) {
      if (tf.getKernel(kernelName, name) === ours) return true;
    }
    return false;
  };
  if (backendName !== undefined) return registered(backendName);
  for (const name of patches.keys()) if (registered(name)) return true;
  return false;
}
