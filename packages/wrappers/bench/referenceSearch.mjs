// The reference grid search of the benchmarks (BENCHMARKS.md, "The reference grid search"),
// defined once for the wrappers', model-selection's and distributed's benches.
import { mlpHH } from './models.mjs';

/** The searched params: H in {32, 64} x learning rate in {1e-3, 1e-2}. */
export const REFERENCE_GRID = { model__hidden: [32, 64], optimizer__learningRate: [1e-3, 1e-2] };

/** The reference KerasClassifier's params: MLP 20-H-H-3 (relu/softmax), adam, batch 64, 10 epochs. */
export const REFERENCE_PARAMS = {
  model: mlpHH,
  optimizer: 'adam',
  loss: 'sparse_categorical_crossentropy',
  batchSize: 64,
  epochs: 10,
  randomState: 0,
  verbose: 0,
};

/**
 * A new reference search: `GridSearchCV` over {@link REFERENCE_GRID}, 3-fold + refit. The caller
 * passes the classes (each bench imports them from its own build).
 *
 * @param classes - `{ GridSearchCV, KerasClassifier }`
 * @param options - more GridSearchCV params (`nJobs`, `executor`, ...)
 * @returns the unfitted search
 */
export function referenceSearch({ GridSearchCV, KerasClassifier }, options = {}) {
  return new GridSearchCV({
    estimator: new KerasClassifier(REFERENCE_PARAMS),
    paramGrid: REFERENCE_GRID,
    cv: 3,
    refit: true,
    ...options,
  });
}
