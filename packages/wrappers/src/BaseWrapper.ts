// Port of scikeras's scikeras/wrappers.py BaseWrapper (MIT), for TensorFlow.js LayersModels.
/*
 * FITTED STATE (for save/load, W2): every fitted attribute is an own, enumerable property whose
 * name ends with `_`; nothing fitted lives in `#private` fields. Set by initialize/fit/partialFit:
 *   model_            tf.LayersModel, compiled, owned by the estimator (dispose() frees it + optimizer)
 *   history_          Record<string, number[]>  per-epoch logs, Keras key names ('loss', 'accuracy', 'val_loss')
 *   currentEpoch_     number   = history_.loss.length (epochs trained since the last reset)
 *   initialized_      true
 *   targetEncoder_    fitted transformer (ClassifierLabelEncoder / RegressorTargetEncoder / IdentityTransformer)
 *   featureEncoder_   fitted transformer (IdentityTransformer by default)
 *   nFeaturesIn_      number;  XShape_: number[] (shape of the fit X);  XDtype_: 'float32' | 'float64'
 *   yDtype_           'bool' | 'int' | 'float' | 'string' | 'object';  yNdim_: 1 | 2
 *   targetType_, classes_, nClasses_, nOutputs_, nOutputsExpected_   (copied from targetEncoder_ and y)
 * How to restore one: `const est = new KerasClassifier(params)` (same params), assign the plain
 * attributes above with `Object.assign(est, saved)`, rebuild the encoders with
 * `est.targetEncoder_ = Object.assign(est.targetEncoder, savedEncoderAttrs)` (or refit them on y),
 * load the model (`tf.loadLayersModel`) and call `await est.compileModel(model)` (compiles from
 * the params unless the loaded model is compiled), then `est.model_ = model; est.initialized_ = true`.
 * `predict`/`score` need model_, targetEncoder_, featureEncoder_, nFeaturesIn_ (+ classes_ etc.).
 */
import * as tf from '@tensorflow/tfjs';
import {
  BaseEstimator,
  InvalidParameterError,
  NotFittedError,
  NotImplementedError,
  ValueError,
  checkArray,
  warn,
  checkXY,
  columnOr1d,
  estimatorNameOf,
  registerEstimator,
  takeRows,
  type Array2D,
  type CheckedY,
  type Label,
  type Params,
} from '@scikeras/estimator-core';
import {
  kerasMetricName,
  resolveLoss,
  resolveMetrics,
  resolveOptimizer,
  tfjsLossName,
  type CompileKwargs,
  type LossSpec,
  type MetricSpec,
  type OptimizerSpec,
} from './compileKwargs';
import { IdentityTransformer, type Transformer } from './IdentityTransformer';
import { cloneLayersModel } from './internal/cloneLayersModel';
import { isLayersModel } from './internal/isLayersModel';
import { withRandomState } from './internal/withRandomState';
import { verboseLogger } from './internal/verboseLogger';
import { routeParams } from './routeParams';
import type { BuildContext, BuildFn } from './BuildContext';
import { buildCallbacks, isCallbackInstance, type CallbackSpec } from './internal/buildCallbacks';
import { targetTensors, toTensors, type KerasData, type KerasOutput } from './internal/tensorData';
import { canCast, dtypeOfY } from './internal/yDtype';
import { MODULE_URL } from './internal/moduleUrl';
import { installTfjsCodec } from './internal/tfjsCodec';
import type { Trainer } from '@scikeras/tfjs-trainer';
import { resolveTrainer, type TrainerSpec } from './internal/resolveTrainer';

export type { BuildContext, BuildFn, CallbackSpec, KerasData, KerasOutput };

/** The params every wrapper takes (scikeras 0.13's constructor, camelCase). */
export interface BaseWrapperParams {
  /** A build function, a prebuilt `tf.LayersModel` (copied at fit), or null with `buildModel` overridden. @defaultValue null */
  model?: BuildFn | tf.LayersModel | null;
  /** Keep `model_` between `fit` calls. @defaultValue false */
  warmStart?: boolean;
  /** Seed for initializers, dropout and shuffling (see `withRandomState`). @defaultValue null */
  randomState?: number | null;
  /** @defaultValue 'rmsprop' */
  optimizer?: OptimizerSpec;
  /** @defaultValue null */
  loss?: LossSpec;
  /** @defaultValue null */
  metrics?: MetricSpec[] | Record<string, MetricSpec | MetricSpec[]> | null;
  /** Samples per gradient update (tfjs default 32); -1 uses the whole data. @defaultValue null */
  batchSize?: number | null;
  /** Accepted for parity; tfjs validates with `batchSize`. @defaultValue null */
  validationBatchSize?: number | null;
  /** 0 silent, 1 progress bar, 2 one line per epoch. @defaultValue 1 */
  verbose?: number;
  /** @defaultValue null */
  callbacks?: CallbackSpec | CallbackSpec[] | Record<string, CallbackSpec> | null;
  /** Fraction of the (last) training rows held out for validation. @defaultValue 0 */
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

/** Options of `fit` / `partialFit` (call options win over `fit__x` and `x`). */
export interface FitOptions {
  sampleWeight?: ArrayLike<number> | null;
  epochs?: number;
  initialEpoch?: number;
  batchSize?: number;
  verbose?: number;
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
  sampleWeight?: ArrayLike<number> | null;
}

const FIT_KWARGS = new Set([
  'batchSize',
  'epochs',
  'verbose',
  'validationSplit',
  'validationData',
  'shuffle',
  'classWeight',
  'initialEpoch',
  'validationBatchSize',
  'stepsPerEpoch',
  'validationSteps',
  'yieldEvery',
]);
const PREDICT_KWARGS = new Set(['batchSize', 'verbose']);
const COMPILE_KWARGS = new Set(['optimizer', 'loss', 'metrics', 'lossWeights', 'runEagerly']);

/** Fitted-state keys that an encoder may provide (scikeras's `get_metadata`). */
const ENCODER_META = [
  'classes_',
  'nClasses_',
  'nOutputs_',
  'nOutputsExpected_',
  'targetType_',
  'yShape_',
];

/* eslint-disable @typescript-eslint/no-unused-vars */
/** The params of a wrapper, as properties (declaration merging; see {@link BaseWrapperParams}). */
export interface BaseWrapper<
  P extends BaseWrapperParams = BaseWrapperParams,
> extends Required<BaseWrapperParams> {}
/* eslint-enable @typescript-eslint/no-unused-vars */

/**
 * Base class of the scikit-learn wrappers for tfjs `LayersModel`s: holds every param, builds
 * and compiles the model at `fit`, routes `fit__`/`predict__`/`compile__`/`optimizer__`/`loss__`/
 * `metrics__`/`callbacks__`/`model__`/`score__` params, and converts data both ways through
 * `featureEncoder` / `targetEncoder` and the `preProcessX` / `preProcessY` / `postProcessY` hooks.
 * Subclass it for other estimator types (see `KerasClassifier`, `KerasRegressor`).
 *
 * @remarks `fit`, `partialFit`, `initialize`, `predict` and `score` are async (tfjs training is).
 * `runEagerly` and `validationBatchSize` are accepted and ignored (tfjs runs eagerly and validates
 * with `batchSize`). Sample weights are applied per sample to the loss, as Keras does.
 *
 * @example
 * ```ts
 * const est = new KerasRegressor({ model: build, loss: 'mse', epochs: 5, verbose: 0 });
 * await est.fit(X, y);
 * const r2 = await est.score(X, y);
 * est.dispose();
 * ```
 * @see https://adriangb.com/scikeras/stable/generated/scikeras.wrappers.BaseWrapper.html
 */
export class BaseWrapper<P extends BaseWrapperParams = BaseWrapperParams> extends BaseEstimator<
  P & Params
> {
  static estimatorName = 'BaseWrapper';
  static override defaults: Readonly<Params> = {
    model: null,
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
  } satisfies Required<BaseWrapperParams>;
  static override acceptsExtraParams = true;
  static override routingPrefixes: readonly string[] = [
    'model',
    'fit',
    'predict',
    'compile',
    'optimizer',
    'loss',
    'metrics',
    'callbacks',
    'score',
  ];
  static override tags = {
    poorScore: true,
    multioutput: true,
    xfailChecks: {} as Record<string, string>,
  };

  declare model_?: tf.LayersModel;
  declare history_?: Record<string, number[]>;
  declare currentEpoch_?: number;
  declare initialized_?: boolean;
  declare targetEncoder_?: Transformer;
  declare featureEncoder_?: Transformer;
  declare nFeaturesIn_?: number;
  declare XShape_?: number[];
  declare XDtype_?: string;
  declare yDtype_?: string;
  declare yNdim_?: number;
  declare targetType_?: string;
  declare nOutputs_?: number;
  declare nOutputsExpected_?: number;

  /**
   * Scoring function used by `score` (scikeras's static `scorer`); subclasses set their own.
   *
   * @param yTrue - true targets
   * @param yPred - predictions
   * @param options - `sampleWeight` and the `score__*` params
   * @returns the score
   * @throws NotImplementedError on BaseWrapper
   */
  static scorer(yTrue: unknown, yPred: unknown, options?: Params): number {
    void yTrue;
    void yPred;
    void options;
    throw new NotImplementedError('Scoring is not implemented on BaseWrapper.');
  }

  /**
   * Sets params; routed keys (`fit__batchSize`) are always accepted, other unknown keys are
   * rejected with scikeras's hint to pass them to the constructor.
   *
   * @param params - new values by name
   * @returns this
   * @throws InvalidParameterError for an unknown, unrouted key
   */
  override setParams(params: Params & Partial<P & Params>): this {
    const names = new Set(this.paramNames());
    const prefixes = (this.constructor as typeof BaseWrapper).routingPrefixes;
    for (const key of Object.keys(params ?? {})) {
      if (names.has(key) || prefixes.some((p) => key.startsWith(`${p}__`))) continue;
      const sep = key.indexOf('__');
      if (sep > 0 && names.has(key.slice(0, sep))) continue;
      const name = estimatorNameOf(this);
      throw new InvalidParameterError(
        `Invalid parameter ${key} for estimator ${name}.\nThis issue can likely be resolved by setting this parameter in the ${name} constructor:\n\`new ${name}({ ${key}: ${JSON.stringify(params[key]) ?? String(params[key])} })\`\nCheck the list of available parameters with \`Object.keys(estimator.getParams())\``,
      );
    }
    return super.setParams(params);
  }

  /** The unfitted transformer for y (identity here; the classifier/regressor override it). */
  get targetEncoder(): Transformer {
    return new IdentityTransformer();
  }

  /** The unfitted transformer for X (identity; override to add feature preprocessing). */
  get featureEncoder(): Transformer {
    return new IdentityTransformer();
  }

  /** Whether y must be numeric (regressors). */
  protected get yNumeric(): boolean {
    return false;
  }

  /** The fit kwargs this wrapper forwards to tfjs (`fit__x` or `x`). */
  protected get fitKwargs(): ReadonlySet<string> {
    return FIT_KWARGS;
  }

  /**
   * Builds the model when `model` is null: override in a subclass (scikeras's `_keras_build_fn`).
   *
   * @param ctx - the build context (data, fitted metadata, params, meta, compileKwargs)
   * @returns the model
   * @throws ValueError when not overridden and `model` is null
   */
  buildModel(ctx: BuildContext): tf.LayersModel | Promise<tf.LayersModel> {
    void ctx;
    throw new ValueError(
      'If not using the `model` param, you must implement `buildModel` in a subclass.',
    );
  }

  /**
   * X as the model takes it, plus extra fitted attributes (scikeras's `_pre_process_X`).
   * Override for multi-input models: return one matrix (or tensor) per model input.
   * Tensors returned here are disposed by the wrapper after use.
   *
   * @param X - the validated X
   * @returns `[modelInput, extra]`
   */
  preProcessX(X: Array2D): [KerasData, Params] {
    return [this.featureEncoder_!.transform(X) as KerasData, {}];
  }

  /**
   * y as the model takes it, plus extra fitted attributes set during `fit` (scikeras's
   * `_pre_process_y`). The default encodes with `targetEncoder_` and splits the columns into one
   * target per output when the encoder expects several outputs.
   *
   * @param y - the validated y
   * @returns `[modelTarget, extra]`
   */
  preProcessY(y: CheckedY): [KerasData, Params] {
    const enc = this.targetEncoder_!.transform(y) as unknown;
    const nOut = this.nOutputsExpected_ ?? 1;
    if (nOut > 1 && Array.isArray(enc) && Array.isArray(enc[0])) {
      const rows = enc as number[][];
      const cols = Array.from({ length: nOut }, (_, j) => rows.map((r) => [r[j]!]));
      return [cols, {}];
    }
    return [enc as KerasData, {}];
  }

  /**
   * Model output back to the user's targets (scikeras's `_post_process_y`); `extra` may carry
   * `classProbabilities` for `predictProba`.
   *
   * @param yPred - the model output (one n x k matrix, or one per output)
   * @returns `[predictions, extra]`
   */
  postProcessY(yPred: KerasOutput): [unknown, Params] {
    return [this.targetEncoder_!.inverseTransform(yPred), {}];
  }

  /**
   * The callbacks for one phase: `callbacks` (+ `fit__callbacks` or `predict__callbacks`),
   * classes built with their `callbacks__<i>__*` params. Override to create callbacks from
   * other params (the seed's `ClassifierWithCallback`).
   *
   * @param phase - `'fit'` or `'predict'`
   * @returns callback instances or `{ onEpochEnd, ... }` objects
   */
  protected createCallbacks(phase: 'fit' | 'predict'): (tf.Callback | tf.CustomCallbackArgs)[] {
    return buildCallbacks(this.getParams(false), phase);
  }

  /**
   * The compile arguments from the params: a fresh optimizer built from `optimizer` and
   * `optimizer__*`, `loss` and `metrics` resolved to tfjs names, `compile__*` overrides.
   *
   * @returns the compile kwargs
   */
  getCompileKwargs(): CompileKwargs {
    const params = this.getParams(false);
    const kw = routeParams(params, 'compile', COMPILE_KWARGS);
    return {
      ...kw,
      optimizer: resolveOptimizer(kw.optimizer, routeParams(params, 'optimizer', new Set())),
      loss: resolveLoss(kw.loss, routeParams(params, 'loss', new Set())),
      metrics: resolveMetrics(kw.metrics, routeParams(params, 'metrics', new Set())),
    } as CompileKwargs;
  }

  /**
   * Compiles `model` from the params unless it is compiled already.
   *
   * @param model - a model this estimator owns
   * @throws ValueError when no loss is given and the model is not compiled
   */
  compileModel(model: tf.LayersModel): void {
    if ((model as unknown as { optimizer_?: unknown }).optimizer_) return;
    const kw = this.getCompileKwargs();
    if (kw.loss === null || kw.loss === undefined) {
      kw.optimizer.dispose();
      throw new ValueError(
        'No valid loss function found. You must provide a loss or a compiled model.' +
          '\n\nTo resolve this issue, do one of the following:' +
          '\n 1. Provide a loss function via the loss parameter.' +
          '\n 2. Compile your model with a loss function inside the model-building function.' +
          '\n\nSee https://www.adriangb.com/scikeras/stable/advanced.html#compilation-of-model' +
          ' for more information on compiling SciKeras models.',
      );
    }
    model.compile({ optimizer: kw.optimizer, loss: kw.loss as any, metrics: kw.metrics as any });
  }

  /** Fitted attributes by name (scikeras's `_get_metadata`, for the build context). */
  protected getMetadata(): Params {
    const out: Params = {};
    for (const [k, v] of Object.entries(this)) {
      if (k.length > 1 && k.endsWith('_') && !k.endsWith('__') && !k.startsWith('_')) out[k] = v;
    }
    return out;
  }

  #validateX(X: unknown, reset: boolean): Array2D {
    const Xc = checkArray(X, { estimator: this });
    this.#recordX(Xc, reset);
    return Xc;
  }

  #recordX(Xc: Array2D, reset: boolean): void {
    if (reset) {
      this.XDtype_ = Xc.data instanceof Float32Array ? 'float32' : 'float64';
      this.XShape_ = [...Xc.shape];
      this.nFeaturesIn_ = Xc.shape[1];
      return;
    }
    if (this.XShape_ && Xc.shape[1] !== this.XShape_[1]) {
      throw new ValueError(
        `X has ${Xc.shape[1]} features, but ${estimatorNameOf(this)} is expecting ${this.XShape_[1]} features as input.`,
      );
    }
  }

  #validateY(y: CheckedY, reset: boolean): void {
    const dtype = dtypeOfY(y);
    const ndim = !ArrayBuffer.isView(y) && Array.isArray(y[0]) ? 2 : 1;
    if (reset) {
      this.yDtype_ = dtype;
      this.yNdim_ = ndim;
      return;
    }
    if (this.yDtype_ !== undefined && !canCast(dtype, this.yDtype_)) {
      throw new ValueError(
        `Got y with dtype ${dtype}, but this ${estimatorNameOf(this)} expected ${this.yDtype_} and casting from ${dtype} to ${this.yDtype_} is not safe!`,
      );
    }
    if (this.yNdim_ !== undefined && ndim !== this.yNdim_) {
      throw new ValueError(
        `y has ${ndim} dimensions, but this ${estimatorNameOf(this)} is expecting ${this.yNdim_} dimensions in y.`,
      );
    }
  }

  #validateXY(X: unknown, y: unknown, reset: boolean): { X: Array2D; y: CheckedY } {
    const checked = checkXY(X, y, { estimator: this, multiOutput: true, yNumeric: this.yNumeric });
    this.#recordX(checked.X, reset);
    const yc = ArrayBuffer.isView(checked.y)
      ? Array.from(checked.y as ArrayLike<number>)
      : checked.y;
    this.#validateY(yc, reset);
    return { X: checked.X, y: yc };
  }

  /** Hook for subclasses to adjust sample weights from y before fitting (class weights). */
  protected fitSampleWeight(y: CheckedY, sampleWeight: number[] | null): number[] | null {
    void y;
    return sampleWeight;
  }

  /** Hook run at the start of `initialize` (the classifier resets `classes_`). */
  protected beforeInitialize(): void {}

  /**
   * Builds (or copies) and compiles the model and fits the encoders without training
   * (scikeras's `initialize`): use it for pretrained models.
   *
   * @param X - training samples
   * @param y - targets (needed by the encoders)
   * @returns this
   * @throws ValueError/TypeError for invalid data or `model` params
   */
  async initialize(X: unknown, y?: unknown): Promise<this> {
    await this.#initialize(X, y);
    return this;
  }

  async #initialize(
    X: unknown,
    y: unknown,
    requireY = false,
  ): Promise<{ X: Array2D; y: CheckedY }> {
    this.beforeInitialize();
    let Xc: Array2D;
    let yc: CheckedY;
    if (!requireY && (y === undefined || y === null)) {
      Xc = this.#validateX(X, true);
      yc = [];
    } else ({ X: Xc, y: yc } = this.#validateXY(X, y, true));
    const targetEncoder = this.targetEncoder.fit(yc);
    this.targetEncoder_ = targetEncoder;
    this.featureEncoder_ = this.featureEncoder.fit(Xc);
    this.#copyEncoderMeta(yc);
    const old = this.model_;
    const model = await this.#buildKerasModel(Xc, yc);
    if (old && old !== model) this.#disposeModel(old);
    this.model_ = model;
    this.compileModel(model);
    this.initialized_ = true;
    this.history_ = {};
    this.currentEpoch_ = 0;
    return { X: Xc, y: yc };
  }

  #copyEncoderMeta(y: CheckedY): void {
    const enc = this.targetEncoder_ as unknown as Params & { getMetadata?: () => Params };
    const self = this as unknown as Params;
    for (const k of ENCODER_META) if (k in self) delete self[k];
    const meta: Params =
      typeof enc.getMetadata === 'function'
        ? enc.getMetadata()
        : Object.fromEntries(
            ENCODER_META.filter((k) => enc[k] !== undefined).map((k) => [k, enc[k]]),
          );
    Object.assign(self, meta);
    if (self.nOutputs_ === undefined) {
      self.nOutputs_ = this.yNdim_ === 2 ? ((y as Label[][])[0]?.length ?? 1) : 1;
    }
    if (self.nOutputsExpected_ === undefined) self.nOutputsExpected_ = 1;
  }

  #modelFn(): (ctx: BuildContext) => tf.LayersModel | Promise<tf.LayersModel> {
    const model = this.model as unknown;
    const overridden = this.buildModel !== BaseWrapper.prototype.buildModel;
    if (model === null || model === undefined) {
      if (!overridden) {
        throw new ValueError(
          'If not using the `model` param, you must implement `buildModel` in a subclass.',
        );
      }
      return (ctx) => this.buildModel(ctx);
    }
    if (isLayersModel(model)) return () => cloneLayersModel(model);
    if (typeof model === 'function') {
      if (overridden) {
        throw new ValueError(
          'This class cannot implement `buildModel` if using the `model` parameter.',
        );
      }
      return model as BuildFn;
    }
    throw new TypeError(
      `\`model\` must be a function, a tf.LayersModel instance or null; got ${typeof model}.`,
    );
  }

  async #buildKerasModel(X: Array2D, y: CheckedY): Promise<tf.LayersModel> {
    const fn = this.#modelFn();
    const params = this.getParams(false);
    const meta = this.getMetadata();
    const compileKwargs = this.getCompileKwargs();
    const ctx = {
      ...routeParams(params, 'model', null),
      ...meta,
      X,
      y,
      meta,
      compileKwargs,
      params: this.getParams(),
    } as BuildContext;
    let model: tf.LayersModel;
    try {
      model = await withRandomState(this.randomState, () => fn(ctx));
    } catch (e) {
      compileKwargs.optimizer.dispose();
      throw e;
    }
    if (!isLayersModel(model)) {
      compileKwargs.optimizer.dispose();
      throw new TypeError(
        `The model-building function must return a tf.LayersModel; got ${model === null ? 'null' : typeof model}.`,
      );
    }
    if ((model as unknown as { optimizer_?: unknown }).optimizer_ !== compileKwargs.optimizer) {
      compileKwargs.optimizer.dispose();
    }
    return model;
  }

  #disposeModel(model: tf.LayersModel): void {
    const m = model as unknown as { optimizer_?: tf.Optimizer; isOptimizerOwned?: boolean };
    const opt = m.optimizer_;
    const owned = m.isOptimizerOwned;
    try {
      model.dispose();
    } catch {
      // already disposed
    }
    if (opt && !owned) opt.dispose();
  }

  /**
   * Frees the fitted model and its optimizer (tfjs memory is not garbage collected). The
   * estimator becomes unfitted; `fit` works again.
   */
  dispose(): void {
    if (this.model_) this.#disposeModel(this.model_);
    delete this.model_;
    delete this.initialized_;
  }

  #checkSampleWeight(sampleWeight: ArrayLike<number>, n: number): number[] {
    const sw = Array.from(sampleWeight, Number);
    if (sw.length !== n) {
      throw new ValueError(`sample_weight.shape == (${sw.length},), expected (${n},)!`);
    }
    if (sw.some((w) => !Number.isFinite(w))) {
      throw new ValueError('Input sample_weight contains NaN or infinity.');
    }
    return sw;
  }

  /**
   * Builds the model (unless warm-started) and trains it (scikeras's `fit`).
   *
   * @param X - training samples (n x features)
   * @param y - targets
   * @param options - `sampleWeight` and per-call fit options (`epochs`, `batchSize`, ...)
   * @returns this
   * @throws ValueError for invalid data, all-zero sample weights, a model without loss
   * @example
   * ```ts
   * await est.fit(X, y, { sampleWeight: w, epochs: 3 });
   * ```
   */
  async fit(X: unknown, y: unknown, options: FitOptions = {}): Promise<this> {
    const params = this.getParams(false);
    const epochs = (options.epochs ?? params.fit__epochs ?? this.epochs) as number;
    const { epochs: _e, initialEpoch, ...rest } = options;
    void _e;
    await this.fitInternal(X, y, {
      ...rest,
      epochs,
      initialEpoch: initialEpoch ?? 0,
      warmStart: this.warmStart,
    });
    return this;
  }

  /**
   * Trains for one epoch from the current state (scikeras's `partial_fit`).
   *
   * @param X - training samples
   * @param y - targets
   * @param options - `sampleWeight` and per-call fit options (not `epochs`/`initialEpoch`)
   * @returns this
   * @throws TypeError when `epochs` or `initialEpoch` is passed
   */
  async partialFit(X: unknown, y: unknown, options: FitOptions = {}): Promise<this> {
    if ('epochs' in options) {
      throw new TypeError(
        'Invalid argument `epochs` to `partialFit`: `partialFit` always trains for 1 epoch',
      );
    }
    if ('initialEpoch' in options) {
      throw new TypeError(
        'Invalid argument `initialEpoch` to `partialFit`: `partialFit` always trains for from the current epoch',
      );
    }
    await this.fitInternal(X, y, {
      ...options,
      epochs: 1,
      initialEpoch: this.currentEpoch_ ?? 0,
      warmStart: true,
    });
    return this;
  }

  /**
   * The shared body of `fit` and `partialFit` (scikeras's `_fit`).
   *
   * @param X - training samples
   * @param y - targets
   * @param options - fit options plus `epochs`, `initialEpoch`, `warmStart`
   */
  protected async fitInternal(
    X: unknown,
    y: unknown,
    options: FitOptions & { epochs: number; initialEpoch: number; warmStart: boolean },
  ): Promise<void> {
    const { sampleWeight, epochs, initialEpoch, warmStart, ...kwargs } = options;
    const trainer = resolveTrainer(this.trainer, this.constructor.name);
    let data: { X: Array2D; y: CheckedY };
    const warm = (this.warmStart || warmStart) && this.initialized_ === true && !!this.model_;
    if (!warm) data = await this.#initialize(X, y, true);
    else {
      data = this.#validateXY(X, y, false);
      this.compileModel(this.model_!);
    }
    let sw =
      sampleWeight === undefined || sampleWeight === null
        ? null
        : this.#checkSampleWeight(sampleWeight, data.X.shape[0]);
    sw = this.fitSampleWeight(data.y, sw);
    if (sw) {
      if (sw.every((w) => w === 0)) {
        throw new ValueError(
          "No training samples had any weight; only zeros were passed in sample_weight. That means there's nothing to train on by definition, so training can not be completed.",
        );
      }
      const keep = sw.flatMap((w, i) => (w !== 0 ? [i] : []));
      if (keep.length < sw.length) {
        data = { X: takeRows(data.X, keep), y: takeRows(data.y, keep) as CheckedY };
        sw = keep.map((i) => sw![i]!);
      }
    }
    const [xk, xExtra] = this.preProcessX(data.X);
    void xExtra;
    const [yk, yExtra] = this.preProcessY(data.y);
    if (!warm) Object.assign(this, yExtra);
    this.#checkModelCompatibility();
    await this.#fitKerasModel(xk, yk, data.X.shape[0], sw, epochs, initialEpoch, kwargs, trainer);
  }

  #checkModelCompatibility(): void {
    const model = this.model_!;
    if (this.nOutputsExpected_ && this.nOutputsExpected_ !== model.outputs.length) {
      throw new ValueError(
        `Detected a Keras model input of size ${this.nOutputsExpected_}, but ${model.name} has ${model.outputs.length} outputs`,
      );
    }
    // a loss given to the wrapper must be the one the model was compiled with
    const given = routeParams(this.getParams(false), 'compile', COMPILE_KWARGS).loss;
    const got = (model as unknown as { loss?: unknown }).loss;
    if (typeof given === 'string' && typeof got === 'string' && tfjsLossName(given) !== got) {
      throw new ValueError(
        `loss=${given} but model compiled with ${got}. Data may not match loss function!`,
      );
    }
  }

  async #fitKerasModel(
    xk: KerasData,
    yk: KerasData,
    n: number,
    sampleWeight: number[] | null,
    epochs: number,
    initialEpoch: number,
    kwargs: Params,
    trainer: Trainer,
  ): Promise<void> {
    const model = this.model_!;
    const params = this.getParams(false);
    const fitArgs: Params = {
      ...routeParams(params, 'fit', this.fitKwargs),
      ...kwargs,
    };
    for (const k of Object.keys(fitArgs)) if (k.startsWith('callbacks')) delete fitArgs[k];
    delete fitArgs.epochs;
    delete fitArgs.initialEpoch;
    if (fitArgs.batchSize === -1) fitArgs.batchSize = n;
    if (fitArgs.batchSize === null) delete fitArgs.batchSize;
    delete fitArgs.validationBatchSize;
    const verbose = Number(fitArgs.verbose ?? 0);
    const owned: tf.Tensor[] = [];
    const userCallbacks =
      (kwargs.callbacks as CallbackSpec[] | undefined) ?? this.createCallbacks('fit');
    const callbacks = userCallbacks.map((cb) =>
      isCallbackInstance(cb) ? cb : new tf.CustomCallback(cb as tf.CustomCallbackArgs),
    );
    const batchSize = (fitArgs.batchSize as number | undefined) ?? 32;
    if (verbose > 0) {
      const split = Number(fitArgs.validationSplit ?? 0);
      const nTrain = split > 0 && split < 1 ? Math.floor(n * (1 - split)) : n;
      callbacks.push(verboseLogger(verbose, initialEpoch + epochs, Math.ceil(nTrain / batchSize)));
    }
    try {
      const x = toTensors(xk, model.inputs.length, owned, 'input');
      const yT = targetTensors(model, yk, owned);
      const validation = fitArgs.validationData as readonly [unknown, unknown] | null | undefined;
      delete fitArgs.validationData;
      let validationData: [tf.Tensor | tf.Tensor[], tf.Tensor | tf.Tensor[]] | undefined;
      if (validation) {
        const v = this.#validateXY(validation[0], validation[1], false);
        const [vx] = this.preProcessX(v.X);
        const [vy] = this.preProcessY(v.y);
        validationData = [
          toTensors(vx, model.inputs.length, owned, 'input'),
          targetTensors(model, vy, owned),
        ];
      }
      // the `trainer` param: @scikeras/tfjs-trainer's lean loop by default, model.fit's semantics
      const history = await withRandomState(this.randomState, () =>
        trainer.fit(model, x, yT, {
          ...(fitArgs as tf.ModelFitArgs),
          ...(validationData ? { validationData } : {}),
          epochs: initialEpoch + epochs,
          initialEpoch,
          verbose: 0,
          callbacks,
          sampleWeight,
          onWarning: (message) => warn(message, 'RuntimeWarning'),
        }),
      );
      this.#recordHistory(history.history, initialEpoch);
    } finally {
      tf.dispose(owned);
    }
  }

  #recordHistory(history: Record<string, (number | tf.Tensor)[]>, initialEpoch: number): void {
    if (initialEpoch === 0 || !this.history_) this.history_ = {};
    for (const [key, values] of Object.entries(history)) {
      const name = kerasMetricName(key);
      const arr = (this.history_[name] ??= []);
      for (const v of values) arr.push(typeof v === 'number' ? v : Number(v.dataSync()[0]));
    }
    this.currentEpoch_ = this.history_.loss?.length ?? 0;
  }

  #checkInitialized(): void {
    if (!this.initialized_ || !this.model_) {
      throw new NotFittedError(
        `This ${estimatorNameOf(this)} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
      );
    }
  }

  /**
   * The raw model output for X (for classifiers: probabilities), as plain arrays.
   *
   * @param X - samples
   * @param options - per-call predict options (`batchSize`)
   * @returns one n x k matrix, or one per model output
   * @throws NotFittedError before `fit`
   */
  async predictRaw(X: unknown, options: PredictOptions = {}): Promise<KerasOutput> {
    this.#checkInitialized();
    const Xc = this.#validateX(X, false);
    const [xk] = this.preProcessX(Xc);
    const params = this.getParams(false);
    const args: Params = { ...routeParams(params, 'predict', PREDICT_KWARGS), ...options };
    for (const k of Object.keys(args)) if (k.startsWith('callbacks')) delete args[k];
    if (args.batchSize === -1) args.batchSize = Xc.shape[0];
    if (args.batchSize === null) delete args.batchSize;
    const callbacks = this.createCallbacks('predict') as {
      onPredictBegin?: (logs?: unknown) => unknown;
      onPredictEnd?: (logs?: unknown) => unknown;
    }[];
    for (const cb of callbacks) await cb.onPredictBegin?.({});
    const model = this.model_!;
    const owned: tf.Tensor[] = [];
    let out: KerasOutput;
    try {
      const x = toTensors(xk, model.inputs.length, owned, 'input');
      out = tf.tidy(() => {
        const pred = model.predict(x, { batchSize: args.batchSize as number | undefined });
        const list = Array.isArray(pred) ? pred : [pred];
        const arrays = list.map(
          (t) =>
            (t.rank === 1
              ? t.reshape([-1, 1])
              : t.reshape([t.shape[0]!, -1])
            ).arraySync() as number[][],
        );
        return (Array.isArray(pred) ? arrays : arrays[0]!) as unknown as tf.Tensor;
      }) as unknown as KerasOutput;
    } finally {
      tf.dispose(owned);
    }
    for (const cb of callbacks) await cb.onPredictEnd?.({});
    return out;
  }

  /**
   * Predictions for X, decoded to the user's targets.
   *
   * @param X - samples
   * @param options - per-call predict options (`batchSize`)
   * @returns predictions (labels for classifiers, values for regressors)
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * const yPred = await est.predict(X);
   * ```
   */
  async predict(X: unknown, options: PredictOptions = {}): Promise<any> {
    const raw = await this.predictRaw(X, options);
    return this.postProcessY(raw)[0];
  }

  /**
   * Scores predictions on (X, y) with the class's static `scorer` (accuracy for classifiers,
   * R^2 for regressors), passing `sampleWeight` and the `score__*` params.
   *
   * @param X - samples
   * @param y - true targets
   * @param options - `sampleWeight`
   * @returns the score
   * @throws NotFittedError before `fit`
   */
  async score(X: unknown, y: unknown, options: ScoreOptions = {}): Promise<number> {
    const yc =
      !ArrayBuffer.isView(y) && Array.isArray(y) && Array.isArray(y[0])
        ? (y as Label[][])
        : columnOr1d(y);
    let sw: number[] | undefined;
    if (options.sampleWeight !== undefined && options.sampleWeight !== null) {
      sw = this.#checkSampleWeight(options.sampleWeight, (yc as ArrayLike<unknown>).length);
    }
    const yPred = await this.predict(X);
    const scoreArgs = routeParams(this.getParams(false), 'score', new Set());
    const Klass = this.constructor as typeof BaseWrapper;
    return Klass.scorer(ArrayBuffer.isView(yc) ? Array.from(yc as ArrayLike<number>) : yc, yPred, {
      ...scoreArgs,
      ...(sw ? { sampleWeight: sw } : {}),
    });
  }
}
registerEstimator(BaseWrapper, { module: MODULE_URL });
// tfjs models, optimizers and tensors in estimator-core's codec (saveEstimator, worker travel)
installTfjsCodec();
