// Port of scikit-learn's sklearn/utils/estimator_checks.py input-validation checks (BSD-3-Clause).
import { Matrix } from 'ml-matrix';
import { toArray2D } from '../checkArray';
import { catchWarnings } from '../warnings';
import { ensure, expectRaises, firstMismatch, toPlain, type Plain } from './assertions';
import { needs2d, needsValidation, type CheckContext, type EstimatorCheck } from './context';
import { normalX, uniformX } from './datasets';
import type { CheckableEstimator } from './types';

function supervised(ctx: CheckContext): true | string {
  const a = needsValidation(ctx);
  if (a !== true) return a;
  return ctx.kind === 'classifier' || ctx.kind === 'regressor'
    ? true
    : 'applies to classifiers and regressors';
}

async function allOutputs(ctx: CheckContext, est: CheckableEstimator, X: unknown) {
  const out: Record<string, Plain> = {};
  for (const m of ctx.methods(est)) out[m] = toPlain(await ctx.call(est, m, X));
  return out;
}

export const checkEstimatorsDtypes: EstimatorCheck = {
  name: 'checkEstimatorsDtypes',
  sklearn: ['check_estimators_dtypes'],
  applies: needs2d,
  async run(ctx) {
    const X = toArray2D(ctx.X);
    const [n, d] = X.shape;
    const row = (i: number) => Array.from(X.data.subarray(i * d, (i + 1) * d));
    const rows = (C: Float32ArrayConstructor | Int32ArrayConstructor) =>
      Array.from({ length: n }, (_, i) =>
        C.from(C === Int32Array ? row(i).map(Math.round) : row(i)),
      );
    const forms: [string, unknown][] = [
      ['Float32Array rows', rows(Float32Array)],
      ['Int32Array rows', rows(Int32Array)],
      ['{ data: Float32Array, shape }', { data: Float32Array.from(X.data), shape: [n, d] }],
      [
        'integer number[][]',
        Array.from({ length: n }, (_, i) =>
          Array.from(X.data.subarray(i * d, (i + 1) * d), Math.round),
        ),
      ],
    ];
    for (const [label, Xf] of forms) {
      const est = ctx.make();
      try {
        await ctx.fit(est, Xf, ctx.y);
        for (const m of ctx.methods(est)) await ctx.call(est, m, Xf);
      } catch (e) {
        throw new Error(`${ctx.name} fails on X given as ${label}: ${(e as Error).message}`);
      }
    }
  },
};

export const checkEstimatorsDataNotAnArray: EstimatorCheck = {
  name: 'checkEstimatorsDataNotAnArray',
  sklearn: [
    'check_estimators_data_not_an_array',
    'check_classifier_data_not_an_array',
    'check_regressor_data_not_an_array',
    'check_transformer_data_not_an_array',
  ],
  applies: (ctx) => {
    const a = needsValidation(ctx);
    if (a !== true) return a;
    return ctx.tags.deterministic ? true : 'the estimator is tagged deterministic: false';
  },
  async run(ctx) {
    const arr = toArray2D(ctx.X);
    const [n, d] = arr.shape;
    const rows = Array.from({ length: n }, (_, i) =>
      Array.from(arr.data.subarray(i * d, (i + 1) * d)),
    );
    const yPlain = toPlain(ctx.y) as unknown[];
    const numericY = Array.isArray(yPlain) && yPlain.every((v) => typeof v === 'number');
    const ref = ctx.make();
    await ctx.fit(ref, rows, yPlain);
    const expected = await allOutputs(ctx, ref, rows);
    const forms: [string, unknown, unknown][] = [
      ['{ data, shape }', { data: Float64Array.from(arr.data), shape: [n, d] }, yPlain],
      ['ml-matrix Matrix', new Matrix(rows), yPlain],
    ];
    if (numericY)
      forms.push(['number[][] with a Float64Array y', rows, Float64Array.from(yPlain as number[])]);
    for (const [label, Xf, yf] of forms) {
      const est = ctx.make();
      await ctx.fit(est, Xf, yf);
      const got = await allOutputs(ctx, est, Xf);
      for (const m of Object.keys(expected)) {
        const why = firstMismatch(got[m], expected[m], 1e-7, 1e-9);
        ensure(
          why === undefined,
          () =>
            `${ctx.name}.${m} gives other results when the data is given as ${label} instead of number[][] (${why}).`,
        );
      }
    }
  },
};

export const checkEstimatorsEmptyDataMessages: EstimatorCheck = {
  name: 'checkEstimatorsEmptyDataMessages',
  sklearn: ['check_estimators_empty_data_messages'],
  applies: needsValidation,
  async run(ctx) {
    const est = ctx.make(1);
    await expectRaises(() => ctx.fit(est, { data: new Float64Array(0), shape: [0, 3] }, []), {
      errMsg: `The estimator ${ctx.name} does not raise a ValueError when an empty data is used to train. Perhaps use checkArray in train.`,
    });
    const Xz = Array.from({ length: 12 }, () => [] as number[]);
    const y = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
    await expectRaises(() => ctx.fit(est, Xz, y), {
      match: /0 feature\(s\) \(shape=\(\d*, 0\)\) while a minimum of \d* is required./,
      errMsg: `The estimator ${ctx.name} does not reject X with 0 features in fit.`,
    });
  },
};

export const checkEstimatorsNanInf: EstimatorCheck = {
  name: 'checkEstimatorsNanInf',
  sklearn: ['check_estimators_nan_inf'],
  applies: (ctx) => {
    const a = needsValidation(ctx);
    if (a !== true) return a;
    return ctx.tags.allowNan ? 'the estimator is tagged allowNan: true' : true;
  },
  async run(ctx) {
    const finite = uniformX(10, 3, 11, 1);
    const y =
      ctx.kind === 'regressor' ? finite.map((r) => r[0]!) : finite.map((_, i) => (i < 5 ? 0 : 1));
    for (const bad of [NaN, Infinity]) {
      const Xbad = uniformX(10, 3, 12, 1);
      Xbad[0]![0] = bad;
      const est = ctx.make(1);
      await expectRaises(() => ctx.fit(est, Xbad, y), {
        match: ['inf', 'NaN'],
        errMsg: `Estimator ${ctx.name} doesn't check for NaN and inf in fit.`,
      });
      await ctx.fit(est, finite, y);
      for (const m of ['predict', 'transform']) {
        if (!ctx.methods(est).includes(m)) continue;
        await expectRaises(() => ctx.call(est, m, Xbad), {
          match: ['inf', 'NaN'],
          errMsg: `Estimator ${ctx.name} doesn't check for NaN and inf in ${m}.`,
        });
      }
    }
  },
};

export const checkFit2d1sample: EstimatorCheck = {
  name: 'checkFit2d1sample',
  sklearn: ['check_fit2d_1sample'],
  applies: needs2d,
  async run(ctx) {
    const X = uniformX(1, 10, 21);
    const est = ctx.make(1);
    await expectRaises(() => ctx.fit(est, X, ctx.yFor(X)), {
      mayPass: true,
      match: [
        '1 sample',
        'n_samples = 1',
        'n_samples=1',
        'nSamples = 1',
        'nSamples=1',
        'one sample',
        '1 class',
        'one class',
      ],
      errMsg: `${ctx.name} fails on a single sample without saying so.`,
    });
  },
};

export const checkFit2d1feature: EstimatorCheck = {
  name: 'checkFit2d1feature',
  sklearn: ['check_fit2d_1feature'],
  applies: needs2d,
  async run(ctx) {
    const X = uniformX(10, 1, 22);
    const est = ctx.make(1);
    await expectRaises(() => ctx.fit(est, X, ctx.yFor(X)), {
      mayPass: true,
      match: [/1 feature\(s\)/, 'n_features = 1', 'n_features=1', 'nFeatures = 1', 'nFeatures=1'],
      errMsg: `${ctx.name} fails on a single feature without saying so.`,
    });
  },
};

export const checkFit1d: EstimatorCheck = {
  name: 'checkFit1d',
  sklearn: ['check_fit1d'],
  applies: needsValidation,
  async run(ctx) {
    const X = uniformX(20, 1, 23).map((r) => r[0]!);
    const est = ctx.make(1);
    await expectRaises(() => ctx.fit(est, X, ctx.yFor(X.map((v) => [v]))), {
      errMsg: `${ctx.name} should raise ValueError when fit gets a 1-D X.`,
    });
  },
};

export const checkFit2dPredict1d: EstimatorCheck = {
  name: 'checkFit2dPredict1d',
  sklearn: ['check_fit2d_predict1d'],
  applies: needsValidation,
  async run(ctx) {
    const X = uniformX(20, 3, 24);
    const est = ctx.make(1);
    await ctx.fit(est, X, ctx.yFor(X));
    for (const m of ctx.methods(est)) {
      await expectRaises(() => ctx.call(est, m, X[0]), {
        match: 'Reshape your data',
        errMsg: `${ctx.name}.${m} should raise ValueError with "Reshape your data" for a 1-D X.`,
      });
    }
  },
};

export const checkRequiresYNone: EstimatorCheck = {
  name: 'checkRequiresYNone',
  sklearn: ['check_requires_y_none'],
  applies: (ctx) => {
    const a = needsValidation(ctx);
    if (a !== true) return a;
    return ctx.tags.requiresY ? true : 'the estimator is tagged requiresY: false';
  },
  async run(ctx) {
    const est = ctx.make();
    await expectRaises(() => ctx.fit(est, normalX(20, 2, 25, 100), undefined), {
      mayPass: true,
      match: [
        'requires y to be passed, but the target y is None',
        'Expected array-like (array or non-string sequence), got undefined',
        'y should be a 1d array',
      ],
      errMsg: `${ctx.name}.fit(X, undefined) should fail gracefully.`,
    });
  },
};

export const checkSupervisedY2d: EstimatorCheck = {
  name: 'checkSupervisedY2d',
  sklearn: ['check_supervised_y_2d'],
  applies: supervised,
  async run(ctx) {
    const X = uniformX(30, 3, 26);
    const y = X.map((_, i) => i % 3);
    const est = ctx.make();
    await ctx.fit(est, X, y);
    const pred = toPlain(await ctx.call(est, 'predict', X));
    const { warnings } = await catchWarnings(() =>
      ctx.fit(
        est,
        X,
        y.map((v) => [v]),
      ),
    );
    const pred2 = toPlain(await ctx.call(est, 'predict', X));
    if (!ctx.tags.multioutput) {
      ensure(
        warnings.some(
          (w) =>
            w.category === 'DataConversionWarning' &&
            w.message.includes('A column-vector y was passed when a 1d array was expected'),
        ),
        () =>
          `expected 1 DataConversionWarning ('A column-vector y was passed when a 1d array was expected...') when ${ctx.name} is fit with a column y, got: [${warnings.map((w) => `${w.category}('${w.message}')`).join(', ')}]`,
      );
    }
    if (ctx.tags.deterministic) {
      const why = firstMismatch((pred2 as unknown[]).flat(), (pred as unknown[]).flat(), 1e-7, 0);
      ensure(
        why === undefined,
        () => `${ctx.name} predicts differently after fitting on a column y (${why}).`,
      );
    }
  },
};

export const checkSupervisedYNoNan: EstimatorCheck = {
  name: 'checkSupervisedYNoNan',
  sklearn: ['check_supervised_y_no_nan'],
  applies: supervised,
  async run(ctx) {
    const X = normalX(10, 5, 888);
    for (const v of [NaN, Infinity]) {
      const est = ctx.make();
      await expectRaises(() => ctx.fit(est, X, new Array(10).fill(v)), {
        errMsg: `Estimator ${ctx.name} should have raised error on fitting array y with ${Number.isNaN(v) ? 'NaN' : 'inf'} value.`,
      });
    }
  },
};

/** The input-validation checks. */
export const INPUT_CHECKS: readonly EstimatorCheck[] = [
  checkEstimatorsDtypes,
  checkEstimatorsDataNotAnArray,
  checkEstimatorsEmptyDataMessages,
  checkEstimatorsNanInf,
  checkFit2d1sample,
  checkFit2d1feature,
  checkFit1d,
  checkFit2dPredict1d,
  checkRequiresYNone,
  checkSupervisedY2d,
  checkSupervisedYNoNan,
];
