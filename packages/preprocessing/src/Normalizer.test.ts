import { ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { Normalizer } from './Normalizer';
import { comparedCount, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('normalizer');

describeEstimatorChecks('Normalizer checkEstimator', () => new Normalizer());
describeEstimatorChecks(
  "Normalizer (norm 'max') checkEstimator",
  () => new Normalizer({ norm: 'max' }),
);

describe('Normalizer', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new Normalizer(p), { translate: translator([]) });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS) console.log(`Normalizer: ${comparedCount()} values compared`);
    });
  });

  it('transforms before fit (stateless) and checks the width after fit', () => {
    expect(new Normalizer().transform([[3, 4]])).toEqual([[0.6, 0.8]]);
    expect(() => new Normalizer().fit([[3, 4]]).transform([[1]])).toThrow(
      new ValueError('X has 1 features, but Normalizer is expecting 2 features as input.'),
    );
  });

  it('rejects an unknown norm in transform as normalize does', () => {
    expect(() => new Normalizer({ norm: 'l3' as never }).transform([[1]])).toThrow(
      new ValueError("'l3' is not a supported norm"),
    );
  });
});
