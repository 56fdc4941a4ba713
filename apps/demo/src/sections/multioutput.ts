// The seed's FunctionalAPIMultiOutputClassifier (scikeras README): a binary head and a multiclass
// head on one body, hand-written postProcessY and score; target 'multiclass-multioutput'.
import * as tf from '@tensorflow/tfjs';
import {
  KerasClassifier,
  type BuildContext,
  type KerasOutput,
  type Label,
} from '@scikeras/wrappers';
import { fmt } from '../prep';
import type { Section } from '../types';
import { digitsSplit } from './digitsSplit';

/** Two heads: "is the digit odd" (sigmoid) and "which digit" (softmax). */
export class FunctionalAPIMultiOutputClassifier extends KerasClassifier {
  override buildModel({ nFeaturesIn_, nClasses_ }: BuildContext): tf.LayersModel {
    const inp = tf.input({ shape: [nFeaturesIn_] });
    const x1 = tf.layers.dense({ units: 64, activation: 'relu' }).apply(inp) as tf.SymbolicTensor;
    const binaryOut = tf.layers
      .dense({ units: 1, activation: 'sigmoid' })
      .apply(x1) as tf.SymbolicTensor;
    const catOut = tf.layers
      .dense({ units: (nClasses_ as number[])[1]!, activation: 'softmax' })
      .apply(x1) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [inp], outputs: [binaryOut, catOut] });
    model.compile({
      optimizer: tf.train.adam(0.01),
      loss: ['binaryCrossentropy', 'categoricalCrossentropy'],
      metrics: ['accuracy'],
    });
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

  /** scikit-learn's MultiOutputClassifier score: the fraction of rows with every output right. */
  override async score(X: unknown, y: Label[][]): Promise<number> {
    const yPred = (await this.predict(X)) as Label[][];
    return y.filter((row, i) => row.every((v, j) => v === yPred[i]![j])).length / y.length;
  }
}

/**
 * The `multioutput` section of the tour: Multiclass-multioutput: the seed subclass, odd? + digit (digits).
 *
 * @example
 * ```ts
 * const result = await multioutput.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const multioutput: Section = {
  name: 'multioutput',
  title: 'Multiclass-multioutput: the seed subclass, odd? + digit (digits)',
  async run(ctx) {
    const { Xtr, Xte, ytr, yte } = await digitsSplit(ctx);
    const Ytr = ytr.map((d) => [d % 2, d]);
    const Yte = yte.map((d) => [d % 2, d]);
    const epochs = ctx.quick ? 15 : 40;
    const est = new FunctionalAPIMultiOutputClassifier({
      epochs,
      batchSize: ctx.quick ? 128 : 32,
      verbose: 0,
      randomState: 0,
      callbacks: [ctx.epochCallback('multioutput epochs', epochs)],
    });
    try {
      await est.fit(Xtr, Ytr);
      const pred = (await est.predict(Xte)) as Label[][];
      const both = await est.score(Xte, Yte);
      const acc = (j: number) => pred.filter((p, i) => p[j] === Yte[i]![j]).length / Yte.length;
      return {
        score: both,
        scoreName: 'both outputs right (test)',
        bound: 0.85,
        headers: ['output', 'head', 'accuracy'],
        rows: [
          ['odd?', 'sigmoid', fmt(acc(0))],
          ['digit', 'softmax (10)', fmt(acc(1))],
          ['both', '', fmt(both)],
        ],
        notes: [`targetType_ = ${est.targetType_}, nClasses_ = ${JSON.stringify(est.nClasses_)}`],
      };
    } finally {
      est.dispose();
    }
  },
};
