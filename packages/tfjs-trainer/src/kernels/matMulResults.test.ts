// The fast kernels' results against tfjs's stock kernels (wasm and cpu); the install itself: installFastKernels.test.ts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { wasmHeapSimd } from '../training/wasmHeapSimd';
import {
  fastKernelsInstalled,
  installFastKernels as installHandle,
  type FastKernelOptions,
  type FastKernelsHandle,
} from './installFastKernels';

tf.enableProdMode();

/** Handles installed by the running test, released after it. */
const held: FastKernelsHandle[] = [];

function installFastKernels(options?: FastKernelOptions): FastKernelsHandle {
  const handle = installHandle(options);
  held.push(handle);
  return handle;
}

/** Releases every handle the test installed: the stock kernels are back. */
function releaseFastKernels(): void {
  for (const handle of held.splice(0)) handle.uninstall();
}

type Values = number[];

/**
 * Counts the transposes run on `backend` until `stop` (which restores everything): the
 * backend's Transpose kernel and, on wasm, the training SIMD module's transpose (what our
 * wrapper uses there).
 */
function countTransposes(backend: string): { count(): number; stop(): void } {
  const transpose = tf.getKernel('Transpose', backend)!;
  let transposes = 0;
  tf.unregisterKernel('Transpose', backend);
  tf.registerKernel({
    ...transpose,
    kernelFunc: (args) => {
      transposes += 1;
      return transpose.kernelFunc(args);
    },
  });
  const heap = backend === 'wasm' ? wasmHeapSimd(tf.findBackend('wasm')) : null;
  const simdTranspose = heap?.simd.transpose;
  if (heap && simdTranspose) {
    heap.simd.transpose = (...a) => {
      transposes += 1;
      simdTranspose(...a);
    };
  }
  return {
    count: () => transposes,
    stop: () => {
      tf.unregisterKernel('Transpose', backend);
      tf.registerKernel(transpose);
      if (heap && simdTranspose) heap.simd.transpose = simdTranspose;
    },
  };
}

/**
 * Runs `fn` with the stock kernels, then with ours on `backend`, returning both outputs and
 * how many transposes ran during our run (proof the wrapper acted).
 */
async function stockAndFast(
  backend: string,
  fn: () => tf.Tensor | tf.Tensor[] | Promise<tf.Tensor | tf.Tensor[]>,
): Promise<{ stock: Values[]; fast: Values[]; transposes: number }> {
  const read = async (): Promise<Values[]> => {
    const out = await fn();
    const list = Array.isArray(out) ? out : [out];
    const values = list.map((t) => Array.from(t.dataSync()));
    tf.dispose(list);
    return values;
  };
  releaseFastKernels();
  const stock = await read();
  installFastKernels({ backends: [backend] });
  const counter = countTransposes(backend);
  try {
    const fast = await read();
    return { stock, fast, transposes: counter.count() };
  } finally {
    counter.stop();
    releaseFastKernels();
  }
}

/** Runs `fn` on the cpu backend with its stock kernels, then returns to the current backend. */
async function onCpuStock(fn: () => tf.Tensor): Promise<Values[]> {
  const current = tf.getBackend();
  await tf.setBackend('cpu');
  expect(fastKernelsInstalled('cpu')).toBe(false);
  const out = fn();
  const values = [Array.from(out.dataSync())];
  out.dispose();
  await tf.setBackend(current);
  return values;
}

/** Float32 agreement: the same products, summed in another order. */
function expectClose(fast: Values[], stock: Values[], rtol = 1e-5, atol = 1e-5): void {
  expect(fast.length).toBe(stock.length);
  stock.forEach((expected, i) => {
    const actual = fast[i] as Values;
    expect(actual.length).toBe(expected.length);
    let worst = 0;
    expected.forEach((e, j) => {
      const excess = Math.abs((actual[j] as number) - e) - (atol + rtol * Math.abs(e));
      worst = Math.max(worst, excess);
    });
    expect(worst).toBeLessThanOrEqual(0);
  });
}

const seeded = (shape: number[], seed: number): tf.Tensor =>
  tf.randomNormal(shape, 0, 1, 'float32', seed);

const COMBOS: Array<[boolean, boolean]> = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

describe('the fast matMul kernels: results equal the stock kernels', () => {
  afterEach(() => releaseFastKernels());
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  describe.each(['wasm', 'cpu'])('on the %s backend', (backend) => {
    beforeAll(async () => {
      await tf.setBackend(backend);
    });

    it.each(COMBOS)('rank-2 matMul equals stock (transposeA=%s, transposeB=%s)', async (tA, tB) => {
      const n0 = tf.memory().numTensors;
      // Shapes where the direct and the swapped strategies each win somewhere.
      for (const [m, k, n] of [
        [5, 7, 3],
        [64, 17, 40],
        [3, 40, 64],
        [1, 9, 1],
      ] as Array<[number, number, number]>) {
        const { stock, fast, transposes } = await stockAndFast(backend, () =>
          tf.tidy(() =>
            tf.matMul(seeded(tA ? [k, m] : [m, k], 1), seeded(tB ? [n, k] : [k, n], 2), tA, tB),
          ),
        );
        // On wasm the wrapper transposes (proof it acted); cpu's kernel needs no Transpose.
        if (backend === 'wasm' && (tA || tB)) expect(transposes).toBeGreaterThan(0);
        expect(fast[0]?.length).toBe(m * n);
        expectClose(fast, stock);
      }
      expect(tf.memory().numTensors).toBe(n0);
    });

    it.each(COMBOS)(
      'batched and broadcast matMul equals stock (transposeA=%s, transposeB=%s)',
      async (tA, tB) => {
        const n0 = tf.memory().numTensors;
        const cases: Array<[number[], number[]]> = [
          [tA ? [3, 7, 5] : [3, 5, 7], tB ? [3, 4, 7] : [3, 7, 4]], // real batch of 3
          [tA ? [1, 7, 5] : [1, 5, 7], tB ? [4, 7] : [7, 4]], // rank 3 (batch 1) by rank 2
          [tA ? [2, 7, 5] : [2, 5, 7], tB ? [1, 4, 7] : [1, 7, 4]], // broadcast batch
          [tA ? [1, 1, 7, 5] : [1, 1, 5, 7], tB ? [1, 4, 7] : [1, 7, 4]], // rank 4 of batch 1
        ];
        for (const [aShape, bShape] of cases) {
          const shapes: number[][] = [];
          const { stock, fast } = await stockAndFast(backend, () =>
            tf.tidy(() => {
              const c = tf.matMul(seeded(aShape, 3), seeded(bShape, 4), tA, tB);
              shapes.push(c.shape);
              return c;
            }),
          );
          expect(shapes[1]).toEqual(shapes[0]);
          expectClose(fast, stock);
        }
        expect(tf.memory().numTensors).toBe(n0);
      },
    );

    it.each(['linear', 'relu', 'relu6', 'sigmoid', 'elu', 'leakyrelu', 'prelu'] as const)(
      'fused matMul with bias and %s equals the reference for every transpose combination',
      async (activation) => {
        const n0 = tf.memory().numTensors;
        for (const [tA, tB] of COMBOS) {
          const fn = (): tf.Tensor =>
            tf.tidy(() =>
              tf.fused.matMul({
                a: seeded(tA ? [6, 4] : [4, 6], 5) as tf.Tensor2D,
                b: seeded(tB ? [5, 6] : [6, 5], 6) as tf.Tensor2D,
                transposeA: tA,
                transposeB: tB,
                bias: seeded([5], 7),
                activation,
                preluActivationWeights: activation === 'prelu' ? tf.fill([5], 0.25) : undefined,
                leakyreluAlpha: activation === 'leakyrelu' ? 0.3 : undefined,
              }),
            );
          // Reference: the cpu backend's stock kernel. (Stock wasm adds bias[n-1] instead
          // of bias[j] to every row after the first when a transpose flag is set: see
          // docs/PERFORMANCE.md. Ours sends plain operands to XNNPACK, which is right.)
          const reference = await onCpuStock(fn);
          const { stock, fast, transposes } = await stockAndFast(backend, fn);
          if (backend === 'wasm' && (tA || tB)) expect(transposes).toBeGreaterThan(0);
          expectClose(fast, reference);
          if (!tA && !tB) expectClose(fast, stock);
        }
        expect(tf.memory().numTensors).toBe(n0);
      },
    );

    it.each(COMBOS)('gradients equal stock (transposeA=%s, transposeB=%s)', async (tA, tB) => {
      const n0 = tf.memory().numTensors;
      const { stock, fast } = await stockAndFast(backend, () =>
        tf.tidy(() => {
          const a = seeded(tA ? [9, 6] : [6, 9], 8);
          const b = seeded(tB ? [4, 9] : [9, 4], 9);
          const w = seeded([6, 4], 10);
          const f = (x: tf.Tensor, y: tf.Tensor): tf.Tensor =>
            tf.sum(tf.mul(tf.matMul(x, y, tA, tB), w));
          return tf.grads(f)([a, b]);
        }),
      );
      expectClose(fast, stock);
      expect(tf.memory().numTensors).toBe(n0);
    });

    it('fused Dense gradients (dX, dW, dBias) equal stock', async () => {
      const n0 = tf.memory().numTensors;
      const { stock, fast } = await stockAndFast(backend, () =>
        tf.tidy(() => {
          const x = seeded([8, 5], 11) as tf.Tensor2D;
          const w = seeded([5, 7], 12) as tf.Tensor2D;
          const bias = seeded([7], 13);
          const f = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor): tf.Tensor =>
            tf.sum(
              tf.square(
                tf.fused.matMul({
                  a: xx as tf.Tensor2D,
                  b: ww as tf.Tensor2D,
                  bias: bb,
                  activation: 'relu',
                }),
              ),
            );
          return tf.grads(f)([x, w, bias]);
        }),
      );
      expectClose(fast, stock);
      expect(tf.memory().numTensors).toBe(n0);
    });

    const models: Array<[string, () => tf.Sequential, string, () => tf.Optimizer, number]> = [
      [
        'softmax classifier 6-16-8-3, adam',
        () =>
          tf.sequential({
            layers: [
              tf.layers.dense({
                inputShape: [6],
                units: 16,
                activation: 'relu',
                kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
              }),
              tf.layers.dense({
                units: 8,
                activation: 'tanh',
                kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
              }),
              tf.layers.dense({
                units: 3,
                activation: 'softmax',
                kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
              }),
            ],
          }),
        'categoricalCrossentropy',
        () => tf.train.adam(0.01),
        3,
      ],
      [
        'regressor 6-12-1 with sigmoid hidden layer, sgd',
        () =>
          tf.sequential({
            layers: [
              tf.layers.dense({
                inputShape: [6],
                units: 12,
                activation: 'sigmoid',
                kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
              }),
              tf.layers.dense({
                units: 1,
                kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }),
              }),
            ],
          }),
        'meanSquaredError',
        () => tf.train.sgd(0.1),
        1,
      ],
      [
        'binary classifier 6-1 (logistic regression), rmsprop',
        () =>
          tf.sequential({
            layers: [
              tf.layers.dense({
                inputShape: [6],
                units: 1,
                activation: 'sigmoid',
                kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }),
              }),
            ],
          }),
        'binaryCrossentropy',
        () => tf.train.rmsprop(0.01),
        1,
      ],
    ];

    it.each(models)(
      'a %s: weights after training equal stock',
      async (_name, build, loss, makeOptimizer, units) => {
        const n0 = tf.memory().numTensors;
        const fitOnce = async (): Promise<tf.Tensor[]> => {
          const model = build();
          const optimizer = makeOptimizer();
          model.compile({ optimizer, loss });
          const x = seeded([20, 6], 20);
          const y =
            units === 1
              ? loss === 'binaryCrossentropy'
                ? tf.tidy(() => tf.cast(tf.greater(seeded([20, 1], 21), 0), 'float32'))
                : seeded([20, 1], 21)
              : tf.tidy(() =>
                  tf
                    .oneHot(
                      tf.tensor1d(
                        [...Array(20).keys()].map((i) => i % 3),
                        'int32',
                      ),
                      3,
                    )
                    .toFloat(),
                );
          // Two epochs of two batches: four optimizer steps, in a fixed order.
          await model.fit(x, y, { epochs: 2, batchSize: 10, shuffle: false, verbose: 0 });
          const weights = model.getWeights().map((w) => w.clone());
          model.dispose();
          optimizer.dispose();
          tf.dispose([x, y]);
          return weights;
        };
        const { stock, fast, transposes } = await stockAndFast(backend, fitOnce);
        // The backward products carry transpose flags: the wasm wrapper rewrote them.
        if (backend === 'wasm') expect(transposes).toBeGreaterThan(0);
        expect(stock.length).toBeGreaterThan(0);
        expectClose(fast, stock, 1e-5, 1e-6);
        expect(tf.memory().numTensors).toBe(n0);
      },
    );

    it('frees every intermediate buffer (backend data count and tf.memory unchanged)', () => {
      installFastKernels({ backends: [backend] });
      const a = seeded([12, 30], 30); // m x k
      const b = seeded([30, 40], 31); // k x n
      tf.matMul(a, b).dispose(); // warm up
      const before = tf.memory();
      const dataIds = tf.engine().backend.numDataIds();
      for (const [tA, tB] of COMBOS) {
        const x = tA ? a.transpose() : a;
        const y = tB ? b.transpose() : b;
        const c = tf.matMul(x, y, tA, tB);
        c.dispose();
        if (tA) x.dispose();
        if (tB) y.dispose();
      }
      expect(tf.memory().numTensors).toBe(before.numTensors);
      expect(tf.memory().numBytes).toBe(before.numBytes);
      expect(tf.engine().backend.numDataIds()).toBe(dataIds);
      tf.dispose([a, b]);
    });

    it('keeps the stock errors for mismatched shapes and non-float32 operands', () => {
      const a = tf.ones([3, 4]);
      const b = tf.ones([5, 4]);
      releaseFastKernels();
      const stockError = ((): unknown => {
        try {
          tf.matMul(a, b, true, false);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(stockError).toBeInstanceOf(Error);
      installFastKernels({ backends: [backend] });
      const n0 = tf.memory().numTensors;
      expect(() => tf.matMul(a, b, true, false)).toThrow((stockError as Error).message);
      expect(tf.memory().numTensors).toBe(n0);
      tf.dispose([a, b]);
    });
  });

  describe('on wasm', () => {
    beforeAll(async () => {
      await tf.setBackend('wasm');
    });

    it('swaps a plain product with a new right operand, and leaves a reused one to the stock kernel', () => {
      installFastKernels({ backends: ['wasm'] });
      const counter = countTransposes('wasm');
      try {
        const n0 = tf.memory().numTensors;
        const a = seeded([3, 40], 40);
        const b = seeded([40, 64], 41);
        // A new 40x64 right operand: (bᵀ·aᵀ)ᵀ packs the 40x3 aᵀ instead (three transposes).
        const first = tf.matMul(a, b);
        expect(counter.count()).toBe(3);
        // The same operand again: the stock kernel, which on wasm keeps b packed from now on.
        const second = tf.matMul(a, b);
        const third = tf.matMul(a, b);
        expect(counter.count()).toBe(3);
        releaseFastKernels();
        const stock = tf.matMul(a, b);
        const values = (t: tf.Tensor): Values[] => [Array.from(t.dataSync())];
        expectClose(values(first), values(stock));
        expectClose(values(second), values(stock));
        expectClose(values(third), values(stock));
        tf.dispose([a, b, first, second, third, stock]);
        expect(tf.memory().numTensors).toBe(n0);
      } finally {
        counter.stop();
      }
    });
  });

  describe('on cpu', () => {
    beforeAll(async () => {
      await tf.setBackend('cpu');
    });

    it('replaces BatchMatMul by the JS kernel and keeps products of 256 terms to float32 accuracy', async () => {
      const n0 = tf.memory().numTensors;
      for (const [tA, tB] of COMBOS) {
        const { stock, fast } = await stockAndFast('cpu', () =>
          tf.tidy(() =>
            tf.matMul(
              seeded(tA ? [256, 67] : [67, 256], 50),
              seeded(tB ? [33, 256] : [256, 33], 51),
              tA,
              tB,
            ),
          ),
        );
        // Sums of 256 unit-normal products (|C| ~ 16): float32 rounding, well under 1e-4.
        expectClose(fast, stock, 1e-5, 1e-4);
      }
      expect(tf.memory().numTensors).toBe(n0);
    });

    it('leaves int32 products to the stock kernel', async () => {
      const n0 = tf.memory().numTensors;
      const { stock, fast } = await stockAndFast('cpu', () =>
        tf.tidy(() =>
          tf.matMul(
            tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32'),
            tf.tensor2d([1, 0, 2, 1, 0, 3], [3, 2], 'int32'),
          ),
        ),
      );
      expect(fast).toEqual(stock);
      expect(fast).toEqual([[5, 11, 14, 23]]);
      expect(tf.memory().numTensors).toBe(n0);
    });
  });
});
