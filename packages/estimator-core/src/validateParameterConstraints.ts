// Port of scikit-learn's sklearn/utils/_param_validation.py validate_parameter_constraints (BSD-3-Clause).
import type { Params } from './BaseEstimator';
import { InvalidParameterError } from './errors';
import { pyRepr } from './repr';
import { joinConstraints, makeConstraint, type ConstraintSpec } from './paramConstraints';

/**
 * Constraints by param name (scikit-learn's `_parameter_constraints`): a value is valid when it
 * satisfies one constraint of its list; `'no_validation'` skips the param.
 */
export type ParameterConstraints = Readonly<
  Record<string, readonly ConstraintSpec[] | 'no_validation'>
>;

/**
 * Checks the type and value of every param that has constraints (params without any are
 * skipped, as in scikit-learn), in the params' order, and throws for the first invalid one.
 *
 * @param constraints - the accepted kinds of value per param name
 * @param params - the values to check, by name
 * @param callerName - the estimator, function or method named in the message
 * @throws InvalidParameterError `The 'epochs' parameter of KerasClassifier must be an int in the range [1, inf). Got 0 instead.`
 * @remarks Messages name null as `null`, where scikit-learn says `None`, and show values as
 * JavaScript writes them (`NaN`, `'3'`).
 * @example
 * ```ts
 * validateParameterConstraints(
 *   { epochs: [new Interval('int', 1, null, { closed: 'left' })] },
 *   { epochs: 0 },
 *   'KerasClassifier',
 * ); // throws InvalidParameterError
 * ```
 * @see https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/utils/_param_validation.py
 */
export function validateParameterConstraints(
  constraints: ParameterConstraints,
  params: Params,
  callerName: string,
): void {
  for (const [name, value] of Object.entries(params)) {
    if (!Object.prototype.hasOwnProperty.call(constraints, name)) continue;
    const specs = constraints[name]!;
    if (specs === 'no_validation') continue;
    const list = specs.map(makeConstraint);
    if (list.some((c) => c.isSatisfiedBy(value))) continue;
    const shown = list.filter((c) => !c.hidden);
    throw new InvalidParameterError(
      `The '${name}' parameter of ${callerName} must be ${joinConstraints(shown)}. Got ${pyRepr(value)} instead.`,
    );
  }
}
