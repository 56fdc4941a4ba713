// The lean training loop's own kernels for tfjs-backend-cpu and tfjs-backend-wasm: each runs a
// whole step piece (loss head, activation gradient, optimizer update) in one dispatch.
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { activationBackward, type LeanActivation } from './activations';
import { lossHead, type LeanAccuracy, type LeanLoss } from './lossHead';
import { adamUpdate, rmspropUpdate, sgdUpdate } from './optimizerMath';
import { trainingSimd, type TrainingSimd } from './simdModule';

/** Names of the kernels registered by {@link registerTrainingKernels}. */
export const TRAINING_KERNELS = {
  lossHead: 'ScikerasLossHead',
  activationGrad: 'ScikerasActivationGrad',
  adam: 'ScikerasAdam',
  rmsprop: 'ScikerasRMSProp',
  sgd: 'ScikerasSGD',
} as const;

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
  dataIdMap: { get(id: object): { memoryOffset: number } };
  wasm: { asm?: { memory?: WebAssembly.Memory } };
}

/** The SIMD kernels on this wasm backend's heap, with the heap offset of a tensor. */
function simdOf(backend: unknown): { simd: TrainingSimd; at: (t: TensorInfo) => number } | null {
  const b = backend as WasmBackend;
  const memory = b.wasm?.asm?.memory;
  const simd = memory instanceof WebAssembly.Memory ? trainingSimd(memory) : null;
  return simd ? { simd, at: (t) => b.dataIdMap.get(t.dataId).memoryOffset } : null;
}

/** Column sums of a rows x cols block, each column summed in row order in float32 (tfjs's Sum). */
function columnSums(d: ArrayLike<number>, rows: number, cols: number, out: Float32Array): void {
  const f32 = Math.fround;
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
    const wasm = backendName === 'wasm' && activation !== 'softmax' ? simdOf(backend) : null;
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

function adamKernel(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const a = attrs as NamedAttrMap;
    const count = a['count'] as number;
    const ins: TensorInfo[] = [];
    const shapes: number[][] = [];
    for (let i = 0; i < count; i++) {
      ins.push(inputs[`x${i}`]!, inputs[`g${i}`]!, inputs[`m${i}`]!, inputs[`v${i}`]!);
      const s = inputs[`x${i}`]!.shape;
      shapes.push(s, s, s);
    }
    const { outs, outViews, inViews } = io(backendName, backend, ins, shapes);
    const step = {
      learningRate: a['learningRate'] as number,
      beta1: a['beta1'] as number,
      beta2: a['beta2'] as number,
      epsilon: a['epsilon'] as number,
      oneMinusAccBeta1: a['oneMinusAccBeta1'] as number,
      oneMinusAccBeta2: a['oneMinusAccBeta2'] as number,
    };
    const wasm = backendName === 'wasm' ? simdOf(backend) : null;
    if (wasm) {
      const f32 = Math.fround;
      for (let i = 0; i < count; i++) {
        wasm.simd.adam(
          wasm.at(ins[4 * i]!),
          wasm.at(ins[4 * i + 1]!),
          wasm.at(ins[4 * i + 2]!),
          wasm.at(ins[4 * i + 3]!),
          wasm.at(outs[3 * i]!),
          wasm.at(outs[3 * i + 1]!),
          wasm.at(outs[3 * i + 2]!),
          tf.util.sizeFromShape(shapes[3 * i]!),
          f32(step.beta1),
          f32(step.beta2),
          f32(1 - step.beta1),
          f32(1 - step.beta2),
          f32(step.oneMinusAccBeta1),
          f32(step.oneMinusAccBeta2),
          f32(step.epsilon),
          f32(-step.learningRate),
        );
      }
      return outs;
    }
    for (let i = 0; i < count; i++) {
      adamUpdate(
        inViews[4 * i]!,
        inViews[4 * i + 1]!,
        inViews[4 * i + 2]!,
        inViews[4 * i + 3]!,
        outViews[3 * i]!,
        outViews[3 * i + 1]!,
        outViews[3 * i + 2]!,
        step,
      );
    }
    return outs;
  };
}

function rmspropKernel(backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const a = attrs as NamedAttrMap;
    const count = a['count'] as number;
    const ins: TensorInfo[] = [];
    const shapes: number[][] = [];
    for (let i = 0; i < count; i++) {
      ins.push(inputs[`x${i}`]!, inputs[`g${i}`]!, inputs[`ms${i}`]!, inputs[`mom${i}`]!);
      const s = inputs[`x${i}`]!.shape;
      shapes.push(s, s, s);
    }
    const step = {
      learningRate: a['learningRate'] as number,
      decay: a['decay'] as number,
      momentum: a['momentum'] as number,
      epsilon: a['epsilon'] as number,
    };
    const wasm = backendName === 'wasm' ? simdOf(backend) : null;
    if (wasm) {
      const b = backend as WasmBackend;
      const outs = shapes.map((s) => b.makeOutput(s, 'float32'));
      const f32 = Math.fround;
      for (let i = 0; i < count; i++) {
        wasm.simd.rmsprop(
          wasm.at(ins[4 * i]!),
          wasm.at(ins[4 * i + 1]!),
          wasm.at(ins[4 * i + 2]!),
          wasm.at(ins[4 * i + 3]!),
          wasm.at(outs[3 * i]!),
          wasm.at(outs[3 * i + 1]!),
          wasm.at(outs[3 * i + 2]!),
          tf.util.sizeFromShape(shapes[3 * i]!),
          f32(step.decay),
          f32(1 - step.decay),
          f32(step.momentum),
          f32(step.learningRate),
          f32(step.epsilon),
        );
      }
      return outs;
    }
    const { outs, outViews, inViews } = io(backendName, backend, ins, shapes);
    for (let i = 0; i < count; i++) {
      rmspropUpdate(
        inViews[4 * i]!,
        inViews[4 * i + 1]!,
        inViews[4 * i + 2]!,
        inViews[4 * i + 3]!,
        outViews[3 * i]!,
        outViews[3 * i + 1]!,
        outViews[3 * i + 2]!,
        step,
      );
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

let registered = false;

/**
 * Registers the lean training loop's kernels (`ScikerasLossHead`, `ScikerasActivationGrad`,
 * `ScikerasAdam`, `ScikerasRMSProp`, `ScikerasSGD`) for the cpu and wasm backends, once per process. Each is one
 * engine dispatch where tfjs's autodiff and optimizers run 10-90 small ops. The kernels run
 * their arithmetic in JavaScript on the backend's own memory (the wasm heap, or the cpu
 * backend's typed arrays).
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
    add(TRAINING_KERNELS.lossHead, lossHeadKernel(backendName));
    add(TRAINING_KERNELS.activationGrad, activationGradKernel(backendName));
    add(TRAINING_KERNELS.adam, adamKernel(backendName));
    add(TRAINING_KERNELS.rmsprop, rmspropKernel(backendName));
    add(TRAINING_KERNELS.sgd, sgdKernel(backendName));
  }
}
