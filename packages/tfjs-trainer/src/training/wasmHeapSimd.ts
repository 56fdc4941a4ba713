// The training SIMD module on a tfjs-backend-wasm backend's heap.
import type { TensorInfo } from '@tensorflow/tfjs';
import { trainingSimd, type TrainingSimd } from './simdModule';

/** The parts of tfjs-backend-wasm's backend that {@link wasmHeapSimd} reads. */
interface WasmBackendHeap {
  dataIdMap: { get(id: object): { memoryOffset: number } };
  wasm?: { asm?: { memory?: WebAssembly.Memory } };
}

/** The SIMD kernels on a wasm backend's heap, and the heap offset of a tensor's buffer. */
export interface WasmHeapSimd {
  simd: TrainingSimd;
  /** The byte offset of `t`'s buffer on the heap. */
  at(t: TensorInfo): number;
  /** A float32 view of `t`'s buffer on the heap (valid until the heap grows). */
  floats(t: TensorInfo): Float32Array;
}

/** backend -> its heap kernels (the kernel step and the matMul wrapper ask on every call). */
const byBackend = new WeakMap<object, WasmHeapSimd>();

/**
 * The training SIMD module instantiated on `backend`'s heap (once per heap), to run on tensors
 * of that backend in place.
 *
 * @param backend - a tfjs-backend-wasm backend (anything else gives null)
 * @returns the kernels and an offset lookup, or null where the backend has no wasm heap or the
 *   runtime has no WebAssembly SIMD
 * @example
 * ```ts
 * const heap = wasmHeapSimd(tf.findBackend('wasm'));
 * if (heap) heap.simd.transpose(heap.at(a), heap.at(out), rows, cols);
 * ```
 */
export function wasmHeapSimd(backend: unknown): WasmHeapSimd | null {
  if (typeof backend !== 'object' || backend === null) return null;
  const known = byBackend.get(backend);
  if (known !== undefined) return known;
  const b = backend as WasmBackendHeap;
  const memory = b.wasm?.asm?.memory;
  const simd = memory instanceof WebAssembly.Memory ? trainingSimd(memory) : null;
  const at = (t: TensorInfo): number => b.dataIdMap.get(t.dataId).memoryOffset;
  const heap = simd
    ? {
        simd,
        at,
        floats: (t: TensorInfo) => {
          const size = t.shape.reduce((x, y) => x * y, 1);
          return new Float32Array(memory!.buffer, at(t), size);
        },
      }
    : null;
  if (heap !== null) byBackend.set(backend, heap);
  return heap;
}
