// Port of scikit-learn's sklearn/utils/estimator_checks.py classifier checks (BSD-3-Clause).
import { toArray2D } from '../checkArray';
import { pyRepr } from '../repr';
import {
  ensure,
  expectRaises,
  pyList,
  shapeOf,
  shapeRepr,
  toPlain,
  uniqueSorted,
} from './assertions';
import { needs2d, type CheckContext, type EstimatorCheck } from './context';
import { blobs, linearRegression, uniformX } from './datasets';

function classifier(ctx: CheckContext): true | string {
  const a = needs2d(ctx);
  if (a !== true) return a;
  return ctx.kind === 'classifier' ? true : 'applies to classifiers';
}

/**
 * The training problems of checkClassifiersTrain: the user's X/y when given, else a binary
 * and a 3-class one (scikit-learn's check_classifiers_train data).
 */
function problems(ctx: CheckContext): { X: number[][]; y: unknown[] }[] {
  if (ctx.userData && ctx.X !== undefined && ctx.y !== undefined) {
    const { data, shape } = toArray2D(ctx.X);
    const [n, d] = shape;
    const X = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
    return [{ X, y: toPlain(ctx.y) as unknown[] }];
  }
  const { X, y } = blobs(15, 0.6, 0);
  const keep = y.map((c, i) => (c !== 2 ? i : -1)).filter((i) => i >= 0);
  const binary = { X: keep.map((i) => X[i]!), y: keep.map((i) => y[i]!) as unknown[] };
  return [binary, { X, y }];
}

const MALFORMED = (name: string) =>
  `The classifier ${name} does not raise an error when incorrect/malformed input data for fit is passed. The number of training examples is not the same as the number of labels. Perhaps use checkXY in fit.`;

const FEATURES_MSG = (name: string, m: string) =>
  `The classifier ${name} does not raise an error when the number of features in ${m} is different from the number of features in fit.`;

async function checkPredictions(ctx: CheckContext, X: number[][], y: unknown[]): Promise<void> {
  const est = ctx.make();
  await ctx.fit(est, X, y);
  const pred = toPlain(await ctx.call(est, 'predict', X)) as unknown[];
  const classes = uniqueSorted(y);
  const got = toPlain((est as unknown as { classes_?: unknown }).classes_);
  ensure(
    Array.isArray(got) && got.length === classes.length && got.every((c, i) => c === classes[i]),
    () =>
      `Unexpected classes_ attribute for ${String(est)}: expected ${pyList(classes)}, got ${Array.isArray(got) ? pyList(got) : pyRepr(got)}`,
  );
  const outside = [...new Set(pred)].filter((p) => !classes.includes(p));
  ensure(
    outside.length === 0,
    () =>
      `${ctx.name}.predict returns labels ${pyList(outside)} that are not in classes_ ${pyList(classes)}; predictions must be the user's labels.`,
  );
  if (!ctx.tags.poorScore) {
    const predicted = uniqueSorted(pred);
    ensure(
      predicted.length === classes.length,
      () =>
        `${ctx.name} predicts only ${pyList(predicted)} on well separated blobs labelled ${pyList(classes)}.`,
    );
  }
}

export const checkClassifiersClasses: EstimatorCheck = {
  name: 'checkClassifiersClasses',
  sklearn: ['check_classifiers_classes', 'check_classifiers_predictions'],
  applies: classifier,
  async run(ctx) {
    const { X, y } = blobs(10, 0.1, 3);
    const names = ['one', 'two', 'three'];
    const bin = y.map((c, i) => (c !== 2 ? i : -1)).filter((i) => i >= 0);
    const Xb = bin.map((i) => X[i]!);
    const yb = bin.map((i) => y[i]!);
    await checkPredictions(
      ctx,
      Xb,
      yb.map((c) => names[c]!),
    );
    await checkPredictions(
      ctx,
      X,
      y.map((c) => names[c]!),
    );
    await checkPredictions(
      ctx,
      Xb,
      yb.map((c) => [-1, 1][c]!),
    );
    await checkPredictions(
      ctx,
      X,
      y.map((c) => [10, -1, 5][c]!),
    );
  },
};

export const checkClassifiersOneLabel: EstimatorCheck = {
  name: 'checkClassifiersOneLabel',
  sklearn: ['check_classifiers_one_label'],
  applies: classifier,
  async run(ctx) {
    const Xtr = uniformX(10, 3, 31, 1);
    const Xte = uniformX(10, 3, 32, 1);
    const y = new Array(10).fill(1);
    const est = ctx.make();
    const r = await expectRaises(() => ctx.fit(est, Xtr, y), {
      mayPass: true,
      match: 'class',
      errMsg: "Classifier can't train when only one class is present.",
    });
    if (r === 'raised') return;
    const pred = toPlain(await ctx.call(est, 'predict', Xte)) as unknown[];
    ensure(
      pred.every((p) => p === 1),
      () => `Classifier can't predict when only one class is present: got ${pyList(pred)}.`,
    );
  },
};

function accuracy(y: unknown[], p: unknown[]): number {
  return y.filter((v, i) => v === p[i]).length / y.length;
}

export const checkClassifiersTrain: EstimatorCheck = {
  name: 'checkClassifiersTrain',
  sklearn: ['check_classifiers_train'],
  applies: classifier,
  async run(ctx) {
    for (const { X, y } of problems(ctx)) {
      const n = X.length;
      const k = new Set(y).size;
      const est = ctx.make();
      await expectRaises(() => ctx.fit(est, X, y.slice(0, -1)), { errMsg: MALFORMED(ctx.name) });
      await ctx.fit(est, X, y);
      ensure(
        (est as unknown as { classes_?: unknown }).classes_ !== undefined,
        `${ctx.name} has no classes_ after fit.`,
      );
      const pred = toPlain(await ctx.call(est, 'predict', X)) as unknown[];
      ensure(
        shapeOf(pred).join() === String(n),
        () => `${ctx.name}.predict should return shape (${n},), got ${shapeRepr(shapeOf(pred))}.`,
      );
      if (!ctx.tags.poorScore) {
        const acc = accuracy(y, pred);
        ensure(
          acc > 0.83,
          () =>
            `${ctx.name} reaches a training accuracy of ${acc.toFixed(3)} on ${k} well separated blobs; expected > 0.83 (tag poorScore: true if that is expected).`,
        );
      }
      const Xbad = X.map((r) => r.slice(0, 1));
      await expectRaises(() => ctx.call(est, 'predict', Xbad), {
        errMsg: FEATURES_MSG(ctx.name, 'predict'),
      });
      if (typeof est.decisionFunction === 'function') {
        const dec = toPlain(await ctx.call(est, 'decisionFunction', X)) as unknown[];
        const classes = toPlain((est as unknown as { classes_: unknown }).classes_) as unknown[];
        const want = k === 2 ? [n] : [n, k];
        ensure(
          shapeOf(dec).join() === want.join(),
          () =>
            `${ctx.name}.decisionFunction should return shape ${shapeRepr(want)}, got ${shapeRepr(shapeOf(dec))}.`,
        );
        const decPred = dec.map((d) =>
          k === 2 ? classes[(d as number) > 0 ? 1 : 0] : classes[argmax(d as number[])],
        );
        ensure(
          decPred.every((v, i) => v === pred[i]),
          `decisionFunction does not match predict for ${ctx.name}.`,
        );
        await expectRaises(() => ctx.call(est, 'decisionFunction', Xbad), {
          errMsg: FEATURES_MSG(ctx.name, 'decisionFunction'),
        });
      }
    }
  },
};

function argmax(r: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < r.length; j++) if (r[j]! > r[best]!) best = j;
  return best;
}

export const checkClassifiersPredictProba: EstimatorCheck = {
  name: 'checkClassifiersPredictProba',
  sklearn: ['check_classifiers_train (predict_proba part)'],
  applies: (ctx) => {
    const a = classifier(ctx);
    if (a !== true) return a;
    return typeof ctx.probe.predictProba === 'function'
      ? true
      : 'the classifier has no predictProba';
  },
  async run(ctx) {
    for (const { X, y } of problems(ctx)) {
      const n = X.length;
      const k = new Set(y).size;
      const est = ctx.make();
      await ctx.fit(est, X, y);
      const pred = toPlain(await ctx.call(est, 'predict', X)) as unknown[];
      const proba = toPlain(await ctx.call(est, 'predictProba', X)) as number[][];
      ensure(
        shapeOf(proba).join() === [n, k].join(),
        () =>
          `${ctx.name}.predictProba should return shape (${n}, ${k}), got ${shapeRepr(shapeOf(proba))}.`,
      );
      proba.forEach((row, i) => {
        const s = row.reduce((a, b) => a + b, 0);
        ensure(
          Math.abs(s - 1) < 1e-5 && row.every((p) => p >= 0 && p <= 1),
          () =>
            `The rows of ${ctx.name}.predictProba must be probabilities summing to 1: row ${i} is ${pyList(row)} (sum ${s}).`,
        );
      });
      const classes = toPlain((est as unknown as { classes_: unknown }).classes_) as unknown[];
      proba.forEach((row, i) =>
        ensure(
          classes[argmax(row)] === pred[i],
          () =>
            `${ctx.name}.predictProba does not agree with predict on sample ${i}: the most probable class is ${pyRepr(classes[argmax(row)])}, predict says ${pyRepr(pred[i])}.`,
        ),
      );
      await expectRaises(
        () =>
          ctx.call(
            est,
            'predictProba',
            X.map((r) => r.slice(0, 1)),
          ),
        {
          errMsg: FEATURES_MSG(ctx.name, 'predictProba'),
        },
      );
      if (typeof est.predictLogProba === 'function') {
        const logp = toPlain(await ctx.call(est, 'predictLogProba', X)) as number[][];
        logp.forEach((row, i) =>
          row.forEach((v, j) =>
            ensure(
              Math.abs(v - Math.log(proba[i]![j]!)) <= 1e-6 * Math.abs(v) + 1e-9 ||
                (v === -Infinity && proba[i]![j] === 0),
              () => `${ctx.name}.predictLogProba is not log(predictProba) at [${i}][${j}]: ${v}.`,
            ),
          ),
        );
      }
    }
  },
};

export const checkClassifiersRegressionTarget: EstimatorCheck = {
  name: 'checkClassifiersRegressionTarget',
  sklearn: ['check_classifiers_regression_target'],
  applies: classifier,
  async run(ctx) {
    const { X, y } = linearRegression();
    const est = ctx.make();
    await expectRaises(() => ctx.fit(est, X, y), {
      match: 'Unknown label type: ',
      errMsg: `${ctx.name} should reject a continuous (regression) target.`,
    });
  },
};

/** The classifier checks. */
export const CLASSIFIER_CHECKS: readonly EstimatorCheck[] = [
  checkClassifiersClasses,
  checkClassifiersOneLabel,
  checkClassifiersTrain,
  checkClassifiersPredictProba,
  checkClassifiersRegressionTarget,
];
