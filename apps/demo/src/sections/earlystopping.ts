// EarlyStopping on val_loss inside a Pipeline(StandardScaler, KerasClassifier) (breast cancer):
// validationSplit holds out the last 20% of the training rows after the scaler step (validationData
// would bypass the pipeline's transformers: Keras gets it as given).
import * as tf from '@tensorflow/tfjs';
import { trainTestSplit } from '@scikeras/model-selection';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpClf, scaled } from './common';

/**
 * The `earlystopping` section of the tour: EarlyStopping(val_loss) with validationSplit in a
 * pipeline (breast cancer).
 *
 * @example
 * ```ts
 * const result = await earlystopping.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const earlystopping: Section = {
  name: 'earlystopping',
  title: 'EarlyStopping(val_loss) with validationSplit in a Pipeline (breast cancer)',
  async run(ctx) {
    const { X, y } = await ctx.data.breastCancer();
    const [Xtr, Xte, ytr, yte] = trainTestSplit(X, y, {
      testSize: 0.25,
      randomState: 0,
      stratify: y,
    }) as [number[][], number[][], number[], number[]];
    const validationSplit = 0.2;
    const maxEpochs = ctx.quick ? 100 : 300;
    const patience = 5;
    const clf = mlpClf({
      epochs: maxEpochs,
      batchSize: ctx.quick ? 64 : 32,
      hidden: 16,
      optimizer__learningRate: 0.01,
      validationSplit,
      callbacks: [
        tf.callbacks.earlyStopping({ monitor: 'val_loss', patience }),
        ctx.epochCallback('early stopping epochs (max)', maxEpochs),
      ],
    });
    const est = scaled(clf);
    try {
      await est.fit(Xtr, ytr);
      const acc = await est.score(Xte, yte);
      const h = clf.history_!;
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
          `tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: ${patience} }), validationSplit: ${validationSplit} of ${Xtr.length} training rows, ${Xte.length} test`,
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
