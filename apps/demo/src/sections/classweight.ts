// Class weights on an imbalanced subset of breast cancer (1 malignant for ~12 benign):
// the same Pipeline(StandardScaler, KerasClassifier) with and without clf__classWeight:
// 'balanced', scored by balanced accuracy.
import { RandomState, trainTestSplit } from '@scikeras/model-selection';
import { balancedAccuracyScore, recallScore } from '@scikeras/metrics';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpClf, scaled } from './common';

/**
 * The `classweight` section of the tour: classWeight: 'balanced' on an imbalanced subset (breast cancer).
 *
 * @example
 * ```ts
 * const result = await classweight.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const classweight: Section = {
  name: 'classweight',
  title: "classWeight: 'balanced' on an imbalanced subset (breast cancer)",
  async run(ctx) {
    const { X, y } = await ctx.data.breastCancer();
    // Keep every benign (1) sample and 8% of the malignant (0) ones.
    const rng = new RandomState(0);
    const keep = y.map((k, i) => (k === 1 || rng.random() < 0.08 ? i : -1)).filter((i) => i >= 0);
    const Xs = keep.map((i) => X[i]!);
    const ys = keep.map((i) => y[i]!);
    const [Xtr, Xte, ytr, yte] = trainTestSplit(Xs, ys, {
      testSize: 0.4,
      randomState: 0,
      stratify: ys,
    }) as [number[][], number[][], number[], number[]];
    const epochs = ctx.quick ? 10 : 30;
    const rows: (string | number)[][] = [];
    let weighted = NaN;
    for (const classWeight of [null, 'balanced'] as const) {
      const est = scaled(
        mlpClf({
          epochs,
          batchSize: ctx.quick ? 64 : 32,
          hidden: 8,
          optimizer__learningRate: 0.003,
          classWeight,
          callbacks: [ctx.epochCallback(`classWeight ${String(classWeight)}`, epochs)],
        }),
      );
      try {
        await est.fit(Xtr, ytr);
        const pred = (await est.predict(Xte)) as number[];
        const bal = balancedAccuracyScore(yte, pred);
        const recall = recallScore(yte, pred, { posLabel: 0 });
        if (classWeight === 'balanced') weighted = bal;
        rows.push([String(classWeight), fmt(bal), fmt(recall), fmt(await est.score(Xte, yte))]);
      } finally {
        est.dispose();
      }
    }
    const minority = ys.filter((k) => k === 0).length;
    return {
      score: weighted,
      scoreName: "balanced accuracy, classWeight 'balanced' (test)",
      bound: 0.8,
      headers: ['classWeight', 'balanced acc', 'recall (malignant)', 'accuracy'],
      rows,
      notes: [`${minority} malignant vs ${ys.length - minority} benign samples`],
    };
  },
};
