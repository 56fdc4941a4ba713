// Pipeline(StandardScaler, KerasRegressor) trained with the RMSE loss and scored with R^2 (its
// score) on diabetes.
import { trainTestSplit } from '@scikeras/model-selection';
import { meanAbsoluteError, rootMeanSquaredError } from '@scikeras/metrics';
import { fmt, mean, std } from '../prep';
import type { Section } from '../types';
import { mlpReg, scaled } from './common';

/**
 * The `regressor` section of the tour: Pipeline(StandardScaler, KerasRegressor), RMSE loss, scored
 * by R² (diabetes).
 *
 * @example
 * ```ts
 * const result = await regressor.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const regressor: Section = {
  name: 'regressor',
  title: 'Pipeline(StandardScaler, KerasRegressor), RMSE loss, scored by R² (diabetes)',
  async run(ctx) {
    const { X, y } = await ctx.data.diabetes();
    const [Xtr, Xte, ytr, yte] = trainTestSplit(X, y, { testSize: 0.25, randomState: 0 }) as [
      number[][],
      number[][],
      number[],
      number[],
    ];
    // Targets are standardized with the training rows' mean and std (z-scores); R^2 is the same
    // on either scale. The features are standardized by the pipeline's scaler step.
    const my = mean(ytr);
    const sy = std(ytr);
    const epochs = ctx.quick ? 40 : 60;
    const reg = mlpReg({
      epochs,
      batchSize: ctx.quick ? 64 : 32,
      hidden: 8,
      optimizer__learningRate: 0.003,
      callbacks: [ctx.epochCallback('regressor epochs', epochs)],
    });
    const est = scaled(reg);
    try {
      await est.fit(
        Xtr,
        ytr.map((v) => (v - my) / sy),
      );
      const r2 = await est.score(
        Xte,
        yte.map((v) => (v - my) / sy),
      );
      const pred = ((await est.predict(Xte)) as number[]).map((v) => v * sy + my);
      const r2Train = await est.score(
        Xtr,
        ytr.map((v) => (v - my) / sy),
      );
      return {
        score: r2,
        scoreName: 'R² (test)',
        bound: 0.3,
        headers: ['split', 'n', 'R²', 'RMSE', 'MAE'],
        rows: [
          ['train', ytr.length, fmt(r2Train), '', ''],
          [
            'test',
            yte.length,
            fmt(r2),
            fmt(rootMeanSquaredError(yte, pred), 1),
            fmt(meanAbsoluteError(yte, pred), 1),
          ],
        ],
        notes: [`loss = KerasRegressor.rootMeanSquaredError, ${reg.history_!.loss!.length} epochs`],
        plots: [
          {
            kind: 'scatter',
            title: 'Regressor: predicted vs true (diabetes, test split)',
            xName: 'true disease progression',
            yName: 'predicted',
            points: yte.map((t, i) => [t, Number(pred[i]!.toFixed(2))]),
          },
          {
            kind: 'lines',
            title: 'Regressor: training RMSE loss',
            xName: 'epoch',
            yName: 'RMSE (standardized)',
            series: [{ name: 'loss', data: reg.history_!.loss! }],
          },
        ],
      };
    } finally {
      est.dispose();
    }
  },
};
