// Params validated up front, in scikit-learn 1.2's words (issue 13 item 3).
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import golden from './__fixtures__/sklearn_messages.json';
import { KerasClassifier, KerasRegressor, type BuildContext } from './index';
import {
  BASE_WRAPPER_CONSTRAINTS,
  collectConstraints,
  validatePredictParams,
  validateWrapperParams,
} from './wrapperConstraints';
import {
  BACKENDS,
  checkNoLeakPerTest,
  classificationData,
  mlp,
  regressionData,
  useTestBackend,
} from './test-utils/backends';

const { X, y } = classificationData(12, 3, [0, 1, 2]);
const { X: Xr, y: yr } = regressionData(12, 3);

/** A classifier whose build function counts its calls. */
function counted(extra: Record<string, unknown> = {}) {
  const calls = { n: 0 };
  const est = new KerasClassifier({
    model: (ctx: BuildContext) => {
      calls.n += 1;
      return mlp(ctx);
    },
    loss: 'sparse_categorical_crossentropy',
    verbose: 0,
    ...extra,
  });
  return { est, calls };
}

const range = (name: string, owner = 'KerasClassifier') =>
  `The '${name}' parameter of ${owner} must be`;

describe('wrapperConstraints', () => {
  describe('validateWrapperParams', () => {
    it('checks params and their fit__ / predict__ forms', () => {
      expect(() =>
        validateWrapperParams(BASE_WRAPPER_CONSTRAINTS, { fit__batchSize: 0 }, 'KerasRegressor'),
      ).toThrow(
        new InvalidParameterError(
          "The 'fit__batchSize' parameter of KerasRegressor must be an int in the range [1, inf), an int among {-1} or null. Got 0 instead.",
        ),
      );
      expect(() =>
        validateWrapperParams(BASE_WRAPPER_CONSTRAINTS, { predict__verbose: -1 }, 'W'),
      ).toThrow(
        "The 'predict__verbose' parameter of W must be an int in the range [0, inf) or an instance of 'bool'. Got -1 instead.",
      );
      expect(() =>
        validateWrapperParams(
          BASE_WRAPPER_CONSTRAINTS,
          { epochs: 3, batchSize: -1, verbose: true, randomState: null, hidden: 'x' },
          'W',
        ),
      ).not.toThrow();
    });

    it('merges the constraints of the class chain', () => {
      const c = collectConstraints(KerasClassifier);
      expect(Object.keys(c)).toEqual([...Object.keys(BASE_WRAPPER_CONSTRAINTS), 'classWeight']);
      expect(collectConstraints(KerasRegressor)).toEqual(BASE_WRAPPER_CONSTRAINTS);
    });

    it('validatePredictParams checks only what predict reads', () => {
      const params = { batchSize: 4, predict__batchSize: 2.5, epochs: 0 };
      expect(() => validatePredictParams(BASE_WRAPPER_CONSTRAINTS, params, {}, 'R')).toThrow(
        "The 'predict__batchSize' parameter of R must be",
      );
      expect(() =>
        validatePredictParams(BASE_WRAPPER_CONSTRAINTS, { epochs: 0 }, { batchSize: 0 }, 'R'),
      ).toThrow("The 'batchSize' parameter of R.predict must be");
    });
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it.each([
      [{ epochs: -1 }, `${range('epochs')} an int in the range [1, inf). Got -1 instead.`],
      [{ epochs: 0 }, `${range('epochs')} an int in the range [1, inf). Got 0 instead.`],
      [{ epochs: NaN }, `${range('epochs')} an int in the range [1, inf). Got NaN instead.`],
      [{ epochs: 1.5 }, `${range('epochs')} an int in the range [1, inf). Got 1.5 instead.`],
      [{ epochs: '3' }, `${range('epochs')} an int in the range [1, inf). Got '3' instead.`],
      ...[0, -5, 2.5].map((v): [Record<string, unknown>, string] => [
        { batchSize: v },
        `${range('batchSize')} an int in the range [1, inf), an int among {-1} or null. Got ${v} instead.`,
      ]),
      [
        { validationSplit: 1.5 },
        `${range('validationSplit')} a float in the range [0, 1). Got 1.5 instead.`,
      ],
      [
        { validationSplit: -0.1 },
        `${range('validationSplit')} a float in the range [0, 1). Got -0.1 instead.`,
      ],
      [
        { verbose: -1 },
        `${range('verbose')} an int in the range [0, inf) or an instance of 'bool'. Got -1 instead.`,
      ],
      [{ shuffle: 'yes' }, `${range('shuffle')} an instance of 'bool'. Got 'yes' instead.`],
      [{ warmStart: 1 }, `${range('warmStart')} an instance of 'bool'. Got 1 instead.`],
      [
        { randomState: -1 },
        `${range('randomState')} an int in the range [0, 4294967295], an instance of 'RandomState' or null. Got -1 instead.`,
      ],
      [
        { validationBatchSize: 0 },
        `${range('validationBatchSize')} an int in the range [1, inf), an int among {-1} or null. Got 0 instead.`,
      ],
      [{ fit__epochs: 0 }, `${range('fit__epochs')} an int in the range [1, inf). Got 0 instead.`],
      [
        { classWeight: 'auto' },
        `${range('classWeight')} a str among {'balanced'}, an instance of 'dict', an instance of 'list' or null. Got 'auto' instead.`,
      ],
    ])('fit rejects %p before building anything', async (params, message) => {
      const { est, calls } = counted(params);
      const before = tf.memory().numTensors;
      await expect(est.fit(X, y)).rejects.toThrow(new InvalidParameterError(message));
      await expect(est.initialize(X, y)).rejects.toThrow(message);
      await expect(est.partialFit(X, y)).rejects.toThrow(message);
      expect(calls.n).toBe(0);
      expect(est.model_).toBeUndefined();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('checks the call options of fit and partialFit under the method name', async () => {
      const { est, calls } = counted();
      await expect(est.fit(X, y, { epochs: 0 })).rejects.toThrow(
        "The 'epochs' parameter of KerasClassifier.fit must be an int in the range [1, inf). Got 0 instead.",
      );
      await expect(est.fit(X, y, { batchSize: 2.5 })).rejects.toThrow(
        "The 'batchSize' parameter of KerasClassifier.fit must be",
      );
      await expect(est.fit(X, y, { initialEpoch: -1 })).rejects.toThrow(
        "The 'initialEpoch' parameter of KerasClassifier.fit must be an int in the range [0, inf). Got -1 instead.",
      );
      await expect(est.partialFit(X, y, { validationSplit: 1 })).rejects.toThrow(
        "The 'validationSplit' parameter of KerasClassifier.partialFit must be a float in the range [0, 1). Got 1 instead.",
      );
      // a number is one weight for every sample (scikit-learn's _check_sample_weight); a string is not
      await expect(est.fit(X, y, { sampleWeight: 'a' as never })).rejects.toThrow(
        "The 'sampleWeight' parameter of KerasClassifier.fit must be an array-like, a float in the range (-inf, inf) or null. Got 'a' instead.",
      );
      expect(calls.n).toBe(0);
    });

    it('checks predict params and options before predicting', async () => {
      const { est } = counted({ epochs: 1 });
      await est.fit(X, y);
      await expect(est.predict(X, { batchSize: 0 })).rejects.toThrow(
        "The 'batchSize' parameter of KerasClassifier.predict must be an int in the range [1, inf), an int among {-1} or null. Got 0 instead.",
      );
      est.setParams({ predict__batchSize: 2.5 });
      await expect(est.predictProba(X)).rejects.toThrow(
        "The 'predict__batchSize' parameter of KerasClassifier must be",
      );
      await expect(est.score(X, y)).rejects.toThrow(InvalidParameterError);
      est.dispose();
    });

    it('epochs that used to be coerced now fail instead of training', async () => {
      // before: 1.5 trained 2 epochs, '3' trained 3, 0 and NaN marked the model fitted untrained
      for (const epochs of [1.5, '3', 0, NaN]) {
        const { est } = counted({ epochs });
        await expect(est.fit(X, y)).rejects.toThrow(InvalidParameterError);
        await expect(est.predict(X)).rejects.toThrow('Estimator needs to be fit before `predict`');
      }
    });

    it.each([
      ['one_class', [0, 0, 0, 0]],
      ['one_class_str', ['a', 'a', 'a', 'a']],
    ] as const)("a single class gives LogisticRegression's message (%s)", async (key, labels) => {
      const { est, calls } = counted();
      const Xs = X.slice(0, 4);
      await expect(est.fit(Xs, [...labels])).rejects.toThrow(new ValueError(golden[key].message));
      await expect(est.partialFit(Xs, [...labels])).rejects.toThrow(golden[key].message);
      expect(calls.n).toBe(0);
      // partialFit knows both classes from `classes`: a one-class batch is fine then
      await est.partialFit(Xs, [...labels], { classes: [labels[0], 'other' as never] });
      expect(est.classes_).toHaveLength(2);
      est.dispose();
    });

    it('values beyond float32 fail with a clear message instead of training to NaN', async () => {
      const { est, calls } = counted();
      const big = X.map((r, i) => (i === 3 ? [r[0]!, 3.5e38, r[2]!] : r));
      await expect(est.fit(big, y)).rejects.toThrow(new ValueError(golden.float32_X.message));
      expect(calls.n).toBe(0);
      const reg = new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0 });
      await expect(
        reg.fit(
          Xr,
          (yr as number[]).map((v, i) => (i ? v : -1e39)),
        ),
      ).rejects.toThrow(new ValueError(golden.float32_y.message));
      await reg.fit(Xr, yr);
      await expect(reg.predict(big)).rejects.toThrow(golden.float32_X.message);
      await expect(reg.fit(Xr, yr, { validationData: [big, yr] })).rejects.toThrow(
        golden.float32_X.message,
      );
      reg.dispose();
    });
  });
});
