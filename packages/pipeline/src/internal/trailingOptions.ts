// The trailing options object of makePipeline / makeUnion / makeColumnTransformer.
import { isPlainObject } from './isPlainObject';
import { isEstimator } from '@scikeras/estimator-core';

/**
 * Splits `args` into the items and a trailing options object (a plain object that is not an
 * estimator), checking the option names like Python's keyword arguments.
 *
 * @throws TypeError "makeUnion() got an unexpected option 'transformerWeights'"
 */
export function trailingOptions<T, O extends object>(
  fnName: string,
  args: readonly unknown[],
  allowed: readonly (keyof O & string)[],
): [T[], Partial<O>] {
  const last = args[args.length - 1];
  if (args.length === 0 || !isPlainObject(last) || isEstimator(last)) return [args as T[], {}];
  for (const k of Object.keys(last)) {
    if (!allowed.includes(k as keyof O & string))
      throw new TypeError(`${fnName}() got an unexpected option '${k}'`);
  }
  return [args.slice(0, -1) as T[], last as Partial<O>];
}
