// Optimizer steps for the lean training loop: tfjs's Adam, RMSProp and SGD updates as one kernel
// for all variables, with the optimizer's own state.
import * as tf from '@tensorflow/tfjs';
import { TRAINING_KERNELS } from './registerTrainingKernels';

interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Slot[];
  accumulatedSecondMoment: Slot[];
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
 * How an optimizer's scalar state (Adam's beta powers) is read and written: by default through
 * tfjs (`dataSync`, `assign` of a new scalar); the in-place heap step reads and writes the
 * variables' buffers directly.
 */
export interface ScalarState {
  read(v: tf.Variable): number;
  /** Whether `write` may change this variable's buffer in place. */
  writable(v: tf.Variable): boolean;
  write(v: tf.Variable, value: number): void;
}

/**
 * One step of a tfjs Adam, RMSProp (not centered) or SGD optimizer as a fused kernel: its
 * slot variables (created as tfjs creates them, by position, on the first step), the kernel's
 * name and attrs, and `commit`, which assigns the kernel's outputs (per variable: the new
 * value, then the new slots) and advances the optimizer's state as its `applyGradients` would.
 */
export interface FusedOptimizerStep {
  kernel: string;
  attrs: tf.NamedAttrMap;
  /** Input name prefixes of the slots (`m`, `v` for Adam; `ms`, `mom` for RMSProp). */
  slotNames: readonly string[];
  /** Per variable, its slot variables in `slotNames` order. */
  slots: tf.Variable[][];
  commit(outs: readonly tf.Tensor[]): void;
  /**
   * Advances the optimizer's state (iterations, Adam's beta powers) as `commit` does, for a
   * caller that has updated the variables and slots in place.
   */
  advance(): void;
}

/**
 * The fused step of `optimizer` for these variables (in `collectedTrainableWeights` order), or
 * null for an optimizer without one (or on a backend without the kernels): then the caller
 * runs tfjs's own `applyGradients`.
 *
 * @param optimizer - the model's optimizer
 * @param variables - the variables the step updates
 * @param state - how to read and write the optimizer's scalar state (default: through tfjs)
 * @returns the step, or null
 * @example
 * ```ts
 * const step = fusedOptimizerStep(model.optimizer, variables);
 * ```
 */
export function fusedOptimizerStep(
  optimizer: tf.Optimizer,
  variables: readonly tf.Variable[],
  state?: ScalarState,
): FusedOptimizerStep | null {
  // exact classes: tfjs's optimizers answer `instanceof` for any optimizer, and a subclass
  // may change the update
  if (optimizer.constructor === tf.AdamOptimizer && hasKernel(TRAINING_KERNELS.adam)) {
    return adam(optimizer as unknown as AdamState, variables, state);
  }
  if (
    optimizer.constructor === tf.RMSPropOptimizer &&
    !(optimizer as unknown as { centered: boolean }).centered &&
    hasKernel(TRAINING_KERNELS.rmsprop)
  ) {
    return rmsprop(optimizer as unknown as RmspropState, variables);
  }
  if (optimizer.constructor === tf.SGDOptimizer && hasKernel(TRAINING_KERNELS.sgd)) {
    return sgd(
      optimizer as unknown as { learningRate: number; incrementIterations(): void },
      variables,
    );
  }
  return null;
}

type Slot = { originalName: string; variable: tf.Variable } | undefined;

/** tfjs's slot at position i: created as zeros (not trainable) on the first step. */
function slotAt(list: Slot[], i: number, variable: tf.Variable, suffix: string): tf.Variable {
  list[i] ??= {
    originalName: `${variable.name}/${suffix}`,
    variable: tf.tidy(() => tf.zerosLike(variable).variable(false)),
  };
  return list[i].variable;
}

/** Assigns a two-slot kernel's outputs (per variable: value, slot, slot), slots first as tfjs does. */
function assignWithSlots(
  variables: readonly tf.Variable[],
  slots: tf.Variable[][],
  outs: readonly tf.Tensor[],
): void {
  variables.forEach((variable, i) => {
    slots[i]![0]!.assign(outs[3 * i + 1]!);
    slots[i]![1]!.assign(outs[3 * i + 2]!);
    variable.assign(outs[3 * i]!);
  });
}

function adam(
  opt: AdamState,
  variables: readonly tf.Variable[],
  state: ScalarState | undefined,
): FusedOptimizerStep {
  const read = (v: tf.Variable): number => (state ? state.read(v) : v.dataSync()[0]!);
  const acc1 = read(opt.accBeta1);
  const acc2 = read(opt.accBeta2);
  const slots = variables.map((v, i) => [
    slotAt(opt.accumulatedFirstMoment, i, v, 'm'),
    slotAt(opt.accumulatedSecondMoment, i, v, 'v'),
  ]);
  const advance = (): void => {
    const next1 = Math.fround(acc1 * Math.fround(opt.beta1));
    const next2 = Math.fround(acc2 * Math.fround(opt.beta2));
    if (state && state.writable(opt.accBeta1) && state.writable(opt.accBeta2)) {
      state.write(opt.accBeta1, next1);
      state.write(opt.accBeta2, next2);
    } else {
      tf.tidy(() => {
        opt.accBeta1.assign(tf.scalar(next1));
        opt.accBeta2.assign(tf.scalar(next2));
      });
    }
    opt.incrementIterations();
  };
  return {
    kernel: TRAINING_KERNELS.adam,
    attrs: {
      count: variables.length,
      learningRate: opt.learningRate,
      beta1: opt.beta1,
      beta2: opt.beta2,
      epsilon: opt.epsilon,
      oneMinusAccBeta1: Math.fround(1 - acc1),
      oneMinusAccBeta2: Math.fround(1 - acc2),
    },
    slotNames: ['m', 'v'],
    slots,
    commit(outs) {
      assignWithSlots(variables, slots, outs);
      advance();
    },
    advance,
  };
}

interface RmspropState {
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
  accumulatedMeanSquares: Slot[];
  accumulatedMoments: Slot[];
  incrementIterations(): void;
}

function rmsprop(opt: RmspropState, variables: readonly tf.Variable[]): FusedOptimizerStep {
  const slots = variables.map((v, i) => [
    slotAt(opt.accumulatedMeanSquares, i, v, 'rms'),
    slotAt(opt.accumulatedMoments, i, v, 'momentum'),
  ]);
  return {
    kernel: TRAINING_KERNELS.rmsprop,
    attrs: {
      count: variables.length,
      learningRate: opt.learningRate,
      decay: opt.decay,
      momentum: opt.momentum,
      epsilon: opt.epsilon,
    },
    slotNames: ['ms', 'mom'],
    slots,
    commit(outs) {
      assignWithSlots(variables, slots, outs);
      opt.incrementIterations();
    },
    advance: () => opt.incrementIterations(),
  };
}

function sgd(
  opt: { learningRate: number; incrementIterations(): void },
  variables: readonly tf.Variable[],
): FusedOptimizerStep {
  return {
    kernel: TRAINING_KERNELS.sgd,
    attrs: { count: variables.length, learningRate: opt.learningRate },
    slotNames: [],
    slots: variables.map(() => []),
    commit(outs) {
      variables.forEach((variable, i) => variable.assign(outs[i]!));
      opt.incrementIterations();
    },
    advance: () => opt.incrementIterations(),
  };
}
