// The lean loop's training step run in place on tfjs-backend-wasm's heap: no tfjs kernel, tensor
// or variable assignment per step.
import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { activationForward } from './activations';
import { denseProducts } from './denseProducts';
import { fusedOptimizerStep, type ScalarState } from './fusedOptimizerStep';
import { lossHead } from './lossHead';
import { sgdUpdate } from './optimizerMath';
import type { LeanFitPlan } from './planLeanFit';
import type { DenseStepSpec } from './registerTrainingKernels';
import { SLOT_UPDATES, TRAINING_KERNELS } from './registerTrainingKernels';
import type { Rows } from './Rows';
import { wasmHeapSimd, type WasmHeapSimd } from './wasmHeapSimd';

/** The parts of tfjs-backend-wasm's backend the heap step uses. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
  refCount(dataId: object): number;
  dataIdMap: { get(id: object): { memoryOffset: number } | undefined };
  wasm: { asm: { memory: WebAssembly.Memory } };
}

/** Where one layer's buffers sit in the arena (byte offsets). */
interface LayerSlots {
  /** Rows x units: the layer's output (after its activation; the head's logits for the last). */
  out: number;
  /** Rows x inputs: the gradient at the layer's input (unused for the lowest trainable layer). */
  dIn: number;
  /** Inputs x units and units: the kernel's and bias's gradients. */
  gradK: number;
  gradB: number;
}

const HIDDEN = new Set<string>(['linear', 'relu', 'sigmoid', 'tanh', 'elu']);

/**
 * One training step of a Dense chain run where tfjs-backend-wasm keeps the weights: the batch is
 * copied into an arena allocated once per fit on the wasm heap, the products run on the training
 * SIMD module's `gemm`, the loss head and the activations on views of the heap, and the
 * optimizer updates the variables and their slots in place. It computes what the
 * `ScikerasDenseStep` kernel computes (the same formulas, in the same order, on the same
 * kernels), without the kernel dispatch, the ~20 output tensors and the variable assignments
 * that made up most of a small network's step.
 *
 * A variable updated in place must own its buffer: {@link HeapStep.run} returns null (and the
 * caller runs the kernel step, which assigns fresh buffers) for a step where a variable or slot
 * shares its buffer with another tensor (a `tf.clone` taken by a callback, say). And tfjs's own
 * kernels must not see a buffer changed in place as the one they saw before (see
 * {@link HeapStep.refresh}).
 *
 * @example
 * ```ts
 * const heap = HeapStep.create(plan, layout, xRows, yRows, null, 64);
 * const values = heap?.run(ids) ?? trainStep(...); // [loss, ...metrics]
 * heap?.dispose();
 * ```
 */
export class HeapStep {
  readonly #plan: LeanFitPlan;
  readonly #layout: Omit<DenseStepSpec, 'optimizer' | 'epsilon'>;
  readonly #backend: WasmBackend;
  readonly #heap: WasmHeapSimd;
  readonly #arena: TensorInfo;
  readonly #x: Rows;
  readonly #y: Rows;
  readonly #w: Rows | null;
  readonly #base: { x: number; y: number; w: number; p: number; dz: number; wt: number };
  readonly #slots: LayerSlots[];
  #buffer: ArrayBuffer | SharedArrayBuffer | null = null;
  /** Whether a variable was updated in place since the last {@link HeapStep.refresh}. */
  #dirty = false;
  #f32: Float32Array = new Float32Array(0);
  #i32: Int32Array = new Int32Array(0);

  private constructor(
    plan: LeanFitPlan,
    layout: Omit<DenseStepSpec, 'optimizer' | 'epsilon'>,
    backend: WasmBackend,
    heap: WasmHeapSimd,
    rows: { x: Rows; y: Rows; w: Rows | null },
    batchSize: number,
  ) {
    this.#plan = plan;
    this.#layout = layout;
    this.#backend = backend;
    this.#heap = heap;
    this.#x = rows.x;
    this.#y = rows.y;
    this.#w = rows.w;
    // the arena, in floats, each region rounded up to 4 floats (16 bytes)
    let size = 0;
    const take = (floats: number): number => {
      const at = size;
      size += Math.ceil(floats / 4) * 4;
      return at;
    };
    const B = batchSize;
    const dims = plan.layers.map((l) => l.kernel.shape as [number, number]);
    const last = dims.length - 1;
    const x = take(B * rows.x.rowLength);
    const y = take(B * rows.y.rowLength);
    const w = take(rows.w ? B : 0);
    const slots = dims.map(([k, n]) => ({
      out: take(B * n),
      dIn: take(B * k),
      gradK: take(k * n),
      gradB: take(n),
    }));
    const p = take(B * dims[last]![1]);
    const dz = take(B * dims[last]![1]);
    const wt = take(Math.max(...dims.map(([k, n]) => k * n)));
    this.#arena = backend.makeOutput([Math.max(size, 1)], 'float32');
    const origin = this.#offset(this.#arena);
    const bytes = (floats: number): number => origin + 4 * floats;
    this.#base = {
      x: bytes(x),
      y: bytes(y),
      w: bytes(w),
      p: bytes(p),
      dz: bytes(dz),
      wt: bytes(wt),
    };
    this.#slots = slots.map((s) => ({
      out: bytes(s.out),
      dIn: bytes(s.dIn),
      gradK: bytes(s.gradK),
      gradB: bytes(s.gradB),
    }));
  }

  /**
   * The heap step for this plan, or null where it does not apply: a backend other than wasm, no
   * WebAssembly SIMD, a hidden softmax, metrics computed by tfjs functions (they need the output
   * as a tensor), rows not on the host, or a float64/int64-like dtype anywhere.
   *
   * @param plan - from planLeanFit
   * @param layout - the step's fixed spec (leanFit's stepLayout)
   * @param rows - the training rows, targets and sample weights
   * @param batchSize - the largest batch
   * @returns the step (call {@link HeapStep.dispose} after the fit), or null
   */
  static create(
    plan: LeanFitPlan,
    layout: Omit<DenseStepSpec, 'optimizer' | 'epsilon'>,
    rows: { x: Rows; y: Rows; w: Rows | null },
    batchSize: number,
  ): HeapStep | null {
    if (tf.getBackend() !== 'wasm') return null;
    const backend = tf.backend() as unknown as WasmBackend;
    const heap = wasmHeapSimd(backend);
    if (heap === null || typeof backend.refCount !== 'function') return null;
    if (layout.outputP) return null;
    const last = plan.layers.length - 1;
    if (plan.layers.some((l, i) => i < last && !HIDDEN.has(l.activation))) return null;
    if (plan.layers.some((l) => l.kernel.dtype !== 'float32' || l.kernel.shape.length !== 2)) {
      return null;
    }
    const { x, y, w } = rows;
    if (!x.onHost || !y.onHost || (w !== null && !w.onHost)) return null;
    if (x.dtype !== 'float32' || (w !== null && w.dtype !== 'float32')) return null;
    if (y.dtype !== 'float32' && y.dtype !== 'int32') return null;
    if (x.rowLength !== plan.layers[0]!.kernel.shape[0]) return null;
    return new HeapStep(plan, layout, backend, heap, rows, batchSize);
  }

  /** The optimizer's scalar state read and written on the heap (see fusedOptimizerStep). */
  readonly #scalars: ScalarState = {
    read: (v) => {
      this.#views();
      return this.#f32[this.#offset(v) >> 2]!;
    },
    writable: (v) =>
      v.dtype === 'float32' && v.size === 1 && this.#backend.refCount(v.dataId) === 1,
    write: (v, value) => {
      this.#views();
      this.#f32[this.#offset(v) >> 2] = value;
    },
  };

  /** The byte offset of a buffer on the heap. */
  #offset(t: { dataId: object }): number {
    return this.#backend.dataIdMap.get(t.dataId)!.memoryOffset;
  }

  /** Float32 and Int32 views of the whole heap (remade when the heap has grown). */
  #views(): void {
    const buffer = this.#backend.wasm.asm.memory.buffer;
    if (buffer !== this.#buffer) {
      this.#buffer = buffer;
      this.#f32 = new Float32Array(buffer);
      this.#i32 = new Int32Array(buffer);
    }
  }

  /** `floats` floats of the heap from byte offset `at`, as float32 (or int32). */
  #f(at: number, floats: number): Float32Array {
    return this.#f32.subarray(at >> 2, (at >> 2) + floats);
  }

  /**
   * One training step on the rows `ids`, in place.
   *
   * @param ids - the batch's row indices
   * @returns the loss and the metrics in label order, or null when this step cannot update in
   *   place (the optimizer has no fused update, or a variable or slot shares its buffer): then
   *   nothing was changed
   */
  run(ids: Int32Array): number[] | null {
    const plan = this.#plan;
    const step = fusedOptimizerStep(plan.model.optimizer, plan.trainable, this.#scalars);
    if (step === null) return null;
    const owned = (v: tf.Variable): boolean => this.#backend.refCount(v.dataId) === 1;
    if (!plan.trainable.every(owned) || !step.slots.every((s) => s.every(owned))) return null;
    this.#views();
    const { simd } = this.#heap;
    const at = (t: { dataId: object }): number => this.#offset(t);
    const base = this.#base;
    const m = ids.length;
    const layout = this.#layout;
    const layers = plan.layers;
    const last = layers.length - 1;

    // the batch
    this.#x.copyRows(ids, this.#f(base.x, m * this.#x.rowLength));
    const yLen = m * this.#y.rowLength;
    const yView =
      this.#y.dtype === 'int32'
        ? this.#i32.subarray(base.y >> 2, (base.y >> 2) + yLen)
        : this.#f(base.y, yLen);
    this.#y.copyRows(ids, yView);
    const wView = this.#w ? this.#f(base.w, m) : null;
    if (this.#w) this.#w.copyRows(ids, wView!);

    // forward: input(i) is the input of layer i
    const input = (i: number): number => (i === 0 ? base.x : this.#slots[i - 1]!.out);
    for (let i = 0; i <= last; i++) {
      const l = layers[i]!;
      const [k, n] = l.kernel.shape as [number, number];
      const out = this.#slots[i]!.out;
      const bias = l.bias ? at(l.bias) : null;
      denseProducts.forward(simd, input(i), at(l.kernel), bias, out, m, k, n);
      if (i === last) break;
      if (l.activation === 'relu') simd.reluForward(out, out, m * n);
      else if (l.activation !== 'linear') {
        const v = this.#f(out, m * n);
        activationForward(l.activation, v, m, n, v);
      }
    }
    const nOut = layers[last]!.kernel.shape[1]!;
    const stats = lossHead(
      this.#f(this.#slots[last]!.out, m * nOut),
      yView,
      wView,
      m,
      nOut,
      {
        activation: layers[last]!.activation,
        loss: layout.loss,
        accuracy: layout.accuracy,
        epsilon: tf.backend().epsilon(),
      },
      { p: this.#f(base.p, m * nOut), dz: this.#f(base.dz, m * nOut) },
    );

    // backward: d is the gradient at layer i's pre-activation (rows x units)
    let d = base.dz;
    for (let i = last; i >= layout.lowestTrainable; i--) {
      const l = layers[i]!;
      const s = this.#slots[i]!;
      const [k, n] = l.kernel.shape as [number, number];
      if (layout.layers[i]!.trainKernel) {
        denseProducts.kernelGrad(simd, input(i), d, s.gradK, m, k, n);
      }
      if (layout.layers[i]!.trainBias) simd.colsum(d, s.gradB, m, n);
      if (i === layout.lowestTrainable) break;
      denseProducts.inputGrad(simd, d, at(l.kernel), base.wt, s.dIn, m, k, n);
      const below = layers[i - 1]!.activation;
      if (below !== 'linear') simd.grad[below as 'relu'](s.dIn, input(i), s.dIn, m * k);
      d = s.dIn;
    }

    // the update, in place, variable by variable in collectedTrainableWeights order
    const slotUpdate = SLOT_UPDATES[step.kernel];
    layout.trainable.forEach(({ layer, weight }, j) => {
      const v = plan.trainable[j]!;
      const s = this.#slots[layer]!;
      const g = weight === 'kernel' ? s.gradK : s.gradB;
      const x = at(v);
      const size = v.size;
      if (slotUpdate !== undefined) {
        const [s1, s2] = step.slots[j]!.map(at) as [number, number];
        slotUpdate.simd(simd, [x, g, s1, s2, x, s1, s2], size, step.attrs);
      } else if (step.kernel === TRAINING_KERNELS.sgd) {
        const xv = this.#f(x, size);
        sgdUpdate(xv, this.#f(g, size), step.attrs['learningRate'] as number, xv);
      }
    });
    step.advance();
    this.#dirty = true;
    const values: number[] = [stats.loss];
    for (let i = 1; i < plan.labels.length; i++) values.push(stats.accuracy);
    return values;
  }

  /**
   * Gives each trainable variable updated in place since the last call a new buffer holding its
   * values. tfjs-backend-wasm keeps XNNPACK operators (weights packed with their bias) per tensor
   * buffer, and so does our matMul wrapper's choice of strategy: a buffer changed in place would
   * be used packed as it was. The lean loop calls this before tfjs code may read the weights
   * (validation, callbacks) and when the fit ends.
   */
  refresh(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    const engine = tf.engine();
    for (const v of this.#plan.trainable) {
      const copy = this.#backend.makeOutput([...v.shape], 'float32');
      this.#views();
      const from = this.#offset(v) >> 2;
      this.#f32.copyWithin(this.#offset(copy) >> 2, from, from + v.size);
      const t = engine.makeTensorFromTensorInfo(copy, this.#backend as unknown as tf.KernelBackend);
      v.assign(t);
      t.dispose();
    }
  }

  /** Frees the arena (after a last {@link HeapStep.refresh}). */
  dispose(): void {
    this.refresh();
    this.#backend.disposeData(this.#arena.dataId);
  }
}
