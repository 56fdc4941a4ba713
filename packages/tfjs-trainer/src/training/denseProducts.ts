// A Dense layer's three training products on the training SIMD module, on byte offsets of one
// memory (row-major float32): the forward pass of the kernel step on wasm and of HeapStep.
import type { TrainingSimd } from './simdModule';

/**
 * The products of a Dense layer with kernel `w` (k x n) on a batch of m rows, each one `gemm`
 * (see {@link TrainingSimd.gemm}: every element summed in order, equal to the float32 loop).
 *
 * @example
 * ```ts
 * denseProducts.forward(simd, x, w, b, z, m, k, n); // z = x·w + b
 * denseProducts.kernelGrad(simd, x, dz, gw, m, k, n); // gw = xᵀ·dz
 * denseProducts.inputGrad(simd, dz, w, scratch, dx, m, k, n); // dx = dz·wᵀ
 * ```
 */
export const denseProducts = {
  /** `out` (m x n) = `a` (m x k) · `w` (k x n), plus the row `bias` unless it is null. */
  forward(
    simd: TrainingSimd,
    a: number,
    w: number,
    bias: number | null,
    out: number,
    m: number,
    k: number,
    n: number,
  ): void {
    simd.gemm(a, w, out, bias ?? 0, bias === null ? 0 : 1, m, k, n, 4 * k, 4);
  },
  /** `g` (k x n) = `a`ᵀ · `d`, for `a` m x k and `d` m x n (a read by strides, not copied). */
  kernelGrad(
    simd: TrainingSimd,
    a: number,
    d: number,
    g: number,
    m: number,
    k: number,
    n: number,
  ): void {
    simd.gemm(a, d, g, 0, 0, k, m, n, 4, 4 * k);
  },
  /** `out` (m x k) = `d` (m x n) · `w`ᵀ (`w` k x n), through `wt`, n x k floats of scratch. */
  inputGrad(
    simd: TrainingSimd,
    d: number,
    w: number,
    wt: number,
    out: number,
    m: number,
    k: number,
    n: number,
  ): void {
    simd.transpose(w, wt, k, n);
    simd.gemm(d, wt, out, 0, 0, m, n, k, 4 * n, 4);
  },
};
