export {
  BaseWrapper,
  type BaseWrapperParams,
  type BuildContext,
  type BuildFn,
  type CallbackSpec,
  type FitOptions,
  type PredictOptions,
  type ScoreOptions,
  type KerasData,
  type KerasOutput,
  type WrapperArgs,
} from './BaseWrapper';
export type { BuildContextBase, NoParams } from './BuildContext';
export { ROUTING_PREFIXES, type RoutingPrefix, type RoutedParamKeys } from './WrapperParams';
export {
  routeWrapperParams,
  FIT_KWARGS,
  PREDICT_KWARGS,
  COMPILE_KWARGS,
  type RoutedParams,
} from './RoutedParams';
export { BASE_WRAPPER_CONSTRAINTS } from './wrapperConstraints';
export {
  KerasClassifier,
  type KerasClassifierParams,
  type ClassifierPartialFitOptions,
} from './KerasClassifier';
export { KerasRegressor, type KerasRegressorParams } from './KerasRegressor';
export { WrapperHooks } from './WrapperHooks';
export { IdentityTransformer, type Transformer } from './IdentityTransformer';
export { routeParams } from './routeParams';
export { resolveOptimizer, checkOptimizer, type OptimizerSpec } from './resolveOptimizer';
export {
  compileKwargsFrom,
  resolveLoss,
  resolveMetrics,
  tfjsLossName,
  tfjsMetricName,
  kerasMetricName,
  type CompileKwargs,
  type LossFn,
  type LossSpec,
  type MetricSpec,
} from './compileKwargs';
export { withRandomState } from './internal/withRandomState';
export type { Array2D, Label, Params } from '@scikeras/estimator-core';
export { computeSampleWeight, type ClassWeight } from './internal/computeSampleWeight';
export {
  installFastKernels,
  uninstallFastKernels,
  fastKernelsInstalled,
  setFastKernels,
  fastKernelsEnabled,
  type FastKernelOptions,
} from './kernels';
export {
  leanFit,
  planLeanFit,
  setLeanFit,
  leanFitEnabled,
  type LeanFitArgs,
  type LeanFitPlan,
  type LeanFitOptions,
  type LeanLayer,
} from './training';
export { useBackend, setBackendImporter, type BackendName } from './useBackend';
export {
  saveEstimator,
  type EstimatorSaveTarget,
  type EstimatorArtifact,
  type EstimatorManifest,
  type SavedModelEntry,
} from './saveEstimator';
export {
  loadEstimator,
  type EstimatorLoadSource,
  type EstimatorRegistry,
  type LoadEstimatorOptions,
} from './loadEstimator';
export {
  registerModel,
  unregisterModel,
  getRegisteredModel,
  registeredModelName,
  registeredModelModule,
  registeredModelNames,
  type RegisteredFunction,
  type RegisterModelOptions,
} from './ModelRegistry';
export {
  toWrapperTravelSpec,
  fromWrapperTravelSpec,
  WRAPPERS_MODULE,
  type TravelSpec,
  type WrapperTravelState,
} from './travel';
