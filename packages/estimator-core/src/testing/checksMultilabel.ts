// Port of scikit-learn's sklearn/utils/estimator_checks.py multilabel checks (BSD-3-Clause).
import { pyRepr } from '../repr';
import { ensure, firstMismatch, shapeOf, shapeRepr, toPlain } from './assertions';
import { needs2d, type CheckContext, type EstimatorCheck } from './context';
import { makeRng } from './datasets';

/** Applies to classifiers tagged `multilabel`. */
function multilabel(ctx: CheckContext): true | string {
  const a = needs2d(ctx);
  if (a !== true) return a;
  if (ctx.kind !== 'classifier') return 'applies to classifiers';
  return ctx.tags.multilabel ? true : 'the classifier is not tagged multilabel: true';
}

/**
 * A multilabel-indicator problem in the spirit of `make_multilabel_classification(n_samples=100,
 * n_features=2, n_classes=5, random_state=0)` followed by `scale`: standardized X, and 5 label
 * columns, each with both values, a sample carrying each label by a noisy linear rule.
 *
 * @returns X (100 x 2) and y (100 x 5 of 0/1)
 */
export function multilabelProblem(): { X: number[][]; y: number[][] } {
  const r = makeRng(0);
  const n = 100;
  const raw = Array.from({ length: n }, () => [r() * 10, r() * 10]);
  const mean = [0, 1].map((j) => raw.reduce((s, row) => s + row[j]!, 0) / n);
  const std = [0, 1].map((j) =>
    Math.sqrt(raw.reduce((s, row) => s + (row[j]! - mean[j]!) ** 2, 0) / n),
  );
  const X = raw.map((row) => row.map((v, j) => (v - mean[j]!) / std[j]!));
  const weights = [
    [1, 0],
    [0, 1],
    [1, 1],
    [1, -1],
    [-1, 0.5],
  ];
  const y = X.map((row) =>
    weights.map(([a, b]) => (a! * row[0]! + b! * row[1]! + (r() - 0.5) * 0.5 > 0 ? 1 : 0)),
  );
  return { X, y };
}

const TEST = 25;

async function fitted(ctx: CheckContext) {
  const { X, y } = multilabelProblem();
  const est = ctx.make(0);
  await ctx.fit(est, X.slice(0, -TEST), y.slice(0, -TEST));
  return { est, Xte: X.slice(-TEST), yte: y.slice(-TEST) };
}

export const checkClassifiersMultilabelOutputFormatPredict: EstimatorCheck = {
  name: 'checkClassifiersMultilabelOutputFormatPredict',
  sklearn: ['check_classifiers_multilabel_output_format_predict'],
  applies: multilabel,
  async run(ctx) {
    const { est, Xte, yte } = await fitted(ctx);
    const pred = toPlain(await ctx.call(est, 'predict', Xte));
    const want = shapeOf(yte);
    ensure(
      shapeOf(pred).join() === want.join(),
      () =>
        `${ctx.name}.predict outputs an array of shape ${shapeRepr(shapeOf(pred))} instead of ${shapeRepr(want)}.`,
    );
    const bad = (pred as unknown[][])
      .flat()
      .find((v) => typeof v !== 'number' || !Number.isInteger(v));
    ensure(
      bad === undefined,
      () =>
        `${ctx.name}.predict does not output the same dtype than the targets (integers). Got ${pyRepr(bad)}.`,
    );
  },
};

export const checkClassifiersMultilabelOutputFormatPredictProba: EstimatorCheck = {
  name: 'checkClassifiersMultilabelOutputFormatPredictProba',
  sklearn: ['check_classifiers_multilabel_output_format_predict_proba'],
  applies: (ctx) => {
    const a = multilabel(ctx);
    if (a !== true) return a;
    return typeof ctx.probe.predictProba === 'function'
      ? true
      : 'the classifier has no predictProba';
  },
  async run(ctx) {
    const { est, Xte, yte } = await fitted(ctx);
    const k = yte[0]!.length;
    const proba = toPlain(await ctx.call(est, 'predictProba', Xte));
    const shape = shapeOf(proba);
    if (shape.length === 3) {
      // one (nSamples, 2) matrix per output, each row summing to 1
      ensure(
        shape[0] === k && shape[1] === TEST && shape[2] === 2,
        () =>
          `When ${ctx.name}.predictProba returns a list, the list should be of length nOutputs (${k}) and contain arrays of shape (${TEST}, 2). Got ${shapeRepr(shape)}.`,
      );
      for (const m of proba as number[][][])
        for (const row of m)
          ensure(
            Math.abs(row[0]! + row[1]! - 1) < 1e-7,
            () =>
              `When ${ctx.name}.predictProba returns a list, each array should contain the probabilities of each class (i.e. sum to 1); got ${pyRepr(row)}.`,
          );
      return;
    }
    ensure(
      shape.length === 2 && shape[0] === TEST && shape[1] === k,
      () =>
        `When ${ctx.name}.predictProba returns an array, the expected shape is (nSamples, nOutputs) = (${TEST}, ${k}). Got ${shapeRepr(shape)}.`,
    );
    const bad = (proba as number[][]).flat().find((p) => !(p >= 0 && p <= 1));
    ensure(
      bad === undefined,
      () =>
        `When ${ctx.name}.predictProba returns an array, the expected values are probabilities (i.e. between 0 and 1). Got ${pyRepr(bad)}.`,
    );
  },
};

export const checkClassifiersMultilabelRepresentationInvariance: EstimatorCheck = {
  name: 'checkClassifiersMultilabelRepresentationInvariance',
  sklearn: ['check_classifiers_multilabel_representation_invariance'],
  applies: multilabel,
  async run(ctx) {
    const { X, y } = multilabelProblem();
    const Xtr = X.slice(0, 80);
    const ytr = y.slice(0, 80);
    const Xte = X.slice(80);
    const est = ctx.make(0);
    // an array of arrays, an array of typed-array rows (numpy's list of arrays), a Float64 matrix
    const representations: [string, unknown][] = [
      ['an array of arrays', ytr],
      ['an array of typed-array rows', ytr.map((row) => Int32Array.from(row))],
      ['an array of tuples (frozen arrays)', ytr.map((row) => Object.freeze([...row]))],
    ];
    const preds: unknown[] = [];
    const kinds: string[] = [];
    for (const [, yr] of representations) {
      await ctx.fit(est, Xtr, yr);
      const raw = await ctx.call(est, 'predict', Xte);
      kinds.push(Object.prototype.toString.call(raw));
      preds.push(toPlain(raw));
    }
    representations.slice(1).forEach(([what], i) => {
      const why = firstMismatch(preds[i + 1], preds[0], 0, 0);
      ensure(
        why === undefined,
        () =>
          `${ctx.name}.predict differs when the multilabel y is given as ${what} instead of an array of arrays: ${why}.`,
      );
      ensure(
        kinds[i + 1] === kinds[0],
        () =>
          `${ctx.name}.predict returns ${kinds[i + 1]} when the multilabel y is given as ${what}, ${kinds[0]} for an array of arrays.`,
      );
    });
  },
};

/** The multilabel classifier checks. */
export const MULTILABEL_CHECKS: readonly EstimatorCheck[] = [
  checkClassifiersMultilabelOutputFormatPredict,
  checkClassifiersMultilabelOutputFormatPredictProba,
  checkClassifiersMultilabelRepresentationInvariance,
];
