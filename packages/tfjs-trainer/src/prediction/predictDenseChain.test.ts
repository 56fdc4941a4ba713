import * as tf from '@tensorflow/tfjs';
import { installFastKernels } from '../kernels';
import {
  checkNoLeakedBuffers,
  countKernels,
  useTestBackend,
  withSeededRandom,
} from '../test-utils/backends';
import { predictDenseChain } from './predictDenseChain';

type Act = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'softmax' | 'elu';

/** A seeded Dense chain d -> hidden... -> units. */
function chain(
  d: number,
  hidden: number[],
  hiddenAct: Act,
  units: number,
  last: Act,
  useBias = true,
) {
  return tf.sequential({
    layers: [
      ...hidden.map((h, i) =>
        tf.layers.dense({
          units: h,
          activation: hiddenAct,
          useBias,
          ...(i === 0 ? { inputShape: [d] } : {}),
        }),
      ),
      tf.layers.dense({
        units,
        activation: last,
        useBias,
        ...(hidden.length === 0 ? { inputShape: [d] } : {}),
      }),
    ],
  });
}

function rows(n: number, d: number, seed = 3): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n * d }, () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647) * 4 - 2;
  });
}

/** What tfjs's predict gives on the current backend. */
function reference(model: tf.LayersModel, x: Float32Array, n: number, d: number): Float32Array {
  const out = tf.tidy(() => model.predict(tf.tensor2d(x, [n, d]), { batchSize: 64 }) as tf.Tensor);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

describe('predictDenseChain on wasm', () => {
  useTestBackend('wasm');
  checkNoLeakedBuffers();

  const cases: [string, number, number[], Act, number, Act, boolean][] = [
    ['100-64-64-3 relu, softmax (the scale benchmark)', 100, [64, 64], 'relu', 3, 'softmax', true],
    ['7-9-1 relu, sigmoid', 7, [9], 'relu', 1, 'sigmoid', true],
    ['20-32-5 linear, linear', 20, [32], 'linear', 5, 'linear', true],
    ['5-6-6-4 relu, softmax, no bias', 5, [6, 6], 'relu', 4, 'softmax', false],
    ['5-6-2 relu, tanh', 5, [6], 'relu', 2, 'tanh', true],
    ['5-13-2 relu, relu', 5, [13], 'relu', 2, 'relu', true],
    ['3-16-8 relu, softmax', 3, [16], 'relu', 8, 'softmax', true],
    ['4-7 (no hidden layer), softmax', 4, [], 'relu', 7, 'softmax', true],
    ['6-3 (no hidden layer), linear, no bias', 6, [], 'relu', 3, 'linear', false],
  ];

  it.each(cases)(
    'equals model.predict bit for bit: %s',
    async (_, d, hidden, act, units, last, bias) => {
      const model = await withSeededRandom(d * 31 + units, () =>
        chain(d, hidden, act, units, last, bias),
      );
      for (const n of [1, 5, 513, 1100]) {
        const x = rows(n, d, n);
        const got = predictDenseChain(model, { data: x, shape: [n, d] });
        expect(got).not.toBeNull();
        expect(Array.from(got!)).toEqual(Array.from(reference(model, x, n, d)));
      }
      model.dispose();
    },
  );

  it('gives the same values whatever the chunk size, and from float64 rows', async () => {
    const model = await withSeededRandom(5, () => chain(10, [12, 8], 'relu', 3, 'softmax'));
    const x = rows(300, 10);
    const want = reference(model, x, 300, 10);
    for (const chunkRows of [1, 3, 64, 299, 300, 5000]) {
      const got = predictDenseChain(model, { data: x, shape: [300, 10] }, { chunkRows });
      expect(Array.from(got!)).toEqual(Array.from(want));
    }
    const x64 = Float64Array.from(x, (v) => v + 1e-12); // rounds to the same float32 values
    expect(Array.from(predictDenseChain(model, { data: x64, shape: [300, 10] })!)).toEqual(
      Array.from(want),
    );
    model.dispose();
  });

  it('applies a last softmax or sigmoid by slabs of rows past 65,536 rows, the same values', async () => {
    for (const last of ['softmax', 'sigmoid'] as const) {
      const model = await withSeededRandom(6, () => chain(3, [4], 'relu', 2, last));
      const n = 70001;
      const x = rows(n, 3);
      const got = predictDenseChain(model, { data: x, shape: [n, 3] })!;
      const want = reference(model, x, n, 3);
      expect(got.length).toBe(want.length);
      expect(got.every((v, i) => v === want[i])).toBe(true);
      model.dispose();
    }
  });

  it('equals model.predict after a fit, with the fast kernels installed, on a functional chain', async () => {
    const model = await withSeededRandom(9, () => {
      const input = tf.input({ shape: [6] });
      const h = tf.layers
        .dense({ units: 10, activation: 'relu' })
        .apply(input) as tf.SymbolicTensor;
      const out = tf.layers
        .dense({ units: 3, activation: 'softmax' })
        .apply(h) as tf.SymbolicTensor;
      return tf.model({ inputs: input, outputs: out });
    });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy' });
    const x = rows(200, 6);
    const xs = tf.tensor2d(x, [200, 6]);
    const ys = tf.tensor2d(
      Array.from({ length: 200 }, (_, i) => i % 3),
      [200, 1],
    );
    const handle = installFastKernels();
    try {
      await model.fit(xs, ys, { epochs: 2, batchSize: 32, verbose: 0 });
      const got = predictDenseChain(model, { data: x, shape: [200, 6] });
      expect(Array.from(got!)).toEqual(Array.from(reference(model, x, 200, 6)));
    } finally {
      handle.uninstall();
    }
    tf.dispose([xs, ys]);
    model.optimizer.dispose(); // Adam's slots
    model.dispose();
  });

  it('runs no tfjs kernel for a fused last activation, one for softmax', async () => {
    const linear = await withSeededRandom(1, () => chain(8, [16], 'relu', 4, 'linear'));
    const softmax = await withSeededRandom(2, () => chain(8, [16], 'relu', 4, 'softmax'));
    const x = rows(2000, 8);
    expect(await countKernels(() => predictDenseChain(linear, { data: x, shape: [2000, 8] }))).toBe(
      0,
    );
    expect(
      await countKernels(() => predictDenseChain(softmax, { data: x, shape: [2000, 8] })),
    ).toBe(1);
    linear.dispose();
    softmax.dispose();
  });

  it('returns null where it would not equal model.predict, or the model is not a Dense chain', async () => {
    const x = rows(4, 5);
    const at = { data: x, shape: [4, 5] };
    const models = await withSeededRandom(4, () => [
      chain(5, [6], 'sigmoid', 2, 'softmax'), // a hidden activation tfjs runs as its own kernel
      chain(5, [6], 'tanh', 2, 'linear'),
      chain(5, [6], 'relu', 2, 'elu'), // elu: fused by tfjs-backend-wasm's C++ kernel
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 4, inputShape: [5] }),
          tf.layers.dropout({ rate: 0.5 }),
          tf.layers.dense({ units: 2 }),
        ],
      }),
      tf.sequential({
        layers: [tf.layers.dense({ units: 4, inputShape: [5], activation: 'selu' })],
      }),
    ]);
    for (const m of models) expect(predictDenseChain(m, at)).toBeNull();
    const ok = await withSeededRandom(4, () => chain(5, [6], 'relu', 2, 'softmax'));
    expect(predictDenseChain(ok, { data: x, shape: [2, 10] })).toBeNull(); // another width
    expect(predictDenseChain(ok, { data: x, shape: [20] })).toBeNull();
    expect(predictDenseChain(ok, at)).not.toBeNull();
    for (const m of [...models, ok]) m.dispose();
  });
});

describe('predictDenseChain on cpu', () => {
  useTestBackend('cpu');
  checkNoLeakedBuffers();

  it('returns null (the cpu backend sums its products in another order)', async () => {
    const model = await withSeededRandom(1, () => chain(5, [6], 'relu', 2, 'softmax'));
    expect(predictDenseChain(model, { data: rows(3, 5), shape: [3, 5] })).toBeNull();
    model.dispose();
  });
});
