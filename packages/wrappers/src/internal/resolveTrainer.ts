// The wrappers' `trainer` param: a trainer name of @scikeras/tfjs-trainer, or a Trainer object.
import { InvalidParameterError } from '@scikeras/estimator-core';
import { trainers, type Trainer, type TrainerName } from '@scikeras/tfjs-trainer';

/** What the `trainer` param holds: a name (travels to worker threads) or a Trainer object. */
export type TrainerSpec = TrainerName | Trainer;

/**
 * The Trainer a wrapper's `trainer` param names.
 *
 * @param spec - `'fast'`, `'modelFit'`, or an object with a `fit(model, x, y, args)` method
 * @param owner - the estimator's class name, for the error message
 * @returns the trainer
 * @throws InvalidParameterError for anything else, in scikit-learn's words
 * @example
 * ```ts
 * resolveTrainer('modelFit', 'KerasClassifier').name; // 'modelFit'
 * ```
 */
export function resolveTrainer(spec: unknown, owner: string): Trainer {
  if (typeof spec === 'string' && Object.hasOwn(trainers, spec)) {
    return trainers[spec as TrainerName];
  }
  if (typeof spec === 'object' && spec !== null && typeof (spec as Trainer).fit === 'function') {
    return spec as Trainer;
  }
  const got =
    typeof spec === 'string'
      ? `'${spec}'`
      : typeof spec === 'object' && spec !== null
        ? (JSON.stringify(spec) ?? String(spec))
        : String(spec);
  throw new InvalidParameterError(
    `The 'trainer' parameter of ${owner} must be a str among {'fast', 'modelFit'} or an object ` +
      `with a 'fit(model, x, y, args)' method (a Trainer from @scikeras/tfjs-trainer). Got ${got} instead.`,
  );
}
