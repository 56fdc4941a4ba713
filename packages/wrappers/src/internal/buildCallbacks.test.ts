// Ports of scikeras's tests/test_callbacks.py where it applies to tfjs (moved from BaseWrapper.test.ts).
import * as tf from '@tensorflow/tfjs';
import { clone } from '@scikeras/estimator-core';
import { BACKENDS, checkNoLeakPerTest, useTestBackend } from '../test-utils/backends';
import {
  testClassifier as clf,
  testRegressor as reg,
  wrapperTestData,
} from '../test-utils/wrappers';

const { Xr, yr } = wrapperTestData();

describe('callbacks', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    class Sentinel extends tf.Callback {
      trainBegin = 0;
      constructor(readonly args: { startAt?: number } = {}) {
        super();
        this.trainBegin = args.startAt ?? 0;
      }
      override async onTrainBegin(): Promise<void> {
        this.trainBegin += 1;
      }
    }

    it('are invoked per phase: callbacks in fit and predict, fit__/predict__ in theirs', async () => {
      const calls: string[] = [];
      const both = {
        onTrainBegin: async () => void calls.push('both:train'),
        onPredictBegin: () => void calls.push('both:predict'),
      };
      const fitOnly = { onTrainBegin: async () => void calls.push('fit:train') };
      const predictOnly = {
        onPredictBegin: () => void calls.push('predict:predict'),
        onPredictEnd: () => void calls.push('predict:end'),
      };
      const est = reg({
        callbacks: [both],
        fit__callbacks: [fitOnly],
        predict__callbacks: [predictOnly],
      });
      await est.fit(Xr, yr);
      expect(calls).toEqual(['both:train', 'fit:train']);
      calls.length = 0;
      await est.predict(Xr);
      expect(calls).toEqual(['both:predict', 'predict:predict', 'predict:end']);
      est.dispose();
    });

    it('instances are shared by reference; classes are built with callbacks__ params', async () => {
      const sentinel = new Sentinel();
      const est = clf({ callbacks: [sentinel] });
      await est.fit([[0], [1]], [0, 1]);
      expect(sentinel.trainBegin).toBe(1);
      expect((clone(est).callbacks as Sentinel[])[0]).toBe(sentinel);
      est.dispose();
      const built: Sentinel[] = [];
      class Recorded extends Sentinel {
        constructor(args: { startAt?: number }) {
          super(args);
          built.push(this);
        }
      }
      const est2 = reg({ callbacks: [Recorded], callbacks__0__startAt: 10 });
      await est2.fit(Xr, yr);
      expect(built).toHaveLength(1);
      expect(built[0]!.trainBegin).toBe(11);
      est2.dispose();
    });

    it('rejects callbacks of the wrong type', async () => {
      const est = reg({ callbacks: [42] });
      await expect(est.fit(Xr, yr)).rejects.toThrow(/^If specified, `callbacks` must be one of:/);
      est.dispose();
    });
  });
});
