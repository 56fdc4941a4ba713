// EarlyStopping on val_loss with a fixed validationData hold-out (breast cancer).
import * as tf from '@tensorflow/tfjs';
import { trainTestSplit } from '@scikeras/model-selection';
import { fitScaler, applyScaler, fmt } from '../prep';
import type { Section } from '../types';
import { mlpClf } from './common';

/**
 * The `earlystopping` section of the tour: EarlyStopping(val_loss) with validationData (breast cancer).
 *
 * @example
 * ```ts
 * const result = await earlystopping.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const earlystopping: Section = {
  name: 'earlystopping',
  title: 'EarlyStopping(val_loss) with validationData (breast cancer)',
  async run(ctx) {
    const { X, y } = await ctx.data.breastCancer();
    const [Xrest, Xte, yrest, yte] = trainTestSplit(X, y, {
      testSize: 0.25,
      randomState: 0,
      stratify: y,
    }) as [number[][], number[][], number[], number[]];
    const [Xtr, Xval, ytr, yval] = trainTestSplit(Xrest, yrest, {
      testSize: 0.2,
      randomState: 0,
      stratify: yrest,
    }) as [number[][], number[][], number[], number[]];
    const s = fitScaler(Xtr);
    const maxEpochs = ctx.quick ? 100 : 300;
    const patience = 5;
    const est = mlpClf({
      epochs: maxEpochs,
      batchSize: ctx.quick ? 64 : 32,
      hidden: 16,
      optimizer__learningRate: 0.01,
      validationData: [applyScaler(Xval, s), yval],
      callbacks: [
        tf.callbacks.earlyStopping({ monitor: 'val_loss', patience }),
        ctx.epochCallback('early stopping epochs (max)', maxEpochs),
      ],
    });
    try {
      await est.fit(applyScaler(Xtr, s), ytr);
      const acc = await est.score(applyScaler(Xte, s), yte);
      const h = est.history_!;
      const val = h.val_loss ?? [];
      const best = val.indexOf(Math.min(...val));
      return {
        score: acc,
        scoreName: 'accuracy (test)',
        bound: 0.9,
        headers: [
          'epochs run',
          'max epochs',
          'best epoch',
          'best val_loss',
          'final loss',
          'test acc',
        ],
        rows: [
          [
            h.loss!.length,
            maxEpochs,
            best + 1,
            fmt(val[best] ?? NaN),
            fmt(h.loss!.at(-1)!),
            fmt(acc),
          ],
        ],
        notes: [
          `tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: ${patience} }), ${Xtr.length} train / ${Xval.length} validation / ${Xte.length} test`,
        ],
        plots: [
          {
            kind: 'lines',
            title: 'Early stopping: loss and val_loss',
            xName: 'epoch',
            yName: 'loss',
            series: [
              { name: 'loss', data: h.loss! },
              { name: 'val_loss', data: val },
            ],
          },
        ],
      };
    } finally {
      est.dispose();
    }
  },
};
