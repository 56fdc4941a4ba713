// The extension points of scikeras's scikeras/wrappers.py BaseWrapper (MIT): encoders, data hooks, model hooks.
import type * as tf from '@tensorflow/tfjs';
import {
  BaseEstimator,
  ValueError,
  type ArrayND,
  type CheckedY,
  type Params,
} from '@scikeras/estimator-core';
import type { ClassifierTargetType, TargetType } from '@scikeras/target-utils';
import type { BuildContext, NoParams } from './BuildContext';
import { AUTO_LOSS } from './autoLoss';
import { compileKwargsFrom, type CompileKwargs } from './compileKwargs';
import { IdentityTransformer, type Transformer } from './IdentityTransformer';
import type { BoundHooks } from './internal/BoundHooks';
import { buildCallbacks } from './internal/buildCallbacks';
import { fittedAttributes } from './internal/encoderMetadata';
import * as lifecycle from './internal/modelLifecycle';
import { readsOutputMatrices } from './internal/readsOutputMatrices';
import type { KerasData, KerasOutput } from './internal/tensorData';
import { FIT_KWARGS, routeWrapperParams } from './RoutedParams';
import { collectConstraints } from './wrapperConstraints';
import type { BaseWrapperParams, WrapperArgs } from './WrapperParams';

/** Our target encoders' `transformMatrix` (see `readsOutputMatrices`). */
interface MatrixEncoder {
  transformMatrix(y: unknown): { data: Float32Array; shape: [number, number] };
}

/**
 * What a wrapper subclass overrides (scikeras's hooks): the target and feature encoders, the
 * data conversions (`preProcessX`, `preProcessY`, `postProcessY`), `buildModel`, the callbacks,
 * the compile arguments, sample weights, and the fitted attributes they declare. `BaseWrapper`
 * adds the estimator API (`fit`, `predict`, `score`, ...) on top.
 *
 * @typeParam E - params the build function (or a subclass) declares
 * @typeParam P - the class's params interface
 * @example
 * ```ts
 * class MultiInput extends KerasClassifier {
 *   override preProcessX(X: ArrayND): [KerasData, Params] {
 *     return [[X, X], {}]; // one matrix per model input
 *   }
 * }
 * ```
 * @see https://adriangb.com/scikeras/stable/advanced.html#data-transformers
 */
export abstract class WrapperHooks<
  E extends object = NoParams,
  P extends BaseWrapperParams = BaseWrapperParams,
> extends BaseEstimator<WrapperArgs<P, E>> {
  declare model_?: tf.LayersModel;
  declare history_?: Record<string, number[]>;
  declare currentEpoch_?: number;
  declare initialized_?: boolean;
  declare targetEncoder_?: Transformer;
  declare featureEncoder_?: Transformer;
  declare nFeaturesIn_?: number;
  declare XShape_?: number[];
  /** X's numpy dtype as scikeras records it (`'float32'` for a `Float32Array`, `'float64'` for plain numbers, ...). */
  declare XDtype_?: string;
  declare yDtype_?: string;
  declare yNdim_?: number;
  declare targetType_?: TargetType | ClassifierTargetType;
  declare nOutputs_?: number;
  declare nOutputsExpected_?: number;

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
  preProcessX(X: ArrayND): [KerasData, Params] {
    return [this.featureEncoder_!.transform(X) as KerasData, {}];
  }

  /**
   * y as the model takes it, plus extra fitted attributes set during `fit` (scikeras's
   * `_pre_process_y`). The default encodes with `targetEncoder_` and splits the columns into one
   * target per output when the encoder expects several outputs. When it is not overridden and
   * the encoder is our own with one output, y is encoded into one float32 matrix
   * (`transformMatrix`: the same values, no row array per sample).
   *
   * @param y - the validated y
   * @returns `[modelTarget, extra]`
   */
  preProcessY(y: CheckedY): [KerasData, Params] {
    const nOut = this.nOutputsExpected_ ?? 1;
    const encoder = this.targetEncoder_!;
    if (
      nOut <= 1 &&
      this.preProcessY === WrapperHooks.prototype.preProcessY &&
      readsOutputMatrices(encoder)
    ) {
      // not overridden (an override calling super gets rows): one float32 matrix, no row arrays
      return [(encoder as unknown as MatrixEncoder).transformMatrix(y), {}];
    }
    const enc = encoder.transform(y) as unknown;
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
      if (kw.loss === AUTO_LOSS) kw.loss = this.autoLoss(model, fittedAttributes(this));
      lifecycle.compileModel(model, kw);
    } catch (e) {
      lifecycle.disposeOptimizer(kw.optimizer);
      throw e;
    }
  }

  /**
   * The loss `loss: 'auto'` compiles an uncompiled model with (scikeras's `loss="auto"`). Here
   * (`BaseWrapper`, `KerasTransformer`) there is none: `KerasClassifier` and `KerasRegressor`
   * override it with `autoLoss`.
   *
   * @param model - the built, uncompiled model; null before the build (for the build context's
   *   `compileKwargs.loss`: the loss the target alone picks, or null)
   * @param meta - the fitted attributes (`targetType_`, ...)
   * @returns a tfjs loss name, or null (only when `model` is null)
   * @throws ValueError here, when a model is given: this wrapper has no `loss="auto"`
   */
  protected autoLoss(model: tf.LayersModel | null, meta: Params): string | null {
    void meta;
    if (!model) return null;
    throw new ValueError(
      `\`loss="auto"\` is supported by KerasClassifier and KerasRegressor only: pass ${this.constructor.name} a loss, or compile the model in the model-building function.`,
    );
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
   * This wrapper's hooks and class settings, bound to it, for the fit machinery.
   *
   * @returns the bound hooks
   */
  protected boundHooks(): BoundHooks {
    return {
      constraints: collectConstraints(this.constructor),
      fitKwargs: this.fitKwargs,
      yNumeric: this.yNumeric,
      targetEncoder: () => this.targetEncoder,
      featureEncoder: () => this.featureEncoder,
      fitSampleWeight: (y, sw) => this.fitSampleWeight(y, sw),
      checkTargetMetadata: (meta, hasY) => this.checkTargetMetadata(meta, hasY),
      createCallbacks: (params) => this.createCallbacks('fit', params),
      buildModel:
        this.buildModel !== WrapperHooks.prototype.buildModel
          ? (ctx) => this.buildModel(ctx as BuildContext<E>)
          : null,
      beforeInitialize: () => this.beforeInitialize(),
      autoLoss: (model, meta) => this.autoLoss(model, meta),
      getMetadata: () => this.getMetadata(),
      preProcessX: (X) => this.preProcessX(X),
      preProcessY: (y) => this.preProcessY(y),
    };
  }
}
