import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { KBinsDiscretizer } from './KBinsDiscretizer';
import { comparedCount, loadCases, translator } from './test-utils/fixtures';
import { checkCase } from './test-utils/runCase';

const cases = loadCases('kbinsDiscretizer');
const translate = translator(['n_bins']);

describeEstimatorChecks(
  'KBinsDiscretizer checkEstimator',
  () => new KBinsDiscretizer({ nBins: 3 }),
);
describeEstimatorChecks(
  'KBinsDiscretizer (ordinal, uniform) checkEstimator',
  () => new KBinsDiscretizer({ encode: 'ordinal', strategy: 'uniform' }),
);
describeEstimatorChecks(
  'KBinsDiscretizer (subsample) checkEstimator',
  () => new KBinsDiscretizer({ nBins: 3, subsample: 20, encode: 'ordinal' }),
);

describe('KBinsDiscretizer', () => {
  describe('parity with scikit-learn 1.2.1 (golden fixtures)', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      checkCase(c, (p) => new KBinsDiscretizer(p), { translate });
    });
    afterAll(() => {
      if (process.env.FIXTURE_COUNTS)
        console.log(`KBinsDiscretizer: ${comparedCount()} values compared`);
    });
  });

  it("rejects encode: 'onehot' (sparse) with the dense alternative", () => {
    expect(() => new KBinsDiscretizer({ encode: 'onehot' }).fit([[1], [2]])).toThrow(
      new InvalidParameterError(
        "encode='onehot' (a sparse matrix) is not supported by KBinsDiscretizer: scikeras-ts returns dense number[][] only (sparse matrices are a non-goal). Use encode: 'onehot-dense' (the same values) or 'ordinal'.",
      ),
    );
  });

  it('inverts one-hot rows to bin centers and rejects all-zero blocks', () => {
    const k = new KBinsDiscretizer({ nBins: 2, strategy: 'uniform' }).fit([[0], [4]]);
    expect(k.inverseTransform([[0, 1]])).toEqual([[3]]);
    expect(() => k.inverseTransform([[0, 0]])).toThrow(
      new ValueError(
        "Samples [0] can not be inverted when drop=null and handleUnknown='error' because they contain all zeros",
      ),
    );
  });
});
