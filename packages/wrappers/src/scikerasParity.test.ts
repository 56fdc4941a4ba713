// Ports of scikeras's tests (tests/test_api.py, test_errors.py, test_input_outputs.py,
// test_deprecation.py) for targetType_, sample weights, currentEpoch, buildFn, encoder
// metadata and randomState (issue 17 items 2 and 5). Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import {
  RandomState,
  ValueError,
  catchWarnings,
  clone,
  type Params,
} from '@scikeras/estimator-core';
import { BaseWrapper, KerasClassifier, KerasRegressor, type BuildContext } from './index';
import type { Transformer } from './IdentityTransformer';
import { IdentityTransformer } from './IdentityTransformer';
import { checkNoLeakPerTest, mlp, rng, useTestBackend } from './test-utils/backends';
import {
  testClassifier as clf,
  testRegressor as reg,
  wrapperTestData,
} from './test-utils/wrappers';

const { Xc, yc, Xr, yr } = wrapperTestData();
const ALL_ZERO =
  "No training samples had any weight; only zeros were passed in sample_weight. That means there's nothing to train on by definition, so training can not be completed.";

/** A multilabel-indicator y: 30 x 3 of 0/1, not one-hot (row 0 is all ones). */
function multilabel(n = 30, k = 3): { X: number[][]; y: number[][] } {
  const r = rng(3);
  const X = Array.from({ length: n }, () => [r(), r()]);
  const y = X.map((row, i) =>
    i === 0 ? Array(k).fill(1) : Array.from({ length: k }, (_, j) => (row[j % 2]! > 0.5 ? 1 : 0)),
  );
  return { X, y };
}

/**
 * scikeras's tests/multi_output_models.py MultiLabelTransformer: a multilabel-indicator y as
 * one binary target per column. It reports classes and outputs, and no target type.
 */
class MultiLabelTransformer implements Transformer {
  nOutputs_?: number;
  nOutputsExpected_?: number;
  classes_?: number[][];
  nClasses_?: number[];
  fit(y: unknown): this {
    const k = (y as number[][])[0]!.length;
    this.nOutputs_ = k;
    this.nOutputsExpected_ = k;
    this.classes_ = Array.from({ length: k }, () => [0, 1]);
    this.nClasses_ = Array(k).fill(2) as number[];
    return this;
  }
  transform(y: unknown): unknown {
    return (y as number[][]).map((row) => row.map(Number));
  }
  inverseTransform(y: unknown): unknown {
    const outs = y as number[][][];
    return outs[0]!.map((_, i) => outs.map((o) => Math.round(o[i]![0]!)));
  }
}

/** scikeras's MultiOutputClassifier: a KerasClassifier whose target encoder splits the labels. */
class MultiOutputClassifier extends KerasClassifier {
  static override estimatorName = 'MultiOutputClassifier';
  override get targetEncoder(): Transformer {
    return new MultiLabelTransformer();
  }
}

/** scikeras's tests/mlp_models.py dynamic_classifier, multilabel branch: one sigmoid per label. */
function dynamicClassifier({ nFeaturesIn_, targetType_, nOutputsExpected_ }: BuildContext) {
  const inp = tf.input({ shape: [nFeaturesIn_ as number] });
  const hidden = tf.layers.dense({ units: 8, activation: 'relu' }).apply(inp) as tf.SymbolicTensor;
  if (targetType_ !== 'multilabel-indicator') throw new Error(`unexpected ${targetType_}`);
  const outputs = Array.from(
    { length: nOutputsExpected_ as number },
    () => tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(hidden) as tf.SymbolicTensor,
  );
  return tf.model({ inputs: inp, outputs });
}

describe('scikeras parity (issue 17)', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  describe('targetType_ from the wrapper', () => {
    it('tests/test_input_outputs.py::test_multi_label_clasification: a custom target encoder without a type', async () => {
      const { X, y } = multilabel();
      let seen: Params = {};
      const est = new MultiOutputClassifier({
        model: (ctx: BuildContext) => {
          seen = { targetType_: ctx.targetType_, nOutputsExpected_: ctx.nOutputsExpected_ };
          return dynamicClassifier(ctx);
        },
        loss: 'binary_crossentropy',
        epochs: 2,
        verbose: 0,
        randomState: 0,
      });
      await est.fit(X, y);
      expect(seen).toEqual({ targetType_: 'multilabel-indicator', nOutputsExpected_: 3 });
      expect(est.targetType_).toBe('multilabel-indicator');
      expect(est.model_!.outputs).toHaveLength(3);
      const pred = (await est.predict(X)) as number[][];
      expect(pred).toHaveLength(30);
      expect(pred.every((row) => row.length === 3 && row.every((v) => v === 0 || v === 1))).toBe(
        true,
      );
      const score = await est.score(X, y);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      est.dispose();
    });

    it('tests/test_input_outputs.py::test_single_output_multilabel_indicator', async () => {
      const { X, y } = multilabel();
      const est = new KerasClassifier({
        model: ({ nFeaturesIn_ }: BuildContext) => {
          const m = tf.sequential();
          m.add(
            tf.layers.dense({
              units: 10,
              activation: 'relu',
              inputShape: [nFeaturesIn_ as number],
            }),
          );
          m.add(tf.layers.dense({ units: 3, activation: 'sigmoid' }));
          return m;
        },
        loss: 'categorical_crossentropy',
        verbose: 0,
      });
      await est.fit(X, y);
      await est.predict(X);
      expect(est.targetType_).toBe('multilabel-indicator');
      est.dispose();
    });

    it('scikeras/wrappers.py::_validate_data: BaseWrapper (identity encoder) records typeOfTarget(y)', async () => {
      const est = new BaseWrapper({ model: mlp, loss: 'mse', verbose: 0 });
      await est.fit(Xr, yr);
      expect(est.targetType_).toBe('continuous');
      await est.fit(Xc, yc);
      expect(est.targetType_).toBe('multiclass');
      est.dispose();
    });
  });

  describe('sampleWeight', () => {
    it.each([
      ['KerasClassifier', () => clf(), Xc, yc],
      ['KerasRegressor', () => reg(), Xr, yr],
    ] as const)(
      'tests/test_errors.py::test_sample_weights_all_zero (%s): fit and score',
      async (_name, make, X, y) => {
        const est = make();
        const zeros = new Array<number>(X.length).fill(0);
        await expect(est.fit(X, y, { sampleWeight: zeros })).rejects.toThrow(ALL_ZERO);
        await est.fit(X, y);
        await expect(est.score(X, y, { sampleWeight: zeros })).rejects.toThrow(ValueError);
        await expect(est.score(X, y, { sampleWeight: zeros })).rejects.toThrow(ALL_ZERO);
        est.dispose();
      },
    );

    it("sklearn's _check_sample_weight: a scalar weight is that weight for every sample (fit and score)", async () => {
      const weightsOf = async (sampleWeight: number | number[]) => {
        const est = reg({ epochs: 2, optimizer: 'sgd' });
        await est.fit(Xr, yr, { sampleWeight });
        const w = est.model_!.getWeights().map((t) => Array.from(t.dataSync()));
        const score = await est.score(Xr, yr, { sampleWeight });
        const plain = await est.score(Xr, yr);
        est.dispose();
        return { w, score, plain };
      };
      const scalar = await weightsOf(3);
      const array = await weightsOf(new Array<number>(20).fill(3));
      expect(scalar.w).toEqual(array.w);
      expect(scalar.score).toBeCloseTo(array.score, 12);
      expect(scalar.score).toBeCloseTo(scalar.plain, 12);
      const ones = await weightsOf(1);
      expect(ones.w).not.toEqual(scalar.w); // the weight scales the loss under sgd
    });

    it('tests/test_api.py::TestSampleWeights::test_sample_weights_score: unit weights score as none', async () => {
      const est = reg({ epochs: 2 });
      await est.fit(Xr, yr);
      const plain = await est.score(Xr, yr);
      expect(await est.score(Xr, yr, { sampleWeight: new Array<number>(20).fill(1) })).toBeCloseTo(
        plain,
        12,
      );
      expect(await est.score(Xr, yr, { sampleWeight: 1 })).toBeCloseTo(plain, 12);
      est.dispose();
    });
  });

  describe('currentEpoch and the fitted attributes', () => {
    it.each([
      [true, ''],
      [false, ''],
      [true, 'fit__'],
      [false, 'fit__'],
    ])(
      'tests/test_api.py::test_current_epoch_property (warmStart=%p, prefix=%p)',
      async (warmStart, prefix) => {
        const est = reg({ warmStart });
        est.setParams({ [`${prefix}epochs`]: 2 });
        expect(est.currentEpoch).toBe(0);
        for (let k = 1; k < 4; k++) {
          await est.partialFit(Xr, yr);
          expect(est.currentEpoch).toBe(k);
          expect(est.currentEpoch_).toBe(k);
        }
        await est.fit(Xr, yr);
        expect(est.currentEpoch).toBe(2);
        await est.partialFit(Xr, yr);
        expect(est.currentEpoch).toBe(3);
        est.dispose();
      },
    );

    it('scikeras/wrappers.py BaseWrapper attributes: none before fit, each after', async () => {
      const est = clf();
      const fitted = (): string[] =>
        Object.keys(est).filter((k) => k.endsWith('_') && !k.endsWith('__'));
      expect(fitted()).toEqual([]);
      expect(est.currentEpoch).toBe(0);
      expect(est.initialized_ ?? false).toBe(false);
      await est.fit(Xc, yc, { epochs: 2 });
      expect(fitted().sort()).toEqual(
        [
          'XDtype_',
          'XShape_',
          'classes_',
          'currentEpoch_',
          'featureEncoder_',
          'history_',
          'initialized_',
          'model_',
          'nClasses_',
          'nFeaturesIn_',
          'nOutputsExpected_',
          'nOutputs_',
          'targetEncoder_',
          'targetType_',
          'yDtype_',
          'yNdim_',
        ].sort(),
      );
      expect(est.currentEpoch).toBe(2);
      expect(est.history_!.loss).toHaveLength(2);
      expect(clone(est).currentEpoch).toBe(0);
      est.dispose();
    });
  });

  describe('buildFn', () => {
    it('tests/test_deprecation.py::test_build_fn_deprecation', async () => {
      const est = new KerasClassifier({
        buildFn: mlp,
        loss: 'sparse_categorical_crossentropy',
        verbose: 0,
      });
      const { warnings } = await catchWarnings(() => est.fit([[0], [1]], [0, 1]));
      expect(warnings.map((w) => [w.category, w.message])).toContainEqual([
        'UserWarning',
        '``buildFn`` will be renamed to ``model`` in a future release, at which point use of ``buildFn`` will raise an Error instead.',
      ]);
      expect(est.model_).toBeDefined();
      est.dispose();
    });

    it('model wins over buildFn, without a warning (scikeras _check_model_param)', async () => {
      let used = '';
      const est = reg({
        model: (ctx: BuildContext) => ((used = 'model'), mlp(ctx as never)),
        buildFn: (ctx: BuildContext) => ((used = 'buildFn'), mlp(ctx as never)),
      });
      const { warnings } = await catchWarnings(() => est.fit(Xr, yr));
      expect(used).toBe('model');
      expect(warnings.filter((w) => w.message.includes('buildFn'))).toEqual([]);
      est.dispose();
    });
  });

  describe('featureEncoder metadata', () => {
    class ScaledFeatures extends IdentityTransformer {
      scale_?: number;
      override fit(X: unknown): this {
        this.scale_ = 2;
        return super.fit(X);
      }
      getMetadata(): Params {
        return { featureScale_: this.scale_, nRawFeatures_: 3 };
      }
    }
    class WithFeatureMeta extends KerasRegressor {
      static override estimatorName = 'WithFeatureMeta';
      override get featureEncoder(): Transformer {
        return new ScaledFeatures();
      }
    }

    it("scikeras/wrappers.py::_initialize: the feature encoder's get_metadata reaches the build context and the estimator", async () => {
      let seen: Params = {};
      const est = new WithFeatureMeta({
        model: (ctx: BuildContext) => {
          seen = { direct: (ctx as unknown as Params).featureScale_, meta: ctx.meta.nRawFeatures_ };
          return mlp(ctx as never);
        },
        loss: 'mse',
        verbose: 0,
      });
      await est.fit(Xr, yr);
      expect(seen).toEqual({ direct: 2, meta: 3 });
      expect((est as unknown as Params).featureScale_).toBe(2);
      est.dispose();
    });
  });

  describe('randomState', () => {
    const predictions = async (est: KerasRegressor): Promise<number[]> => {
      await est.fit(Xr, yr);
      return (await est.predict(Xr)) as number[];
    };

    it.each([0, 123])(
      'tests/test_api.py::TestRandomState::test_random_states (%p)',
      async (seed) => {
        const est = reg({ randomState: seed, epochs: 2 });
        const y1 = await predictions(est);
        expect(await predictions(est)).toEqual(y1);
        est.setParams({ randomState: seed + 1 });
        expect(await predictions(est)).not.toEqual(y1);
        est.dispose();
      },
    );

    it('tests/test_api.py::TestRandomState::test_random_states (RandomState): a generator, drawn from', async () => {
      const a = reg({ randomState: new RandomState(0), epochs: 2 });
      const a2 = reg({ randomState: new RandomState(0), epochs: 2 });
      const b = reg({ randomState: new RandomState(1), epochs: 2 });
      const ya = await predictions(a);
      expect(await predictions(a2)).toEqual(ya);
      expect(await predictions(b)).not.toEqual(ya);
      // drawn from once per fit (scikit-learn's convention): the next fit gets the next seed
      expect(await predictions(a)).not.toEqual(ya);
      for (const e of [a, a2, b]) e.dispose();
    });
  });
});
