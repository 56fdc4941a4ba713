// Port of scikit-learn's sklearn/utils/estimator_checks.py transformer checks (BSD-3-Clause).
import { ensure, firstMismatch, pyList, shapeOf, toPlain, uniqueSorted } from './assertions';
import { needs2d, type EstimatorCheck } from './context';
import { blobs } from './datasets';

export const checkTransformerGeneral: EstimatorCheck = {
  name: 'checkTransformerGeneral',
  sklearn: ['check_transformer_general', '_check_transformer'],
  applies: (ctx) => {
    const a = needs2d(ctx);
    if (a !== true) return a;
    return ctx.kind === 'transformer' && typeof ctx.probe.transform === 'function'
      ? true
      : 'applies to transformers of X';
  },
  async run(ctx) {
    const { X, y } = blobs(10, 0.1, 5);
    const n = X.length;
    const est = ctx.make();
    await ctx.fit(est, X, y);
    const t = toPlain(await ctx.call(est, 'transform', X));
    ensure(
      shapeOf(t)[0] === n,
      () => `${ctx.name}.transform should return ${n} rows, got ${shapeOf(t)[0]}.`,
    );
    const t5 = toPlain(await ctx.call(est, 'transform', X.slice(0, 5)));
    ensure(
      shapeOf(t5)[0] === 5,
      () => `${ctx.name}.transform of 5 samples should return 5 rows, got ${shapeOf(t5)[0]}.`,
    );
    if (typeof est.fitTransform === 'function' && ctx.tags.deterministic) {
      const est2 = ctx.make();
      const ft = toPlain(await ctx.call(est2, 'fitTransform', X, y));
      const why = firstMismatch(ft, t, 1e-7, 1e-2);
      ensure(
        why === undefined,
        () => `fitTransform and fit().transform() of ${ctx.name} are not equal (${why}).`,
      );
    }
  },
};

export const checkTransformerLabels1d: EstimatorCheck = {
  name: 'checkTransformerLabels1d',
  sklearn: [
    'test_label_encoder* / test_label_binarizer* invariants (sklearn/preprocessing/tests/test_label.py)',
  ],
  applies: (ctx) =>
    ctx.tags.XTypes.includes('1dlabels')
      ? true
      : "applies to label transformers (XTypes includes '1dlabels')",
  async run(ctx) {
    const y = (
      ctx.mode === '1dlabels' && ctx.y !== undefined
        ? toPlain(ctx.y)
        : ['b', 'a', 'c', 'a', 'b', 'c']
    ) as unknown[];
    const est = ctx.make();
    ctx.track(est);
    const ret = await est.fit(y);
    ensure(ret === est, `fit(y) of ${ctx.name} should return the estimator itself (this).`);
    const classes = (est as unknown as { classes_?: unknown }).classes_;
    const got = classes === undefined ? undefined : (toPlain(classes) as unknown[]);
    if (Array.isArray(got) && !Array.isArray(got[0])) {
      const want = uniqueSorted(y.flat());
      ensure(
        got.length === want.length && got.every((c, i) => c === want[i]),
        () =>
          `Unexpected classes_ attribute for ${String(est)}: expected ${pyList(want)}, got ${pyList(got)}`,
      );
    }
    const t = toPlain(await est.transform!(y));
    ensure(
      shapeOf(t)[0] === y.length,
      () => `${ctx.name}.transform(y) should return ${y.length} rows, got ${shapeOf(t)[0]}.`,
    );
    if (typeof est.inverseTransform === 'function') {
      const back = toPlain(await est.inverseTransform(await est.transform!(y)));
      const why = firstMismatch(back, y, 0, 0);
      ensure(
        why === undefined,
        () => `inverseTransform(transform(y)) of ${ctx.name} does not give y back (${why}).`,
      );
    }
    if (typeof est.fitTransform === 'function') {
      const ft = toPlain(await ctx.make().fitTransform!(y));
      const why = firstMismatch(ft, t, 0, 0);
      ensure(
        why === undefined,
        () => `fitTransform(y) and fit(y).transform(y) of ${ctx.name} differ (${why}).`,
      );
    }
  },
};

/** The transformer checks. */
export const TRANSFORMER_CHECKS: readonly EstimatorCheck[] = [
  checkTransformerGeneral,
  checkTransformerLabels1d,
];
