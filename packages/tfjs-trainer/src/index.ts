/**
 * A fast training engine for TensorFlow.js Dense models (a lean fit loop and fast matMul
 * kernels, installed explicitly and reversibly); it knows no estimator and depends on tfjs alone.
 *
 * @packageDocumentation
 * @module \@scikeras/tfjs-trainer
 */
export type { Trainer, TrainerFitArgs } from './Trainer';
export { isHostRows, hostToTensor, type HostRows } from './HostRows';
export { fastTrainer } from './fastTrainer';
export { modelFitTrainer } from './modelFitTrainer';
export { trainers, type TrainerName } from './trainers';
export { missingInternal } from './missingInternal';
export {
  installFastKernels,
  withFastKernels,
  fastKernelsInstalled,
  type FastKernelOptions,
  type FastKernelsHandle,
} from './kernels';
export {
  leanFit,
  planLeanFit,
  type LeanFitArgs,
  type LeanFitPlan,
  type LeanFitOptions,
  type LeanLayer,
} from './training';
export {
  predictDenseChain,
  denseChainOf,
  type DenseLink,
  type HostMatrixLike,
  type PredictDenseChainOptions,
} from './prediction';
