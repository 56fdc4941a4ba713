import { ThresholdClassifier } from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from '../search/GridSearchCV';
import { KFold } from '../splitters/KFold';
import { encodeTravelValue, toTravelSpec } from './travel';

describe('toTravelSpec', () => {
  it('builds a spec from static travel and JSON params, nested estimators included', async () => {
    const gs = new GridSearchCV({
      estimator: new ThresholdClassifier({ offset: 1 }),
      paramGrid: { feature: [0, 1] },
      cv: new KFold({ nSplits: 3 }),
    });
    const spec = await toTravelSpec(gs);
    expect(spec.module).toBe('@scikeras/model-selection');
    expect(spec.exportName).toBe('GridSearchCV');
    const params = spec.params as Record<string, unknown>;
    expect(params.estimator).toEqual({
      __scikerasEstimator__: {
        module: ThresholdClassifier.travel.module,
        exportName: 'ThresholdClassifier',
        params: { feature: 0, offset: 1 },
      },
    });
    expect(params.cv).toEqual({
      __scikerasEstimator__: {
        module: '@scikeras/model-selection',
        exportName: 'KFold',
        params: { nSplits: 3, shuffle: false, randomState: null },
      },
    });
    expect(JSON.parse(JSON.stringify(spec.params))).toMatchObject({
      paramGrid: { feature: [0, 1] },
    });
  });

  it('rejects values that cannot travel, naming owner, param and fix', async () => {
    await expect(encodeTravelValue(new Map(), ['Foo', 'bar'])).rejects.toThrow(
      "Cannot send Foo to a worker thread (nJobs > 1): its param 'bar' is an instance of Map, which cannot travel.",
    );
  });
});
