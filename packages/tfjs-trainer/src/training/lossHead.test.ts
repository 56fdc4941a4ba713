import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { BACKENDS, useTestBackend } from '../test-utils/backends';
import type { LeanActivation } from './activations';
import { lossHead, type LeanAccuracy, type LeanLoss } from './lossHead';

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
type MetricFn = LossFn;

/** tfjs-layers' own loss and accuracy functions, as `compile` resolves them. */
function compiled(loss: LeanLoss, units: number): { lossFn: LossFn; accFn: MetricFn } {
  const m = tf.sequential({ layers: [tf.layers.dense({ units, inputShape: [1] })] });
  m.compile({ optimizer: 'sgd', loss, metrics: ['accuracy'] });
  const inner = (
    m as unknown as { model: { lossFunctions: LossFn[]; metricsTensors: [MetricFn][] } }
  ).model;
  const out = { lossFn: inner.lossFunctions[0]!, accFn: inner.metricsTensors[0]![0] };
  m.dispose();
  return out;
}

const ACT: Record<LeanActivation, (z: tf.Tensor) => tf.Tensor> = {
  linear: (z) => z,
  relu: tf.relu,
  sigmoid: tf.sigmoid,
  tanh: tf.tanh,
  elu: tf.elu,
  softmax: (z) => tf.softmax(z),
};

/** The reference: tfjs autodiff of mean(w * loss(y, act(z))) at z, and the accuracy. */
function reference(
  loss: LeanLoss,
  activation: LeanActivation,
  z: number[][],
  y: number[][],
  w: number[] | null,
): { loss: number; dz: number[]; acc: number; p: number[] } {
  const cols = z[0]!.length;
  const { lossFn, accFn } = compiled(loss, cols);
  return tf.tidy(() => {
    const zt = tf.tensor2d(z);
    const yt = tf.tensor2d(y);
    const f = (zz: tf.Tensor): tf.Scalar => {
      const l = lossFn(yt, ACT[activation](zz));
      return tf.mean(w ? tf.mul(l, tf.tensor1d(w)) : l) as tf.Scalar;
    };
    const { value, grad } = tf.valueAndGrad(f)(zt);
    const p = ACT[activation](zt);
    return {
      loss: value.dataSync()[0]!,
      dz: Array.from(grad.dataSync()),
      acc: tf.mean(accFn(yt, p)).dataSync()[0]!,
      p: Array.from(p.dataSync()),
    };
  });
}

const ACCURACY: Record<LeanLoss, (cols: number) => LeanAccuracy> = {
  categoricalCrossentropy: (c) => (c === 1 ? 'binary' : 'categorical'),
  sparseCategoricalCrossentropy: () => 'sparseCategorical',
  binaryCrossentropy: () => 'binary',
  meanSquaredError: (c) => (c === 1 ? 'binary' : 'categorical'),
};

function ours(
  loss: LeanLoss,
  activation: LeanActivation,
  z: number[][],
  y: number[][],
  w: number[] | null,
): { loss: number; dz: number[]; acc: number; p: number[] } {
  const rows = z.length;
  const cols = z[0]!.length;
  const out = { p: new Float32Array(rows * cols), dz: new Float32Array(rows * cols) };
  const res = lossHead(
    Float32Array.from(z.flat()),
    Float32Array.from(y.flat()),
    w ? Float32Array.from(w) : null,
    rows,
    cols,
    { activation, loss, accuracy: ACCURACY[loss](cols), epsilon: 1e-7 },
    out,
  );
  return { loss: res.loss, dz: Array.from(out.dz), acc: res.accuracy, p: Array.from(out.p) };
}

function expectClose(got: number[], want: number[], rtol = 2e-5, atol = 1e-7): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    const tol = atol + rtol * Math.abs(want[i]!);
    if (!(Math.abs(g - want[i]!) <= tol)) {
      throw new Error(`element ${i}: got ${g}, want ${want[i]} (tolerance ${tol})`);
    }
  });
}

/** Targets for a loss: one-hot rows, labels, 0/1 columns, or reals. */
function targets(loss: LeanLoss, rows: number, cols: number, r: () => number): number[][] {
  return Array.from({ length: rows }, () => {
    switch (loss) {
      case 'categoricalCrossentropy': {
        const k = Math.floor(r() * cols);
        return Array.from({ length: cols }, (_, j) => (j === k ? 1 : 0));
      }
      case 'sparseCategoricalCrossentropy':
        return [Math.floor(r() * cols)];
      case 'binaryCrossentropy':
        return Array.from({ length: cols }, () => (r() < 0.5 ? 0 : 1));
      case 'meanSquaredError':
        return Array.from({ length: cols }, () => r() * 4 - 2);
    }
  });
}

const CASES: [LeanLoss, LeanActivation, number][] = [
  ['categoricalCrossentropy', 'softmax', 4],
  ['sparseCategoricalCrossentropy', 'softmax', 3],
  ['binaryCrossentropy', 'sigmoid', 1],
  ['binaryCrossentropy', 'sigmoid', 3],
  ['meanSquaredError', 'linear', 1],
  ['meanSquaredError', 'linear', 2],
  ['meanSquaredError', 'sigmoid', 2],
  ['meanSquaredError', 'tanh', 2],
  ['meanSquaredError', 'relu', 2],
  ['meanSquaredError', 'elu', 2],
  ['meanSquaredError', 'softmax', 3],
];

describe.each(BACKENDS)('lossHead against tfjs autodiff (%s)', (backend) => {
  useTestBackend(backend);

  it.each(CASES)('%s after %s, %d units: loss, gradient, accuracy', (loss, activation, cols) => {
    const before = tf.memory().numTensors;
    let seed = 7;
    const r = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (const weighted of [false, true]) {
      const rows = 9;
      const z = Array.from({ length: rows }, () => Array.from({ length: cols }, () => r() * 6 - 3));
      const y = targets(loss, rows, cols, r);
      const w = weighted ? Array.from({ length: rows }, () => r() * 2) : null;
      const want = reference(loss, activation, z, y, w);
      const got = ours(loss, activation, z, y, w);
      expectClose([got.loss], [want.loss]);
      expectClose(got.p, want.p, 1e-6);
      expectClose(got.dz, want.dz);
      expect(got.acc).toBeCloseTo(want.acc, 6);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('follows tfjs through the clipping of saturated probabilities (zero gradient)', () => {
    const before = tf.memory().numTensors;
    // logits 40 apart: softmax gives 1 and ~4e-18, both clipped by epsilon
    const z = [
      [40, 0, 0],
      [0, 40, 0],
      [-40, 0, 40],
    ];
    for (const [loss, y] of [
      [
        'categoricalCrossentropy',
        [
          [1, 0, 0],
          [1, 0, 0],
          [0, 1, 0],
        ],
      ],
      ['sparseCategoricalCrossentropy', [[0], [0], [1]]],
    ] as [LeanLoss, number[][]][]) {
      const want = reference(loss, 'softmax', z, y, null);
      const got = ours(loss, 'softmax', z, y, null);
      expectClose([got.loss], [want.loss]);
      expectClose(got.dz, want.dz);
    }
    const want = reference(
      'binaryCrossentropy',
      'sigmoid',
      [[30], [-30], [0.5]],
      [[1], [1], [0]],
      null,
    );
    const got = ours('binaryCrossentropy', 'sigmoid', [[30], [-30], [0.5]], [[1], [1], [0]], null);
    expectClose([got.loss], [want.loss]);
    expectClose(got.dz, want.dz);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches autodiff on random batches (property)', () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.boolean(),
        ([loss, activation, cols], rows, s, weighted) => {
          let seed = s;
          const r = (): number => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
          };
          const z = Array.from({ length: rows }, () =>
            Array.from({ length: cols }, () => r() * 10 - 5),
          );
          const y = targets(loss, rows, cols, r);
          const w = weighted ? Array.from({ length: rows }, () => r()) : null;
          const want = reference(loss, activation, z, y, w);
          const got = ours(loss, activation, z, y, w);
          expectClose([got.loss], [want.loss], 5e-5, 1e-6);
          expectClose(got.dz, want.dz, 5e-5, 1e-7);
        },
      ),
      { numRuns: 60 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
