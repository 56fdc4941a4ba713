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
import {
  NotImplementedError,
  estimatorNameOf,
  paramsWithPrefix,
  registerEstimator,
  type Params,
  type ParameterConstraints,
} from '@scikeras/estimator-core';
import type { BuildContext, BuildFn, NoParams } from './BuildContext';
import { FitPlanner, type FitCall } from './internal/FitPlanner';
import type { CallbackSpec } from './internal/buildCallbacks';
import { checkScoreInputs } from './internal/checkFitInputs';
import { disposeModel } from './internal/modelLifecycle';
import { outputRows, type OutputMatrices } from './internal/predictInBatches';
import { predictOutput } from './internal/predictOutput';
import { readsOutputMatrices } from './internal/readsOutputMatrices';
import { runFit } from './internal/runFit';
import type { KerasData, KerasOutput } from './internal/tensorData';
import { checkSettableParams } from './internal/unknownParam';
import { MODULE_URL } from './internal/moduleUrl';
import { installTfjsCodec } from './internal/tfjsCodec';
import { BASE_WRAPPER_CONSTRAINTS, collectConstraints } from './wrapperConstraints';
import { WrapperHooks } from './WrapperHooks';
import {
  BASE_WRAPPER_DEFAULTS,
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
  E extends object = NoParams,
  P extends BaseWrapperParams = BaseWrapperParams,
  Y = unknown,
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
 * @typeParam Y - what `predict` resolves to (what `postProcessY` returns first): `unknown` here,
 *   `Label[] | Label[][]` for `KerasClassifier`, `number[] | number[][]` for `KerasRegressor`
 * @remarks `fit`, `partialFit`, `initialize`, `predict` and `score` are async (tfjs training is).
 * Params are validated when `fit` starts (scikit-learn 1.2's messages), never in the constructor.
 * A failed `fit` changes nothing. `runEagerly` is accepted and ignored (tfjs runs eagerly);
 * `lossWeights`, `weightedMetrics`, `validationFreq` (other than 1) and `validationBatchSize`
 * (other than the `batchSize`) have no tfjs equivalent and are refused with a `ValueError`. A user param that nothing reads
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
  E extends object = NoParams,
  P extends BaseWrapperParams = BaseWrapperParams,
  Y = unknown,
> extends WrapperHooks<E, P> {
  static estimatorName = 'BaseWrapper';
  static override defaults: Readonly<Params> = BASE_WRAPPER_DEFAULTS;
  static override acceptsExtraParams = true;
  static override routingPrefixes: readonly string[] = ROUTING_PREFIXES;
  static override tags = {
    poorScore: true,
    multioutput: true,
    // fit(X, y, { sampleWeight }) (scikeras's fit(X, y, sample_weight=None))
    sampleWeight: true,
    xfailChecks: {} as Record<string, string>,
  };
  /** Accepted values of the params, checked when a fit starts (scikit-learn's `_parameter_constraints`). */
  static parameterConstraints: ParameterConstraints = BASE_WRAPPER_CONSTRAINTS;

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
   * The current training epoch (scikeras's `current_epoch`): the number of epochs in
   * `history_` (`partialFit` resumes from it), 0 before any training.
   *
   * @returns the epoch count
   * @example
   * ```ts
   * await est.partialFit(X, y);
   * est.currentEpoch; // 1
   * ```
   */
  get currentEpoch(): number {
    return this.history_?.loss?.length ?? 0;
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
    const ctor = this.constructor as typeof BaseWrapper;
    checkSettableParams(estimatorNameOf(this), this.paramNames(), ctor.routingPrefixes, params);
    return super.setParams(params);
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
    await this.#run(X, y, { caller: 'initialize' });
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
    await this.#run(X, y, call);
  }

  async #run(X: unknown, y: unknown, call: FitCall): Promise<void> {
    const hooks = this.boundHooks();
    await runFit(
      this,
      new FitPlanner(this, hooks).plan(X, y, call),
      hooks,
      call.caller !== 'initialize',
    );
  }

  /**
   * Frees the fitted model and its optimizer (tfjs memory is not garbage collected). The
   * estimator becomes unfitted; `fit` works again.
   */
  dispose(): void {
    if (this.model_) disposeModel(this.model_);
    delete this.model_;
    delete this.initialized_;
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
    return outputRows(await this.predictMatrices(X, options));
  }

  /**
   * The raw model output for X as float32 matrices (`{ data, shape: [n, k] }`, one per model
   * output when there are several): what `predictRaw` returns as rows, without making them.
   *
   * @param X - samples
   * @param options - per-call predict options (`batchSize`)
   * @returns one n x k matrix, or one per model output
   * @throws NotFittedError before `fit`; InvalidParameterError for an invalid batch size
   */
  protected async predictMatrices(X: unknown, options: PredictOptions): Promise<OutputMatrices> {
    return predictOutput(this, X, options, {
      constraints: collectConstraints(this.constructor),
      preProcessX: (Xc) => this.preProcessX(Xc),
      createCallbacks: (params) => this.createCallbacks('predict', params),
    });
  }

  /**
   * Whether `predict` (and `predictProba`) may hand the model's float32 output matrices straight
   * to the target encoder: when neither `predictRaw` nor `postProcessY` is overridden and the
   * encoder is our own, which decodes them exactly as it decodes the same values as rows (no
   * `number[][]` of the whole output is made; at 1M rows that is most of predict's time and
   * memory).
   */
  protected get decodesOutputMatrices(): boolean {
    return (
      this.predictRaw === BaseWrapper.prototype.predictRaw &&
      this.postProcessY === WrapperHooks.prototype.postProcessY &&
      readsOutputMatrices(this.targetEncoder_)
    );
  }

  /**
   * Predictions for X, decoded to the user's targets.
   *
   * @param X - samples
   * @param options - per-call predict options (`batchSize`)
   * @returns predictions (labels for classifiers, values for regressors), typed by the class's
   *   `Y` type argument (a subclass that overrides `postProcessY` declares what it returns there)
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * const yPred = await est.predict(X);
   * ```
   */
  async predict(X: unknown, options: PredictOptions = {}): Promise<Y> {
    if (this.decodesOutputMatrices) {
      const out = await this.predictMatrices(X, options);
      return this.targetEncoder_!.inverseTransform(out) as Y;
    }
    const raw = await this.predictRaw(X, options);
    return this.postProcessY(raw)[0] as Y;
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
    const { yTrue, sampleWeight } = checkScoreInputs(y, options.sampleWeight);
    const yPred = await this.predict(X);
    const scoreArgs = paramsWithPrefix(this.getParams(false), 'score');
    return (this.constructor as typeof BaseWrapper).scorer(yTrue, yPred, {
      ...scoreArgs,
      ...(sampleWeight ? { sampleWeight } : {}),
    });
  }
}
registerEstimator(BaseWrapper, { module: MODULE_URL });
// tfjs models, optimizers and tensors in estimator-core's codec (saveEstimator, worker travel)
installTfjsCodec();
