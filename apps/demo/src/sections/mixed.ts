// Mixed data: diabetes as records with its raw `sex` column as a category. A ColumnTransformer
// (a scaler on the nine numeric columns, OneHotEncoder on `sex`, chosen by name) in front of a
// KerasRegressor, searched with GridSearchCV over columntransformer__num x clf__model__hidden;
// every candidate is cross-validated with the whole pipeline fitted inside each fold.
import { ColumnTransformer, Pipeline } from '@scikeras/pipeline';
import { KFold, GridSearchCV } from '@scikeras/model-selection';
import { MinMaxScaler, OneHotEncoder, RobustScaler, StandardScaler } from '@scikeras/preprocessing';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpReg, stepLabel } from './common';

/** The numeric columns of the diabetes data set, by name (scikit-learn's feature names). */
export const DIABETES_NUMERIC = ['age', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'] as const;

/** One patient as a CSV/JSON parser would hand it over: numbers, and `sex` as a category. */
export type DiabetesRecord = Record<(typeof DIABETES_NUMERIC)[number], number> & { sex: string };

/**
 * The raw diabetes features as records (`sex`, 1 or 2 in the file, becomes the string '1' or '2').
 *
 * @param X - the raw rows: age, sex, bmi, bp, s1..s6
 * @returns one record per row
 */
export function diabetesRecords(X: readonly number[][]): DiabetesRecord[] {
  return X.map((r) => {
    const [age, sex, bmi, bp, ...s] = r as number[];
    const rec: Record<string, number | string> = {
      age: age!,
      sex: String(sex),
      bmi: bmi!,
      bp: bp!,
    };
    s.forEach((v, k) => (rec[`s${k + 1}`] = v));
    return rec as DiabetesRecord;
  });
}

/**
 * The `mixed` section of the tour: ColumnTransformer(scaler on numeric, one-hot on sex) +
 * KerasRegressor, GridSearchCV over columntransformer__num x clf__model__hidden (diabetes).
 *
 * @example
 * ```ts
 * const result = await mixed.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const mixed: Section = {
  name: 'mixed',
  title: 'Mixed data: ColumnTransformer(num, sex) + KerasRegressor, GridSearchCV (diabetes)',
  async run(ctx) {
    const { X, y } = await ctx.data.diabetes();
    const records = diabetesRecords(X);
    // Disease progression in hundreds (a fixed unit, nothing learned from the data): the
    // regressor's output starts near the targets. R² is the same in either unit. The loss is
    // 'mse' (the regressor section shows the RMSE loss, which trains slower per step).
    const target = y.map((v) => v / 100);
    const scalers = ctx.quick
      ? [new StandardScaler(), new MinMaxScaler()]
      : [new StandardScaler(), new MinMaxScaler(), new RobustScaler()];
    const labels = scalers.map(stepLabel);
    const hidden = ctx.quick ? [8, 32] : [8, 32, 64];
    const nSplits = ctx.quick ? 3 : 5;
    const epochs = ctx.quick ? 20 : 100;
    const pipe = new Pipeline({
      steps: [
        [
          'columntransformer',
          new ColumnTransformer({
            transformers: [
              ['num', new StandardScaler(), [...DIABETES_NUMERIC]],
              ['cat', new OneHotEncoder(), ['sex']],
            ],
          }),
        ],
        [
          'clf',
          mlpReg({
            epochs,
            batchSize: ctx.quick ? 64 : 32,
            loss: 'mse',
            optimizer__learningRate: ctx.quick ? 0.01 : 0.003,
          }),
        ],
      ],
    });
    const total = scalers.length * hidden.length * nSplits;
    const bar = ctx.progress('mixed-data fits', total);
    const search = new GridSearchCV({
      estimator: pipe,
      paramGrid: { columntransformer__num: scalers, clf__model__hidden: hidden },
      cv: new KFold({ nSplits, shuffle: true, randomState: 0 }),
      nJobs: ctx.nJobs,
      onProgress: () => bar.tick(),
    });
    try {
      await search.fit(records, target);
    } finally {
      bar.stop();
    }
    const cv = search.cvResults_!;
    const params = cv.params as { columntransformer__num: unknown; clf__model__hidden: number }[];
    const meanScore = cv.meanTestScore as number[];
    const stdScore = cv.stdTestScore as number[];
    const rank = cv.rankTestScore as number[];
    const values = hidden.map((h) =>
      labels.map((l) => {
        const i = params.findIndex(
          (p) => p.clf__model__hidden === h && stepLabel(p.columntransformer__num) === l,
        );
        return Number(meanScore[i]!.toFixed(4));
      }),
    );
    const best = search.bestEstimator_ as Pipeline;
    const names = (best.get('columntransformer') as ColumnTransformer).getFeatureNamesOut();
    const bestParams = search.bestParams_ as (typeof params)[number];
    search.dispose();
    return {
      score: search.bestScore_!,
      scoreName: `best mean R² (${nSplits}-fold)`,
      bound: 0.3,
      headers: ['columntransformer__num', 'clf__model__hidden', 'mean R²', 'std', 'rank'],
      rows: params.map((p, i) => [
        stepLabel(p.columntransformer__num),
        p.clf__model__hidden,
        fmt(meanScore[i]!),
        fmt(stdScore[i]!),
        rank[i]!,
      ]),
      notes: [
        `bestParams_ = { columntransformer__num: ${stepLabel(bestParams.columntransformer__num)}, clf__model__hidden: ${bestParams.clf__model__hidden} }, ${total} fits, nJobs = ${ctx.nJobs ?? 'null (this thread)'}`,
        `features out: ${names.join(', ')}`,
        ...(ctx.nJobsUnavailable ? [`nJobs ${ctx.nJobsUnavailable}`] : []),
      ],
      plots: [
        {
          kind: 'heatmap',
          title: 'Mixed data: mean CV R² (diabetes records)',
          xName: 'columntransformer__num',
          yName: 'clf__model__hidden',
          xLabels: labels,
          yLabels: hidden.map(String),
          values,
        },
      ],
    };
  },
};
