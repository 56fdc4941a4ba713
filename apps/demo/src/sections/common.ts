// Estimator factories shared by the sections.
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
