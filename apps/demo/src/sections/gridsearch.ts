// GridSearchCV over hidden sizes and optimizer__learningRate on breast cancer, fits spread over
// worker threads with nJobs (Node); the heatmap shows the mean cross-validated accuracy.
import { GridSearchCV, StratifiedKFold } from '@scikeras/model-selection';
import type { KerasClassifier } from '@scikeras/wrappers';
import { fmt, standardize } from '../prep';
import type { Section } from '../types';
import { mlpClf } from './common';

/**
 * The `gridsearch` section of the tour: GridSearchCV over hidden x optimizer__learningRate (breast cancer).
 *
 * @example
 * ```ts
 * const result = await gridsearch.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const gridsearch: Section = {
  name: 'gridsearch',
  title: 'GridSearchCV over hidden x optimizer__learningRate (breast cancer)',
  async run(ctx) {
    const { X, y } = await ctx.data.breastCancer();
    const Xs = standardize(X);
    const hidden = ctx.quick ? [4, 16] : [4, 16, 64];
    const rates = ctx.quick ? [0.001, 0.01] : [0.0003, 0.001, 0.01, 0.1];
    const epochs = ctx.quick ? 10 : 30;
    const nSplits = ctx.quick ? 3 : 5;
    const total = hidden.length * rates.length * nSplits;
    const bar = ctx.progress('grid fits', total);
    const search = new GridSearchCV({
      estimator: mlpClf({ epochs, batchSize: ctx.quick ? 64 : 32 }),
      paramGrid: { hidden, optimizer__learningRate: rates },
      cv: new StratifiedKFold({ nSplits, shuffle: true, randomState: 0 }),
      nJobs: ctx.nJobs,
      onProgress: () => bar.tick(),
    });
    try {
      await search.fit(Xs, y);
    } finally {
      bar.stop();
    }
    const cv = search.cvResults_!;
    const params = cv.params as Record<string, number>[];
    const meanScore = cv.meanTestScore as number[];
    const stdScore = cv.stdTestScore as number[];
    const rank = cv.rankTestScore as number[];
    const fitTime = cv.meanFitTime as number[];
    const values = hidden.map((h) =>
      rates.map((r) => {
        const i = params.findIndex((p) => p.hidden === h && p.optimizer__learningRate === r);
        return Number(meanScore[i]!.toFixed(4));
      }),
    );
    (search.bestEstimator_ as unknown as KerasClassifier | undefined)?.dispose();
    return {
      score: search.bestScore_!,
      scoreName: `best mean accuracy (${nSplits}-fold)`,
      bound: 0.9,
      headers: ['hidden', 'learningRate', 'mean acc', 'std', 'rank', 'fit s'],
      rows: params.map((p, i) => [
        p.hidden!,
        p.optimizer__learningRate!,
        fmt(meanScore[i]!),
        fmt(stdScore[i]!),
        rank[i]!,
        fmt(fitTime[i]!, 2),
      ]),
      notes: [
        `bestParams_ = ${JSON.stringify(search.bestParams_)}, ${total} fits, nJobs = ${ctx.nJobs ?? 'null (this thread)'}`,
        ...(ctx.nJobsUnavailable ? [`nJobs ${ctx.nJobsUnavailable}`] : []),
      ],
      plots: [
        {
          kind: 'heatmap',
          title: 'Grid search: mean CV accuracy',
          xName: 'optimizer__learningRate',
          yName: 'hidden',
          xLabels: rates.map(String),
          yLabels: hidden.map(String),
          values,
        },
      ],
    };
  },
};
