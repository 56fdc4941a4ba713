// The trainers of this package by name (the names an estimator param can hold).
import { fastTrainer } from './fastTrainer';
import { modelFitTrainer } from './modelFitTrainer';
import type { Trainer } from './Trainer';

/** The name of a trainer of this package. */
export type TrainerName = 'fast' | 'modelFit';

/**
 * This package's trainers by name: `'fast'` ({@link fastTrainer}, the lean loop where it
 * applies) and `'modelFit'` ({@link modelFitTrainer}, tfjs's own `model.fit`). A name is plain
 * data, so it travels where a function cannot (to a worker thread, in a saved estimator).
 *
 * @example
 * ```ts
 * const history = await trainers['modelFit'].fit(model, x, y, { epochs: 2, verbose: 0 });
 * ```
 */
export const trainers: Readonly<Record<TrainerName, Trainer>> = Object.freeze({
  fast: fastTrainer,
  modelFit: modelFitTrainer,
});
