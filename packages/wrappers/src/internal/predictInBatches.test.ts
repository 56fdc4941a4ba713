import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { BACKENDS, checkNoLeakPerTest, mlp, rng, useTestBackend } from '../test-utils/backends';
import { predictInBatches } from './predictInBatches';

function data(n: number, d: number, seed = 1): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n * d }, () => r() * 4 - 2);
}

/** What tfjs's own predict gives for the same rows and batch size (the reference). */
function reference(
  model: tf.LayersModel,
  x: Float64Array,
  shape: [number, number],
  batchSize: number,
) {
  return tf.tidy(() => {
    const out = model.predict(tf.tensor2d(Float32Array.from(x), shape), { batchSize });
    const list = Array.isArray(out) ? out : [out];
    const arrays = list.map((t) => t.reshape([t.shape[0]!, -1]).arraySync() as number[][]);
    return Array.isArray(out) ? arrays : arrays[0]!;
  });
}

describe('predictInBatches', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it("gives tfjs predict's exact output for any row count and batch size", () => {
      const model = mlp({ nFeaturesIn_: 3, nClasses_: 4, targetType_: 'multiclass', hidden: 5 });
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 90 }),
          fc.integer({ min: 1, max: 40 }),
          (n, batchSize) => {
            const x = data(n, 3, n);
            const ours = predictInBatches(model, { data: x, shape: [n, 3] }, batchSize);
            expect(ours).toEqual(reference(model, x, [n, 3], batchSize));
          },
        ),
        { numRuns: 30 },
      );
      model.dispose();
    });

    it('runs a Dense chain on wasm without a tensor per batch (tfjs-trainer predictDenseChain), same values', () => {
      const model = mlp({ nFeaturesIn_: 6, nClasses_: 3, targetType_: 'multiclass', hidden: 10 });
      const x = data(700, 6, 9);
      const engine = tf.engine() as unknown as { runKernel: (...a: unknown[]) => unknown };
      const original = engine.runKernel;
      let kernels = 0;
      engine.runKernel = function (this: unknown, ...a: unknown[]) {
        kernels++;
        return original.apply(this, a);
      };
      let ours: unknown;
      try {
        ours = predictInBatches(model, { data: x, shape: [700, 6] }, 32);
      } finally {
        engine.runKernel = original;
      }
      expect(ours).toEqual(reference(model, x, [700, 6], 32));
      // wasm: the softmax of the whole output, once; cpu: the graph, batch by batch (22 batches)
      if (backend === 'wasm') expect(kernels).toBe(1);
      else expect(kernels).toBeGreaterThan(22);
      model.dispose();
    });

    it("checks the input shapes up front, in tfjs's words", () => {
      const model = mlp({ nFeaturesIn_: 3, hidden: 2 });
      expect(() => predictInBatches(model, { data: data(5, 4), shape: [5, 4] }, 2)).toThrow(
        `Error when checking input: expected ${model.inputNames[0]} to have shape [null,3] but got array with shape [5,4].`,
      );
      model.dispose();
    });

    it('takes number[][], typed rows, 1-D arrays and tensors (freeing them)', () => {
      const model = mlp({ nFeaturesIn_: 1, hidden: 3 });
      const x = data(7, 1);
      const want = reference(model, x, [7, 1], 32);
      expect(
        predictInBatches(
          model,
          Array.from(x, (v) => [v]),
          32,
        ),
      ).toEqual(want);
      expect(predictInBatches(model, Array.from(x), 32)).toEqual(want);
      expect(predictInBatches(model, Float32Array.from(x) as never, 32)).toEqual(want);
      const t = tf.tensor2d(Float32Array.from(x), [7, 1]);
      expect(predictInBatches(model, t, 3)).toEqual(want);
      expect(t.isDisposed).toBe(true);
      model.dispose();
    });

    it('feeds multi-input models and returns one matrix per output', () => {
      const a = tf.input({ shape: [2] });
      const b = tf.input({ shape: [3] });
      const h = tf.layers.concatenate().apply([a, b]) as tf.SymbolicTensor;
      const o1 = tf.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor;
      const o2 = tf.layers.dense({ units: 2, activation: 'softmax' }).apply(h) as tf.SymbolicTensor;
      const model = tf.model({ inputs: [a, b], outputs: [o1, o2] });
      const xa = data(10, 2, 3);
      const xb = data(10, 3, 4);
      const out = predictInBatches(
        model,
        [
          { data: xa, shape: [10, 2] },
          { data: xb, shape: [10, 3] },
        ],
        4,
      ) as number[][][];
      const want = tf.tidy(() =>
        (
          model.predict(
            [
              tf.tensor2d(Float32Array.from(xa), [10, 2]),
              tf.tensor2d(Float32Array.from(xb), [10, 3]),
            ],
            {
              batchSize: 4,
            },
          ) as tf.Tensor[]
        ).map((t) => t.arraySync()),
      );
      expect(out).toEqual(want);
      expect(() => predictInBatches(model, [{ data: xa, shape: [10, 2] }], 4)).toThrow(
        'The model has 2 inputs, so the data for it must be a list of 2 arrays; got a list of 1.',
      );
      model.dispose();
    });
  });
});
