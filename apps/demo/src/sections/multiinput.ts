// A multi-input model (scikeras README's FunctionalAPIMultiInputClassifier): wine's 13 features
// split into two inputs by preProcessX, behind a StandardScaler step in a Pipeline.
import * as tf from '@tensorflow/tfjs';
import { trainTestSplit } from '@scikeras/model-selection';
import { KerasClassifier, type Array2D, type BuildContext } from '@scikeras/wrappers';
import { fmt } from '../prep';
import type { Section } from '../types';
import { scaled } from './common';

const SPLIT = 6;

/** Two inputs: the first 6 chemical measurements and the other 7, concatenated after a dense layer each. */
export class FunctionalAPIMultiInputClassifier extends KerasClassifier {
  override buildModel({ nFeaturesIn_, nClasses_ }: BuildContext): tf.LayersModel {
    const inp1 = tf.input({ shape: [SPLIT] });
    const inp2 = tf.input({ shape: [nFeaturesIn_ - SPLIT] });
    const x1 = tf.layers.dense({ units: 16, activation: 'relu' }).apply(inp1) as tf.SymbolicTensor;
    const x2 = tf.layers.dense({ units: 16, activation: 'relu' }).apply(inp2) as tf.SymbolicTensor;
    const x3 = tf.layers.concatenate({ axis: -1 }).apply([x1, x2]) as tf.SymbolicTensor;
    const out = tf.layers
      .dense({ units: nClasses_ as number, activation: 'softmax' })
      .apply(x3) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [inp1, inp2], outputs: [out] });
    model.compile({
      optimizer: tf.train.adam(0.01),
      loss: ['categoricalCrossentropy'],
      metrics: ['accuracy'],
    });
    return model;
  }

  /** Map the single X to one array per model input. */
  override preProcessX(X: Array2D): [number[][][], Record<string, never>] {
    const [n, d] = X.shape;
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from(X.data.subarray(i * d, (i + 1) * d)),
    );
    return [[rows.map((r) => r.slice(0, SPLIT)), rows.map((r) => r.slice(SPLIT))], {}];
  }
}

/**
 * The `multiinput` section of the tour: Multi-input model: features split over two inputs (wine).
 *
 * @example
 * ```ts
 * const result = await multiinput.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const multiinput: Section = {
  name: 'multiinput',
  title: 'Multi-input model: features split over two inputs (wine)',
  async run(ctx) {
    const { X, y, targetNames } = await ctx.data.wine();
    const [Xtr, Xte, ytr, yte] = trainTestSplit(X, y, {
      testSize: 0.3,
      randomState: 0,
      stratify: y,
    }) as [number[][], number[][], number[], number[]];
    const labels = (v: number[]) => v.map((k) => targetNames![k]!);
    const epochs = ctx.quick ? 30 : 80;
    const clf = new FunctionalAPIMultiInputClassifier({
      epochs,
      batchSize: ctx.quick ? 64 : 32,
      verbose: 0,
      randomState: 0,
      callbacks: [ctx.epochCallback('multi-input epochs', epochs)],
    });
    const est = scaled(clf);
    try {
      await est.fit(Xtr, labels(ytr));
      const acc = await est.score(Xte, labels(yte));
      return {
        score: acc,
        scoreName: 'accuracy (test)',
        bound: 0.85,
        headers: ['input', 'features', 'shape'],
        rows: [
          ['input 1', `0..${SPLIT - 1}`, `[n, ${SPLIT}]`],
          ['input 2', `${SPLIT}..${X[0]!.length - 1}`, `[n, ${X[0]!.length - SPLIT}]`],
          ['test accuracy', fmt(acc), `${yte.length} samples`],
        ],
        notes: [
          `classes_ = ${JSON.stringify(est.classes_)}, model inputs: ${clf.model_!.inputs.length}`,
        ],
      };
    } finally {
      est.dispose();
    }
  },
};
