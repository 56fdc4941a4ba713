// Every estimator class of the package is known by an explicit name (minifiers rename classes)
// and registered with the module worker threads import (saveEstimator and nJobs > 1 find them).
import { getEstimatorClass, registeredEstimatorModule } from '@scikeras/estimator-core';
import * as pkg from './index';

const classes = Object.entries(pkg).filter(
  ([, v]) =>
    typeof v === 'function' &&
    typeof (v as { prototype?: { getParams?: unknown } }).prototype?.getParams === 'function',
) as [string, abstract new (...args: any[]) => unknown][];

describe('estimator registration', () => {
  it('finds the estimator classes', () => {
    expect(classes.map(([k]) => k).sort()).toEqual([
      'FunctionTransformer',
      'KBinsDiscretizer',
      'MaxAbsScaler',
      'MinMaxScaler',
      'MissingIndicator',
      'Normalizer',
      'OneHotEncoder',
      'OrdinalEncoder',
      'PolynomialFeatures',
      'RobustScaler',
      'SimpleImputer',
      'StandardScaler',
    ]);
  });

  it.each(classes)(
    '%s has its own static estimatorName and is registered with the built entry',
    (name, Klass) => {
      expect(Object.prototype.hasOwnProperty.call(Klass, 'estimatorName')).toBe(true);
      expect((Klass as { estimatorName?: string }).estimatorName).toBe(name);
      expect(getEstimatorClass(name)).toBe(Klass);
      expect(registeredEstimatorModule(Klass as never)).toMatch(
        /\/packages\/preprocessing\/dist\/index\.mjs$/,
      );
    },
  );
});
