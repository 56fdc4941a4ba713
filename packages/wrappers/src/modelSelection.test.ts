// Integration with @scikeras/model-selection: GridSearchCV, clone and crossValScore over the
// wrappers (scikeras's tests/test_api.py TestSearch / TestPartialFit cases), with leak checks.
import * as tf from '@tensorflow/tfjs';
import { clone, type Params } from '@scikeras/estimator-core';
import { GridSearchCV, KFold, crossValScore } from '@scikeras/model-selection';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import {
  BACKENDS,
  classificationData,
  mlp,
  modelTensors,
  regressionData,
  trackFitted,
  useTestBackend,
  checkNoLeakPerTest,
} from './test-utils/backends';

interface MLPClassifierParams {
  hiddenLayerSizes?: number[];
}

interface MLPClassifier extends Required<MLPClassifierParams> {}

class MLPClassifier extends KerasClassifier<MLPClassifierParams & { aKwarg?: string }> {
  static override defaults: Readonly<Params> = { hiddenLayerSizes: [4] };
  static seen: unknown[] = [];

  override buildModel(
    ctx: BuildContext<MLPClassifierParams & { aKwarg?: string }>,
  ): tf.LayersModel {
    MLPClassifier.seen.push(ctx.aKwarg);
    return mlp({
      ...(ctx as Parameters<typeof mlp>[0]),
      hidden: (ctx.hiddenLayerSizes as number[])[0],
    });
  }
}

describe('model-selection integration', () => {
  checkNoLeakPerTest();
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    it('GridSearchCV tunes a subclass param and an extra aKwarg-style param without leaking', async () => {
      const { X, y } = classificationData(24, 3, ['a', 'b', 'c']);
      const before = tf.memory().numTensors;
      MLPClassifier.seen.length = 0;
      const gs = new GridSearchCV({
        estimator: new MLPClassifier({
          loss: 'sparse_categorical_crossentropy',
          aKwarg: 'saveme',
          verbose: 0,
          randomState: 0,
        }),
        paramGrid: { hiddenLayerSizes: [[2], [4]], aKwarg: ['x', 'y'] },
        cv: new KFold({ nSplits: 2 }),
      });
      const { fitted, aliveTensors } = await trackFitted(KerasClassifier.prototype, async () => {
        await gs.fit(X, y);
      });
      expect(fitted).toHaveLength(9); // 4 candidates x 2 folds + the refit
      expect(gs.cvResults_!.params).toHaveLength(4);
      expect(new Set(MLPClassifier.seen)).toEqual(new Set(['x', 'y']));
      const best = gs.bestEstimator_ as MLPClassifier;
      expect(best.getParams()).toMatchObject(gs.bestParams_!);
      expect(await gs.predict(X)).toHaveLength(24);
      // nothing but the weights (and optimizer slots) of the models still alive
      expect(tf.memory().numTensors).toBe(before + aliveTensors());
      expect(aliveTensors()).toBeGreaterThanOrEqual(modelTensors(best.model_!));
      // the folds' models were disposed by the search: only the refitted best is alive
      expect(fitted.filter((e) => e.model_ !== undefined && e !== best)).toHaveLength(0);
      gs.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('GridSearchCV over routed params (fit__batchSize, optimizer__learningRate)', async () => {
      const { X, y } = regressionData(20, 3);
      const gs = new GridSearchCV({
        estimator: new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0, randomState: 0 }),
        paramGrid: { fit__batchSize: [5, -1], optimizer__learningRate: [0.01, 0.001] },
        cv: 2,
      });
      await gs.fit(X, y);
      expect(gs.cvResults_!.params).toHaveLength(4);
      gs.dispose();
    });

    it('crossValScore on a clone leaves no tensors', async () => {
      const { X, y } = classificationData(20, 3, [0, 1]);
      const est = new KerasClassifier({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        verbose: 0,
      });
      const before = tf.memory().numTensors;
      let scores: number[] = [];
      const { fitted, aliveTensors } = await trackFitted(KerasClassifier.prototype, async () => {
        scores = await crossValScore(clone(est), X, y, { cv: 3 });
      });
      expect(scores).toHaveLength(3);
      for (const s of scores) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
      expect(fitted).toHaveLength(3);
      // every fold's model was disposed by crossValScore
      expect(aliveTensors()).toBe(0);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
