// RandomizedSearchCV over a Pipeline(StandardScaler, KerasClassifier) on wine: hidden sizes,
// epochs and the learning rate of the clf step, the scaler fitted inside each fold.
import {
  RandomizedSearchCV,
  StratifiedKFold,
  loguniform,
  randint,
} from '@scikeras/model-selection';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpClf, scaled } from './common';

/**
 * The `randomsearch` section of the tour: RandomizedSearchCV over a pipeline's clf__model__hidden,
 * clf__epochs, clf__optimizer__learningRate (wine).
 *
 * @example
 * ```ts
 * const result = await randomsearch.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const randomsearch: Section = {
  name: 'randomsearch',
  title:
    'RandomizedSearchCV over a Pipeline: clf__model__hidden, clf__epochs, learning rate (wine)',
  async run(ctx) {
    const { X, y } = await ctx.data.wine();
    const nIter = ctx.quick ? 4 : 12;
    const nSplits = 3;
    const bar = ctx.progress('random fits', nIter * nSplits);
    const search = new RandomizedSearchCV({
      estimator: scaled(mlpClf({ batchSize: ctx.quick ? 64 : 32 })),
      paramDistributions: {
        clf__model__hidden: randint(4, 33),
        clf__epochs: ctx.quick ? [10, 20] : [20, 40, 80],
        clf__optimizer__learningRate: loguniform(1e-3, 1e-1),
      },
      nIter,
      randomState: 0,
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
    const params = cv.params as Record<string, number>[];
    const meanScore = cv.meanTestScore as number[];
    const rank = cv.rankTestScore as number[];
    search.dispose();
    return {
      score: search.bestScore_!,
      scoreName: 'best mean accuracy (3-fold)',
      bound: 0.9,
      headers: ['clf__model__hidden', 'clf__epochs', 'learningRate', 'mean acc', 'rank'],
      rows: params.map((p, i) => [
        p.clf__model__hidden!,
        p.clf__epochs!,
        fmt(p.clf__optimizer__learningRate!, 4),
        fmt(meanScore[i]!),
        rank[i]!,
      ]),
      notes: [
        `bestParams_ = ${JSON.stringify(search.bestParams_)}, nJobs = ${ctx.nJobs ?? 'null (this thread)'}`,
        ...(ctx.nJobsUnavailable ? [`nJobs ${ctx.nJobsUnavailable}`] : []),
      ],
    };
  },
};
