import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { PolynomialFeatures } from './PolynomialFeatures';
import { comparedCount, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('polynomialFeatures');
// messages name our param (includeBias) and show JavaScript's false (scikit-learn: include_bias to False)
const translate = (m: string) =>
  translator(['include_bias'])(m).replace('includeBias to False', 'includeBias to false');

describeEstimatorChecks('PolynomialFeatures checkEstimator', () => new PolynomialFeatures());
describeEstimatorChecks(
  'PolynomialFeatures (degree [2, 3], interactionOnly) checkEstimator',
  () => new PolynomialFeatures({ degree: [2, 3], interactionOnly: true, includeBias: false }),
);

describe('PolynomialFeatures', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new PolynomialFeatures(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`PolynomialFeatures: ${comparedCount()} values compared`);
    });
  });

  it('names features after records', () => {
    const p = new PolynomialFeatures({ degree: 3, includeBias: false }).fit([{ a: 1, b: 2 }]);
    expect(p.getFeatureNamesOut()).toEqual([
      'a',
      'b',
      'a^2',
      'a b',
      'b^2',
      'a^3',
      'a^2 b',
      'a b^2',
      'b^3',
    ]);
    expect(p.transform([{ a: 2, b: 3 }])).toEqual([[2, 3, 4, 6, 9, 8, 12, 18, 27]]);
  });
});
