// RandomizedSearchCV over hidden sizes, epochs and optimizer__learningRate on wine.
import {
  RandomizedSearchCV,
  StratifiedKFold,
  loguniform,
  randint,
} from '@scikeras/model-selection';
import type { KerasClassifier } from '@scikeras/wrappers';
import { fmt, standardize } from '../prep';
import type { Section } from '../types';
import { mlpClf } from './common';

/**
 * The `randomsearch` section of the tour: RandomizedSearchCV over hidden, epochs, optimizer__learningRate (wine).
 *
 * @example
 * ```ts
 * const result = await randomsearch.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const randomsearch: Section = {
  name: 'randomsearch',
  title: 'RandomizedSearchCV over hidden, epochs, optimizer__learningRate (wine)',
  async run(ctx) {
    const { X, y } = await ctx.data.wine();
    const Xs = standardize(X);
    const nIter = ctx.quick ? 4 : 12;
    const nSplits = 3;
    const bar = ctx.progress('random fits', nIter * nSplits);
    const search = new RandomizedSearchCV({
      estimator: mlpClf({ batchSize: ctx.quick ? 64 : 32 }),
      paramDistributions: {
        hidden: randint(4, 33),
        epochs: ctx.quick ? [10, 20] : [20, 40, 80],
        optimizer__learningRate: loguniform(1e-3, 1e-1),
      },
      nIter,
      randomState: 0,
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
    const rank = cv.rankTestScore as number[];
    (search.bestEstimator_ as unknown as KerasClassifier | undefined)?.dispose();
    return {
      score: search.bestScore_!,
      scoreName: 'best mean accuracy (3-fold)',
      bound: 0.9,
      headers: ['hidden', 'epochs', 'learningRate', 'mean acc', 'rank'],
      rows: params.map((p, i) => [
        p.hidden!,
        p.epochs!,
        fmt(p.optimizer__learningRate!, 4),
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
