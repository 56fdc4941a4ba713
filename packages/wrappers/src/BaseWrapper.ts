// Port of scikeras's scikeras/wrappers.py BaseWrapper (MIT), for TensorFlow.js LayersModels.
/*
 * FITTED STATE (for save/load): every fitted attribute is an own, enumerable property whose name
 * ends with `_`; nothing fitted lives in `#private` fields. Set by initialize/fit/partialFit:
 *   model_ (compiled, owned: dispose() frees it + optimizer), history_ (Keras key names),
 *   currentEpoch_, initialized_, targetEncoder_, featureEncoder_, nFeaturesIn_, XShape_, XDtype_,
 *   yDtype_, yNdim_, targetType_, classes_, nClasses_, nOutputs_, nOutputsExpected_.
 * A fit is a transaction (internal/FitTransaction.ts): params and data are validated before
 * anything changes; a fit that fails afterwards (even in the middle of training) puts back the
 * previous attributes, weights and optimizer state, and frees what it built.
 */
import type * as tf from '@tensorflow/tfjs';
import {
  BaseEstimator,
  InvalidParameterError,
  NotFittedError,
  NotImplementedError,
  ValueError,
  closestMatch,
  collectDefaults,
  columnOr1d,
  paramsWithPrefix,
  splitParamKey,
  type Array2D,
  type CheckedY,
  type EstimatorClass,
  type Label,
  type Params,
  type ParameterConstraints,
} from '@scikeras/estimator-core';
import type { BuildContext, BuildFn } from './BuildContext';
import { compileKwargsFrom, type CompileKwargs } from './compileKwargs';
import { IdentityTransformer, type Transformer } from './IdentityTransformer';
import { FitPlanner, type FitCall, type FitPlan } from './internal/FitPlanner';
import { FitTransaction } from './internal/FitTransaction';
import { buildCallbacks, type CallbackSpec } from './internal/buildCallbacks';
import { checkPredictX } from './internal/checkFitInputs';
import { fittedAttributes } from './internal/encoderMetadata';
import { fitKerasModel } from './internal/fitKerasModel';
import { appendHistory } from './internal/history';
import * as lifecycle from './internal/modelLifecycle';
import { predictInBatches } from './internal/predictInBatches';
import { checkSampleWeight } from './internal/sampleWeights';
import type { KerasData, KerasOutput } from './internal/tensorData';
import { trackedBuildContext, type TrackedBuildContext } from './internal/trackedBuildContext';
import { findUnusedParams, warnUnusedParams } from './internal/unusedParams';
import { ensureFastKernels } from './kernels/setFastKernels';
import { FIT_KWARGS, PREDICT_KWARGS, routeWrapperParams } from './RoutedParams';
import { routeParams } from './routeParams';
import { fromWrapperTravelSpec, toWrapperTravelSpec, type TravelSpec } from './travel';
import {
  BASE_WRAPPER_CONSTRAINTS,
  collectConstraints,
  validatePredictParams,
} from './wrapperConstraints';
import {
  ROUTING_PREFIXES,
  type BaseWrapperParams,
  type FitOptions,
  type PredictOptions,
  type ScoreOptions,
  type WrapperArgs,
} from './WrapperParams';

export type { BuildContext, BuildFn, CallbackSpec, KerasData, KerasOutput };
export type { BaseWrapperParams, FitOptions, PredictOptions, ScoreOptions, WrapperArgs };

/* eslint-disable @typescript-eslint/no-unused-vars */
/** The params of a wrapper, as properties (declaration merging; see {@link BaseWrapperParams}). */
export interface BaseWrapper<
  E extends object = {},
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
 * @typeParam E - params the build function (or a subclass) declares, see {@link BuildContext}
 * @typeParam P - the class's params interface
 * @remarks `fit`, `partialFit`, `initialize`, `predict` and `score` are async (tfjs training is).
 * Params are validated when `fit` starts (scikit-learn 1.2's messages), never in the constructor.
 * A failed `fit` changes nothing. `runEagerly` and `validationBatchSize` are accepted and
 * ignored (tfjs runs eagerly and validates with `batchSize`). A user param that nothing reads
 * during a fit gives a `UserWarning` with the closest known name.
 * @example
 * ```ts
 * const est = new KerasRegressor({ model: build, loss: 'mse', epochs: 5, verbose: 0 });
 * await est.fit(X, y);
 * const r2 = await est.score(X, y);
 * est.dispose();
 * ```
 * @see https://adriangb.com/scikeras/stable/generated/scikeras.wrappers.BaseWrapper.html
 */
export class BaseWrapper<
  E extends object = {},
  P extends BaseWrapperParams = BaseWrapperParams,
> extends BaseEstimator<WrapperArgs<P, E>> {
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
  } satisfies Required<BaseWrapperParams>;
  static override acceptsExtraParams = true;
  static override routingPrefixes: readonly string[] = ROUTING_PREFIXES;
  static override tags = { poorScore: true, multioutput: true, xfailChecks: {} as Record<string, string> };
  /** Accepted values of the params, checked when a fit starts (scikit-learn's `_parameter_constraints`). */
  static parameterConstraints: ParameterConstraints = BASE_WRAPPER_CONSTRAINTS;

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
    void [yTrue, yPred, options];
    throw new NotImplementedError('Scoring is not implemented on BaseWrapper.');
  }

  /**
   * Sets params; routed keys (`fit__batchSize`) are always accepted, other unknown keys are
   * rejected with scikeras's hint to pass them to the constructor, and the closest param name.
   *
   * @param params - new values by name
   * @returns this
   * @throws InvalidParameterError for an unknown, unrouted key
   */
  override setParams(params: Params & Partial<WrapperArgs<P, E>>): this {
    const names = this.paramNames();
    for (const key of Object.keys(params ?? {})) {
      const split = splitParamKey(key);
      if (names.includes(key) || (split && (ROUTING_PREFIXES as readonly string[]).includes(split[0])))
        continue;
      if (split && names.includes(split[0])) continue;
      const name = this.constructor.name;
      const match = closestMatch(key, [...names].sort());
      throw new InvalidParameterError(
        `Invalid parameter ${key} for estimator ${name}.${match ? ` Did you mean '${match}'?` : ''}\nThis issue can likely be resolved by setting this parameter in the ${name} constructor:\n\`new ${name}({ ${key}: ${JSON.stringify(params[key]) ?? String(params[key])} })\`\nCheck the list of available parameters with \`Object.keys(estimator.getParams())\``,
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
  buildModel(ctx: BuildContext<E>): tf.LayersModel | Promise<tf.LayersModel> {
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
      return [Array.from({ length: nOut }, (_, j) => rows.map((r) => [r[j]!])), {}];
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
   * @param params - the params of this call (one snapshot; read from the estimator when omitted)
   * @returns callback instances or `{ onEpochEnd, ... }` objects
   */
  protected createCallbacks(
    phase: 'fit' | 'predict',
    params?: Params,
  ): (tf.Callback | tf.CustomCallbackArgs)[] {
    return buildCallbacks(params ?? this.getParams(false), phase);
  }

  /**
   * The compile arguments from the params: a fresh optimizer built from `optimizer` and
   * `optimizer__*`, `loss` and `metrics` resolved to tfjs names, `compile__*` overrides.
   *
   * @returns the compile kwargs (the caller owns the optimizer)
   */
  getCompileKwargs(): CompileKwargs {
    return compileKwargsFrom(routeWrapperParams(this.getParams(false), this.fitKwargs));
  }

  /**
   * Compiles `model` from the params unless it is compiled already (for a loaded model).
   *
   * @param model - a model this estimator owns
   * @throws ValueError when no loss is given and the model is not compiled
   */
  compileModel(model: tf.LayersModel): void {
    if (lifecycle.isCompiled(model)) return;
    const kw = this.getCompileKwargs();
    try {
      lifecycle.compileModel(model, kw);
    } catch (e) {
      kw.optimizer.dispose();
      throw e;
    }
  }

  /** Fitted attributes by name (scikeras's `_get_metadata`, for the build context). */
  protected getMetadata(): Params {
    return fittedAttributes(this);
  }

  /** Hook for subclasses to adjust sample weights from y before fitting (class weights). */
  protected fitSampleWeight(y: CheckedY, sampleWeight: number[] | null): number[] | null {
    void y;
    return sampleWeight;
  }

  /** Hook run at the start of `initialize` (the classifier resets `classes_`). */
  protected beforeInitialize(): void {}

  /**
   * Hook to reject a target from the fitted target encoder's metadata before any model is
   * built (the classifier rejects a single class).
   *
   * @param meta - the encoder's metadata (`classes_`, `nClasses_`, `targetType_`, ...)
   * @param hasY - whether y was given (`initialize` may go without)
   */
  protected checkTargetMetadata(meta: Params, hasY: boolean): void {
    void [meta, hasY];
  }

  /**
   * Builds (or copies) and compiles the model and fits the encoders without training
   * (scikeras's `initialize`): use it for pretrained models.
   *
   * @param X - training samples
   * @param y - targets (needed by the encoders)
   * @returns this
   * @throws ValueError/TypeError for invalid data or `model` params (nothing changed then)
   */
  async initialize(X: unknown, y?: unknown): Promise<this> {
    ensureFastKernels();
    await this.#transact(this.#planner().plan(X, y, { caller: 'initialize' }), false);
    return this;
  }

  /**
   * Builds the model (unless warm-started) and trains it (scikeras's `fit`).
   *
   * @param X - training samples (n x features)
   * @param y - targets
   * @param options - `sampleWeight` and per-call fit options (`epochs`, `batchSize`, ...)
   * @returns this
   * @throws InvalidParameterError for an invalid param or option; ValueError for invalid data,
   *   all-zero sample weights, a model without loss (in every case the estimator is unchanged)
   * @example
   * ```ts
   * await est.fit(X, y, { sampleWeight: w, epochs: 3 });
   * ```
   */
  async fit(X: unknown, y: unknown, options: FitOptions = {}): Promise<this> {
    await this.fitInternal(X, y, { ...options, caller: 'fit' });
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
    await this.fitInternal(X, y, { ...options, caller: 'partialFit' });
    return this;
  }

  /**
   * The shared body of `fit` and `partialFit` (scikeras's `_fit`): plan (every check), then
   * build and train as one transaction.
   *
   * @param X - training samples
   * @param y - targets
   * @param call - the call's options and which method it is
   */
  protected async fitInternal(X: unknown, y: unknown, call: FitCall): Promise<void> {
    ensureFastKernels();
    await this.#transact(this.#planner().plan(X, y, call), true);
  }

  #planner(): FitPlanner {
    const ctor = this.constructor as typeof BaseWrapper;
    return new FitPlanner(this, {
      constraints: collectConstraints(ctor),
      fitKwargs: this.fitKwargs,
      yNumeric: this.yNumeric,
      targetEncoder: () => this.targetEncoder,
      featureEncoder: () => this.featureEncoder,
      fitSampleWeight: (y, sw) => this.fitSampleWeight(y, sw),
      checkTargetMetadata: (meta, hasY) => this.checkTargetMetadata(meta, hasY),
      createCallbacks: (params) => this.createCallbacks('fit', params),
      buildModel:
        this.buildModel !== BaseWrapper.prototype.buildModel
          ? (ctx) => this.buildModel(ctx as BuildContext<E>)
          : null,
    });
  }

  async #transact(plan: FitPlan, train: boolean): Promise<void> {
    const txn = new FitTransaction(this, plan.warm ? this.model_ : undefined);
    let tracked: TrackedBuildContext | null = null;
    try {
      if (!plan.warm) tracked = await this.#initializeModel(plan, txn);
      if (train) await this.#train(plan, txn);
      txn.commit();
    } catch (e) {
      txn.rollback();
      throw e;
    }
    if (tracked) {
      const declared = new Set(Object.keys(collectDefaults(this.constructor)));
      const unused = findUnusedParams({ ...plan.use, declared, ...tracked, enumerated: tracked.enumerated() });
      warnUnusedParams(this.constructor.name, unused);
    }
  }

  async #initializeModel(plan: FitPlan, txn: FitTransaction): Promise<TrackedBuildContext> {
    txn.clear();
    this.beforeInitialize();
    txn.stage(plan.attributes);
    const kw = compileKwargsFrom(plan.routed);
    const meta = this.getMetadata();
    const values = { ...plan.routed.model, ...meta, X: plan.X, y: plan.y, meta, compileKwargs: kw };
    const tracked = trackedBuildContext(values, plan.deepParams);
    let adopted = false;
    try {
      const model = await lifecycle.makeModel(plan.make!, tracked.ctx, plan.randomState);
      txn.adopt(model);
      adopted = lifecycle.compileModel(model, kw);
      txn.stage({ model_: model, initialized_: true, history_: {}, currentEpoch_: 0 });
    } finally {
      if (!adopted) kw.optimizer.dispose();
    }
    return tracked;
  }

  async #train(plan: FitPlan, txn: FitTransaction): Promise<void> {
    const [xk] = this.preProcessX(plan.X);
    const [yk, yExtra] = this.preProcessY(plan.y);
    if (!plan.warm) txn.stage(yExtra);
    const v = plan.validation;
    const validation: [KerasData, KerasData] | null = v
      ? [this.preProcessX(v.X)[0], this.preProcessY(v.y)[0]]
      : null;
    const model = this.model_!;
    lifecycle.checkModelCompatibility(model, this.nOutputsExpected_, plan.routed.compile.loss);
    const history = await fitKerasModel(model, {
      x: xk,
      y: yk,
      n: plan.X.shape[0],
      validation,
      sampleWeight: plan.sampleWeight,
      epochs: plan.epochs,
      initialEpoch: plan.initialEpoch,
      fitArgs: plan.fitArgs,
      callbacks: plan.callbacks,
      randomState: plan.randomState,
    });
    txn.stage(appendHistory(this.history_, history.history, plan.initialEpoch));
  }

  /**
   * Frees the fitted model and its optimizer (tfjs memory is not garbage collected). The
   * estimator becomes unfitted; `fit` works again.
   */
  dispose(): void {
    if (this.model_) lifecycle.disposeModel(this.model_);
    delete this.model_;
    delete this.initialized_;
  }

  /**
   * How this estimator travels to a worker thread of @scikeras/model-selection (`nJobs > 1`):
   * its class, params (build functions by their `registerModel` name) and, when fitted, the
   * saved model. See docs/BACKENDS.md.
   *
   * @returns the spec (a Promise when weights must be saved)
   * @throws ValueError when a param cannot travel (e.g. an unregistered build function)
   * @example
   * ```ts
   * registerModel('mlp', buildMlp, { module: import.meta.url });
   * const spec = await new KerasClassifier({ model: buildMlp }).toTravelSpec();
   * ```
   */
  toTravelSpec(): TravelSpec | Promise<TravelSpec> {
    return toWrapperTravelSpec(this);
  }

  /**
   * Rebuilds an estimator sent by {@link BaseWrapper.toTravelSpec} (in the worker thread).
   *
   * @param spec - the spec
   * @returns the estimator, fitted if the sender's was
   * @example
   * ```ts
   * const est = await KerasClassifier.fromTravelSpec(spec);
   * ```
   */
  static fromTravelSpec<T extends BaseWrapper<any, any>>(
    this: new (p?: any) => T,
    spec: TravelSpec,
  ): Promise<T> {
    return fromWrapperTravelSpec<T>(spec, this as unknown as EstimatorClass<any>);
  }

  /**
   * The raw model output for X (for classifiers: probabilities), as plain arrays, computed
   * batch by batch (linear in the rows on every backend).
   *
   * @param X - samples
   * @param options - per-call predict options (`batchSize`)
   * @returns one n x k matrix, or one per model output
   * @throws NotFittedError before `fit`; InvalidParameterError for an invalid batch size
   */
  async predictRaw(X: unknown, options: PredictOptions = {}): Promise<KerasOutput> {
    if (!this.initialized_ || !this.model_) {
      throw new NotFittedError(
        `This ${this.constructor.name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
      );
    }
    const params = this.getParams(false);
    validatePredictParams(collectConstraints(this.constructor), params, options, this.constructor.name);
    const args = routeParams(params, 'predict', PREDICT_KWARGS);
    const Xc = checkPredictX(this, X, this.XShape_);
    const [xk] = this.preProcessX(Xc);
    const given = (options.batchSize ?? args.batchSize) as number | null | undefined;
    const batchSize = given === -1 ? Xc.shape[0] : (given ?? 32);
    const callbacks = this.createCallbacks('predict', params) as {
      onPredictBegin?: (logs?: unknown) => unknown;
      onPredictEnd?: (logs?: unknown) => unknown;
    }[];
    for (const cb of callbacks) await cb.onPredictBegin?.({});
    const out = predictInBatches(this.model_, xk, batchSize);
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
    const sw =
      options.sampleWeight === undefined || options.sampleWeight === null
        ? undefined
        : checkSampleWeight(options.sampleWeight, (yc as ArrayLike<unknown>).length);
    const yPred = await this.predict(X);
    const scoreArgs = paramsWithPrefix(this.getParams(false), 'score');
    const Klass = this.constructor as typeof BaseWrapper;
    return Klass.scorer(ArrayBuffer.isView(yc) ? Array.from(yc as ArrayLike<number>) : yc, yPred, {
      ...scoreArgs,
      ...(sw ? { sampleWeight: sw } : {}),
    });
  }
}
