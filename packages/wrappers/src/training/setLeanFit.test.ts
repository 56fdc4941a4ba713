import * as tf from '@tensorflow/tfjs';
import { KerasClassifier } from '../KerasClassifier';
import { KerasRegressor } from '../KerasRegressor';
import {
  BACKENDS,
  classificationData,
  mlp,
  regressionData,
  useTestBackend,
} from '../test-utils/backends';
import { leanFitEnabled, setLeanFit } from './setLeanFit';

/** Fits `make()` twice, lean loop on and off, counting calls to tfjs's LayersModel.fit. */
async function onAndOff<
  E extends {
    fit(X: unknown, y: unknown, o?: object): Promise<E>;
    history_?: Record<string, number[]>;
    predict(X: unknown): Promise<unknown>;
    dispose(): void;
  },
>(
  make: () => E,
  X: unknown,
  y: unknown,
  options: object = {},
): Promise<{ lean: E; stock: E; modelFits: number[] }> {
  const spy = jest.spyOn(tf.LayersModel.prototype, 'fit');
  const modelFits: number[] = [];
  try {
    setLeanFit(true);
    const lean = await make().fit(X, y, options);
    modelFits.push(spy.mock.calls.length);
    setLeanFit(false);
    const stock = await make().fit(X, y, options);
    modelFits.push(spy.mock.calls.length - modelFits[0]!);
    return { lean, stock, modelFits };
  } finally {
    spy.mockRestore();
    setLeanFit(true);
  }
}

function close(a: number[], b: number[], tol: number): void {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(b[i]!))));
}

describe('setLeanFit', () => {
  afterEach(() => setLeanFit(true));

  it('is on by default', () => {
    expect(leanFitEnabled()).toBe(true);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    it('a KerasClassifier trains through the lean loop, as model.fit would (sample and class weights too)', async () => {
      const before = tf.memory().numTensors;
      const { X, y } = classificationData(48, 3, ['a', 'b', 'c'], 4);
      const make = (): KerasClassifier =>
        new KerasClassifier({
          model: mlp,
          loss: 'sparse_categorical_crossentropy',
          optimizer: 'adam',
          optimizer__learningRate: 0.05,
          metrics: ['accuracy'],
          epochs: 3,
          batchSize: 8,
          randomState: 3,
          classWeight: { a: 1, b: 2, c: 0.5 },
          verbose: 0,
        });
      const sampleWeight = X.map((_, i) => 1 + (i % 4));
      const { lean, stock, modelFits } = await onAndOff(make, X, y, { sampleWeight });
      expect(modelFits).toEqual([0, 1]);
      expect(Object.keys(lean.history_!).sort()).toEqual(Object.keys(stock.history_!).sort());
      for (const k of Object.keys(stock.history_!))
        close(lean.history_![k]!, stock.history_![k]!, 1e-5);
      expect(await lean.predict(X)).toEqual(await stock.predict(X));
      lean.dispose();
      stock.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('a KerasRegressor with validationSplit trains through the lean loop, as model.fit would', async () => {
      const before = tf.memory().numTensors;
      const { X, y } = regressionData(40, 3, 1, 2);
      const make = (): KerasRegressor =>
        new KerasRegressor({
          model: mlp,
          loss: 'mse',
          optimizer: 'rmsprop',
          epochs: 3,
          batchSize: 16,
          validationSplit: 0.25,
          randomState: 1,
          verbose: 0,
        });
      const { lean, stock, modelFits } = await onAndOff(make, X, y);
      expect(modelFits).toEqual([0, 1]);
      expect(Object.keys(lean.history_!).sort()).toEqual(['loss', 'val_loss']);
      for (const k of Object.keys(stock.history_!))
        close(lean.history_![k]!, stock.history_![k]!, 1e-5);
      close((await lean.predict(X)) as number[], (await stock.predict(X)) as number[], 1e-4);
      lean.dispose();
      stock.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('a model the lean loop cannot train exactly (Dropout) goes to model.fit', async () => {
      const before = tf.memory().numTensors;
      const { X, y } = classificationData(20, 3, [0, 1], 1);
      const spy = jest.spyOn(tf.LayersModel.prototype, 'fit');
      const est = await new KerasClassifier({
        model: ({ nFeaturesIn_ }: { nFeaturesIn_: number }) =>
          tf.sequential({
            layers: [
              tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
              tf.layers.dropout({ rate: 0.2 }),
              tf.layers.dense({ units: 1, activation: 'sigmoid' }),
            ],
          }),
        loss: 'binary_crossentropy',
        epochs: 1,
        verbose: 0,
      }).fit(X, y);
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockRestore();
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
