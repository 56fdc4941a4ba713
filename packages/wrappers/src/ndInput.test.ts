// Ports of scikeras's tests for N-dimensional X (tests/test_errors.py::test_X_shape_change and
// the allow_nd=True paths of scikeras/wrappers.py _validate_data), plus a Conv2D classifier on
// digits as 8x8x1 images and a Conv1D regressor on sequences through the searches.
import * as tf from '@tensorflow/tfjs';
import { catchWarnings, type Params } from '@scikeras/estimator-core';
import { GridSearchCV, KFold, StratifiedKFold, crossValScore } from '@scikeras/model-selection';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

/** A dense regressor for X of any rank (flattened), like scikeras's dynamic_regressor. */
function flatRegressor({ XShape_, nOutputs_ }: BuildContext<Params>): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.flatten({ inputShape: XShape_.slice(1) }));
  m.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  m.add(tf.layers.dense({ units: nOutputs_ }));
  return m;
}

/** A small CNN: conv 3x3 -> max pool -> softmax, sized from the build context. */
function cnn({ XShape_, nClasses_, filters }: BuildContext<{ filters: number }>): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.conv2d({ inputShape: XShape_.slice(1), filters, kernelSize: 3, activation: 'relu' }),
  );
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: nClasses_ as number, activation: 'softmax' }));
  return m;
}

/** A Conv1D regressor for sequences `(n, steps, features)`. */
function conv1d({ XShape_, filters }: BuildContext<{ filters: number }>): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.conv1d({ inputShape: XShape_.slice(1), filters, kernelSize: 3, padding: 'same' }),
  );
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

/** Digits as `{ data: Float32Array, shape: [n, 8, 8, 1] }`, pixels scaled to [0, 1]. */
async function digitsImages(nClass = 10) {
  const { loadDigits } = await import('@scikeras/datasets');
  const [X, y] = loadDigits({ nClass, returnXy: true }) as unknown as [number[][], number[]];
  const data = Float32Array.from(X.flat(), (v) => v / 16);
  return { X: { data, shape: [X.length, 8, 8, 1] }, y };
}

/** Sequences of `steps` values in [0, 1) and their sums (seeded). */
function sequenceSums(n: number, steps: number) {
  let s = 7;
  const rand = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  const X = Array.from({ length: n }, () => Array.from({ length: steps }, () => [rand()]));
  const y = X.map((seq) => seq.reduce((a, [v]) => a + v!, 0));
  return { X, y };
}

describe('N-d X', () => {
  checkNoLeakPerTest();

  describe.each(['cpu', 'wasm'])('validation and metadata on %s', (backend) => {
    useTestBackend(backend);
    const X3 = [
      [[1], [2]],
      [[3], [4]],
    ];
    const y = [
      [0, 1, 0],
      [1, 0, 0],
    ];

    it('tests/test_errors.py::test_X_shape_change', async () => {
      const est = new KerasRegressor({ model: flatRegressor, loss: 'mse', verbose: 0 });
      await est.fit(X3, y);
      await expect(
        est.partialFit(
          [
            [1, 2],
            [3, 4],
          ],
          y,
        ),
      ).rejects.toThrow(
        'X has 2 dimensions, but this KerasRegressor is expecting 3 dimensions in X.',
      );
      est.dispose();
    });

    it('a changed shape after the first axis raises scikeras\u2019s message, in partialFit and predict', async () => {
      const est = new KerasRegressor({ model: flatRegressor, loss: 'mse', verbose: 0 });
      await est.fit(X3, y);
      const other = [[[1, 2]], [[3, 4]]];
      await expect(est.partialFit(other, y)).rejects.toThrow(
        'X has shape (1, 2), but this KerasRegressor is expecting X of shape (2, 1)',
      );
      await expect(est.predict(other)).rejects.toThrow(
        'X has shape (1, 2), but this KerasRegressor is expecting X of shape (2, 1)',
      );
      await expect(est.predict([[[[1]], [[2]]]])).rejects.toThrow(
        'X has 4 dimensions, but this KerasRegressor is expecting 3 dimensions in X.',
      );
      // a refused call leaves the fitted state as it was
      expect(est.XShape_).toEqual([2, 2, 1]);
      est.dispose();
    });

    it('records XShape_, nFeaturesIn_ = shape[1], no featureNamesIn_, and the shape in the build context', async () => {
      let seen: BuildContext<Params> | undefined;
      const est = new KerasRegressor({
        model: (ctx: BuildContext<Params>) => {
          seen = ctx;
          return flatRegressor(ctx);
        },
        loss: 'mse',
        verbose: 0,
      });
      await est.fit({ data: new Float32Array(2 * 3 * 4 * 2), shape: [2, 3, 4, 2] }, [0, 1]);
      expect(est.XShape_).toEqual([2, 3, 4, 2]);
      expect(est.nFeaturesIn_).toBe(3);
      expect(est.XDtype_).toBe('float32');
      expect('featureNamesIn_' in est).toBe(false);
      expect(seen!.XShape_).toEqual([2, 3, 4, 2]);
      expect(seen!.nFeaturesIn_).toBe(3);
      expect(seen!.X.shape).toEqual([2, 3, 4, 2]);
      est.dispose();
    });

    it('nested arrays, a shaped Float32Array and a rank-4 tensor give the same predictions', async () => {
      const nested = [0, 1, 2, 3].map((i) => [
        [[i], [i + 1]],
        [[i + 2], [i + 3]],
      ]);
      const data = Float32Array.from(nested.flat(3) as number[]);
      const t = tf.tensor4d(data, [4, 2, 2, 1]);
      const est = new KerasRegressor({
        model: flatRegressor,
        loss: 'mse',
        verbose: 0,
        randomState: 0,
      });
      await est.fit(nested, [0, 1, 2, 3]);
      const a = await est.predict(nested);
      const b = await est.predict({ data, shape: [4, 2, 2, 1] });
      const c = await est.predict(t);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      t.dispose();
      est.dispose();
    });
  });

  describe('models beyond Dense chains (cpu: tfjs-backend-wasm has no Conv2DBackpropFilter)', () => {
    useTestBackend('cpu');

    it('the fast trainer hands a Conv2D model to model.fit without a warning', async () => {
      const { X, y } = await digitsImages(2);
      const est = new KerasClassifier({
        model: cnn,
        filters: 4,
        loss: 'sparse_categorical_crossentropy',
        epochs: 1,
        verbose: 0,
        randomState: 0,
      });
      const { warnings } = await catchWarnings(() => est.fit(X, y));
      expect(warnings).toEqual([]);
      expect(est.history_!.loss).toHaveLength(1);
      est.dispose();
    });

    it('Conv2D KerasClassifier on digits as 8x8x1 images: 5-fold crossValScore accuracy >= 0.95', async () => {
      const { X, y } = await digitsImages();
      const est = new KerasClassifier({
        model: cnn,
        // 8 filters, 4 epochs at lr 0.03: 0.970 (folds 0.958-0.978), a third of the time of
        // 16 filters x 15 epochs at lr 0.01 (0.974) on tfjs's cpu backend.
        filters: 8,
        loss: 'sparse_categorical_crossentropy',
        optimizer: 'adam',
        optimizer__learningRate: 0.03,
        epochs: 4,
        batchSize: 64,
        verbose: 0,
        randomState: 0,
      });
      const cv = new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 0 });
      const scores = await crossValScore(est, X, y, { cv });
      expect(scores).toHaveLength(5);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(mean).toBeGreaterThanOrEqual(0.95);
    }, 1_200_000);

    it('GridSearchCV over a Conv2D classifier indexes images along the first axis', async () => {
      const { X, y } = await digitsImages(2);
      const gs = new GridSearchCV({
        estimator: new KerasClassifier({
          model: cnn,
          filters: 4,
          loss: 'sparse_categorical_crossentropy',
          optimizer: 'adam',
          optimizer__learningRate: 0.01,
          epochs: 3,
          verbose: 0,
          randomState: 0,
        }),
        paramGrid: { filters: [2, 4] },
        cv: new StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 0 }),
      });
      await gs.fit(X, y);
      expect(gs.cvResults_!.params).toHaveLength(2);
      expect(gs.bestScore_).toBeGreaterThanOrEqual(0.95);
      const best = gs.bestEstimator_ as KerasClassifier;
      expect(best.XShape_).toEqual([360, 8, 8, 1]);
      expect(await gs.score(X, y)).toBeGreaterThanOrEqual(0.95);
      gs.dispose();
    }, 600_000);

    it('GridSearchCV over a Conv1D regressor on sequence sums', async () => {
      const { X, y } = sequenceSums(240, 10);
      const gs = new GridSearchCV({
        estimator: new KerasRegressor({
          model: conv1d,
          filters: 4,
          loss: 'mse',
          optimizer: 'adam',
          optimizer__learningRate: 0.01,
          epochs: 40,
          batchSize: 16,
          verbose: 0,
          randomState: 0,
        }),
        paramGrid: { filters: [2, 4] },
        cv: new KFold({ nSplits: 3, shuffle: true, randomState: 0 }),
      });
      await gs.fit(X, y);
      expect(gs.cvResults_!.params).toHaveLength(2);
      expect(gs.bestScore_).toBeGreaterThanOrEqual(0.9); // R^2
      expect((gs.bestEstimator_ as KerasRegressor).XShape_).toEqual([240, 10, 1]);
      gs.dispose();
    }, 600_000);
  });
});
