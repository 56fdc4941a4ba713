// Optimizer steps for the lean training loop: tfjs's AdamOptimizer and SGDOptimizer updates as
// one kernel for all variables, any other optimizer through its own applyGradients.
import * as tf from '@tensorflow/tfjs';
import { TRAINING_KERNELS } from './registerTrainingKernels';

/** One trainable variable and its gradient. */
export interface VariableGradient {
  variable: tf.Variable;
  gradient: tf.Tensor;
}

interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  incrementIterations(): void;
}

/** backend -> kernels found registered (tf.getKernel builds a key string on every call) */
const registeredKernels = new Map<string, Map<string, boolean>>();

function hasKernel(name: string): boolean {
  const backend = tf.getBackend();
  let known = registeredKernels.get(backend);
  if (!known) registeredKernels.set(backend, (known = new Map()));
  if (known.get(name) === true) return true;
  // only a registered kernel is remembered: one registered later is still found
  const has = tf.getKernel(name, backend) !== undefined;
  if (has) known.set(name, true);
  return has;
}

/**
 * Applies one step of `optimizer` to the variables, with the result tfjs's own
 * `optimizer.applyGradients({[name]: gradient, ...})` gives (the same optimizer state, slots and
 * iteration count, so a stock `model.fit` can continue where this left off). Adam, RMSProp (not
 * centered) and SGD run as one fused kernel on the cpu and wasm backends; any other optimizer,
 * or another backend, runs tfjs's own update.
 *
 * @param optimizer - the model's optimizer
 * @param grads - variables in the model's `collectedTrainableWeights` order, with gradients
 * @example
 * ```ts
 * tf.tidy(() => applyGradients(model.optimizer, [{ variable: w, gradient: dw }]));
 * ```
 */
export function applyGradients(optimizer: tf.Optimizer, grads: readonly VariableGradient[]): void {
  // exact classes: tfjs's optimizers answer `instanceof` for any optimizer, and a subclass
  // may change the update
  if (optimizer.constructor === tf.AdamOptimizer && hasKernel(TRAINING_KERNELS.adam)) {
    adam(optimizer as unknown as AdamState, grads);
  } else if (
    optimizer.constructor === tf.RMSPropOptimizer &&
    !(optimizer as unknown as { centered: boolean }).centered &&
    hasKernel(TRAINING_KERNELS.rmsprop)
  ) {
    rmsprop(optimizer as unknown as RmspropState, grads);
  } else if (optimizer.constructor === tf.SGDOptimizer && hasKernel(TRAINING_KERNELS.sgd)) {
    sgd(optimizer as unknown as { learningRate: number; incrementIterations(): void }, grads);
  } else {
    const named: tf.NamedTensorMap = {};
    for (const { variable, gradient } of grads) named[variable.name] = gradient;
    optimizer.applyGradients(named);
  }
}

function adam(opt: AdamState, grads: readonly VariableGradient[]): void {
  const acc1 = opt.accBeta1.dataSync()[0]!;
  const acc2 = opt.accBeta2.dataSync()[0]!;
  const inputs: tf.NamedTensorMap = {};
  tf.tidy(() => {
    grads.forEach(({ variable, gradient }, i) => {
      // the slots tfjs's AdamOptimizer creates, by position, on its first step
      opt.accumulatedFirstMoment[i] ??= {
        originalName: `${variable.name}/m`,
        variable: tf.tidy(() => tf.zerosLike(variable).variable(false)),
      };
      opt.accumulatedSecondMoment[i] ??= {
        originalName: `${variable.name}/v`,
        variable: tf.tidy(() => tf.zerosLike(variable).variable(false)),
      };
      inputs[`x${i}`] = variable;
      inputs[`g${i}`] = gradient;
      inputs[`m${i}`] = opt.accumulatedFirstMoment[i].variable;
      inputs[`v${i}`] = opt.accumulatedSecondMoment[i].variable;
    });
    const outs = tf.engine().runKernel(TRAINING_KERNELS.adam, inputs, {
      count: grads.length,
      learningRate: opt.learningRate,
      beta1: opt.beta1,
      beta2: opt.beta2,
      epsilon: opt.epsilon,
      oneMinusAccBeta1: Math.fround(1 - acc1),
      oneMinusAccBeta2: Math.fround(1 - acc2),
    }) as tf.Tensor[];
    grads.forEach(({ variable }, i) => {
      opt.accumulatedFirstMoment[i]!.variable.assign(outs[3 * i + 1]!);
      opt.accumulatedSecondMoment[i]!.variable.assign(outs[3 * i + 2]!);
      variable.assign(outs[3 * i]!);
    });
    opt.accBeta1.assign(tf.scalar(Math.fround(acc1 * Math.fround(opt.beta1))));
    opt.accBeta2.assign(tf.scalar(Math.fround(acc2 * Math.fround(opt.beta2))));
  });
  opt.incrementIterations();
}

interface RmspropState {
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
  accumulatedMeanSquares: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedMoments: ({ originalName: string; variable: tf.Variable } | undefined)[];
  incrementIterations(): void;
}

function rmsprop(opt: RmspropState, grads: readonly VariableGradient[]): void {
  tf.tidy(() => {
    const inputs: tf.NamedTensorMap = {};
    grads.forEach(({ variable, gradient }, i) => {
      // the slots tfjs's RMSPropOptimizer creates, by position, on its first step
      opt.accumulatedMeanSquares[i] ??= {
        originalName: `${variable.name}/rms`,
        variable: tf.tidy(() => tf.zerosLike(variable).variable(false)),
      };
      opt.accumulatedMoments[i] ??= {
        originalName: `${variable.name}/momentum`,
        variable: tf.tidy(() => tf.zerosLike(variable).variable(false)),
      };
      inputs[`x${i}`] = variable;
      inputs[`g${i}`] = gradient;
      inputs[`ms${i}`] = opt.accumulatedMeanSquares[i].variable;
      inputs[`mom${i}`] = opt.accumulatedMoments[i].variable;
    });
    const outs = tf.engine().runKernel(TRAINING_KERNELS.rmsprop, inputs, {
      count: grads.length,
      learningRate: opt.learningRate,
      decay: opt.decay,
      momentum: opt.momentum,
      epsilon: opt.epsilon,
    }) as tf.Tensor[];
    grads.forEach(({ variable }, i) => {
      opt.accumulatedMeanSquares[i]!.variable.assign(outs[3 * i + 1]!);
      opt.accumulatedMoments[i]!.variable.assign(outs[3 * i + 2]!);
      variable.assign(outs[3 * i]!);
    });
  });
  opt.incrementIterations();
}

function sgd(
  opt: { learningRate: number; incrementIterations(): void },
  grads: readonly VariableGradient[],
): void {
  tf.tidy(() => {
    const inputs: tf.NamedTensorMap = {};
    grads.forEach(({ variable, gradient }, i) => {
      inputs[`x${i}`] = variable;
      inputs[`g${i}`] = gradient;
    });
    const outs = tf.engine().runKernel(TRAINING_KERNELS.sgd, inputs, {
      count: grads.length,
      learningRate: opt.learningRate,
    }) as tf.Tensor[];
    grads.forEach(({ variable }, i) => variable.assign(outs[i]!));
  });
  opt.incrementIterations();
}
