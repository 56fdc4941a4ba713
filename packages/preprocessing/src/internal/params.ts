// scikit-learn's parameter validation messages (sklearn/utils/_param_validation.py, BSD-3-Clause)
// for the few constraint kinds the transformers use.
import { InvalidParameterError, estimatorName } from '@scikeras/estimator-core';
import { pyRepr } from '@scikeras/estimator-core';

/** One accepted kind of value: a test and scikit-learn's description of it. */
export interface Constraint {
  test: (v: unknown) => boolean;
  text: string;
}

/** numpy dtypes accepted for an encoder's output (the values are plain numbers either way). */
export const NUMERIC_DTYPES = ['float64', 'float32', 'int64', 'int32', 'int16', 'int8', 'uint8'];

/** A boolean (scikit-learn's `"boolean"` constraint). */
export const BOOL: Constraint = {
  test: (v) => typeof v === 'boolean',
  text: "an instance of 'bool'",
};
/** `null` (scikit-learn's `None`). */
export const NONE: Constraint = { test: (v) => v === null || v === undefined, text: 'None' };
/** A function. */
export const CALLABLE: Constraint = { test: (v) => typeof v === 'function', text: 'a callable' };
/** An array (scikit-learn's `"array-like"`). */
export const ARRAY: Constraint = {
  test: (v) => Array.isArray(v) || ArrayBuffer.isView(v),
  text: 'an array-like',
};
/** A plain object (scikit-learn's `dict`). */
export const DICT: Constraint = {
  test: (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype,
  text: "an instance of 'dict'",
};

/** A string among `options` (scikit-learn's `StrOptions`, listed sorted). */
export function strOptions(options: readonly string[]): Constraint {
  return {
    test: (v) => typeof v === 'string' && options.includes(v),
    text: `a str among {${[...options]
      .sort()
      .map((o) => `'${o}'`)
      .join(', ')}}`,
  };
}

/** An integer in `[min, max]` (scikit-learn's `Interval(Integral, min, max, closed='both')`). */
export function intInterval(min: number, max = Infinity): Constraint {
  return {
    test: (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
    text: `an int in the range [${min}, ${max === Infinity ? 'inf)' : `${max}]`}`,
  };
}

/** A number in the closed range (scikit-learn's `Interval(Real, ...)`). */
export function realInterval(min: number, max: number): Constraint {
  return {
    test: (v) => typeof v === 'number' && v >= min && v <= max,
    text: `a float in the range [${min}, ${max}]`,
  };
}

/** A finite number or NaN (scikit-learn's `numbers.Real`). */
export const REAL: Constraint = {
  test: (v) => typeof v === 'number',
  text: "an instance of 'float'",
};

function joinTexts(texts: string[]): string {
  if (texts.length === 1) return texts[0]!;
  return `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/**
 * Throws scikit-learn's `InvalidParameterError` unless the param satisfies one constraint.
 *
 * @throws InvalidParameterError "The 'norm' parameter of Normalizer must be a str among {'l1', 'l2', 'max'}. Got 'l3' instead."
 */
export function validateParam(
  estimator: object,
  name: string,
  value: unknown,
  constraints: readonly Constraint[],
): void {
  if (constraints.some((c) => c.test(value))) return;
  throw new InvalidParameterError(
    `The '${name}' parameter of ${estimatorName(estimator)} must be ${joinTexts(
      constraints.map((c) => c.text),
    )}. Got ${pyRepr(value)} instead.`,
  );
}

/**
 * Validates every param of an estimator against its constraints (scikit-learn's
 * `_validate_params`), in the order given.
 */
export function validateParams(
  estimator: object,
  spec: Readonly<Record<string, readonly Constraint[]>>,
): void {
  const params = estimator as Record<string, unknown>;
  for (const [name, constraints] of Object.entries(spec))
    validateParam(estimator, name, params[name], constraints);
}
