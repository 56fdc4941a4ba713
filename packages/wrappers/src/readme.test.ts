// TypeScript twins of every example in the scikeras README (the seed), in its order.
// The package README shows the same code.
import * as tf from '@tensorflow/tfjs';
import { catchWarnings, clone, type Label, type Params } from '@scikeras/estimator-core';
import {
  KerasClassifier,
  KerasRegressor,
  type Array2D,
  type BuildContext,
  type KerasOutput,
  type NoParams,
} from './index';
import {
  BACKENDS,
  checkNoLeakPerTest,
  classificationData,
  expectNoLeak,
  regressionData,
  useTestBackend,
} from './test-utils/backends';

// ---- Dynamically built models: a model-building function -----------------------------------
function modelBuildingFunction({
  X,
  nOutputs_,
  hiddenLayerSizes,
}: BuildContext<{ hiddenLayerSizes: number[] }>): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: X.shape[1], activation: 'relu', inputShape: [X.shape[1]] }));
  for (const size of hiddenLayerSizes) {
    model.add(tf.layers.dense({ units: size, activation: 'relu' }));
  }
  model.add(tf.layers.dense({ units: nOutputs_! }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}

// ---- Subclassing wrappers -------------------------------------------------------------------
interface MLPRegressorParams {
  hiddenLayerSizes?: number[];
}

// A subclass that declares its params (and lets users declare more with E, e.g. `aKwarg`).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
interface MLPRegressor<E extends object = NoParams> extends Required<MLPRegressorParams> {}

class MLPRegressor<E extends object = NoParams> extends KerasRegressor<MLPRegressorParams & E> {
  static override defaults: Readonly<Params> = { hiddenLayerSizes: [100] };
  static built: BuildContext<MLPRegressorParams>[] = [];

  override buildModel(ctx: BuildContext<MLPRegressorParams & E>): tf.LayersModel {
    MLPRegressor.built.push(ctx);
    const { X, nOutputs_, hiddenLayerSizes } = ctx;
    const model = tf.sequential();
    model.add(tf.layers.dense({ units: X.shape[1], activation: 'relu', inputShape: [X.shape[1]] }));
    for (const size of hiddenLayerSizes as number[]) {
      model.add(tf.layers.dense({ units: size, activation: 'relu' }));
    }
    model.add(tf.layers.dense({ units: nOutputs_! }));
    model.compile({ optimizer: 'adam', loss: KerasRegressor.rootMeanSquaredError });
    return model;
  }
}

interface ChildMLPRegressorParams {
  childArgument?: string | null;
}

/* eslint-disable @typescript-eslint/no-unused-vars */ // E: the class's type argument
interface ChildMLPRegressor<
  E extends object = NoParams,
> extends Required<ChildMLPRegressorParams> {}
/* eslint-enable @typescript-eslint/no-unused-vars */

class ChildMLPRegressor<E extends object = NoParams> extends MLPRegressor<
  ChildMLPRegressorParams & E
> {
  static override defaults: Readonly<Params> = { childArgument: null };
}

// ---- Multi-output: a binary and a multiclass head -------------------------------------------
class FunctionalAPIMultiOutputClassifier extends KerasClassifier {
  override buildModel({ nClasses_ }: BuildContext): tf.LayersModel {
    const inp = tf.input({ shape: [4] });
    const x1 = tf.layers.dense({ units: 100 }).apply(inp) as tf.SymbolicTensor;
    const binaryOut = tf.layers
      .dense({ units: 1, activation: 'sigmoid' })
      .apply(x1) as tf.SymbolicTensor;
    const catOut = tf.layers
      .dense({ units: (nClasses_ as number[])[1]!, activation: 'softmax' })
      .apply(x1) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [inp], outputs: [binaryOut, catOut] });
    const losses = ['binaryCrossentropy', 'categoricalCrossentropy'];
    model.compile({ optimizer: 'adam', loss: losses, metrics: ['accuracy'] });
    return model;
  }

  /** Targets of different types: post-process each output by hand. */
  override postProcessY(y: KerasOutput): [Label[][], { classProbabilities: number[][] }] {
    const classes = this.classes_ as Label[][];
    const [binary, cat] = y as number[][][];
    const classPredictions = binary!.map((row, i) => {
      const p = cat![i]!;
      return [classes[0]![row[0]! > 0.5 ? 1 : 0]!, classes[1]![p.indexOf(Math.max(...p))]!];
    });
    const classProbabilities = binary!.map((row, i) => [...row, ...cat![i]!]);
    return [classPredictions, { classProbabilities }];
  }

  /** Taken from scikit-learn's MultiOutputClassifier: the fraction of rows with every output right. */
  override async score(X: unknown, y: Label[][]): Promise<number> {
    const yPred = (await this.predict(X)) as Label[][];
    return y.filter((row, i) => row.every((v, j) => v === yPred[i]![j])).length / y.length;
  }
}

// ---- Multi-input: split X into two model inputs ----------------------------------------------
class FunctionalAPIMultiInputClassifier extends KerasClassifier {
  override buildModel({ nClasses_ }: BuildContext): tf.LayersModel {
    const inp1 = tf.input({ shape: [1] });
    const inp2 = tf.input({ shape: [3] });
    const x1 = tf.layers.dense({ units: 100 }).apply(inp1) as tf.SymbolicTensor;
    const x2 = tf.layers.dense({ units: 100 }).apply(inp2) as tf.SymbolicTensor;
    const x3 = tf.layers.concatenate({ axis: -1 }).apply([x1, x2]) as tf.SymbolicTensor;
    const catOut = tf.layers
      .dense({ units: nClasses_ as number, activation: 'softmax' })
      .apply(x3) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [inp1, inp2], outputs: [catOut] });
    model.compile({ optimizer: 'adam', loss: ['categoricalCrossentropy'], metrics: ['accuracy'] });
    return model;
  }

  /** Map the single X to one array per model input. */
  override preProcessX(X: Array2D): [number[][][], Record<string, never>] {
    const [n, d] = X.shape;
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from(X.data.subarray(i * d, (i + 1) * d)),
    );
    return [[rows.map((r) => r.slice(0, 1)), rows.map((r) => r.slice(1, 4))], {}];
  }
}

// ---- Custom scorers ---------------------------------------------------------------------------
class NegMAERegressor<E extends object = NoParams> extends KerasRegressor<E> {
  static override scorer(yTrue: unknown, yPred: unknown): number {
    const t = yTrue as number[];
    const p = yPred as number[];
    return -t.reduce((s, v, i) => s + Math.abs(v - p[i]!), 0) / t.length;
  }
}

// ---- Callbacks: a callback created from a tunable param ---------------------------------------
class SentinalCallback extends tf.Callback {
  static created: SentinalCallback[] = [];
  called = 0;
  readonly tolerance: number;

  constructor({ tolerance }: { tolerance: number }) {
    super();
    this.tolerance = tolerance; // we don't do anything with this, just an example
    SentinalCallback.created.push(this);
  }

  override async onTrainBegin(): Promise<void> {
    this.called += 1;
  }
}

function buildFnClf({
  hiddenDim,
  nFeaturesIn_,
  nClasses_,
}: BuildContext<{ hiddenDim?: number | null }>): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      units: Number(hiddenDim ?? 8),
      activation: 'relu',
      inputShape: [nFeaturesIn_],
    }),
  );
  model.add(tf.layers.dense({ units: nClasses_ as number, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  return model;
}

interface ClassifierWithCallbackParams {
  tolerance?: number;
  hiddenDim?: number | null;
}

interface ClassifierWithCallback extends Required<ClassifierWithCallbackParams> {}

class ClassifierWithCallback extends KerasClassifier<ClassifierWithCallbackParams> {
  static override defaults: Readonly<Params> = { tolerance: 0.1, hiddenDim: null };

  protected override createCallbacks(phase: 'fit' | 'predict') {
    return [new SentinalCallback({ tolerance: this.tolerance }), ...super.createCallbacks(phase)];
  }

  override buildModel(ctx: BuildContext<ClassifierWithCallbackParams>): tf.LayersModel {
    return buildFnClf(ctx);
  }
}

describe('scikeras README examples', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();
    const { X, y } = regressionData(16, 4);

    it('prebuilt models: the model is copied, fitted and scored', async () => {
      const kerasModelObject = tf.sequential({
        layers: [
          tf.layers.dense({ units: 8, activation: 'relu', inputShape: [4] }),
          tf.layers.dense({ units: 1 }),
        ],
      });
      kerasModelObject.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      const estimator = new KerasRegressor({ model: kerasModelObject, verbose: 0 });
      await expectNoLeak(async () => {
        await estimator.fit(X, y);
        expect(typeof (await estimator.score(X, y))).toBe('number');
        estimator.dispose();
      });
      expect(estimator.getParams().model).toBe(kerasModelObject);
      kerasModelObject.dispose();
    });

    it('dynamically built models: X, nOutputs_ and hiddenLayerSizes reach the function', async () => {
      const estimator = new KerasRegressor({
        model: modelBuildingFunction,
        hiddenLayerSizes: [200, 100],
        verbose: 0,
      });
      await expectNoLeak(async () => {
        await estimator.fit(X, y);
        expect(typeof (await estimator.score(X, y))).toBe('number');
        expect(estimator.getParams().hiddenLayerSizes).toEqual([200, 100]);
        expect(
          estimator.model_!.layers.map((l) => (l.getConfig() as { units: number }).units),
        ).toEqual([4, 200, 100, 1]);
        estimator.dispose();
      });
    });

    it('subclassing: MLPRegressor keeps hiddenLayerSizes and aKwarg as params', async () => {
      const estimator = new MLPRegressor<{ aKwarg: string }>({
        hiddenLayerSizes: [200],
        aKwarg: 'saveme',
        verbose: 0,
      });
      expect(Reflect.get(estimator, 'aKwarg')).toBe('saveme');
      expect(estimator.getParams()).toMatchObject({ hiddenLayerSizes: [200], aKwarg: 'saveme' });
      expect(clone(estimator).getParams()).toEqual(estimator.getParams());
      MLPRegressor.built.length = 0;
      // buildModel never reads aKwarg: the fit says so (it stays a param all the same)
      const { warnings } = await catchWarnings(() => estimator.fit(X, y));
      expect(warnings.map((w) => w.message)).toEqual([
        "Parameter 'aKwarg' of MLPRegressor was not used by this fit: the model-building function did not read it and no routing consumed it.",
      ]);
      expect(MLPRegressor.built[0]).toMatchObject({ aKwarg: 'saveme', hiddenLayerSizes: [200] });
      expect(new MLPRegressor().hiddenLayerSizes).toEqual([100]);
      estimator.dispose();
    });

    it('subclassing: ChildMLPRegressor adds childArgument and inherits the default', async () => {
      const estimator = new ChildMLPRegressor<{ aKwarg: string }>({
        childArgument: 'hello',
        aKwarg: 'saveme',
        verbose: 0,
      });
      expect(estimator.childArgument).toBe('hello');
      expect(Reflect.get(estimator, 'aKwarg')).toBe('saveme');
      expect(estimator.hiddenLayerSizes).toEqual([100]); // the default in MLPRegressor is used
      const { warnings } = await catchWarnings(() => estimator.fit(X, y));
      expect(warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/^Parameter 'aKwarg' of ChildMLPRegressor was not used by this fit/),
      ]);
      expect(estimator.nOutputs_).toBe(1);
      estimator.dispose();
    });

    it('passing arguments to tfjs methods: fit options or constructor params', async () => {
      const estimator = new KerasRegressor({
        model: modelBuildingFunction,
        hiddenLayerSizes: [8],
        verbose: 0,
      });
      await expectNoLeak(async () => {
        await estimator.fit(X, y, { epochs: 2, batchSize: 4 });
        expect(estimator.history_!.loss).toHaveLength(2);
        estimator.setParams({ epochs: 3, fit__batchSize: 8 });
        await estimator.fit(X, y);
        expect(estimator.history_!.loss).toHaveLength(3);
        estimator.dispose();
      });
    });

    it('multi-output: FunctionalAPIMultiOutputClassifier with a binary and a multiclass head', async () => {
      const data = classificationData(24, 4, [0, 1, 2]);
      const yMulti = data.y.map((k, i) => [i % 2, k]);
      const estimator = new FunctionalAPIMultiOutputClassifier({ verbose: 0, randomState: 0 });
      await expectNoLeak(async () => {
        await estimator.fit(data.X, yMulti);
        expect(estimator.targetType_).toBe('multiclass-multioutput');
        expect(estimator.nClasses_).toEqual([2, 3]);
        const pred = (await estimator.predict(data.X)) as Label[][];
        expect(pred).toHaveLength(24);
        for (const row of pred) {
          expect([0, 1]).toContain(row[0]);
          expect([0, 1, 2]).toContain(row[1]);
        }
        const proba = (await estimator.predictProba(data.X)) as number[][];
        expect(proba).toHaveLength(24);
        for (const [p0, ...cat] of proba) {
          expect(p0).toBeGreaterThanOrEqual(0);
          expect(p0).toBeLessThanOrEqual(1);
          expect(cat).toHaveLength(3);
          expect(cat.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        }
        // the hand-written score: the fraction of rows with both outputs right
        const right = yMulti.filter((row, i) => row.every((v, j) => v === pred[i]![j])).length;
        expect(await estimator.score(data.X, yMulti)).toBe(right / 24);
        estimator.dispose();
      });
    });

    it('multi-input: FunctionalAPIMultiInputClassifier splits X with preProcessX', async () => {
      const data = classificationData(24, 4, ['a', 'b', 'c']);
      const estimator = new FunctionalAPIMultiInputClassifier({
        verbose: 0,
        randomState: 0,
        epochs: 2,
      });
      await expectNoLeak(async () => {
        await estimator.fit(data.X, data.y);
        expect(estimator.model_!.inputs).toHaveLength(2);
        expect(['a', 'b', 'c']).toContain((await estimator.predict(data.X))[0]);
        expect(await estimator.score(data.X, data.y)).toBeGreaterThanOrEqual(0);
        estimator.dispose();
      });
    });

    it('custom scorers: a static scorer replaces R^2', async () => {
      const estimator = new NegMAERegressor({
        model: modelBuildingFunction,
        hiddenLayerSizes: [8],
        verbose: 0,
      });
      await expectNoLeak(async () => {
        await estimator.fit(X, y);
        const yPred = (await estimator.predict(X)) as number[];
        const mae = (y as number[]).reduce((s, v, i) => s + Math.abs(v - yPred[i]!), 0) / 16;
        expect(await estimator.score(X, y)).toBeCloseTo(-mae, 6);
        estimator.dispose();
      });
    });

    it('callbacks: a callback created from the tunable tolerance param', async () => {
      const data = classificationData(12, 3, [0, 1, 2]);
      SentinalCallback.created.length = 0;
      const estimator = new ClassifierWithCallback({ tolerance: 0.5, hiddenDim: 4, verbose: 0 });
      await estimator.fit(data.X, data.y);
      const fitCallback = SentinalCallback.created[0]!;
      expect(fitCallback.tolerance).toBe(0.5);
      expect(fitCallback.called).toBe(1);
      estimator.setParams({ tolerance: 0.2 });
      await estimator.fit(data.X, data.y);
      expect(SentinalCallback.created.at(-1)!.tolerance).toBe(0.2);
      // the same, without a subclass: a callback class built with its routed params
      const plain = new KerasClassifier({
        model: buildFnClf,
        callbacks: [SentinalCallback],
        callbacks__0__tolerance: 0.7,
        verbose: 0,
      });
      await plain.fit(data.X, data.y);
      expect(SentinalCallback.created.at(-1)!.tolerance).toBe(0.7);
      estimator.dispose();
      plain.dispose();
    });

    it('random states: the same randomState reproduces a fit', async () => {
      const fitOnce = async () => {
        const est = new KerasRegressor({
          model: modelBuildingFunction,
          hiddenLayerSizes: [8],
          randomState: 42,
          epochs: 2,
          batchSize: 4,
          verbose: 0,
        });
        await est.fit(X, y);
        const out = { pred: await est.predict(X), history: est.history_ };
        est.dispose();
        return out;
      };
      await expectNoLeak(async () => {
        expect(await fitOnce()).toEqual(await fitOnce());
      });
    });
  });
});
