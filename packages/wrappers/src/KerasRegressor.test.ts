// Ports of scikeras's tests/test_input_outputs.py and test_api.py regressor cases, for tfjs.
import * as tf from '@tensorflow/tfjs';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { r2Score } from '@scikeras/metrics';
import { rootMeanSquaredError } from '@scikeras/metrics/tfjs';
import { KerasRegressor, loadEstimator, saveEstimator } from './index';
import {
  BACKENDS,
  checkNoLeakPerTest,
  expectNoLeak,
  mlp,
  regressionData,
  useTestBackend,
} from './test-utils/backends';

function reg(extra: Record<string, unknown> = {}): KerasRegressor {
  return new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0, randomState: 0, ...extra });
}

describe('KerasRegressor', () => {
  it('is a regressor with R^2 as its scorer', () => {
    expect(new KerasRegressor().estimatorType).toBe('regressor');
    expect(KerasRegressor.scorer([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(KerasRegressor.scorer([1, 2, 3], [2, 2, 2])).toBeCloseTo(0);
  });

  it('exposes the RMSE loss of @scikeras/metrics/tfjs', () => {
    expect(KerasRegressor.rootMeanSquaredError).toBe(rootMeanSquaredError);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it('1-D targets give 1-D predictions', async () => {
      const { X, y } = regressionData(20, 3);
      const est = reg({ epochs: 2 });
      await est.fit(X, y);
      expect(est.nOutputs_).toBe(1);
      expect(est.targetType_).toBe('continuous');
      const pred = (await est.predict(X)) as number[];
      expect(pred).toHaveLength(20);
      expect(typeof pred[0]).toBe('number');
      expect(await est.score(X, y)).toBeCloseTo(r2Score(y as number[], pred), 6);
      est.dispose();
    });

    it('multi-output regression', async () => {
      const { X, y } = regressionData(20, 3, 2);
      const est = reg({ epochs: 2 });
      await est.fit(X, y);
      expect(est.nOutputs_).toBe(2);
      expect(est.targetType_).toBe('continuous-multioutput');
      const pred = (await est.predict(X)) as number[][];
      expect(pred[0]).toHaveLength(2);
      expect(await est.score(X, y)).toBeCloseTo(r2Score(y as number[][], pred), 6);
      est.dispose();
    });

    it('score honours sampleWeight', async () => {
      const { X, y } = regressionData(20, 3);
      const est = reg();
      await est.fit(X, y);
      const pred = (await est.predict(X)) as number[];
      const sw = pred.map((_, i) => (i % 3) + 1);
      expect(await est.score(X, y, { sampleWeight: sw })).toBeCloseTo(
        r2Score(y as number[], pred, { sampleWeight: sw }),
        6,
      );
      est.dispose();
    });

    it('trains with KerasRegressor.rootMeanSquaredError as the loss', async () => {
      const { X, y } = regressionData(20, 3);
      const est = reg({ loss: KerasRegressor.rootMeanSquaredError, batchSize: -1, shuffle: false });
      await est.fit(X, y);
      const mse = reg({ batchSize: -1, shuffle: false });
      await mse.fit(X, y);
      // same seed, same initial weights: the first-epoch loss is the RMSE of the same predictions
      expect(est.history_!.loss![0]).toBeCloseTo(Math.sqrt(mse.history_!.loss![0]!), 4);
      est.dispose();
      mse.dispose();
    });

    it('rejects non-numeric targets', async () => {
      await expect(reg().fit([[0], [1]], ['a', 'b'])).rejects.toThrow(
        /^could not convert string to float: 'a'/,
      );
    });

    it('leaves no tensors behind', async () => {
      const { X, y } = regressionData(20, 3);
      await expectNoLeak(async () => {
        const est = reg({ optimizer: 'adam' });
        const Xt = tf.tensor2d(X);
        await est.fit(Xt, y);
        Xt.dispose();
        await est.predict(X);
        await est.score(X, y);
        est.dispose();
      });
    });

    // roundTrip: scikit-learn's pickle round trip (check_estimators_pickle) as saveEstimator + loadEstimator
    describeEstimatorChecks('checkEstimator', () => reg({ epochs: 3 }), {
      roundTrip: async (est) => loadEstimator(await saveEstimator(est)),
    });
    // scikeras tags its wrappers poor_score; trained a little longer they score well anyway
    describeEstimatorChecks(
      'checkEstimator (poorScore: false)',
      () =>
        reg({ epochs: 60, optimizer: 'adam', optimizer__learningRate: 0.05, model__hidden: 16 }),
      { tags: { poorScore: false }, only: ['checkRegressorsTrain'] },
    );
  });
});
