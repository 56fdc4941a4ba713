// A failed fit, partialFit or initialize changes nothing (issue 13 item 1).
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { InvalidParameterError, RandomState, ValueError } from '@scikeras/estimator-core';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import {
  BACKENDS,
  checkNoLeakPerTest,
  classificationData,
  mlp,
  regressionData,
  useTestBackend,
} from './test-utils/backends';

const { X, y } = classificationData(24, 3, [0, 1, 2]);
const X4 = X.map((r) => [...r, 0.5]);

/** Every test runs with both trainers: the lean loop ('fast') and tfjs's own model.fit. */
const TRAINERS = ['fast', 'modelFit'] as const;
let trainer: (typeof TRAINERS)[number] = 'fast';

function clf(extra: Record<string, unknown> = {}): KerasClassifier {
  return new KerasClassifier({
    trainer,
    model: mlp,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    verbose: 0,
    randomState: 0,
    epochs: 2,
    ...extra,
  });
}

/** Everything a failed fit must leave as it was. */
async function observe(est: KerasClassifier) {
  const attrs = Object.fromEntries(Object.entries(est).filter(([k]) => /[^_]_$/.test(k)));
  return {
    attrs,
    proba: await est.predictProba(X),
    pred: await est.predict(X),
    score: await est.score(X, y),
    weights: est.model_!.getWeights().map((w) => w.arraySync()),
  };
}

/** Runs a call that must fail and checks that the estimator and tfjs memory are unchanged. */
async function expectNoChange(
  est: KerasClassifier,
  call: () => Promise<unknown>,
  error: unknown,
): Promise<void> {
  const before = await observe(est);
  const tensors = tf.memory().numTensors;
  await expect(call()).rejects.toThrow(error as Error);
  expect(tf.memory().numTensors).toBe(tensors);
  const after = await observe(est);
  expect(Object.keys(after.attrs).sort()).toEqual(Object.keys(before.attrs).sort());
  for (const [k, v] of Object.entries(before.attrs)) expect(after.attrs[k]).toBe(v);
  expect(after.proba).toEqual(before.proba);
  expect(after.pred).toEqual(before.pred);
  expect(after.score).toBe(before.score);
  expect(after.weights).toEqual(before.weights);
}

const throwIn = (hook: 'onTrainBegin' | 'onEpochEnd' | 'onBatchEnd') => ({
  [hook]: async () => {
    throw new Error(`callback failed in ${hook}`);
  },
});

describe('a failed fit changes nothing', () => {
  const cases = BACKENDS.flatMap((b) => TRAINERS.map((t) => [b, t] as const));
  describe.each(cases)('on %s with the %s trainer', (backend, t) => {
    useTestBackend(backend);
    checkNoLeakPerTest();
    beforeAll(() => {
      trainer = t;
    });

    type Fit = (X: unknown, y: unknown, options?: Record<string, unknown>) => Promise<unknown>;
    /** A failing call: given the estimator and its fit method (`fit` or `partialFit`). */
    type Failure = [string, (est: KerasClassifier, fit: Fit) => Promise<unknown>, unknown];
    const both: Failure[] = [
      [
        'sampleWeight of the wrong length',
        (_e, f) => f(X, y, { sampleWeight: [1, 2] }),
        ValueError,
      ],
      [
        'sampleWeight with NaN',
        (_e, f) => f(X, y, { sampleWeight: new Array(24).fill(NaN) }),
        ValueError,
      ],
      [
        'fit__batchSize: 0',
        (e, f) => f.call(e.setParams({ fit__batchSize: 0 }), X, y),
        InvalidParameterError,
      ],
      ['batchSize: 0 (option)', (_e, f) => f(X, y, { batchSize: 0 }), InvalidParameterError],
      [
        "trainer: 'lean'",
        (e, f) => f.call(e.setParams({ trainer: 'lean' as never }), X, y),
        InvalidParameterError,
      ],
      [
        'randomState: -1',
        (e, f) => f.call(e.setParams({ randomState: -1 }), X, y),
        InvalidParameterError,
      ],
      [
        'validationData with 4 features',
        (_e, f) => f(X, y, { validationData: [X4, y] }),
        ValueError,
      ],
      [
        'validationData with an unknown class',
        (_e, f) => f(X, y, { validationData: [X, y.map((v) => v + 5)] }),
        ValueError,
      ],
      [
        'classWeight naming a missing class',
        (e, f) => f.call(e.setParams({ classWeight: { 7: 2 } }), X, y),
        ValueError,
      ],
      [
        'classWeight of the wrong type',
        (e, f) => f.call(e.setParams({ classWeight: 'auto' as never }), X, y),
        InvalidParameterError,
      ],
      [
        'a callback throwing in onTrainBegin',
        (_e, f) => f(X, y, { callbacks: [throwIn('onTrainBegin')] }),
        'callback failed in onTrainBegin',
      ],
      [
        'a callback throwing in onEpochEnd',
        (_e, f) => f(X, y, { callbacks: [throwIn('onEpochEnd')] }),
        'callback failed in onEpochEnd',
      ],
      [
        'a callback param throwing in onBatchEnd',
        (e, f) => f.call(e.setParams({ callbacks: [throwIn('onBatchEnd')] }), X, y),
        'callback failed in onBatchEnd',
      ],
      ['a new X width with a bad y', (_e, f) => f(X4, y.slice(1)), ValueError],
      [
        'a new X width with NaN in y',
        (_e, f) =>
          f(
            X4,
            y.map((v, i) => (i ? v : NaN)),
          ),
        ValueError,
      ],
      [
        'X beyond float32',
        (_e, f) =>
          f(
            X.map((r) => r.map((v) => v * 1e39)),
            y,
          ),
        ValueError,
      ],
    ];
    // what only a fit from scratch checks (partialFit trains the fitted model in place)
    const fromScratch: Failure[] = [
      ['epochs: 0', (_e, f) => f(X, y, { epochs: 0 }), InvalidParameterError],
      [
        'a single class',
        (_e, f) =>
          f(
            X,
            y.map(() => 1),
          ),
        ValueError,
      ],
      [
        'a model without loss',
        (e, f) => f.call(e.setParams({ loss: null }), X, y),
        /^No valid loss function found/,
      ],
      [
        'a model-building function that throws',
        (e, f) =>
          f.call(
            e.setParams({
              model: () => {
                throw new Error('no model');
              },
            }),
            X,
            y,
          ),
        'no model',
      ],
      [
        'optimizer__lr',
        (e, f) => f.call(e.setParams({ optimizer__lr: 0.1 }), X, y),
        InvalidParameterError,
      ],
    ];

    it.each([...both, ...fromScratch])('fit: %s', async (_name, call, error) => {
      const est = await clf().fit(X, y);
      const params = est.getParams();
      await expectNoChange(est, () => call(est, est.fit.bind(est)), error);
      est.setParams(params);
      est.dispose();
    });

    it.each(both)('partialFit after fit: %s', async (_name, call, error) => {
      const est = await clf().fit(X, y);
      const params = est.getParams();
      await expectNoChange(est, () => call(est, est.partialFit.bind(est)), error);
      est.setParams(params);
      est.dispose();
    });

    it('a warm start failing in the middle of training restores weights and optimizer state', async () => {
      const run = async (failFirst: boolean) => {
        const est = await clf({ warmStart: true }).fit(X, y);
        if (failFirst) {
          await expectNoChange(
            est,
            () => est.fit(X, y, { callbacks: [throwIn('onBatchEnd')] }),
            'callback failed in onBatchEnd',
          );
        }
        await est.fit(X, y);
        await est.partialFit(X, y);
        const out = { proba: await est.predictProba(X), history: est.history_ };
        est.dispose();
        return out;
      };
      expect(await run(true)).toEqual(await run(false));
    });

    it('a fit refused by its checks draws no seed from a RandomState', async () => {
      const rs = new RandomState(5);
      const est = clf({ randomState: rs });
      await expect(est.fit(X, y, { batchSize: 0 })).rejects.toThrow(InvalidParameterError);
      await expect(est.fit(X4, y.slice(1))).rejects.toThrow(ValueError);
      expect(rs.randint(1000)).toBe(new RandomState(5).randint(1000));
    });

    it('initialize that fails keeps the fitted model', async () => {
      const est = await clf().fit(X, y);
      await expectNoChange(
        est,
        () =>
          est.initialize(
            X,
            y.map(() => 0),
          ),
        ValueError,
      );
      await expectNoChange(est, () => est.initialize(X4, [1]), ValueError);
      est.dispose();
    });

    it('the model built by the failed fit is disposed', async () => {
      const built: tf.LayersModel[] = [];
      const est = await clf({
        model: (ctx: BuildContext) => {
          const m = mlp(ctx);
          built.push(m);
          return m;
        },
      }).fit(X, y);
      await expectNoChange(
        est,
        () => est.fit(X, y, { callbacks: [throwIn('onEpochEnd')] }),
        'callback failed in onEpochEnd',
      );
      expect(built).toHaveLength(2);
      expect(est.model_).toBe(built[0]);
      const probe = tf.zeros([1, 3]);
      expect(() => built[1]!.predict(probe)).toThrow(/disposed/);
      probe.dispose();
      est.dispose();
    });

    it('a failed first fit leaves the estimator unfitted', async () => {
      const est = clf({ callbacks: [throwIn('onEpochEnd')] });
      const before = tf.memory().numTensors;
      await expect(est.fit(X, y)).rejects.toThrow('callback failed in onEpochEnd');
      expect(tf.memory().numTensors).toBe(before);
      expect(Object.keys(est).filter((k) => /[^_]_$/.test(k))).toEqual([]);
      await expect(est.predict(X)).rejects.toThrow(
        'Estimator needs to be fit before `predict` can be called',
      );
    });

    it('a regressor keeps its predictions too (y beyond float32)', async () => {
      const { X: Xr, y: yr } = regressionData(16, 3);
      const est = await new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0, trainer }).fit(
        Xr,
        yr,
      );
      const before = await est.predict(Xr);
      await expect(
        est.fit(
          Xr,
          (yr as number[]).map((v) => v * 1e39),
        ),
      ).rejects.toThrow("Input y contains infinity or a value too large for dtype('float32').");
      expect(await est.predict(Xr)).toEqual(before);
      est.dispose();
    });

    it('property: any failing fit leaves predictions unchanged', async () => {
      const est = await clf().fit(X, y);
      const params = est.getParams();
      const proba = await est.predictProba(X);
      const tensors = tf.memory().numTensors;
      const failing = fc.oneof(
        fc.record({
          batchSize: fc.oneof(
            fc.integer({ max: 0 }).filter((v) => v !== -1),
            fc.double({ noInteger: true }),
          ),
        }),
        fc.record({
          epochs: fc.oneof(
            fc.integer({ max: 0 }),
            fc.double({ noInteger: true }),
            fc.constant(NaN),
          ),
        }),
        fc.record({
          validationSplit: fc.oneof(
            fc.double({ min: 1, noNaN: true }),
            fc.double({ max: -1e-9, noNaN: true }),
          ),
        }),
        fc.record({
          sampleWeight: fc
            .array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 30 })
            .filter((a) => a.length !== 24),
        }),
        fc.record({
          throwIn: fc.constantFrom('onTrainBegin', 'onEpochBegin', 'onEpochEnd', 'onBatchEnd'),
          after: fc.nat({ max: 3 }),
          epochs: fc.integer({ min: 4, max: 5 }),
        }),
      );
      /** A callback that throws at a call it is sure to get (one batch per epoch here). */
      const failingCallback = (hook: string, after: number, partial: boolean) => {
        let calls = 0;
        const at = partial || hook === 'onTrainBegin' ? 0 : after;
        return {
          [hook]: async () => {
            if (calls++ >= at) throw new Error('callback failed');
          },
        };
      };
      await fc.assert(
        fc.asyncProperty(failing, fc.boolean(), async (generated, partialWanted) => {
          const { throwIn: hook, after, ...options } = generated as Record<string, unknown>;
          // partialFit takes no `epochs`: a bad `epochs` alone is tested through fit
          const partial = partialWanted && !(hook === undefined && 'epochs' in options);
          if (hook) options.callbacks = [failingCallback(String(hook), Number(after), partial)];
          if (partial) delete options.epochs;
          const call = () => (partial ? est.partialFit(X, y, options) : est.fit(X, y, options));
          await expect(call()).rejects.toThrow();
          expect(tf.memory().numTensors).toBe(tensors);
          expect(await est.predictProba(X)).toEqual(proba);
        }),
        { numRuns: 25 },
      );
      est.setParams(params);
      est.dispose();
    });
  });
});
