// Pipeline(StandardScaler, KerasClassifier) scored with crossValScore on iris: the scaler is
// fitted inside each fold; a callback records each fold's learning curve.
import { StratifiedKFold, crossValScore } from '@scikeras/model-selection';
import { fmt, mean, std } from '../prep';
import type { EpochLogs, Section } from '../types';

import { mlpClf, scaled } from './common';

/**
 * The `crossval` section of the tour: Pipeline(StandardScaler, KerasClassifier) + crossValScore (iris).
 *
 * @example
 * ```ts
 * const result = await crossval.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const crossval: Section = {
  name: 'crossval',
  title: 'Pipeline(StandardScaler, KerasClassifier) + crossValScore (iris)',
  async run(ctx) {
    const { X, y } = await ctx.data.iris();
    const nSplits = ctx.quick ? 3 : 5;
    const epochs = ctx.quick ? 30 : 100;
    const curves: number[][] = [];
    const recorder = {
      onTrainBegin: () => void curves.push([]),
      onEpochEnd: (_epoch: number, logs?: EpochLogs) => void curves.at(-1)?.push(logs?.loss ?? NaN),
    };
    const live = ctx.epochCallback('fold epochs', epochs);
    const clf = mlpClf({
      epochs,
      batchSize: ctx.quick ? 64 : 32,
      hidden: 16,
      optimizer__learningRate: 0.05,
      callbacks: [recorder, live],
    });
    // The scaler is a step: each fold fits it on its training rows only (no leakage).
    const pipe = scaled(clf);
    const scores = await crossValScore(pipe, X, y, {
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
