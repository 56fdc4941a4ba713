// The streaming fit/predict path (issue 18 goal 4): y encoded into one float32 matrix, the model
// output kept as float32 matrices and decoded by our target encoders, the caller's X read in
// place. It must give exactly what the row path (number[][]) gave, which a subclass overriding
// the hooks still takes.
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import type { CheckedY, Params } from '@scikeras/estimator-core';
import { ClassifierLabelEncoder, RegressorTargetEncoder } from '@scikeras/target-utils';
import { KerasClassifier, KerasRegressor, type KerasData, type KerasOutput } from './index';
import * as batches from './internal/predictInBatches';
import { DENSE_PREDICT_BATCH, defaultPredictBatchSize } from './internal/defaultPredictBatchSize';
import { BACKENDS, checkNoLeakPerTest, mlp, rng, useTestBackend } from './test-utils/backends';

/** The row path: overriding the hooks (calling super) turns the streaming path off. */
class RowsClassifier extends KerasClassifier {
  static override estimatorName = 'RowsClassifier';
  override preProcessY(y: CheckedY): [KerasData, Params] {
    return super.preProcessY(y);
  }
  override postProcessY(yPred: KerasOutput): [unknown, Params] {
    return super.postProcessY(yPred);
  }
}

class RowsRegressor extends KerasRegressor {
  static override estimatorName = 'RowsRegressor';
  override preProcessY(y: CheckedY): [KerasData, Params] {
    return super.preProcessY(y);
  }
  override postProcessY(yPred: KerasOutput): [unknown, Params] {
    return super.postProcessY(yPred);
  }
}

function shapedX(n: number, d: number, seed: number): { data: Float32Array; shape: number[] } {
  const r = rng(seed);
  return { data: Float32Array.from({ length: n * d }, () => r() * 4 - 2), shape: [n, d] };
}

/** Labels from the first feature (so that every class is present). */
function labelsOf<L>(X: { data: Float32Array }, n: number, d: number, classes: readonly L[]): L[] {
  return Array.from({ length: n }, (_, i) => classes[i % classes.length]!).map((c, i) =>
    X.data[i * d]! > 1.5 ? classes[0]! : c,
  );
}

const CLASSIFIER_CASES: [string, Params, unknown[]][] = [
  [
    'sparse multiclass, string labels',
    { loss: 'sparse_categorical_crossentropy' },
    ['a', 'b', 'c'],
  ],
  ['categorical (one-hot) multiclass', { loss: 'categorical_crossentropy' }, [3, 1, 2, 0]],
  ['binary, one sigmoid', { loss: 'binary_crossentropy' }, [false, true]],
];

describe('the streaming fit/predict path', () => {
  checkNoLeakPerTest();
  afterEach(() => jest.restoreAllMocks());

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    it.each(CLASSIFIER_CASES)(
      'KerasClassifier, %s: the same fit, predictions and probabilities as the row path',
      async (_name, params, classes) => {
        const n = 57;
        const X = shapedX(n, 5, 3);
        const y = labelsOf(X, n, 5, classes);
        const make = <C extends typeof KerasClassifier>(Cls: C) =>
          new Cls({ model: mlp, ...params, epochs: 2, batchSize: 16, verbose: 0, randomState: 3 });
        const streaming = make(KerasClassifier);
        const rows = make(RowsClassifier);
        const transform = jest.spyOn(ClassifierLabelEncoder.prototype, 'transform');
        await streaming.fit(X, y);
        expect(transform).not.toHaveBeenCalled(); // y went through transformMatrix
        await rows.fit(X, y);
        expect(transform).toHaveBeenCalled();
        expect(streaming.model_!.getWeights().map((w) => w.arraySync())).toEqual(
          rows.model_!.getWeights().map((w) => w.arraySync()),
        );
        const outputRows = jest.spyOn(batches, 'outputRows');
        const proba = await streaming.predictProba(X);
        const labels = await streaming.predict(X);
        const score = await streaming.score(X, y);
        expect(outputRows).not.toHaveBeenCalled(); // no number[][] of the model output
        expect(proba).toEqual(await rows.predictProba(X));
        expect(labels).toEqual(await rows.predict(X));
        expect(score).toBe(await rows.score(X, y));
        expect(outputRows).toHaveBeenCalled();
        streaming.dispose();
        rows.dispose();
      },
    );

    it.each([1, 2])(
      'KerasRegressor with %i output(s): the same fit and predictions as the row path',
      async (outputs) => {
        const n = 41;
        const X = shapedX(n, 4, 5);
        const y1 = Array.from({ length: n }, (_, i) => X.data[i * 4]! + 0.5 * X.data[i * 4 + 1]!);
        const y = outputs === 1 ? y1 : y1.map((v) => [v, -v]);
        const make = <C extends typeof KerasRegressor>(Cls: C) =>
          new Cls({ model: mlp, loss: 'mse', epochs: 2, batchSize: 8, verbose: 0, randomState: 1 });
        const streaming = make(KerasRegressor);
        const rows = make(RowsRegressor);
        const transform = jest.spyOn(RegressorTargetEncoder.prototype, 'transform');
        await streaming.fit(X, y);
        expect(transform).not.toHaveBeenCalled();
        await rows.fit(X, y);
        expect(await streaming.predict(X)).toEqual(await rows.predict(X));
        expect(await streaming.score(X, y)).toBe(await rows.score(X, y));
        streaming.dispose();
        rows.dispose();
      },
    );

    it('predictRaw still returns number[][] rows (the model output as plain arrays)', async () => {
      const n = 12;
      const X = shapedX(n, 3, 9);
      const est = new KerasClassifier({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        epochs: 1,
        verbose: 0,
        randomState: 0,
      });
      await est.fit(X, labelsOf(X, n, 3, [0, 1, 2]));
      const raw = (await est.predictRaw(X)) as number[][];
      expect(raw).toHaveLength(n);
      expect(raw.every((r) => Array.isArray(r) && r.length === 3)).toBe(true);
      expect(await est.predictProba(X)).toEqual(raw);
      est.dispose();
    });

    it('the default predict batch of a Dense chain gives what batches of 32 give, bit for bit', async () => {
      const est = new KerasClassifier({
        model: mlp,
        model__hidden: 19,
        loss: 'sparse_categorical_crossentropy',
        epochs: 1,
        verbose: 0,
        randomState: 0,
      });
      const X0 = shapedX(40, 6, 2);
      await est.fit(X0, labelsOf(X0, 40, 6, [0, 1, 2]));
      expect(defaultPredictBatchSize(est.model_!)).toBe(DENSE_PREDICT_BATCH);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2500 }), async (n) => {
          const X = shapedX(n, 6, n);
          expect(await est.predictRaw(X)).toEqual(await est.predictRaw(X, { batchSize: 32 }));
        }),
        { numRuns: 8 },
      );
      est.dispose();
    });
  });

  it('keeps Keras’s 32 for a model with other layers, or on another backend', () => {
    const m = tf.sequential({
      layers: [
        tf.layers.dense({ units: 2, inputShape: [3] }),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 1 }),
      ],
    });
    expect(defaultPredictBatchSize(m)).toBe(32);
    m.dispose();
  });
});
