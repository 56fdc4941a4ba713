import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, catchWarnings } from '@scikeras/estimator-core';
import {
  fastKernelsInstalled,
  modelFitTrainer,
  type Trainer,
  type TrainerFitArgs,
} from '@scikeras/tfjs-trainer';
import { BaseWrapper } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { KerasRegressor } from './KerasRegressor';
import {
  BACKENDS,
  classificationData,
  mlp,
  regressionData,
  useTestBackend,
} from './test-utils/backends';

/** Fits `make()` with the default trainer, then with `'modelFit'`, counting LayersModel.fit calls. */
async function fastAndModelFit<
  E extends {
    fit(X: unknown, y: unknown, o?: object): Promise<E>;
    setParams(p: object): E;
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
    const lean = await make().fit(X, y, options);
    modelFits.push(spy.mock.calls.length);
    const stock = await make().setParams({ trainer: 'modelFit' }).fit(X, y, options);
    modelFits.push(spy.mock.calls.length - modelFits[0]!);
    return { lean, stock, modelFits };
  } finally {
    spy.mockRestore();
  }
}

function close(a: number[], b: number[], tol: number): void {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(b[i]!))));
}

/** A callback noting whether the fast kernels are registered while the model trains. */
function kernelProbe(backend: string, seen: boolean[]): tf.CustomCallback {
  return new tf.CustomCallback({
    onTrainBegin: async () => void seen.push(fastKernelsInstalled(backend)),
  });
}

const dropoutModel = ({ nFeaturesIn_ }: { nFeaturesIn_: number }): tf.LayersModel =>
  tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dropout({ rate: 0.2 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });

describe('the trainer param', () => {
  beforeAll(async () => {
    await tf.ready();
  });

  it("is 'fast' by default", () => {
    expect(BaseWrapper.defaults['trainer']).toBe('fast');
    expect(new KerasClassifier().getParams().trainer).toBe('fast');
  });

  it('refuses anything but a trainer name or a Trainer object, in scikit-learn’s words', async () => {
    const before = tf.memory().numTensors;
    const { X, y } = regressionData(8, 2, 1, 0);
    for (const [trainer, got] of [
      ['lean', "'lean'"],
      [null, 'null'],
      [{ name: 'no fit' }, '{"name":"no fit"}'],
    ] as const) {
      const est = new KerasRegressor({
        model: mlp,
        loss: 'mse',
        verbose: 0,
        trainer: trainer as never,
      });
      await expect(est.fit(X, y)).rejects.toThrow(
        new InvalidParameterError(
          "The 'trainer' parameter of KerasRegressor must be a str among {'fast', 'modelFit'} or an object " +
            `with a 'fit(model, x, y, args)' method (a Trainer from @scikeras/tfjs-trainer). Got ${got} instead.`,
        ),
      );
      expect(est.model_).toBeUndefined();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);

    it("a KerasClassifier trains through the lean loop by default, as 'modelFit' would (sample and class weights too)", async () => {
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
      const { lean, stock, modelFits } = await fastAndModelFit(make, X, y, { sampleWeight });
      expect(modelFits).toEqual([0, 1]);
      expect(Object.keys(lean.history_!).sort()).toEqual(Object.keys(stock.history_!).sort());
      for (const k of Object.keys(stock.history_!))
        close(lean.history_![k]!, stock.history_![k]!, 1e-5);
      expect(await lean.predict(X)).toEqual(await stock.predict(X));
      lean.dispose();
      stock.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it("a KerasRegressor with validationSplit trains through the lean loop, as 'modelFit' would", async () => {
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
      const { lean, stock, modelFits } = await fastAndModelFit(make, X, y);
      expect(modelFits).toEqual([0, 1]);
      expect(Object.keys(lean.history_!).sort()).toEqual(['loss', 'val_loss']);
      for (const k of Object.keys(stock.history_!))
        close(lean.history_![k]!, stock.history_![k]!, 1e-5);
      close((await lean.predict(X)) as number[], (await stock.predict(X)) as number[], 1e-4);
      lean.dispose();
      stock.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it("a model the lean loop cannot train exactly (Dropout) goes to model.fit on the fast kernels, for that fit only; 'modelFit' uses the stock ones", async () => {
      const before = tf.memory().numTensors;
      const stockKernel = tf.getKernel('BatchMatMul', backend);
      const { X, y } = classificationData(20, 3, [0, 1], 1);
      const spy = jest.spyOn(tf.LayersModel.prototype, 'fit');
      const seen: boolean[] = [];
      const make = (trainer: 'fast' | 'modelFit'): KerasClassifier =>
        new KerasClassifier({
          model: dropoutModel,
          loss: 'binary_crossentropy',
          epochs: 1,
          verbose: 0,
          callbacks: [kernelProbe(backend, seen)],
          trainer,
        });
      const fast = await make('fast').fit(X, y);
      const stock = await make('modelFit').fit(X, y);
      expect(spy).toHaveBeenCalledTimes(2);
      spy.mockRestore();
      expect(seen).toEqual([true, false]);
      expect(tf.getKernel('BatchMatMul', backend)).toBe(stockKernel);
      fast.dispose();
      stock.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('fit and predict leave tfjs’s kernel registry as it was', async () => {
      const before = tf.memory().numTensors;
      const registered = (): unknown[] =>
        ['BatchMatMul', '_FusedMatMul'].map((k) => tf.getKernel(k, backend));
      const kernels = registered();
      const { X, y } = regressionData(12, 2, 1, 0);
      const est = await new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0 }).fit(X, y);
      await est.predict(X);
      expect(registered()).toEqual(kernels);
      expect(fastKernelsInstalled(backend)).toBe(false);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('a Trainer object gets the model, the data and model.fit’s arguments, and its History is recorded', async () => {
      const before = tf.memory().numTensors;
      const { X, y } = classificationData(30, 3, ['a', 'b'], 2);
      const calls: [tf.LayersModel, tf.Tensor, tf.Tensor, TrainerFitArgs][] = [];
      const recording: Trainer = {
        name: 'recording',
        async fit(model, x, yT, args = {}) {
          calls.push([model, x as tf.Tensor, yT as tf.Tensor, args]);
          return modelFitTrainer.fit(model, x, yT, args);
        },
      };
      const sampleWeight = X.map((_, i) => (i % 2) + 1);
      const est = await new KerasClassifier({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        epochs: 2,
        batchSize: 10,
        shuffle: false,
        validationSplit: 0.2,
        verbose: 0,
        trainer: recording,
      }).fit(X, y, { sampleWeight });
      await est.partialFit(X, y);
      expect(calls).toHaveLength(2);
      const [model, x, yT, args] = calls[0]!;
      expect(model).toBe(est.model_);
      expect(x.shape).toEqual([30, 3]);
      expect(yT.shape[0]).toBe(30);
      expect(args).toMatchObject({
        epochs: 2,
        initialEpoch: 0,
        batchSize: 10,
        shuffle: false,
        validationSplit: 0.2,
        verbose: 0,
        sampleWeight,
      });
      expect(Array.isArray(args.callbacks)).toBe(true);
      expect(typeof args.onWarning).toBe('function');
      expect(calls[1]![3]).toMatchObject({ epochs: 3, initialEpoch: 2 });
      expect(est.history_!['loss']).toHaveLength(3);
      expect(est.history_!['val_loss']).toHaveLength(3);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('on wasm, with a field missing', () => {
    useTestBackend('wasm');

    it('warns once (RuntimeWarning) and trains through model.fit when a tfjs internal is missing', async () => {
      const before = tf.memory().numTensors;
      const { X, y } = classificationData(20, 3, [0, 1], 5);
      // a tfjs whose Dense layers lack a field the fast trainer reads
      const build = (ctx: Parameters<typeof mlp>[0]): tf.LayersModel => {
        const model = mlp(ctx);
        delete (model.layers[0] as unknown as { kernelConstraint?: unknown }).kernelConstraint;
        return model;
      };
      const spy = jest.spyOn(tf.LayersModel.prototype, 'fit');
      const make = (): KerasClassifier =>
        new KerasClassifier({ model: build, loss: 'sparse_categorical_crossentropy', verbose: 0 });
      const first = await catchWarnings(() => make().fit(X, y));
      const second = await catchWarnings(() => make().fit(X, y));
      expect(spy).toHaveBeenCalledTimes(2);
      spy.mockRestore();
      expect(first.warnings).toEqual([
        {
          category: 'RuntimeWarning',
          message:
            `@scikeras/tfjs-trainer: Dense.kernelConstraint is not what the fast trainer reads in TensorFlow.js ${tf.version.tfjs} ` +
            '(it was written for 4.22). The fast path (lean fit loop and fast kernels) is off: models train through model.fit.',
        },
      ]);
      expect(second.warnings).toEqual([]);
      first.result.dispose();
      second.result.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
