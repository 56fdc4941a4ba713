// A fit that fails changes nothing: the fitted attributes before it, and what it built, undone.
import type * as tf from '@tensorflow/tfjs';
import type { Params } from '@scikeras/estimator-core';
import { fittedAttributes } from './encoderMetadata';
import { disposeModel } from './modelLifecycle';
import { TrainingSnapshot } from './trainingSnapshot';

/**
 * One `fit`, `partialFit` or `initialize` as a transaction on an estimator. It saves every
 * fitted attribute (own properties ending in `_`) when it starts, and, for training in place
 * (warm start, `partialFit`), the model's weights and optimizer state. New attributes are
 * staged on the estimator (so that `preProcessX` and friends see them); a model built by the
 * fit is adopted. `commit` keeps it all and frees the replaced model; `rollback` frees what the
 * fit built and puts back exactly the previous attributes (the same objects) and weights.
 *
 * @example
 * ```ts
 * const txn = new FitTransaction(est, warm ? est.model_ : undefined);
 * try { txn.clear(); txn.stage({ nFeaturesIn_: 3 }); ...; txn.commit(); } catch (e) { txn.rollback(); throw e; }
 * ```
 */
export class FitTransaction {
  readonly #est: Params;
  readonly #saved: Params;
  readonly #training: TrainingSnapshot | null;
  readonly #adopted: tf.LayersModel[] = [];

  /**
   * @param est - the estimator
   * @param trainedInPlace - the model that this fit trains in place, if any
   */
  constructor(est: object, trainedInPlace?: tf.LayersModel) {
    this.#est = est as Params;
    this.#saved = fittedAttributes(est);
    this.#training = trainedInPlace ? TrainingSnapshot.take(trainedInPlace) : null;
  }

  /** Removes every fitted attribute (a fit from scratch); they come back on rollback. */
  clear(): void {
    for (const k of Object.keys(fittedAttributes(this.#est))) delete this.#est[k];
  }

  /**
   * Sets fitted attributes on the estimator.
   *
   * @param attributes - names ending in `_` and their values
   */
  stage(attributes: Params): void {
    Object.assign(this.#est, attributes);
  }

  /**
   * Records a model this fit built: it is freed if the fit fails.
   *
   * @param model - the new model
   */
  adopt(model: tf.LayersModel): void {
    this.#adopted.push(model);
  }

  /** Keeps the new state; frees the model it replaced and the saved weights. */
  commit(): void {
    const previous = this.#saved.model_ as tf.LayersModel | undefined;
    if (previous && previous !== this.#est.model_) disposeModel(previous);
    this.#training?.release();
  }

  /** Frees what the fit built and restores the attributes, weights and optimizer state. */
  rollback(): void {
    const previous = this.#saved.model_;
    for (const model of this.#adopted) if (model !== previous) disposeModel(model);
    this.clear();
    Object.assign(this.#est, this.#saved);
    this.#training?.restore();
  }
}
