// Every estimator class of the package (and the ColumnSelector that makeColumnSelector makes) is
// known by an explicit name (minifiers rename classes) and registered with the module worker
// threads import, so that saveEstimator, loadEstimator and nJobs > 1 find it.
import { getEstimatorClass, registeredEstimatorModule } from '@scikeras/estimator-core';
import * as pkg from './index';

const classes = Object.entries(pkg).filter(
  ([name, v]) =>
    typeof v === 'function' &&
    name !== 'BaseComposition' &&
    typeof (v as { prototype?: { getParams?: unknown } }).prototype?.getParams === 'function',
) as [string, abstract new (...args: any[]) => unknown][];

describe('estimator registration', () => {
  it('finds the classes (BaseComposition is abstract: not registered)', () => {
    expect(classes.map(([k]) => k).sort()).toEqual([
      'ColumnSelector',
      'ColumnTransformer',
      'FeatureUnion',
      'Pipeline',
    ]);
    expect(Object.prototype.hasOwnProperty.call(pkg.BaseComposition, 'estimatorName')).toBe(false);
  });

  it.each(classes)(
    '%s has its own static estimatorName and is registered with the built entry',
    (name, Klass) => {
      expect(Object.prototype.hasOwnProperty.call(Klass, 'estimatorName')).toBe(true);
      expect((Klass as { estimatorName?: string }).estimatorName).toBe(name);
      expect(getEstimatorClass(name)).toBe(Klass);
      expect(registeredEstimatorModule(Klass as never)).toMatch(
        /\/packages\/pipeline\/dist\/index\.mjs$/,
      );
    },
  );
});
