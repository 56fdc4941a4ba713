// The lean training loop (docs/PERFORMANCE.md).
export { leanFit, type LeanFitArgs } from './leanFit';
export { planLeanFit, type LeanFitPlan, type LeanFitOptions, type LeanLayer } from './planLeanFit';
export {
  registerTrainingKernels,
  TRAINING_KERNELS,
  TRAINING_BACKENDS,
} from './registerTrainingKernels';
