// Twins of scikeras's tests/test_compile_kwargs.py (index id 13632310000, the Keras 3 form) not in
// src/scikerasRouting.test.ts: invalid identifiers, uncompilable losses and metrics, metric names.
import * as tf from '@tensorflow/tfjs';
import { ValueError, type Params } from '@scikeras/estimator-core';
import { ClassifierLabelEncoder, typeOfTarget } from '@scikeras/target-utils';
import { KerasClassifier, kerasMetricName, type BuildContext, type Transformer } from './index';
import { checkNoLeakPerTest, classificationData, useTestBackend } from './test-utils/backends';

const { X, y } = classificationData(30, 4, [0, 1]);
type Own = { numHidden?: number; selfCompile?: boolean };

/**
 * tests/test_compile_kwargs.py's get_model: one sigmoid output per target column (meta's
 * `n_outputs_`), compiled with `compileKwargs`. `selfCompile: false` leaves the compiling to
 * the wrapper (with the same compile kwargs): tfjs's own `compile` takes no list of per-output
 * metric lists, the wrapper turns one into a record by output name.
 */
function getModel(ctx: BuildContext<Own>): tf.LayersModel {
  const inp = tf.input({ shape: [ctx.nFeaturesIn_] });
  const hidden = tf.layers
    .dense({ units: ctx.numHidden ?? 10, activation: 'relu' })
    .apply(inp) as tf.SymbolicTensor;
  const out = Array.from(
    { length: ctx.nOutputs_ as number },
    (_, i) =>
      tf.layers
        .dense({ units: 1, activation: 'sigmoid', name: `out${i + 1}` })
        .apply(hidden) as tf.SymbolicTensor,
  );
  const model = tf.model({ inputs: inp, outputs: out });
  if (ctx.selfCompile !== false) {
    try {
      model.compile(ctx.compileKwargs as tf.ModelCompileArgs);
    } catch (e) {
      model.dispose(); // never reaches the wrapper
      throw e;
    }
  }
  return model;
}

/**
 * tests/multi_output_models.py's MultiLabelTransformer (split=True): a multilabel-indicator y is
 * one binary output per column (the wrapper's preProcessY splits the columns); any other y goes
 * through ClassifierLabelEncoder.
 */
class MultiLabelTransformer implements Transformer {
  #inner: ClassifierLabelEncoder | null = null;
  #meta: Params = {};
  fit(target: unknown): this {
    const rows = target as number[][];
    if (typeOfTarget(target as never) !== 'multilabel-indicator') {
      this.#inner = new ClassifierLabelEncoder().fit(target);
      return this;
    }
    const k = rows[0]!.length;
    this.#meta = {
      targetType_: 'multilabel-indicator',
      nOutputs_: k,
      nOutputsExpected_: k,
      classes_: Array.from({ length: k }, () => [0, 1]),
      nClasses_: Array.from({ length: k }, () => 2),
    };
    return this;
  }
  getMetadata(): Params {
    return this.#inner ? { ...this.#inner.getMetadata() } : this.#meta;
  }
  transform(target: unknown): unknown {
    return this.#inner ? this.#inner.transform(target) : target;
  }
  inverseTransform(out: unknown, options?: { returnProba?: boolean }): unknown {
    return this.#inner ? this.#inner.inverseTransform(out, options) : out;
  }
}

/** tests/multi_output_models.py's MultiOutputClassifier. */
class MultiOutputClassifier extends KerasClassifier<Own> {
  override get targetEncoder(): Transformer {
    return new MultiLabelTransformer();
  }
}

/** A Keras-style metric class: BinaryAccuracy with its `name` param. */
class BinaryAccuracy {
  name: string;
  constructor({ name = 'binary_accuracy' }: { name?: string } = {}) {
    this.name = name;
  }
  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return tf.metrics.binaryAccuracy(yTrue, yPred);
  }
}

/**
 * tests/testing_utils.py's get_metric_names: the compiled metrics' names, without the losses and
 * the per-output prefix tfjs adds (`out1_`), in Keras's spelling.
 */
const getMetricNames = (est: KerasClassifier<Own>): string[] =>
  (est.model_!.metricsNames as string[])
    .filter((n) => !/loss$/.test(n))
    .map((n) => kerasMetricName(n.replace(/^out[0-9]+_/, '')));

const fitted: KerasClassifier<Own>[] = [];
async function fitWith(
  Est: typeof KerasClassifier<Own>,
  args: Params,
  target: unknown = y,
): Promise<KerasClassifier<Own>> {
  const est = new Est({ model: getModel, epochs: 1, verbose: 0, randomState: 0, ...args });
  fitted.push(est);
  await est.fit(X, target);
  return est;
}

/** y stacked n times (scikeras's `np.column_stack([y for _ in range(n)]).squeeze()`). */
const stacked = (n: number): unknown => (n === 1 ? y : y.map((v) => Array<number>(n).fill(v)));

describe('scikeras tests/test_compile_kwargs.py', () => {
  useTestBackend('cpu');
  afterEach(() => {
    for (const est of fitted.splice(0)) est.dispose();
  });
  checkNoLeakPerTest();

  async function expectFitRejects(
    args: Params,
    error: new (...a: never[]) => Error,
    match: RegExp,
  ): Promise<void> {
    const before = tf.memory().numTensors;
    const est = new KerasClassifier<Own>({ model: getModel, verbose: 0, ...args });
    await expect(est.fit(X, y)).rejects.toThrow(error);
    await expect(est.fit(X, y)).rejects.toThrow(match);
    expect(est.model_).toBeUndefined();
    est.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }

  it('tests/test_compile_kwargs.py::test_optimizer_invalid_string', async () => {
    await expectFitRejects(
      { optimizer: 'sgf', loss: 'binary_crossentropy' },
      ValueError,
      /Could not interpret optimizer/,
    );
  });

  it('tests/test_compile_kwargs.py::test_loss_invalid_string', async () => {
    await expectFitRejects(
      { numHidden: 20, loss: 'binary_crossentropr' },
      ValueError,
      /Could not interpret loss/,
    );
  });

  it('tests/test_compile_kwargs.py::test_metrics_invalid_string', async () => {
    await expectFitRejects(
      { loss: 'binary_crossentropy', metrics: ['acccuracy'] },
      ValueError,
      /Could not interpret metric identifier/,
    );
  });

  it('tests/test_compile_kwargs.py::test_loss_uncompilable', async () => {
    // Keras's losses.binary_crossentropy: a function, not a class
    await expectFitRejects(
      { loss: tf.metrics.binaryCrossentropy, loss__fromLogits: true },
      TypeError,
      /does not accept parameters because it's not a class/,
    );
  });

  it('tests/test_compile_kwargs.py::test_metrics_uncompilable', async () => {
    // Keras's metrics.get("accuracy"): a function
    await expectFitRejects(
      { loss: 'binary_crossentropy', metrics: [tf.metrics.binaryAccuracy], metrics__name: 'x' },
      TypeError,
      /does not accept parameters because it's not a class/,
    );
  });

  describe.each([1, 2])('n_outputs_ %i', (nOutputs) => {
    const target = stacked(nOutputs);

    it.each([
      ['binary_accuracy', 'binary_accuracy', 'binary_accuracy'],
      ['BinaryAccuracy', BinaryAccuracy, 'binary_accuracy'],
      [
        'BinaryAccuracy(name="custom_name")',
        new BinaryAccuracy({ name: 'custom_name' }),
        'custom_name',
      ],
    ])(
      'tests/test_compile_kwargs.py::test_metrics_single_metric_per_output (%s)',
      async (_label, metric, expectedName) => {
        const expected = Array<string>(nOutputs).fill(expectedName);
        const base = { loss: 'binary_crossentropy' };
        // a list for one output; a list of lists (one per output) for two
        const listed =
          nOutputs === 1
            ? await fitWith(MultiOutputClassifier, { ...base, metrics: [metric] }, target)
            : await fitWith(
                MultiOutputClassifier,
                { ...base, metrics: [[metric], [metric]], selfCompile: false },
                target,
              );
        expect(getMetricNames(listed)).toEqual(expected);
        const outs = Array.from({ length: nOutputs }, (_, i) => `out${i + 1}`);
        const dict = await fitWith(
          MultiOutputClassifier,
          { ...base, metrics: Object.fromEntries(outs.map((o) => [o, metric])) },
          target,
        );
        expect(getMetricNames(dict)).toEqual(expected);
        const dictOfLists = await fitWith(
          MultiOutputClassifier,
          { ...base, metrics: Object.fromEntries(outs.map((o) => [o, [metric]])) },
          target,
        );
        expect(getMetricNames(dictOfLists)).toEqual(expected);
      },
    );

    it('tests/test_compile_kwargs.py::test_metrics_two_metric_per_output', async () => {
      const metricsValue = [new BinaryAccuracy({ name: '1' }), new BinaryAccuracy({ name: '2' })];
      const expected = Array.from({ length: nOutputs }, () => ['1', '2']).flat();
      const base = { loss: 'binary_crossentropy' };
      const listed = await fitWith(
        MultiOutputClassifier,
        nOutputs === 1
          ? { ...base, metrics: metricsValue }
          : { ...base, metrics: [metricsValue, metricsValue], selfCompile: false },
        target,
      );
      expect(getMetricNames(listed)).toEqual(expected);
      const outs = Array.from({ length: nOutputs }, (_, i) => `out${i + 1}`);
      const dict = await fitWith(
        MultiOutputClassifier,
        { ...base, metrics: Object.fromEntries(outs.map((o) => [o, metricsValue])) },
        target,
      );
      expect(getMetricNames(dict)).toEqual(expected);
    });
  });
});
