// The lean training loop's own kernels for tfjs-backend-cpu and tfjs-backend-wasm: a whole
// training step, and its pieces (loss head, activation gradient, optimizer update).
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { fastKernel } from '../kernels/installFastKernels';
import { activationBackward, type LeanActivation } from './activations';
import { denseProducts } from './denseProducts';
import { lossHead, type LeanAccuracy, type LeanLoss } from './lossHead';
import { adamUpdate, rmspropUpdate, sgdUpdate } from './optimizerMath';
import type { TrainingSimd } from './simdModule';
import { wasmHeapSimd } from './wasmHeapSimd';

/** Names of the kernels registered by {@link registerTrainingKernels}. */
export const TRAINING_KERNELS = {
  adam: 'ScikerasAdam',
  rmsprop: 'ScikerasRMSProp',
  sgd: 'ScikerasSGD',
  denseStep: 'ScikerasDenseStep',
} as const;

/** One layer of a {@link DenseStepSpec}. */
export interface DenseStepLayer {
  activation: LeanActivation;
  hasBias: boolean;
  trainKernel: boolean;
  trainBias: boolean;
}

/**
 * What `ScikerasDenseStep` runs: the Dense chain, the head, and the optimizer kernel that updates
 * the trainable variables (`null`: it returns their gradients instead).
 */
export interface DenseStepSpec {
  layers: DenseStepLayer[];
  loss: LeanLoss;
  accuracy: LeanAccuracy;
  epsilon: number;
  /** The trainable variables in update order: layer index and which weight. */
  trainable: { layer: number; weight: 'kernel' | 'bias' }[];
  /** The first layer with trainable weights (the backward pass stops there), or the layer count. */
  lowestTrainable: number;
  optimizer: { kernel: string; attrs: NamedAttrMap; slotNames: readonly string[] } | null;
  /** Whether to return the model's output (for metrics computed by tfjs functions). */
  outputP: boolean;
}

/** The backends these kernels are written for. */
export const TRAINING_BACKENDS: readonly string[] = ['cpu', 'wasm'];

type Typed = Float32Array | Int32Array | Uint8Array;

interface CpuBackend {
  data: { get(id: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: string, values: Float32Array): TensorInfo;
}
interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Typed;
}

const f32 = Math.fround;

/** Column sums of a rows x cols block, each column summed in row order in float32 (tfjs's Sum). */
function columnSums(d: ArrayLike<number>, rows: number, cols: number, out: Float32Array): void {
  for (let j = 0; j < cols; j++) out[j] = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) out[j] = f32(out[j]! + d[o + j]!);
  }
}

/** Allocates float32 outputs, then returns views of them and of the inputs (in that order, as
 * a wasm allocation may grow and move the heap). */
function io(
  backendName: string,
  backend: unknown,
  inputs: readonly TensorInfo[],
  shapes: readonly number[][],
): { outs: TensorInfo[]; outViews: Float32Array[]; inViews: Typed[] } {
  if (backendName === 'wasm') {
    const b = backend as WasmBackend;
    const outs = shapes.map((s) => b.makeOutput(s, 'float32'));
    const outViews = outs.map((o) => b.typedArrayFromHeap(o) as Float32Array);
    const inViews = inputs.map((t) => b.typedArrayFromHeap(t));
    return { outs, outViews, inViews };
  }
  const b = backend as CpuBackend;
  const outViews = shapes.map((s) => new Float32Array(tf.util.sizeFromShape(s)));
  const outs = shapes.map((s, i) => b.makeTensorInfo(s, 'float32', outViews[i]!));
  const inViews = inputs.map((t) => b.data.get(t.dataId).values as Typed);
  return { outs, outViews, inViews };
}

function lossHeadKernel(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const z = inputs['z']!;
    const y = inputs['y']!;
    const w = inputs['w'];
    const a = attrs as NamedAttrMap;
    const [rows, cols] = z.shape as [number, number];
    const { outs, outViews, inViews } = io(backendName, backend, w ? [z, y, w] : [z, y], [
      z.shape,
      z.shape,
      [2],
      [cols],
    ]);
    const res = lossHead(
      inViews[0]!,
      inViews[1]!,
      w ? inViews[2]! : null,
      rows,
      cols,
      {
        activation: a['activation'] as LeanActivation,
        loss: a['loss'] as LeanLoss,
        accuracy: a['accuracy'] as LeanAccuracy,
        epsilon: a['epsilon'] as number,
      },
      { p: outViews[0]!, dz: outViews[1]! },
    );
    outViews[2]![0] = res.loss;
    outViews[2]![1] = res.accuracy;
    columnSums(outViews[1]!, rows, cols, outViews[3]!);
    return outs;
  };
}

function activationGradKernel(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const dy = inputs['dy']!;
    const y = inputs['y']!;
    const a = attrs as NamedAttrMap;
    const activation = a['activation'] as LeanActivation;
    const sums = a['columnSums'] === true;
    const rows = y.shape[0]!;
    const cols = y.shape.length > 1 ? y.shape[1]! : 1;
    const shapes = sums ? [y.shape, [cols]] : [y.shape];
    const wasm = backendName === 'wasm' && activation !== 'softmax' ? wasmHeapSimd(backend) : null;
    if (wasm && activation !== 'softmax') {
      const b = backend as WasmBackend;
      const outs = shapes.map((s) => b.makeOutput(s, 'float32'));
      wasm.simd.grad[activation](wasm.at(dy), wasm.at(y), wasm.at(outs[0]!), rows * cols);
      if (sums) wasm.simd.colsum(wasm.at(outs[0]!), wasm.at(outs[1]!), rows, cols);
      return outs;
    }
    const { outs, outViews, inViews } = io(backendName, backend, [dy, y], shapes);
    activationBackward(activation, inViews[0]!, inViews[1]!, rows, cols, outViews[0]!);
    if (sums) columnSums(outViews[0]!, rows, cols, outViews[1]!);
    return outs;
  };
}

/** A variable's update given its value, gradient and two slots (inputs), into three outputs. */
export interface SlotUpdate {
  /** Input name prefixes of the two slots. */
  slots: [string, string];
  /** On the wasm heap: the seven buffers' offsets (x, g, slots, new x, new slots), the length. */
  simd(simd: TrainingSimd, offsets: number[], n: number, attrs: NamedAttrMap): void;
  /** In JavaScript on typed arrays. */
  js(inputs: Typed[], outputs: Float32Array[], attrs: NamedAttrMap): void;
}

const num = (attrs: NamedAttrMap, key: string): number => attrs[key] as number;

const ADAM: SlotUpdate = {
  slots: ['m', 'v'],
  simd: (simd, o, n, a) =>
    simd.adam(
      o[0]!,
      o[1]!,
      o[2]!,
      o[3]!,
      o[4]!,
      o[5]!,
      o[6]!,
      n,
      f32(num(a, 'beta1')),
      f32(num(a, 'beta2')),
      f32(1 - num(a, 'beta1')),
      f32(1 - num(a, 'beta2')),
      f32(num(a, 'oneMinusAccBeta1')),
      f32(num(a, 'oneMinusAccBeta2')),
      f32(num(a, 'epsilon')),
      f32(-num(a, 'learningRate')),
    ),
  js: (i, o, a) =>
    adamUpdate(i[0]!, i[1]!, i[2]!, i[3]!, o[0]!, o[1]!, o[2]!, {
      learningRate: num(a, 'learningRate'),
      beta1: num(a, 'beta1'),
      beta2: num(a, 'beta2'),
      epsilon: num(a, 'epsilon'),
      oneMinusAccBeta1: num(a, 'oneMinusAccBeta1'),
      oneMinusAccBeta2: num(a, 'oneMinusAccBeta2'),
    }),
};

const RMSPROP: SlotUpdate = {
  slots: ['ms', 'mom'],
  simd: (simd, o, n, a) =>
    simd.rmsprop(
      o[0]!,
      o[1]!,
      o[2]!,
      o[3]!,
      o[4]!,
      o[5]!,
      o[6]!,
      n,
      f32(num(a, 'decay')),
      f32(1 - num(a, 'decay')),
      f32(num(a, 'momentum')),
      f32(num(a, 'learningRate')),
      f32(num(a, 'epsilon')),
    ),
  js: (i, o, a) =>
    rmspropUpdate(i[0]!, i[1]!, i[2]!, i[3]!, o[0]!, o[1]!, o[2]!, {
      learningRate: num(a, 'learningRate'),
      decay: num(a, 'decay'),
      momentum: num(a, 'momentum'),
      epsilon: num(a, 'epsilon'),
    }),
};

/**
 * The two-slot updates by kernel name (Adam, RMSProp), for a caller that runs them on the wasm
 * heap itself (the in-place step of heapStep.ts).
 */
export const SLOT_UPDATES: Readonly<Record<string, SlotUpdate>> = {
  [TRAINING_KERNELS.adam]: ADAM,
  [TRAINING_KERNELS.rmsprop]: RMSPROP,
};

/**
 * An optimizer kernel over `count` variables: inputs `x<i>`, `g<i>` and the two slots; outputs
 * per variable its new value, then its new slots.
 */
function slotKernel(backendName: string, update: SlotUpdate): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const a = attrs as NamedAttrMap;
    const count = num(a, 'count');
    const [s1, s2] = update.slots;
    const ins: TensorInfo[] = [];
    const shapes: number[][] = [];
    for (let i = 0; i < count; i++) {
      ins.push(inputs[`x${i}`]!, inputs[`g${i}`]!, inputs[`${s1}${i}`]!, inputs[`${s2}${i}`]!);
      const s = inputs[`x${i}`]!.shape;
      shapes.push(s, s, s);
    }
    const wasm = backendName === 'wasm' ? wasmHeapSimd(backend) : null;
    if (wasm) {
      const outs = shapes.map((s) => (backend as WasmBackend).makeOutput(s, 'float32'));
      for (let i = 0; i < count; i++) {
        const offsets = [...ins.slice(4 * i, 4 * i + 4), ...outs.slice(3 * i, 3 * i + 3)].map(
          wasm.at,
        );
        update.simd(wasm.simd, offsets, tf.util.sizeFromShape(shapes[3 * i]!), a);
      }
      return outs;
    }
    const { outs, outViews, inViews } = io(backendName, backend, ins, shapes);
    for (let i = 0; i < count; i++) {
      update.js(inViews.slice(4 * i, 4 * i + 4), outViews.slice(3 * i, 3 * i + 3), a);
    }
    return outs;
  };
}

function sgdKernel(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const count = (attrs as NamedAttrMap)['count'] as number;
    const lr = (attrs as NamedAttrMap)['learningRate'] as number;
    const ins: TensorInfo[] = [];
    const shapes: number[][] = [];
    for (let i = 0; i < count; i++) {
      ins.push(inputs[`x${i}`]!, inputs[`g${i}`]!);
      shapes.push(inputs[`x${i}`]!.shape);
    }
    const { outs, outViews, inViews } = io(backendName, backend, ins, shapes);
    for (let i = 0; i < count; i++)
      sgdUpdate(inViews[2 * i]!, inViews[2 * i + 1]!, lr, outViews[i]!);
    return outs;
  };
}

/** A TensorInfo's buffer under another shape (no copy, no reference taken). */
const view = (t: TensorInfo, shape: number[]): TensorInfo => ({
  dataId: t.dataId,
  shape,
  dtype: t.dtype,
});

const FUSED_FORWARD = new Set<string>(['linear', 'relu', 'elu']);

/**
 * A whole training step of a Dense chain in one dispatch: the forward products (`_FusedMatMul`),
 * the loss head, the backward products (`BatchMatMul`; both products the fast kernels, called
 * directly; on wasm, the training SIMD module's `gemm` instead, as in heapStep.ts), the
 * activation gradients and the optimizer update, run kernel by kernel at the backend level.
 * The lean loop runs it for the steps the in-place heap step does not take (the cpu backend,
 * metrics computed by tfjs functions, a variable sharing its buffer). Intermediate buffers are released here; the outputs are the
 * batch stats `[loss, accuracy]`, the output activations when asked, then per trainable
 * variable its new value and slots (or its gradient when the spec has no optimizer kernel).
 * Inputs: `x`, `y`, optional `w`, `k<i>`/`b<i>` per layer, `<slot><j>` per trainable variable.
 */
function denseStepKernel(backendName: string): KernelFunc {
  const own = {
    head: lossHeadKernel(backendName),
    grad: activationGradKernel(backendName),
  };
  return ({ inputs, backend, attrs }) => {
    const spec = (attrs as unknown as { spec: DenseStepSpec }).spec;
    const dispose = (backend as { disposeData(id: object): void }).disposeData.bind(backend);
    // the products: the fast kernels, called directly (nothing replaced in tfjs's registry)
    const products: Record<string, KernelFunc | undefined> = {
      BatchMatMul: fastKernel('BatchMatMul', backendName),
      _FusedMatMul: fastKernel('_FusedMatMul', backendName),
    };
    const run = (name: string, ins: Record<string, TensorInfo>, at: NamedAttrMap): TensorInfo[] => {
      const kernelFunc = Object.hasOwn(products, name)
        ? products[name]
        : tf.getKernel(name, backendName)?.kernelFunc;
      if (kernelFunc === undefined) {
        throw new Error(`Cannot find registered kernel '${name}' for backend '${backendName}'`);
      }
      const out = kernelFunc({ inputs: ins, backend, attrs: at });
      return Array.isArray(out) ? out : [out];
    };
    const temps: TensorInfo[] = [];
    const outputs: TensorInfo[] = [];
    // on the wasm heap, the products are the SIMD gemm (no XNNPACK operator to create and pack
    // per new weight, no transposed copies of activations)
    const heap = backendName === 'wasm' ? wasmHeapSimd(backend) : null;
    const alloc = (shape: number[]): TensorInfo => {
      const t = (backend as WasmBackend).makeOutput(shape, 'float32');
      temps.push(t);
      return t;
    };
    try {
      const x = inputs['x']!;
      const m = x.shape[0]!;
      const { layers } = spec;
      const last = layers.length - 1;
      const product = (a: TensorInfo, i: number, activation: string): TensorInfo => {
        const w = inputs[`k${i}`]!;
        const [k, n] = w.shape as [number, number];
        const bias = layers[i]!.hasBias ? inputs[`b${i}`] : undefined;
        if (heap !== null) {
          const z = alloc([m, n]);
          const { simd, at } = heap;
          denseProducts.forward(simd, at(a), at(w), bias ? at(bias) : null, at(z), m, k, n);
          if (activation === 'relu') simd.reluForward(at(z), at(z), m * n);
          if (activation !== 'elu') return z;
          const [o] = run('Elu', { x: z }, {});
          temps.push(o!);
          return o!;
        }
        const [z] = run(
          '_FusedMatMul',
          { a: view(a, [1, m, k]), b: view(w, [1, k, n]), ...(bias ? { bias } : {}) },
          { transposeA: false, transposeB: false, activation, leakyreluAlpha: 0 },
        );
        temps.push(z!);
        return view(z!, [m, n]);
      };
      // forward: acts[i] is the input of layer i
      const acts: TensorInfo[] = [x];
      for (let i = 0; i < last; i++) {
        const act = layers[i]!.activation;
        let a = product(acts[i]!, i, FUSED_FORWARD.has(act) ? act : 'linear');
        if (!FUSED_FORWARD.has(act)) {
          const [o] =
            act === 'softmax'
              ? run('Softmax', { logits: a }, { dim: 1 })
              : run(act === 'sigmoid' ? 'Sigmoid' : 'Tanh', { x: a }, {});
          temps.push(o!);
          a = o!;
        }
        acts.push(a);
      }
      const z = product(acts[last]!, last, 'linear');
      const w = inputs['w'];
      const [p, dz, stats, dbHead] = own.head({
        inputs: w ? { z, y: inputs['y']!, w } : { z, y: inputs['y']! },
        backend,
        attrs: {
          activation: layers[last]!.activation,
          loss: spec.loss,
          accuracy: spec.accuracy,
          epsilon: spec.epsilon,
        },
      }) as TensorInfo[];
      outputs.push(stats!);
      if (spec.outputP) outputs.push(p!);
      else temps.push(p!);
      temps.push(dz!, dbHead!);
      // backward: d is the gradient at layer i's pre-activation, db its column sums
      const gradK: (TensorInfo | undefined)[] = [];
      const gradB: (TensorInfo | undefined)[] = [];
      let d = dz!;
      let db: TensorInfo | null = dbHead!;
      for (let i = last; i >= spec.lowestTrainable; i--) {
        const l = layers[i]!;
        const wi = inputs[`k${i}`]!;
        const [k, n] = wi.shape as [number, number];
        if (l.trainKernel && heap !== null) {
          // acts[i]ᵀ · d: row i of the gradient is column i of acts[i] against d
          const g = alloc([k, n]);
          denseProducts.kernelGrad(heap.simd, heap.at(acts[i]!), heap.at(d), heap.at(g), m, k, n);
          gradK[i] = g;
        } else if (l.trainKernel) {
          const [g] = run(
            'BatchMatMul',
            { a: view(acts[i]!, [1, m, k]), b: view(d, [1, m, n]) },
            { transposeA: true, transposeB: false },
          );
          temps.push(g!);
          gradK[i] = view(g!, [k, n]);
        }
        // the column sums come with d whenever this layer's bias trains (see below)
        if (l.trainBias) gradB[i] = db!;
        if (i === spec.lowestTrainable) break;
        let da: TensorInfo;
        if (heap !== null) {
          // d · wiᵀ, on a transposed copy of wi (k x n -> n x k)
          const wt = alloc([n, k]);
          da = alloc([m, k]);
          const { simd, at } = heap;
          denseProducts.inputGrad(simd, at(d), at(wi), at(wt), at(da), m, k, n);
        } else {
          [da] = run(
            'BatchMatMul',
            { a: view(d, [1, m, n]), b: view(wi, [1, k, n]) },
            { transposeA: false, transposeB: true },
          ) as [TensorInfo];
          temps.push(da);
        }
        const below = layers[i - 1]!;
        if (below.activation === 'linear' && !below.trainBias) {
          d = view(da, [m, k]);
          db = null;
        } else {
          const outs = own.grad({
            inputs: { dy: view(da, [m, k]), y: acts[i]! },
            backend,
            attrs: { activation: below.activation, columnSums: below.trainBias },
          });
          const list = Array.isArray(outs) ? outs : [outs];
          temps.push(...list);
          d = list[0]!;
          db = list[1] ?? null;
        }
      }
      const grads = spec.trainable.map(({ layer, weight }) =>
        weight === 'kernel' ? gradK[layer]! : gradB[layer]!,
      );
      if (spec.optimizer === null) {
        // the caller applies tfjs's own optimizer: hand the gradients out (through Identity,
        // which takes its own reference or copy of a buffer released below)
        for (const g of grads) outputs.push(...run('Identity', { x: g }, {}));
        return outputs;
      }
      const opt = spec.optimizer;
      const optInputs: Record<string, TensorInfo> = {};
      spec.trainable.forEach(({ layer, weight }, j) => {
        optInputs[`x${j}`] = inputs[weight === 'kernel' ? `k${layer}` : `b${layer}`]!;
        optInputs[`g${j}`] = grads[j]!;
        for (const slot of opt.slotNames) optInputs[`${slot}${j}`] = inputs[`${slot}${j}`]!;
      });
      outputs.push(...run(opt.kernel, optInputs, opt.attrs));
      return outputs;
    } catch (e) {
      for (const t of outputs) dispose(t.dataId);
      throw e;
    } finally {
      // one reference each: an output sharing a temp's buffer (Identity) holds its own
      const seen = new Set<object>();
      for (const t of temps) {
        if (seen.has(t.dataId)) continue;
        seen.add(t.dataId);
        dispose(t.dataId);
      }
    }
  };
}

let registered = false;

/**
 * Registers the lean training loop's kernels for the cpu and wasm backends, once per process:
 * `ScikerasDenseStep` (a whole training step of a Dense chain) and the optimizer updates it
 * calls (`ScikerasAdam`, `ScikerasRMSProp`, `ScikerasSGD`). The element-wise arithmetic runs on
 * the backend's own memory: WebAssembly SIMD on the wasm heap, JavaScript on the cpu backend's
 * typed arrays.
 *
 * @example
 * ```ts
 * registerTrainingKernels();
 * tf.getKernel('ScikerasAdam', 'wasm'); // defined
 * ```
 */
export function registerTrainingKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of TRAINING_BACKENDS) {
    const add = (kernelName: string, kernelFunc: KernelFunc): void => {
      if (tf.getKernel(kernelName, backendName) === undefined) {
        tf.registerKernel({ kernelName, backendName, kernelFunc });
      }
    };
    add(TRAINING_KERNELS.adam, slotKernel(backendName, ADAM));
    add(TRAINING_KERNELS.rmsprop, slotKernel(backendName, RMSPROP));
    add(TRAINING_KERNELS.sgd, sgdKernel(backendName));
    add(TRAINING_KERNELS.denseStep, denseStepKernel(backendName));
  }
}
