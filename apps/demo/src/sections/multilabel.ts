// A multilabel KerasClassifier: three yes/no labels per digit image, one sigmoid unit each.
import { KerasClassifier } from '@scikeras/wrappers';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpMultilabel } from '../models';
import { digitsSplit } from './digitsSplit';

const PRIMES = new Set([2, 3, 5, 7]);
const LABELS = ['odd', '>= 5', 'prime'];
const labelsOf = (d: number): number[] => [d % 2, d >= 5 ? 1 : 0, PRIMES.has(d) ? 1 : 0];

/**
 * The `multilabel` section of the tour: Multilabel classifier: odd / >= 5 / prime (digits).
 *
 * @example
 * ```ts
 * const result = await multilabel.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const multilabel: Section = {
  name: 'multilabel',
  title: 'Multilabel classifier: odd / >= 5 / prime (digits)',
  async run(ctx) {
    const { Xtr, Xte, ytr, yte } = await digitsSplit(ctx);
    const Ytr = ytr.map(labelsOf);
    const Yte = yte.map(labelsOf);
    const epochs = ctx.quick ? 15 : 40;
    const est = new KerasClassifier({
      model: mlpMultilabel,
      loss: 'binary_crossentropy',
      optimizer: 'adam',
      optimizer__learningRate: 0.01,
      hidden: 64,
      epochs,
      batchSize: ctx.quick ? 128 : 32,
      verbose: 0,
      randomState: 0,
      callbacks: [ctx.epochCallback('multilabel epochs', epochs)],
    });
    try {
      await est.fit(Xtr, Ytr);
      const pred = (await est.predict(Xte)) as number[][];
      const subset = await est.score(Xte, Yte);
      return {
        score: subset,
        scoreName: 'subset accuracy (test)',
        bound: 0.85,
        headers: ['label', 'accuracy', 'positives'],
        rows: [
          ...LABELS.map((name, j) => [
            name,
            fmt(pred.filter((p, i) => p[j] === Yte[i]![j]).length / Yte.length),
            Yte.filter((r) => r[j] === 1).length,
          ]),
          ['all three (subset)', fmt(subset), ''],
        ],
        notes: [`targetType_ = ${est.targetType_}, classes_ = ${JSON.stringify(est.classes_)}`],
      };
    } finally {
      est.dispose();
    }
  },
};
