// Port of scikeras's scikeras/wrappers.py KerasClassifier (MIT), for TensorFlow.js.

import {
  InstanceOf,
  StrOptions,
  ValueError,
  pyRepr,
  registerEstimator,
  type CheckedY,
  type Label,
  type ParameterConstraints,
  type Params,
} from '@scikeras/estimator-core';
import { accuracyScore } from '@scikeras/metrics';
import type * as tf from '@tensorflow/tfjs';
import { ClassifierLabelEncoder } from '@scikeras/target-utils';
import {
  BaseWrapper,
  type BaseWrapperParams,
  type FitOptions,
  type PredictOptions,
} from './BaseWrapper';
import { AUTO_LOSS, autoLoss } from './autoLoss';
import type { NoParams } from './BuildContext';
import type { LossSpec } from './compileKwargs';
import type { Transformer } from './IdentityTransformer';
import { MODULE_URL } from './internal/moduleUrl';
import { computeSampleWeight, type ClassWeight } from './internal/computeSampleWeight';

/** Params of {@link KerasClassifier}: those of {@link BaseWrapper} plus `classWeight`. */
export interface KerasClassifierParams extends BaseWrapperParams {
  /**
   * As `BaseWrapper`'s; `'auto'` compiles an uncompiled single-output model with
   * `binary_crossentropy` (a 'binary' target, 1 output unit) or `sparse_categorical_crossentropy`
   * (a 'multiclass' target, more units), see `autoLoss`. @defaultValue 'auto'
   */
  loss?: LossSpec;
  /**
   * `{ label: weight }`, `'balanced'` (`nSamples / (nClasses * count)`), or one record per
   * output for multi-output y; multiplied into the sample weights. @defaultValue null
   */
  classWeight?: ClassWeight;
}

/**
 * What {@link KerasClassifier.predict} resolves to: one label per sample (`Label[]`) for
 * 'binary' and 'multiclass' targets; one row per sample (`Label[][]`) for 'multilabel-indicator',
 * 'multiclass-multioutput' and one-hot ('multiclass-onehot') targets. Which one is known only
 * from the y given to `fit`: narrow with `Array.isArray(yPred[0])`, or assert what you fitted.
 *
 * @example
 * ```ts
 * const yPred: ClassifierPrediction = await clf.predict(X);
 * const labels = yPred as Label[]; // a 1-D y was fitted
 * ```
 */
export type ClassifierPrediction = Label[] | Label[][];

/**
 * What {@link KerasClassifier.predictProba} resolves to: n x nClasses probabilities, or one such
 * matrix per output for 'multiclass-multioutput' targets.
 */
export type ClassifierProbabilities = number[][] | number[][][];

/** Options of {@link KerasClassifier.partialFit}: fit options plus `classes`. */
export interface ClassifierPartialFitOptions extends FitOptions {
  /** Every class across all `partialFit` calls (needed on the first call when y lacks some). */
  classes?: Label[] | null;
}

/* eslint-disable @typescript-eslint/no-unused-vars */
export interface KerasClassifier<
  E extends object = NoParams,
> extends Required<KerasClassifierParams> {}
/* eslint-enable @typescript-eslint/no-unused-vars */

const isRecord = (v: unknown): boolean =>
  !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/**
 * scikit-learn classifier over a tfjs model (scikeras's `KerasClassifier`): labels of any type
 * (numbers, strings, booleans), binary, multiclass, multilabel-indicator and
 * multiclass-multioutput targets through `ClassifierLabelEncoder`; `predictProba`; accuracy
 * as the default score; `classWeight`.
 *
 * @remarks Async `fit`/`predict`/`predictProba`/`score`. `predictProba` of a binary model with
 * one sigmoid output returns two columns `[1 - p, p]`, as scikit-learn does.
 *
 * @example
 * ```ts
 * const clf = new KerasClassifier({
 *   model: ({ nFeaturesIn_, nClasses_ }) => {
 *     const m = tf.sequential();
 *     m.add(tf.layers.dense({ units: 8, activation: 'relu', inputShape: [nFeaturesIn_] }));
 *     m.add(tf.layers.dense({ units: nClasses_ as number, activation: 'softmax' }));
 *     return m;
 *   },
 *   loss: 'sparse_categorical_crossentropy',
 *   epochs: 5,
 *   verbose: 0,
 * });
 * await clf.fit(X, ['a', 'b', 'c', 'a']);
 * await clf.predict(X); // labels
 * ```
 * @see https://adriangb.com/scikeras/stable/generated/scikeras.wrappers.KerasClassifier.html
 */

export class KerasClassifier<E extends object = NoParams> extends BaseWrapper<
  E,
  KerasClassifierParams,
  ClassifierPrediction
> {
  static override estimatorName = 'KerasClassifier';
  static override defaults: Readonly<Params> = {
    loss: AUTO_LOSS,
    classWeight: null,
  } satisfies Pick<Required<KerasClassifierParams>, 'loss' | 'classWeight'>;
  static override parameterConstraints: ParameterConstraints = {
    classWeight: [
      new StrOptions(['balanced']),
      new InstanceOf('dict', isRecord),
      new InstanceOf('list', Array.isArray),
      null,
    ],
  };
  static override tags = {
    poorScore: true,
    multioutput: true,
    sampleWeight: true,
    // scikeras's KerasClassifier tag: multilabel-indicator targets through ClassifierLabelEncoder
    multilabel: true,
    xfailChecks: {} as Record<string, string>,
  };

  declare classes_?: Label[] | Label[][];
  declare nClasses_?: number | number[];

  #partialFitClasses: Label[] | null = null;

  override get estimatorType(): 'classifier' {
    return 'classifier';
  }

  /**
   * accuracy (scikit-learn's `accuracy_score`), honouring `sampleWeight`.
   *
   * @param yTrue - true labels
   * @param yPred - predicted labels
   * @param options - `sampleWeight`, `normalize`
   * @returns the accuracy
   */
  static override scorer(yTrue: unknown, yPred: unknown, options: Params = {}): number {
    return accuracyScore(yTrue as any, yPred as any, options as any);
  }

  /**
   * `loss: 'auto'`: the loss the target type picks, checked against the model's output (see
   * `autoLoss`).
   *
   * @param model - the built model; null before the build
   * @param meta - the fitted attributes (`targetType_`)
   * @returns `'binaryCrossentropy'` or `'sparseCategoricalCrossentropy'` (null before the build
   *   for other target types)
   * @throws ValueError / NotImplementedError with scikeras's messages (see `autoLoss`)
   */
  protected override autoLoss(model: tf.LayersModel | null, meta: Params): string | null {
    return autoLoss('classifier', meta.targetType_ as string | undefined, model);
  }

  /** A fresh `ClassifierLabelEncoder` (with `loss`, and `classes` from `partialFit`). */
  override get targetEncoder(): Transformer {
    const categories = this.#partialFitClasses ? [this.#partialFitClasses] : 'auto';
    return new ClassifierLabelEncoder({ loss: this.loss, categories }) as unknown as Transformer;
  }

  protected override get fitKwargs(): ReadonlySet<string> {
    const s = new Set(super.fitKwargs);
    s.delete('classWeight');
    return s;
  }

  protected override fitSampleWeight(y: CheckedY, sampleWeight: number[] | null): number[] | null {
    if (this.classWeight === null || this.classWeight === undefined) return sampleWeight;
    const cw = computeSampleWeight(this.classWeight, y as unknown[]);
    return sampleWeight ? sampleWeight.map((w, i) => w * cw[i]!) : cw;
  }

  /**
   * Builds and trains the classifier (see `BaseWrapper.fit`); `classWeight` is multiplied
   * into `sampleWeight`.
   *
   * @param X - samples
   * @param y - labels
   * @param options - `sampleWeight` and fit options
   * @returns this
   */
  override async fit(X: unknown, y: unknown, options: FitOptions = {}): Promise<this> {
    return this.#withClasses(null, () => super.fit(X, y, options));
  }

  /**
   * One epoch of training (see `BaseWrapper.partialFit`).
   *
   * @param X - samples
   * @param y - labels
   * @param options - `classes` (all labels, on the first call), `sampleWeight`, fit options
   * @returns this
   */
  override async partialFit(
    X: unknown,
    y: unknown,
    options: ClassifierPartialFitOptions = {},
  ): Promise<this> {
    const { classes, ...rest } = options;
    const given =
      classes === undefined || classes === null ? this.#partialFitClasses : [...classes];
    return this.#withClasses(given, () => super.partialFit(X, y, rest));
  }

  /** Runs a fit with the `classes` of `partialFit`; a failed fit keeps the previous ones. */
  async #withClasses(classes: Label[] | null, fit: () => Promise<this>): Promise<this> {
    const previous = this.#partialFitClasses;
    this.#partialFitClasses = classes;
    try {
      return await fit();
    } catch (e) {
      this.#partialFitClasses = previous;
      throw e;
    }
  }

  /**
   * Rejects a single-class target before any model is built, in scikit-learn's words
   * (`LogisticRegression`'s: a classifier cannot learn from one class).
   *
   * @param meta - the target encoder's metadata
   * @param hasY - whether y was given
   * @throws ValueError "This solver needs samples of at least 2 classes in the data, but the data contains only one class: 0"
   */
  protected override checkTargetMetadata(meta: Params, hasY: boolean): void {
    const classes = meta.classes_ as unknown[] | undefined;
    const single = meta.targetType_ === 'binary' || meta.targetType_ === 'multiclass';
    if (hasY && single && Array.isArray(classes) && classes.length === 1) {
      throw new ValueError(
        `This solver needs samples of at least 2 classes in the data, but the data contains only one class: ${pyRepr(classes[0])}`,
      );
    }
  }

  /**
   * Class probabilities: n x nClasses (binary sigmoid outputs as two columns), or one matrix per
   * output for multiclass-multioutput.
   *
   * @param X - samples
   * @param options - predict options
   * @returns probabilities
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * const proba = await clf.predictProba(X); // [[0.9, 0.1], ...]
   * ```
   */
  async predictProba(X: unknown, options: PredictOptions = {}): Promise<ClassifierProbabilities> {
    const encoder = this.targetEncoder_ as ClassifierLabelEncoder | undefined;
    if (this.decodesOutputMatrices) {
      // postProcessY is not overridden: it gives no classProbabilities
      const out = await this.predictMatrices(X, options);
      return encoder!.inverseTransform(out, { returnProba: true });
    }
    const raw = await this.predictRaw(X, options);
    const [, extra] = this.postProcessY(raw);
    if (extra.classProbabilities !== undefined) return extra.classProbabilities as number[][];
    return this.targetEncoder_!.inverseTransform(raw, { returnProba: true }) as number[][];
  }
}
registerEstimator(KerasClassifier, { module: MODULE_URL });
