// A KerasClassifier scored with crossValScore on iris; a callback records each fold's learning curve.
import { StratifiedKFold, crossValScore } from '@scikeras/model-selection';
import { fmt, mean, standardize, std } from '../prep';
import type { EpochLogs, Section } from '../types';

import { mlpClf } from './common';

/**
 * The `crossval` section of the tour: KerasClassifier + crossValScore (iris).
 *
 * @example
 * ```ts
 * const result = await crossval.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const crossval: Section = {
  name: 'crossval',
  title: 'KerasClassifier + crossValScore (iris)',
  async run(ctx) {
    const { X, y } = await ctx.data.iris();
    const Xs = standardize(X);
    const nSplits = ctx.quick ? 3 : 5;
    const epochs = ctx.quick ? 30 : 100;
    const curves: number[][] = [];
    const recorder = {
      onTrainBegin: () => void curves.push([]),
      onEpochEnd: (_epoch: number, logs?: EpochLogs) => void curves.at(-1)?.push(logs?.loss ?? NaN),
    };
    const live = ctx.epochCallback('fold epochs', epochs);
    const est = mlpClf({
      epochs,
      batchSize: ctx.quick ? 64 : 32,
      hidden: 16,
      optimizer__learningRate: 0.05,
      callbacks: [recorder, live],
    });
    const scores = await crossValScore(est, Xs, y, {
      cv: new StratifiedKFold({ nSplits, shuffle: true, randomState: 0 }),
    });
    return {
      score: mean(scores),
      scoreName: `mean accuracy (${nSplits}-fold)`,
      bound: 0.85,
      headers: ['fold', 'accuracy', 'epochs', 'final loss'],
      rows: [
        ...scores.map((s, k) => [k, fmt(s), curves[k]?.length ?? 0, fmt(curves[k]?.at(-1) ?? NaN)]),
        ['mean ± std', `${fmt(mean(scores))} ± ${fmt(std(scores))}`, '', ''],
      ],
      plots: [
        {
          kind: 'lines',
          title: 'Learning curves per fold (iris)',
          xName: 'epoch',
          yName: 'training loss',
          series: curves.map((data, k) => ({ name: `fold ${k}`, data })),
        },
      ],
    };
  },
};
