// A KerasRegressor trained with the RMSE loss and scored with R^2 (its score) on diabetes.
import { trainTestSplit } from '@scikeras/model-selection';
import { meanAbsoluteError, rootMeanSquaredError } from '@scikeras/metrics';
import { fitScaler, applyScaler, fmt, mean, std } from '../prep';
import type { Section } from '../types';
import { mlpReg } from './common';

/**
 * The `regressor` section of the tour: KerasRegressor, RMSE loss, scored by R² (diabetes).
 *
 * @example
 * ```ts
 * const result = await regressor.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const regressor: Section = {
  name: 'regressor',
  title: 'KerasRegressor, RMSE loss, scored by R² (diabetes)',
  async run(ctx) {
    const { X, y } = await ctx.data.diabetes();
    const [Xtr, Xte, ytr, yte] = trainTestSplit(X, y, { testSize: 0.25, randomState: 0 }) as [
      number[][],
      number[][],
      number[],
      number[],
    ];
    const sx = fitScaler(Xtr);
    // Targets are standardized for training (z-scores); R^2 is the same on either scale.
    const my = mean(ytr);
    const sy = std(ytr);
    const epochs = ctx.quick ? 40 : 60;
    const est = mlpReg({
      epochs,
      batchSize: ctx.quick ? 64 : 32,
      hidden: 8,
      optimizer__learningRate: 0.003,
      callbacks: [ctx.epochCallback('regressor epochs', epochs)],
    });
    try {
      await est.fit(
        applyScaler(Xtr, sx),
        ytr.map((v) => (v - my) / sy),
      );
      const XteS = applyScaler(Xte, sx);
      const r2 = await est.score(
        XteS,
        yte.map((v) => (v - my) / sy),
      );
      const pred = ((await est.predict(XteS)) as number[]).map((v) => v * sy + my);
      const r2Train = await est.score(
        applyScaler(Xtr, sx),
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
        notes: [`loss = KerasRegressor.rootMeanSquaredError, ${est.history_!.loss!.length} epochs`],
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
            series: [{ name: 'loss', data: est.history_!.loss! }],
          },
        ],
      };
    } finally {
      est.dispose();
    }
  },
};
