// Ports of scikeras's tests/test_api.py sample-weight cases (moved from BaseWrapper.test.ts).
import { BACKENDS, checkNoLeakPerTest, useTestBackend } from '../test-utils/backends';
import { batchCounter, testRegressor as reg, wrapperTestData } from '../test-utils/wrappers';

const { Xr, yr } = wrapperTestData();

describe('sample weights', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it('weights the loss per sample', async () => {
      const one = reg({ batchSize: -1, shuffle: false });
      await one.fit(Xr, yr, { sampleWeight: new Array(20).fill(1) });
      const two = reg({ batchSize: -1, shuffle: false });
      await two.fit(Xr, yr, { sampleWeight: new Array(20).fill(2) });
      expect(two.history_!.loss![0]).toBeCloseTo(2 * one.history_!.loss![0]!, 4);
      one.dispose();
      two.dispose();
    });

    it('drops zero-weight rows and rejects all-zero weights', async () => {
      const { cb, batches } = batchCounter();
      const est = reg({ batchSize: 4, fit__callbacks: [cb] });
      await est.fit(Xr, yr, {
        sampleWeight: Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : 0)),
      });
      expect(batches).toEqual([3]);
      await expect(est.fit(Xr, yr, { sampleWeight: new Array(20).fill(0) })).rejects.toThrow(
        "No training samples had any weight; only zeros were passed in sample_weight. That means there's nothing to train on by definition, so training can not be completed.",
      );
      await expect(est.fit(Xr, yr, { sampleWeight: [1, 2] })).rejects.toThrow(
        'sample_weight.shape == (2,), expected (20,)!',
      );
      est.dispose();
    });
  });
});
