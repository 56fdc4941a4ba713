// Kernel overrides for tfjs 4.22's BatchMatMul and _FusedMatMul (see docs/PERFORMANCE.md).
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { cpuBatchMatMul } from './cpuMatMul';
import { productDims } from './productDims';
import { wasmHeapSimd } from '../training/wasmHeapSimd';

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

/** What {@link installFastKernels} returns: the install, until `uninstall` is called. */
export interface FastKernelsHandle {
  /** The backends this install holds (those of the options that are handled and registered). */
  readonly backends: readonly string[];
  /**
   * Releases this install: a backend gets its stock kernels back when no other handle holds it.
   * Calling it again does nothing.
   */
  uninstall(): void;
}

interface Patch {
  stock: KernelConfig;
  ours: KernelConfig;
}

/** backend name -> kernel name -> the stock config and the wrapper put in its place. */
const patches = new Map<string, Map<string, Patch>>();

/** backend name -> how many live handles hold its patch. */
const holders = new Map<string, number>();

/** stock kernel config -> our kernelFunc over it (one per config, shared by every caller). */
const wrapped = new WeakMap<KernelConfig, KernelFunc>();

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

/**
 * A TensorInfo with its last two dimensions swapped. On tfjs-backend-wasm a float32 operand is
 * transposed by the training SIMD module (4 x 4 blocks in registers: 4-10x faster than the
 * stock Transpose kernel's element loop, which took a third of a compute-bound fit); elsewhere,
 * or without WebAssembly SIMD, by the backend's Transpose kernel. Both are exact.
 */
function transposeLastTwo(x: TensorInfo, backend: object, backendName: string): TensorInfo {
  const rank = x.shape.length;
  const heap = backendName === 'wasm' && x.dtype === 'float32' ? wasmHeapSimd(backend) : null;
  if (heap !== null) {
    const rows = x.shape[rank - 2]!;
    const cols = x.shape[rank - 1]!;
    const shape = [...x.shape.slice(0, -2), cols, rows];
    const out = (backend as { makeOutput(s: number[], d: string): TensorInfo }).makeOutput(
      shape,
      'float32',
    );
    const [src, dst] = [heap.at(x), heap.at(out)];
    const bytes = rows * cols * 4;
    const batches = tf.util.sizeFromShape(x.shape.slice(0, -2));
    for (let b = 0; b < batches; b++)
      heap.simd.transpose(src + b * bytes, dst + b * bytes, rows, cols);
    return out;
  }
  const transpose = tf.getKernel('Transpose', backendName);
  if (transpose === undefined) {
    throw new Error(`Cannot find registered kernel 'Transpose' for backend '${backendName}'`);
  }
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

/** Our kernelFunc over `stock`, made once per stock config. */
function fastFunc(stock: KernelConfig, replace: (stock: KernelConfig) => KernelFunc): KernelFunc {
  let func = wrapped.get(stock);
  if (func === undefined) {
    func = replace(stock);
    wrapped.set(stock, func);
  }
  return func;
}

/**
 * The fast kernelFunc of a matMul kernel of a backend, to call directly (the lean training step
 * does) without replacing anything in tfjs's registry: built over the stock kernel (the one our
 * install replaced, else the one registered). For a kernel that has no fast version (cpu's
 * `_FusedMatMul`, other backends) the registered kernelFunc.
 *
 * @param kernelName - `'BatchMatMul'` or `'_FusedMatMul'`
 * @param backendName - the backend the inputs live on
 * @returns the kernelFunc, or undefined when the backend has no such kernel
 * @example
 * ```ts
 * const matMul = fastKernel('BatchMatMul', 'wasm');
 * const out = matMul!({ inputs: { a, b }, backend: tf.backend(), attrs: { transposeA: true, transposeB: false } });
 * ```
 */
export function fastKernel(kernelName: string, backendName: string): KernelFunc | undefined {
  const stock =
    patches.get(backendName)?.get(kernelName)?.stock ?? tf.getKernel(kernelName, backendName);
  if (stock === undefined) return undefined;
  const replace = Object.hasOwn(KERNELS, backendName)
    ? KERNELS[backendName]![kernelName]
    : undefined;
  return replace === undefined ? stock.kernelFunc : fastFunc(stock, replace);
}

/** Registers our kernels for one backend (those not registered by us yet); false if none apply. */
function patch(backendName: string): boolean {
  const replacements = Object.hasOwn(KERNELS, backendName) ? KERNELS[backendName] : undefined;
  if (replacements === undefined) return false;
  let byKernel = patches.get(backendName);
  for (const [kernelName, replace] of Object.entries(replacements)) {
    if (byKernel?.has(kernelName) === true) continue;
    const stock = tf.getKernel(kernelName, backendName);
    if (stock === undefined) continue;
    const ours: KernelConfig = { ...stock, kernelFunc: fastFunc(stock, replace) };
    tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(ours);
    if (byKernel === undefined) {
      byKernel = new Map();
      patches.set(backendName, byKernel);
    }
    byKernel.set(kernelName, { stock, ours });
  }
  return byKernel !== undefined;
}

/** Registers the stock kernels of one backend again (where ours are still in place). */
function unpatch(backendName: string): void {
  for (const [kernelName, { stock, ours }] of patches.get(backendName) ?? []) {
    if (tf.getKernel(kernelName, backendName) === ours) {
      tf.unregisterKernel(kernelName, backendName);
      tf.registerKernel(stock);
    }
  }
  patches.delete(backendName);
}

/**
 * Replaces the matrix-product kernels of the wasm and cpu backends by faster ones, until the
 * returned handle's `uninstall` (the fast trainer does not need this: its lean loop calls the
 * fast products directly, and its `model.fit` fallback installs them for that fit only).
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
 * Reference-counted: each call returns its own handle, and a backend keeps our kernels until
 * every handle that holds it is uninstalled.
 *
 * @param options - Which backends to patch; defaults to `['wasm', 'cpu']`.
 * @returns The handle; `handle.uninstall()` releases this install.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import '@tensorflow/tfjs-backend-wasm';
 * import { installFastKernels } from '@scikeras/tfjs-trainer';
 * await tf.setBackend('wasm');
 * const fast = installFastKernels(); // model.fit of Dense models now runs about 4x faster on wasm
 * fast.uninstall();                  // back to the stock kernels
 * ```
 * @remarks A TensorFlow.js-specific speed fix. It also corrects stock wasm's `_FusedMatMul`
 * with a transpose flag and a bias, which adds `bias[n-1]` to every row after the first.
 * Measurements: docs/PERFORMANCE.md.
 * @see https://github.com/tensorflow/tfjs/blob/tfjs-v4.22.0/tfjs-backend-wasm/src/cc/batch_mat_mul_impl.cc
 */
export function installFastKernels(options: FastKernelOptions = {}): FastKernelsHandle {
  const held: string[] = [];
  for (const backendName of options.backends ?? DEFAULT_BACKENDS) {
    if (held.includes(backendName) || !patch(backendName)) continue;
    held.push(backendName);
    holders.set(backendName, (holders.get(backendName) ?? 0) + 1);
  }
  let live = true;
  return {
    backends: held,
    uninstall(): void {
      if (!live) return;
      live = false;
      for (const backendName of held) {
        const left = (holders.get(backendName) ?? 1) - 1;
        if (left > 0) holders.set(backendName, left);
        else {
          holders.delete(backendName);
          unpatch(backendName);
        }
      }
    },
  };
}

/**
 * Runs `fn` with the fast kernels installed, and releases them when it settles (a scoped
 * {@link installFastKernels}).
 *
 * @param fn - the work to run, e.g. a `model.fit`
 * @param options - which backends to patch
 * @returns what `fn` returns
 * @example
 * ```ts
 * const history = await withFastKernels(() => model.fit(x, y, { epochs: 5 }), { backends: ['wasm'] });
 * ```
 */
export async function withFastKernels<T>(
  fn: () => T | Promise<T>,
  options: FastKernelOptions = {},
): Promise<T> {
  const handle = installFastKernels(options);
  try {
    return await fn();
  } finally {
    handle.uninstall();
  }
}

/**
 * Whether the fast matMul kernels are in place.
 *
 * @param backendName - A backend to ask about; without it, whether any backend is patched.
 * @returns `true` when {@link installFastKernels} patched that backend (or any backend).
 * @example
 * ```ts
 * const fast = installFastKernels();
 * fastKernelsInstalled('wasm'); // true once tfjs-backend-wasm is imported
 * fastKernelsInstalled('webgl'); // false: only 'wasm' and 'cpu' are handled
 * ```
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
