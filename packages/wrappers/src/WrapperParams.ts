// The params of scikeras's scikeras/wrappers.py BaseWrapper (MIT), camelCased, and their TypeScript shapes.
import type * as tf from '@tensorflow/tfjs';
import type { BuildFn } from './BuildContext';
import type { LossSpec, MetricSpec } from './compileKwargs';
import type { OptimizerSpec } from './resolveOptimizer';
import type { CallbackSpec } from './internal/buildCallbacks';
import type { TrainerSpec } from './internal/resolveTrainer';
import type { RandomSource } from './internal/withRandomState';

/** The params every wrapper takes (scikeras 0.13's constructor, camelCase). */
export interface BaseWrapperParams {
  /** A build function, a prebuilt `tf.LayersModel` (copied at fit), or null with `buildModel` overridden. @defaultValue null */
  model?: BuildFn<any> | tf.LayersModel | null;
  /**
   * scikeras's deprecated alias of `model` (its `build_fn`): used when `model` is null, with
   * scikeras's `UserWarning` that it will be renamed to `model`. @defaultValue null
   */
  buildFn?: BuildFn<any> | tf.LayersModel | null;
  /**
   * Whether a prebuilt `model` is copied at `fit` (ours; scikeras uses it by reference). The
   * copy is what makes `clone` and searches safe; pass `false` to train and predict with the
   * very model given, e.g. models that share layers (scikeras's autoencoder tutorial). Such a
   * model then belongs to the estimator: `dispose()` frees it. @defaultValue true
   */
  copyModel?: boolean;
  /** Keep `model_` between `fit` calls. @defaultValue false */
  warmStart?: boolean;
  /**
   * Seed for initializers, dropout and shuffling (see `withRandomState`): an int in
   * [0, 2**32 - 1], a RandomState-like generator (one seed drawn from it per fit), or null.
   * @defaultValue null
   */
  randomState?: number | RandomSource | null;
  /** @defaultValue 'rmsprop' */
  optimizer?: OptimizerSpec;
  /** @defaultValue null */
  loss?: LossSpec;
  /** @defaultValue null */
  metrics?: MetricSpec[] | Record<string, MetricSpec | MetricSpec[]> | null;
  /** Samples per gradient update (tfjs default 32); -1 uses the whole data. @defaultValue null */
  batchSize?: number | null;
  /** null, or the `batchSize` itself: tfjs validates with `batchSize` (another value is refused). @defaultValue null */
  validationBatchSize?: number | null;
  /** 0 silent, 1 progress bar, 2 one line per epoch. @defaultValue 1 */
  verbose?: number | boolean;
  /**
   * One callback, a list (items may be lists), or a record of them (its values are used);
   * classes are built from `callbacks__*` params. @defaultValue null
   */
  callbacks?:
    | CallbackSpec
    | (CallbackSpec | CallbackSpec[])[]
    | Record<string, CallbackSpec | CallbackSpec[]>
    | null;
  /** Fraction of the (last) training rows held out for validation, in [0, 1). @defaultValue 0 */
  validationSplit?: number;
  /** A fixed hold-out `[Xval, yval]` (scikeras #289). @defaultValue null */
  validationData?: readonly [unknown, unknown] | null;
  /** @defaultValue true */
  shuffle?: boolean;
  /** Accepted for parity; a no-op in tfjs. @defaultValue false */
  runEagerly?: boolean;
  /** @defaultValue 1 */
  epochs?: number;
  /**
   * What trains the model: `'fast'` (@scikeras/tfjs-trainer's lean loop for Dense chains on cpu
   * and wasm, `model.fit` on its fast kernels for other models), `'modelFit'` (tfjs's own
   * `model.fit`), or any `Trainer` object. Same results either way, to float32 rounding.
   * @defaultValue 'fast'
   */
  trainer?: TrainerSpec;
}

/**
 * The defaults of {@link BaseWrapperParams} (scikeras 0.13's), `BaseWrapper.defaults`.
 *
 * @example
 * ```ts
 * BASE_WRAPPER_DEFAULTS.optimizer; // 'rmsprop'
 * ```
 */
export const BASE_WRAPPER_DEFAULTS = Object.freeze({
  model: null,
  buildFn: null,
  copyModel: true,
  warmStart: false,
  randomState: null,
  optimizer: 'rmsprop',
  loss: null,
  metrics: null,
  batchSize: null,
  validationBatchSize: null,
  verbose: 1,
  callbacks: null,
  validationSplit: 0,
  validationData: null,
  shuffle: true,
  runEagerly: false,
  epochs: 1,
  trainer: 'fast',
} satisfies Required<BaseWrapperParams>);

/** The routing destinations of `prefix__name` params (scikeras's routed parameters). */
export const ROUTING_PREFIXES = [
  'model',
  'fit',
  'predict',
  'compile',
  'optimizer',
  'loss',
  'metrics',
  'callbacks',
  'score',
] as const;

/** One routing destination (see {@link ROUTING_PREFIXES}). */
export type RoutingPrefix = (typeof ROUTING_PREFIXES)[number];

/** Every routed key, e.g. `model__hidden`, `optimizer__learningRate`, `fit__batchSize`. */
export type RoutedParamKeys = { [K in `${RoutingPrefix}__${string}`]?: unknown };

/**
 * The build function's own params routed explicitly (`model__hidden` for a declared `hidden`),
 * with their declared types; other `model__*` keys stay accepted (see {@link RoutedParamKeys}).
 *
 * @typeParam E - the build function's own params
 */
export type ModelRoutedParams<E extends object> = {
  [K in keyof E & string as `model__${K}`]?: E[K];
};

/**
 * What a wrapper's constructor accepts: its params `P` (without `model`), the routed
 * `prefix__name` keys, the build function's own params `E` (from its {@link BuildContext} type
 * argument, or a subclass's params interface, also as `model__name` with the same type) and
 * `model`. Any other key is a type error.
 *
 * @typeParam P - the class's params interface (e.g. `KerasClassifierParams`)
 * @typeParam E - params declared by the build function or a subclass
 * @example
 * ```ts
 * const args: WrapperArgs<BaseWrapperParams, { hidden: number }> = { hidden: 8, epochs: 2, model__hidden: 4 };
 * ```
 */
export type WrapperArgs<P extends BaseWrapperParams, E extends object> = Omit<
  P,
  'model' | 'buildFn'
> &
  RoutedParamKeys &
  Partial<NoInfer<E>> &
  ModelRoutedParams<NoInfer<E>> & {
    model?: BuildFn<E> | tf.LayersModel | null;
    buildFn?: BuildFn<E> | tf.LayersModel | null;
  };

/** Options of `fit` / `partialFit` (call options win over `fit__x` and `x`). */
export interface FitOptions {
  /** One weight per sample, or one number for every sample (scikit-learn's `_check_sample_weight`). */
  sampleWeight?: ArrayLike<number> | number | null;
  epochs?: number;
  initialEpoch?: number;
  batchSize?: number;
  verbose?: number | boolean;
  shuffle?: boolean;
  validationSplit?: number;
  validationData?: readonly [unknown, unknown] | null;
  callbacks?: CallbackSpec[];
  [key: string]: unknown;
}

/** Options of `predict` / `predictProba` (call options win over `predict__x` and `x`). */
export interface PredictOptions {
  batchSize?: number;
  [key: string]: unknown;
}

/** Options of `score`. */
export interface ScoreOptions {
  /** One weight per sample, or one number for every sample; all zeros is an error, as in scikeras. */
  sampleWeight?: ArrayLike<number> | number | null;
}
