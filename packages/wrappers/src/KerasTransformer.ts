// A transformer over a tfjs model, after scikeras's autoencoder tutorial (a BaseWrapper with
// scikit-learn's TransformerMixin; scikeras ships no such class) (MIT), for TensorFlow.js.
import * as tf from '@tensorflow/tfjs';
import {
  InstanceOf,
  Interval,
  NotFittedError,
  StrOptions,
  ValueError,
  estimatorNameOf,
  registerEstimator,
  type EstimatorType,
  type ParameterConstraints,
  type Params,
} from '@scikeras/estimator-core';
import { r2Score } from '@scikeras/metrics';
import { RegressorTargetEncoder } from '@scikeras/target-utils';
import {
  BaseWrapper,
  type BaseWrapperParams,
  type FitOptions,
  type PredictOptions,
  type ScoreOptions,
} from './BaseWrapper';
import type { NoParams } from './BuildContext';
import type { Transformer } from './IdentityTransformer';
import { decoderModel, findLayer, layerOutputIn } from './internal/decoderModel';
import { MODULE_URL } from './internal/moduleUrl';
import { outputRows } from './internal/predictInBatches';
import { predictOutput } from './internal/predictOutput';
import { collectConstraints } from './wrapperConstraints';

/** Params of {@link KerasTransformer}: those of {@link BaseWrapper} plus `outputLayer`, `fitTarget` and `decoderLayer`. */
export interface KerasTransformerParams extends BaseWrapperParams {
  /**
   * The layer whose output `transform` returns: its name (Keras's `model.get_layer(name)`), or
   * its index in `model_.layers` (negative counts from the end); `null` for the model's own
   * output. @defaultValue null
   */
  outputLayer?: string | number | null;
  /**
   * What the model learns to predict: `'X'` (an autoencoder: the model reconstructs its input,
   * and a `y` given to `fit` is ignored, as a Pipeline passes one to every step) or `'y'` (the
   * numeric targets given to `fit`, e.g. to learn an embedding). @defaultValue 'X'
   */
  fitTarget?: 'X' | 'y';
  /**
   * The first layer of the decoder, which makes `inverseTransform` available (the tutorial's
   * `decoder_model_`): its name or index in `model_.layers` (a layer, or a sub-model used as a
   * layer). `inverseTransform` feeds the codes to this layer and runs it and every layer after
   * it to the model's output. `null`: no decoder, and no `inverseTransform` (as a scikit-learn
   * transformer without `inverse_transform`). @defaultValue null
   */
  decoderLayer?: string | number | null;
}

/* eslint-disable @typescript-eslint/no-unused-vars */
export interface KerasTransformer<
  E extends object = NoParams,
> extends Required<KerasTransformerParams> {}
/* eslint-enable @typescript-eslint/no-unused-vars */

const isString = (v: unknown): boolean => typeof v === 'string';

/**
 * A scikit-learn transformer over a tfjs model: `fit` trains the model (by default to
 * reconstruct X, an autoencoder), `transform` returns the output of the layer `outputLayer`
 * (the encoding), so a Keras model can be a step of a `Pipeline` in front of a classifier.
 *
 * @remarks scikeras has no `KerasTransformer`: its README says to inherit from `BaseWrapper`
 * for other estimator types, "for example a Transformer", and its autoencoder tutorial does
 * so. This class packages that recipe. `score` is R² of the model's prediction against its
 * target (X for an autoencoder), where the tutorial's `AutoEncoder` uses 1 − MSE: R² is the
 * regressor's score, scale-free, equal to 1 − MSE on standardized columns. `inverseTransform`
 * (the tutorial's `decoder_model_.predict`) exists only with a `decoderLayer`, as
 * `inverse_transform` exists only where a scikit-learn transformer defines it: the tutorial
 * builds its decoder by hand, a decoder is not defined for every graph. Async like every wrapper.
 * @example
 * ```ts
 * const encoder = new KerasTransformer({
 *   model: ({ nFeaturesIn_ }) =>
 *     tf.sequential({
 *       layers: [
 *         tf.layers.dense({ inputShape: [nFeaturesIn_], units: 2, activation: 'tanh', name: 'code' }),
 *         tf.layers.dense({ units: nFeaturesIn_ }),
 *       ],
 *     }),
 *   loss: 'mse',
 *   outputLayer: 'code',
 *   epochs: 20,
 *   verbose: 0,
 * });
 * const pipe = new Pipeline({ steps: [['encoder', encoder], ['clf', classifier]] });
 * await pipe.fit(X, y); // the encoder learns to reconstruct X; the classifier sees the codes
 * ```
 * @see https://adriangb.com/scikeras/stable/notebooks/AutoEncoders.html
 */
export class KerasTransformer<E extends object = NoParams> extends BaseWrapper<
  E,
  KerasTransformerParams
> {
  static override estimatorName = 'KerasTransformer';
  static override defaults: Readonly<Params> = {
    outputLayer: null,
    fitTarget: 'X',
    decoderLayer: null,
  } satisfies Required<Pick<KerasTransformerParams, 'outputLayer' | 'fitTarget' | 'decoderLayer'>>;
  static override parameterConstraints: ParameterConstraints = {
    outputLayer: [
      new InstanceOf('str', isString),
      new Interval('int', null, null, { closed: 'neither' }),
      null,
    ],
    fitTarget: [new StrOptions(['X', 'y'])],
    decoderLayer: [
      new InstanceOf('str', isString),
      new Interval('int', null, null, { closed: 'neither' }),
      null,
    ],
  };
  static override tags = {
    poorScore: true,
    multioutput: true,
    requiresY: false,
    sampleWeight: true,
    xfailChecks: {} as Record<string, string>,
  };

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  protected override get yNumeric(): boolean {
    return true;
  }

  /** A fresh `RegressorTargetEncoder`: the targets (X itself by default) are numbers. */
  override get targetEncoder(): Transformer {
    return new RegressorTargetEncoder() as unknown as Transformer;
  }

  /**
   * R² (scikit-learn's `r2_score`, uniform average over columns), honouring `sampleWeight`.
   *
   * @param yTrue - the true targets (X for an autoencoder)
   * @param yPred - the model's predictions
   * @param options - `sampleWeight`, `multioutput`
   * @returns R²
   */
  static override scorer(yTrue: unknown, yPred: unknown, options: Params = {}): number {
    return r2Score(yTrue as any, yPred as any, options as any) as unknown as number;
  }

  /**
   * Trains the model on X and its target: X itself (`fitTarget: 'X'`, y ignored) or y.
   *
   * @param X - samples
   * @param y - targets, read only with `fitTarget: 'y'`
   * @param options - `sampleWeight` and fit options
   * @returns this
   * @throws ValueError when `fitTarget` is `'y'` and y is missing; see `BaseWrapper.fit`
   */
  override async fit(X: unknown, y?: unknown, options: FitOptions = {}): Promise<this> {
    return super.fit(X, this.#target(X, y), options);
  }

  /**
   * One epoch of training from the current state (see `fit` for the target).
   *
   * @param X - samples
   * @param y - targets, read only with `fitTarget: 'y'`
   * @param options - `sampleWeight` and fit options
   * @returns this
   */
  override async partialFit(X: unknown, y?: unknown, options: FitOptions = {}): Promise<this> {
    return super.partialFit(X, this.#target(X, y), options);
  }

  /**
   * Builds and compiles the model without training (see `fit` for the target).
   *
   * @param X - samples
   * @param y - targets, read only with `fitTarget: 'y'`
   * @returns this
   */
  override async initialize(X: unknown, y?: unknown): Promise<this> {
    return super.initialize(X, this.#target(X, y));
  }

  /**
   * The output of `outputLayer` for X: one row per sample (a layer's output of several
   * dimensions is flattened per row).
   *
   * @param X - samples
   * @param options - predict options (`batchSize`)
   * @returns n x k numbers (one matrix per output with `outputLayer: null` and several outputs)
   * @throws NotFittedError before `fit`; ValueError for an unknown layer
   * @example
   * ```ts
   * const codes = await encoder.transform(X); // [[0.12, -0.9], ...]
   * ```
   */
  async transform(X: unknown, options: PredictOptions = {}): Promise<any> {
    this.#checkFitted();
    const model = this.#outputModel();
    // the same prediction path as `predictRaw`, through the model cut at the chosen layer
    const view = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as object, {
      getParams: (deep?: boolean) => this.getParams(deep),
      initialized_: this.initialized_,
      model_: model,
      XShape_: this.XShape_,
    });
    const out = await predictOutput(view, X, options, {
      constraints: collectConstraints(this.constructor),
      preProcessX: (Xc) => this.preProcessX(Xc),
      createCallbacks: (params) => this.createCallbacks('predict', params),
    });
    return outputRows(out);
  }

  /**
   * `fit(X, y, options)`, then `transform(X)`.
   *
   * @param X - samples
   * @param y - targets, read only with `fitTarget: 'y'`
   * @param options - fit options
   * @returns the transformed X
   */
  async fitTransform(X: unknown, y?: unknown, options: FitOptions = {}): Promise<any> {
    await this.fit(X, y, options);
    return this.transform(X);
  }

  /**
   * R² of the model's prediction for X against its target (X itself with `fitTarget: 'X'`).
   *
   * @param X - samples
   * @param y - targets, read only with `fitTarget: 'y'`
   * @param options - `sampleWeight`
   * @returns R²
   */
  override async score(X: unknown, y?: unknown, options: ScoreOptions = {}): Promise<number> {
    return super.score(X, this.#target(X, y), options);
  }

  /**
   * Names of the output columns, scikit-learn's for feature extractors
   * (`ClassNamePrefixFeaturesOutMixin`): the lower-cased class name and the column index.
   *
   * @param inputFeatures - ignored (as scikit-learn's mixin does, once fitted)
   * @returns `['kerastransformer0', 'kerastransformer1', ...]`
   * @throws NotFittedError before `fit`
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    void inputFeatures;
    this.#checkFitted();
    const shape = this.#outputModel().outputs[0]!.shape.slice(1);
    const k = shape.reduce<number>((a, b) => a * (b ?? 1), 1);
    const prefix = estimatorNameOf(this).toLowerCase();
    return Array.from({ length: k }, (_, i) => `${prefix}${i}`);
  }

  /**
   * Decodes codes back to X (the tutorial's `decoder_model_.predict`): the layers from
   * `decoderLayer` to the model's output run on `Xt`. Present only when `decoderLayer` is set
   * (`typeof t.inverseTransform === 'undefined'` otherwise, as scikit-learn's `available_if`),
   * so a Pipeline has `inverseTransform` only when every step has one.
   *
   * @returns `(Xt, options?) => Promise<rows of X>`, or undefined without `decoderLayer`
   * @throws NotFittedError (when called) before `fit`; ValueError for an unknown layer, a
   *   `decoderLayer` whose layers do not lead to the output one after the other, or codes of
   *   the wrong width
   * @example
   * ```ts
   * const ae = new KerasTransformer({ model, loss: 'mse', outputLayer: 'code', decoderLayer: 'out' });
   * await ae.fit(X);
   * const back = await ae.inverseTransform!(await ae.transform(X)); // about X
   * ```
   */
  get inverseTransform(): ((Xt: unknown, options?: PredictOptions) => Promise<any>) | undefined {
    const spec = this.decoderLayer;
    if (spec === null || spec === undefined) return undefined;
    return (Xt: unknown, options: PredictOptions = {}) => this.#inverse(Xt, spec, options);
  }

  #target(X: unknown, y: unknown): unknown {
    if (this.fitTarget !== 'y') return X;
    if (y === undefined || y === null) {
      throw new ValueError(
        `${estimatorNameOf(this)} with fitTarget='y' requires y to be passed, but the target y is None.`,
      );
    }
    return y;
  }

  #checkFitted(): void {
    if (!this.initialized_ || !this.model_) {
      throw new NotFittedError(
        `This ${estimatorNameOf(this)} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`,
      );
    }
  }

  /** The fitted model from its inputs to `outputLayer`'s output (sharing its weights). */
  #outputModel(): tf.LayersModel {
    const model = this.model_!;
    const spec = this.outputLayer;
    if (spec === null || spec === undefined) return model;
    return tf.model({
      inputs: model.inputs,
      outputs: layerOutputIn(model, findLayer(model, spec)),
    });
  }

  async #inverse(Xt: unknown, spec: string | number, options: PredictOptions): Promise<any> {
    this.#checkFitted();
    const model = this.model_!;
    const decoder = decoderModel(model, findLayer(model, spec), 'decoderLayer');
    const view = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as object, {
      getParams: (deep?: boolean) => this.getParams(deep),
      initialized_: this.initialized_,
      model_: decoder,
      // the codes' shape: the decoder's input (its batch dimension is not checked)
      XShape_: [0, ...decoder.inputs[0]!.shape.slice(1)] as number[],
    });
    const out = await predictOutput(view, Xt, options, {
      constraints: collectConstraints(this.constructor),
      preProcessX: (Xc) => [Xc, {}],
      createCallbacks: (params) => this.createCallbacks('predict', params),
    });
    const rows = outputRows(out);
    // X as the user gave it: the feature encoder undone (the tutorial's feature_encoder_.inverse_transform)
    return this.featureEncoder_ ? this.featureEncoder_.inverseTransform(rows) : rows;
  }
}
registerEstimator(KerasTransformer, { module: MODULE_URL });
