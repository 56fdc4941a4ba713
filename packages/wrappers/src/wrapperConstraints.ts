// The wrappers' params as scikit-learn 1.2 declares its own (`_parameter_constraints`, BSD-3-Clause).
import {
  InstanceOf,
  Interval,
  Options,
  ParamConstraint,
  StrOptions,
  splitParamKey,
  validateParameterConstraints,
  type ConstraintSpec,
  type ParameterConstraints,
  type Params,
} from '@scikeras/estimator-core';

/** A Trainer object: anything with a `fit` method (the type of @scikeras/tfjs-trainer). */
class TrainerObject extends ParamConstraint {
  override isSatisfiedBy(value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { fit?: unknown }).fit === 'function'
    );
  }
  override toString(): string {
    return "an object with a 'fit(model, x, y, args)' method (a Trainer from @scikeras/tfjs-trainer)";
  }
}

/** A RandomState-like generator (`RandomSource`): an object with `randint` or `random`. */
function isRandomSource(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { randint?: unknown; random?: unknown };
  return typeof v.randint === 'function' || typeof v.random === 'function';
}

const BATCH_SIZE: readonly ConstraintSpec[] = [
  new Interval('int', 1, null, { closed: 'left' }),
  new Options('int', [-1]),
  null,
];

/**
 * The accepted values of every numeric or boolean param of `BaseWrapper`, of `randomState` and
 * `trainer` (and of the `fit` / `predict` options of the same names). `model`, `optimizer`,
 * `loss`, `metrics` and `callbacks` are checked where they are resolved, with their own messages.
 *
 * @example
 * ```ts
 * String(BASE_WRAPPER_CONSTRAINTS.epochs); // 'an int in the range [1, inf)'
 * ```
 */
export const BASE_WRAPPER_CONSTRAINTS: ParameterConstraints = {
  warmStart: ['boolean'],
  copyModel: ['boolean'],
  // scikit-learn's 'random_state' constraint: an int seed, a RandomState (any generator with
  // randint or random, drawn from once per fit) or null
  randomState: [
    new Interval('int', 0, 4294967295, { closed: 'both' }),
    new InstanceOf('RandomState', isRandomSource),
    null,
  ],
  batchSize: BATCH_SIZE,
  validationBatchSize: BATCH_SIZE,
  verbose: ['verbose'],
  validationSplit: [new Interval('float', 0, 1, { closed: 'left' })],
  validationData: ['array-like', null],
  shuffle: ['boolean'],
  runEagerly: ['boolean'],
  epochs: [new Interval('int', 1, null, { closed: 'left' })],
  initialEpoch: [new Interval('int', 0, null, { closed: 'left' })],
  // an array of weights, or one number for every sample (scikit-learn's _check_sample_weight)
  sampleWeight: ['array-like', new Interval('float', null, null, { closed: 'neither' }), null],
  trainer: [new StrOptions(['fast', 'modelFit']), new TrainerObject()],
};

/**
 * Every `static parameterConstraints` along a class chain, parent first (subclasses add or override).
 *
 * @param ctor - the estimator's class
 * @returns the merged constraints
 * @example
 * ```ts
 * collectConstraints(KerasClassifier).classWeight; // the classifier's own
 * ```
 */
export function collectConstraints(ctor: object): ParameterConstraints {
  const chain: object[] = [];
  for (let c: any = ctor; c && c !== Function.prototype; c = Object.getPrototypeOf(c))
    chain.unshift(c);
  const out: Record<string, ParameterConstraints[string]> = {};
  for (const c of chain) {
    if (Object.prototype.hasOwnProperty.call(c, 'parameterConstraints'))
      Object.assign(
        out,
        (c as { parameterConstraints: ParameterConstraints }).parameterConstraints,
      );
  }
  return out;
}

/**
 * Checks a wrapper's params against its constraints before `fit`, `partialFit` or
 * `initialize` touch anything: each param by its name, and each routed `fit__x` / `predict__x`
 * by the constraint of `x`.
 *
 * @param constraints - from {@link collectConstraints}, minus the call options' own
 * @param params - one `getParams(false)` snapshot
 * @param owner - the class name for the message
 * @throws InvalidParameterError `The 'epochs' parameter of KerasClassifier must be an int in the range [1, inf). Got 0 instead.`
 * @example
 * ```ts
 * validateWrapperParams(BASE_WRAPPER_CONSTRAINTS, { fit__batchSize: 0 }, 'KerasRegressor'); // throws
 * ```
 */
export function validateWrapperParams(
  constraints: ParameterConstraints,
  params: Params,
  owner: string,
): void {
  const all: Record<string, ParameterConstraints[string]> = {};
  for (const key of Object.keys(params)) {
    const split = splitParamKey(key);
    const name = split && (split[0] === 'fit' || split[0] === 'predict') ? split[1] : key;
    if (name === 'sampleWeight' || name === 'initialEpoch') continue; // call options only
    if (Object.prototype.hasOwnProperty.call(constraints, name)) all[key] = constraints[name]!;
  }
  validateParameterConstraints(all, params, owner);
}

/**
 * Checks what `predict` uses before it runs: the `batchSize` / `verbose` params (and their
 * `predict__` forms) and the call's options.
 *
 * @param constraints - the class's constraints
 * @param params - one `getParams(false)` snapshot
 * @param options - the call's options
 * @param owner - the class name for the message
 * @throws InvalidParameterError `The 'batchSize' parameter of KerasClassifier.predict must be ...`
 * @example
 * ```ts
 * validatePredictParams(BASE_WRAPPER_CONSTRAINTS, est.getParams(false), { batchSize: 0 }, 'KerasClassifier'); // throws
 * ```
 */
export function validatePredictParams(
  constraints: ParameterConstraints,
  params: Params,
  options: Params,
  owner: string,
): void {
  const names = new Set(['batchSize', 'verbose']);
  const own = Object.fromEntries(Object.entries(constraints).filter(([k]) => names.has(k)));
  const routed = Object.fromEntries(
    Object.entries(params).filter(([k]) => names.has(k) || splitParamKey(k)?.[0] === 'predict'),
  );
  validateWrapperParams(own, routed, owner);
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  validateParameterConstraints(own, given, `${owner}.predict`);
}
