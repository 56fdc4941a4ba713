// GridSearchCV over a Pipeline(scaler, KerasClassifier) on breast cancer: the scaler step itself
// (StandardScaler, MinMaxScaler or 'passthrough') x clf__model__hidden, each candidate fitted
// inside each fold, fits spread over worker threads with nJobs (Node); the heatmap shows the mean
// cross-validated accuracy.
import { GridSearchCV, StratifiedKFold } from '@scikeras/model-selection';
import { MinMaxScaler, StandardScaler } from '@scikeras/preprocessing';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpClf, scaled, stepLabel } from './common';

/**
 * The `gridsearch` section of the tour: GridSearchCV over a pipeline's scaler step x
 * clf__model__hidden (breast cancer).
 *
 * @example
 * ```ts
 * const result = await gridsearch.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const gridsearch: Section = {
  name: 'gridsearch',
  title: 'GridSearchCV over a Pipeline: scaler x clf__model__hidden (breast cancer)',
  async run(ctx) {
    const { X, y } = await ctx.data.breastCancer();
    const hidden = ctx.quick ? [4, 16] : [4, 16, 64];
    const scalers = ctx.quick
      ? [new StandardScaler(), 'passthrough' as const]
      : [new StandardScaler(), new MinMaxScaler(), 'passthrough' as const];
    const labels = scalers.map(stepLabel);
    const epochs = ctx.quick ? 10 : 30;
    const nSplits = ctx.quick ? 3 : 5;
    const total = hidden.length * scalers.length * nSplits;
    const bar = ctx.progress('grid fits', total);
    const search = new GridSearchCV({
      estimator: scaled(mlpClf({ epochs, batchSize: ctx.quick ? 64 : 32 })),
      paramGrid: { scaler: scalers, clf__model__hidden: hidden },
      cv: new StratifiedKFold({ nSplits, shuffle: true, randomState: 0 }),
      nJobs: ctx.nJobs,
      onProgress: () => bar.tick(),
    });
    try {
      await search.fit(X, y);
    } finally {
      bar.stop();
    }
    const cv = search.cvResults_!;
    const params = cv.params as { scaler: unknown; clf__model__hidden: number }[];
    const meanScore = cv.meanTestScore as number[];
    const stdScore = cv.stdTestScore as number[];
    const rank = cv.rankTestScore as number[];
    const fitTime = cv.meanFitTime as number[];
    const values = hidden.map((h) =>
      labels.map((l) => {
        const i = params.findIndex((p) => p.clf__model__hidden === h && stepLabel(p.scaler) === l);
        return Number(meanScore[i]!.toFixed(4));
      }),
    );
    const best = search.bestParams_ as { scaler: unknown; clf__model__hidden: number };
    search.dispose();
    return {
      score: search.bestScore_!,
      scoreName: `best mean accuracy (${nSplits}-fold)`,
      bound: 0.9,
      headers: ['scaler', 'clf__model__hidden', 'mean acc', 'std', 'rank', 'fit s'],
      rows: params.map((p, i) => [
        stepLabel(p.scaler),
        p.clf__model__hidden,
        fmt(meanScore[i]!),
        fmt(stdScore[i]!),
        rank[i]!,
        fmt(fitTime[i]!, 2),
      ]),
      notes: [
        `bestParams_ = { scaler: ${stepLabel(best.scaler)}, clf__model__hidden: ${best.clf__model__hidden} }, ${total} fits, nJobs = ${ctx.nJobs ?? 'null (this thread)'}`,
        'each fit clones the pipeline: the scaler sees the training rows of its fold only',
        ...(ctx.nJobsUnavailable ? [`nJobs ${ctx.nJobsUnavailable}`] : []),
      ],
      plots: [
        {
          kind: 'heatmap',
          title: 'Grid search: mean CV accuracy',
          xName: 'scaler',
          yName: 'clf__model__hidden',
          xLabels: labels,
          yLabels: hidden.map(String),
          values,
        },
      ],
    };
  },
};
