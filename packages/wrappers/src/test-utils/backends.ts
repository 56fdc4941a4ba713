// Test helpers: run a suite on each tfjs backend, check for leaked tensors, tiny models and data.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

tf.enableProdMode();

/** The backends every wrapper test runs on. */
export const BACKENDS = ['cpu', 'wasm'] as const;

/** Sets the tfjs backend for the enclosing describe block. */
export function useTestBackend(name: string): void {
  beforeAll(async () => {
    await tf.setBackend(name);
    await tf.ready();
  });
}

/**
 * Runs `fn` and asserts that `tf.memory().numTensors` afterwards equals the count before plus
 * `extra()` (e.g. the weights of models still alive).
 */
export async function expectNoLeak<T>(
  fn: () => Promise<T>,
  extra: (r: T) => number = () => 0,
): Promise<T> {
  const before = tf.memory().numTensors;
  const r = await fn();
  expect(tf.memory().numTensors).toBe(before + extra(r));
  return r;
}

/**
 * Asserts, after every test of the enclosing `describe`, that `tf.memory().numTensors` is back
 * to its count before the test (every estimator the test fitted must be disposed). Tests whose
 * full name matches `except` are not checked (scikit-learn's estimator checks never dispose the
 * estimators they fit).
 */
export function checkNoLeakPerTest(except?: RegExp): void {
  let before = 0;
  beforeEach(async () => {
    await tf.ready();
    before = tf.memory().numTensors;
  });
  afterEach(() => {
    if (except?.test(expect.getState().currentTestName ?? '')) return;
    expect(tf.memory().numTensors).toBe(before);
  });
}

/** Number of tensors a fitted model keeps: its weights plus its optimizer's slot variables. */
export function modelTensors(model: tf.LayersModel): number {
  const opt = (model as unknown as { optimizer_?: tf.Optimizer }).optimizer_;
  let slots = 0;
  for (const v of Object.values(opt ?? {})) {
    if (v instanceof tf.Variable) slots += 1;
    else if (Array.isArray(v))
      slots += v.filter(
        (x) => x && (x as { variable?: unknown }).variable instanceof tf.Variable,
      ).length;
  }
  return model.weights.length + slots;
}

/**
 * Records every wrapper fitted while `fn` runs (by spying on `fit`), then returns the tensors
 * the ones still holding a model keep: what a grid search may leave alive.
 */
export async function trackFitted<
  T extends { model_?: tf.LayersModel; fit: (...a: any[]) => Promise<unknown> },
>(proto: T, fn: () => Promise<void>): Promise<{ fitted: T[]; aliveTensors: () => number }> {
  const fitted: T[] = [];
  const original = proto.fit;
  proto.fit = async function (this: T, ...a: unknown[]) {
    fitted.push(this);
    return original.apply(this, a);
  } as T['fit'];
  try {
    await fn();
  } finally {
    proto.fit = original;
  }
  return {
    fitted,
    aliveTensors: () =>
      [...new Set(fitted)].reduce((s, e) => s + (e.model_ ? modelTensors(e.model_) : 0), 0),
  };
}

/** A seeded uniform generator for test data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A small separable classification set: n rows, d features, labels from `labels`. */
export function classificationData<L>(
  n: number,
  d: number,
  labels: readonly L[],
  seed = 0,
): { X: number[][]; y: L[] } {
  const r = rng(seed);
  const X: number[][] = [];
  const y: L[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % labels.length;
    X.push(Array.from({ length: d }, (_, j) => (j === k % d ? 2 : 0) + r() * 0.5));
    y.push(labels[k]!);
  }
  return { X, y };
}

/** A small regression set: y = sum of features (one column per output). */
export function regressionData(
  n: number,
  d: number,
  outputs = 1,
  seed = 0,
): { X: number[][]; y: number[] | number[][] } {
  const r = rng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => r()));
  const y1 = X.map((row) =>
    Array.from({ length: outputs }, (_, o) => row.reduce((a, b) => a + b, 0) * (o + 1)),
  );
  return { X, y: outputs === 1 ? y1.map((r0) => r0[0]!) : y1 };
}

/** A one-hidden-layer MLP build function for classifiers and regressors. */
export function mlp({
  nFeaturesIn_,
  nClasses_,
  nOutputs_,
  targetType_,
  loss,
  hidden = 8,
}: {
  nFeaturesIn_: number;
  nClasses_?: number | number[];
  nOutputs_?: number;
  targetType_?: string;
  loss?: unknown;
  hidden?: unknown;
}): tf.LayersModel {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: Number(hidden), activation: 'relu', inputShape: [nFeaturesIn_] }));
  if (nClasses_ === undefined) m.add(tf.layers.dense({ units: nOutputs_ ?? 1 }));
  else if (targetType_ === 'binary' && /binary/i.test(String(loss)))
    m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  else if (targetType_ === 'binary') m.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  else if (targetType_ === 'multilabel-indicator')
    m.add(tf.layers.dense({ units: (nClasses_ as number[]).length, activation: 'sigmoid' }));
  else if (targetType_ === 'multiclass' || targetType_ === 'multiclass-onehot')
    m.add(tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }));
  else m.add(tf.layers.dense({ units: nOutputs_ ?? 1 }));
  return m;
}

/**
 * A classifier build function that compiles its own model with the loss its target needs (after
 * scikeras's tests/mlp_models.py dynamic_classifier): binary cross-entropy over one sigmoid per
 * label for multilabel-indicator targets, sparse categorical cross-entropy otherwise, with the
 * wrapper's optimizer (`compileKwargs.optimizer`).
 */
export function dynamicClassifier(
  ctx: Parameters<typeof mlp>[0] & { compileKwargs: { optimizer: tf.Optimizer } },
): tf.LayersModel {
  const loss =
    ctx.targetType_ === 'multilabel-indicator'
      ? 'binaryCrossentropy'
      : 'sparseCategoricalCrossentropy';
  const m = mlp({ ...ctx, loss });
  m.compile({ optimizer: ctx.compileKwargs.optimizer, loss });
  return m;
}
