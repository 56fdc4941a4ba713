// The sample-weight, multilabel, save/load and partialFit checks each catch their broken estimator.
import { runCheck } from './checkEstimator';
import { BROKEN_WEIGHTED_CASES } from './test-utils/brokenWeighted';

describe('checkEstimator on broken estimators (sample weights, multilabel, save/load, partialFit)', () => {
  for (const [title, check, factory, message, options] of BROKEN_WEIGHTED_CASES) {
    it(`${title} fails ${check}`, async () => {
      const r = await runCheck(check, factory, options);
      expect(r.status).toBe('failed');
      if (typeof message === 'string') expect(r.error).toBe(message);
      else expect(r.error).toMatch(message);
    });
  }
});
