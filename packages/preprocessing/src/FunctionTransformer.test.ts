import {
  catchWarnings,
  InvalidParameterError,
  isArray2D,
  ValueError,
  type Array2D,
} from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { FunctionTransformer, type TransformFunction } from './FunctionTransformer';
import { comparedCount, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('functionTransformer');
const translate = translator(['check_inverse']);
const translateAll = (m: string) => translate(m).replace("=False'", "=false'");

/** The numpy functions of the fixtures, elementwise on rows or on a `{ data, shape }` (a ufunc). */
const elementwise =
  (f: (v: number) => number): TransformFunction =>
  (X: ArrayLike<ArrayLike<number>> | Array2D) =>
    isArray2D(X)
      ? { data: Float64Array.from(X.data, f), shape: X.shape }
      : Array.from(X, (r) => Array.from(r, f));
const FUNCS: Record<string, TransformFunction> = {
  log1p: elementwise(Math.log1p),
  expm1: elementwise(Math.expm1),
  exp: elementwise(Math.exp),
  square: elementwise((v) => v * v),
  sqrt: elementwise(Math.sqrt),
};

describeEstimatorChecks('FunctionTransformer checkEstimator', () => new FunctionTransformer());
describeEstimatorChecks(
  'FunctionTransformer (validate, log1p/expm1) checkEstimator',
  () =>
    new FunctionTransformer({
      func: elementwise((v) => Math.log1p(Math.abs(v))),
      inverseFunc: elementwise(Math.expm1),
      checkInverse: false,
      validate: true,
    }),
);

describe('FunctionTransformer', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const params = { ...c.params };
      for (const k of ['func', 'inverseFunc'])
        if (typeof params[k] === 'string') params[k] = FUNCS[params[k]];
      const make = (p: Record<string, any>) => new FunctionTransformer({ ...p, ...params });
      checkCase(c, make, { translate: translateAll });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`FunctionTransformer: ${comparedCount()} values compared`);
    });
  });

  it('passes kwArgs as the second argument', () => {
    const t = new FunctionTransformer({
      func: (X: number[][], kw) => X.map((r) => r.map((v) => v + (kw!.shift as number))),
      kwArgs: { shift: 10 },
    });
    expect(t.transform([[1, 2]])).toEqual([[11, 12]]);
  });

  it('warns when the functions are not inverses, on plain arrays too', () => {
    const t = new FunctionTransformer({ func: FUNCS.log1p, inverseFunc: FUNCS.exp });
    const { warnings } = catchWarnings(() =>
      t.fit([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(warnings.map((w) => w.message)).toEqual([
      "The provided functions are not strictly inverse of each other. If you are sure you want to proceed regardless, set 'checkInverse=false'.",
    ]);
  });

  it('has getFeatureNamesOut only with featureNamesOut', () => {
    expect(new FunctionTransformer().getFeatureNamesOut).toBeUndefined();
    const named = new FunctionTransformer({
      featureNamesOut: (_t, names) => names!.map((n) => `log_${n}`),
    }).fit([{ a: 1, b: 2 }]);
    expect(named.getFeatureNamesOut!()).toEqual(['log_a', 'log_b']);
  });

  it('is always fitted and transforms before fit (stateless)', () => {
    expect(new FunctionTransformer().isFitted()).toBe(true);
    expect(new FunctionTransformer({ func: FUNCS.square }).transform([[3]])).toEqual([[9]]);
  });

  it('validates X only with validate', () => {
    expect(() => new FunctionTransformer({ validate: true }).fit([1, 2])).toThrow(
      /Expected 2D array, got 1D array instead/,
    );
    expect(new FunctionTransformer().fit([1, 2]).transform([1])).toEqual([1]);
    expect(() =>
      new FunctionTransformer({ validate: true }).fit([[1, 2]]).transform([[1]]),
    ).toThrow(
      new ValueError('X has 1 features, but FunctionTransformer is expecting 2 features as input.'),
    );
  });

  it('takes plain rows only from a ColumnTransformer (its function gets X as given)', () => {
    expect(new FunctionTransformer().getTags().XTypes).toEqual(['2darray']);
  });

  it('rejects acceptSparse: true', () => {
    expect(() => new FunctionTransformer({ acceptSparse: true }).fit([[1]])).toThrow(
      InvalidParameterError,
    );
  });
});
