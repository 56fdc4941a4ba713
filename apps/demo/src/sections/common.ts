// Estimator factories shared by the sections.
import { Pipeline } from '@scikeras/pipeline';
import { StandardScaler } from '@scikeras/preprocessing';
import { KerasClassifier, KerasRegressor } from '@scikeras/wrappers';
import { mlpClassifier, mlpRegressor, type MlpParams } from '../models';

/**
 * A seeded, silent MLP classifier (adam, sparse categorical crossentropy).
 *
 * @param params - more params (epochs, hidden, optimizer__learningRate, callbacks, ...)
 * @returns the estimator
 */
export function mlpClf(params: Record<string, unknown> = {}): KerasClassifier<MlpParams> {
  return new KerasClassifier({
    model: mlpClassifier,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    optimizer__learningRate: 0.01,
    hidden: 16,
    epochs: 20,
    batchSize: 32,
    verbose: 0,
    randomState: 0,
    ...params,
  });
}

/**
 * A seeded, silent MLP regressor trained with the RMSE loss of `@scikeras/metrics/tfjs`.
 *
 * @param params - more params
 * @returns the estimator
 */
export function mlpReg(params: Record<string, unknown> = {}): KerasRegressor<MlpParams> {
  return new KerasRegressor({
    model: mlpRegressor,
    loss: KerasRegressor.rootMeanSquaredError,
    optimizer: 'adam',
    optimizer__learningRate: 0.01,
    hidden: 32,
    epochs: 50,
    batchSize: 32,
    verbose: 0,
    randomState: 0,
    ...params,
  });
}

/**
 * `Pipeline([['scaler', StandardScaler()], ['clf', clf]])`: the scaler is fitted with the
 * classifier, on the rows the pipeline is fitted on (each fold's training rows in
 * cross-validation and searches), never on the whole data set.
 *
 * @param clf - the final step
 * @returns the pipeline (its `dispose()` frees the classifier's model)
 */
export function scaled(clf: KerasClassifier | KerasRegressor): Pipeline {
  return new Pipeline({
    steps: [
      ['scaler', new StandardScaler()],
      ['clf', clf],
    ],
  });
}

/**
 * The name a search table shows for a step value: the class name, or `'passthrough'`.
 *
 * @param step - an estimator, `'passthrough'` or `null`
 * @returns its label
 */
export function stepLabel(step: unknown): string {
  if (step === null || typeof step === 'string') return String(step);
  const Klass = (step as { constructor: { estimatorName?: string; name: string } }).constructor;
  return Klass.estimatorName ?? Klass.name;
}
