// classificationReport and the confusion matrix of a digits classifier.
import { classificationReport, confusionMatrix, f1Score } from '@scikeras/metrics';
import type { Section } from '../types';
import { mlpClf } from './common';
import { digitsSplit } from './digitsSplit';

/**
 * The `report` section of the tour: classificationReport + confusionMatrix (digits).
 *
 * @example
 * ```ts
 * const result = await report.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const report: Section = {
  name: 'report',
  title: 'classificationReport + confusionMatrix (digits)',
  async run(ctx) {
    const { Xtr, Xte, ytr, yte } = await digitsSplit(ctx);
    const epochs = ctx.quick ? 20 : 60;
    const est = mlpClf({
      epochs,
      batchSize: ctx.quick ? 128 : 32,
      hidden: 64,
      optimizer__learningRate: 0.01,
      callbacks: [ctx.epochCallback('digits epochs', epochs)],
    });
    try {
      await est.fit(Xtr, ytr);
      const pred = (await est.predict(Xte)) as number[];
      const text = classificationReport(yte, pred, { digits: 3 });
      const cm = confusionMatrix(yte, pred) as number[][];
      const f1 = f1Score(yte, pred, { average: 'macro' }) as number;
      const lines = text.split('\n').filter((l) => l.trim().length > 0);
      return {
        score: f1,
        scoreName: 'macro F1 (test)',
        bound: 0.85,
        headers: ['classificationReport(yTest, yPred, { digits: 3 })'],
        rows: lines.map((l) => [l]),
        plots: [
          {
            kind: 'heatmap',
            title: 'Confusion matrix (digits, test split)',
            xName: 'predicted',
            yName: 'true',
            xLabels: cm.map((_, k) => String(k)),
            yLabels: cm.map((_, k) => String(k)),
            values: cm,
          },
        ],
      };
    } finally {
      est.dispose();
    }
  },
};
