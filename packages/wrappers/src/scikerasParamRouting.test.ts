// Ports of scikeras's tests/test_param_routing.py.
import * as tf from '@tensorflow/tfjs';
import { COMPILE_KWARGS, type BuildContext, KerasClassifier, KerasRegressor } from './index';
import { checkNoLeakPerTest, mlp, useTestBackend } from './test-utils/backends';
import { wrapperTestData } from './test-utils/wrappers';

const { Xc, yc, Xr, yr } = wrapperTestData();

// scikeras's keras_classifier_base_meta_set / keras_regressor_base_meta_set, camelCased
const CLASSIFIER_META = [
  'XDtype_',
  'yDtype_',
  'classes_',
  'targetType_',
  'nClasses_',
  'nFeaturesIn_',
  'XShape_',
  'nOutputsExpected_',
  'yNdim_',
  'nOutputs_',
];
const REGRESSOR_META = [
  'XShape_',
  'nOutputsExpected_',
  'XDtype_',
  'nOutputs_',
  'yDtype_',
  'yNdim_',
  'nFeaturesIn_',
  'targetType_',
];

type Own = { hiddenLayerSizes: number[]; foo: object };
type Ctx = BuildContext<Own>;
const cases = [
  ['KerasClassifier', KerasClassifier, CLASSIFIER_META, Xc, yc, 'sparse_categorical_crossentropy'],
  ['KerasRegressor', KerasRegressor, REGRESSOR_META, Xr, yr, 'mse'],
] as const;

describe('scikeras parity: tests/test_param_routing.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it.each(cases)(
    'tests/test_param_routing.py::test_routing_basic[%s]',
    async (_, Wrapper, expectedMeta, X, y, loss) => {
      const fooVal = {};
      for (const via of ['model__foo', 'foo'] as const) {
        const seen: string[] = [];
        const est = new (Wrapper as typeof KerasRegressor<Own>)({
          model: (ctx: Ctx): tf.LayersModel => {
            expect(new Set(Object.keys(ctx.params))).toEqual(new Set(Object.keys(est.getParams())));
            expect(Object.keys(ctx.meta)).toEqual(expect.arrayContaining(expectedMeta));
            for (const k of Object.keys(ctx.compileKwargs))
              expect(COMPILE_KWARGS.has(k)).toBe(true);
            expect(ctx.foo).toBe(fooVal);
            seen.push(String(ctx.hiddenLayerSizes));
            return mlp({ ...(ctx as Parameters<typeof mlp>[0]), hidden: ctx.hiddenLayerSizes[0] });
          },
          model__hiddenLayerSizes: [10],
          [via]: fooVal,
          loss,
          verbose: 0,
        });
        await est.fit(X, y);
        expect(seen).toEqual(['10']);
        est.dispose();
      }
    },
  );

  it.each(cases)(
    'tests/test_param_routing.py::test_estimator_conserves_meta[%s]',
    async (_, Wrapper, expectedMeta, X, y, loss) => {
      const withParams = new (Wrapper as typeof KerasRegressor<{ hidden: number }>)({
        model: (ctx) => mlp(ctx as Parameters<typeof mlp>[0]),
        model__hidden: 10,
        loss,
        verbose: 0,
      });
      await withParams.fit(X, y);
      expect(Object.keys(withParams)).toEqual(expect.arrayContaining(expectedMeta));
      withParams.dispose();
      const noParams = new (Wrapper as typeof KerasRegressor)({
        model: (ctx) => mlp(ctx as Parameters<typeof mlp>[0]),
        loss,
        verbose: 0,
      });
      await noParams.fit(X, y);
      expect(Object.keys(noParams)).toEqual(expect.arrayContaining(expectedMeta));
      noParams.dispose();
    },
  );

  it('tests/test_param_routing.py::test_routed_unrouted_equivalence', async () => {
    const hiddens: number[] = [];
    const build = (ctx: BuildContext<{ hidden: number }>): tf.LayersModel => {
      hiddens.push(ctx.hidden);
      return mlp(ctx as Parameters<typeof mlp>[0]);
    };
    const base = { model: build, loss: 'sparse_categorical_crossentropy', verbose: 0 } as const;
    for (const est of [
      new KerasClassifier<{ hidden: number }>({ ...base, model__hidden: 7 }),
      new KerasClassifier<{ hidden: number }>({ ...base, hidden: 7 }),
    ]) {
      await est.fit(Xc, yc);
      expect(est.model_!.layers[0]!.getConfig().units).toBe(7);
      est.dispose();
    }
    expect(hiddens).toEqual([7, 7]);
  });

  it('tests/test_param_routing.py::test_parameter_precedence', async () => {
    const before = tf.memory().numTensors;
    const seen: Record<string, unknown>[] = [];
    // scikeras's TestModel overrides Keras's Model.fit; the `modelFit` trainer is the one that
    // calls tfjs's model.fit with the routed fit arguments (the fast trainer has its own loop)
    class TestModel extends tf.Sequential {
      override async fit(
        x: tf.Tensor | tf.Tensor[],
        yy: tf.Tensor | tf.Tensor[],
        args: tf.ModelFitArgs & { custom?: unknown } = {},
      ): Promise<tf.History> {
        const { custom, ...rest } = args;
        seen.push({ classWeight: args.classWeight, custom });
        return super.fit(x, yy, rest);
      }
    }
    const getModel = (): tf.LayersModel =>
      new TestModel({
        layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [1] })],
      });
    const clf = new KerasClassifier({
      model: getModel,
      loss: 'binary_crossentropy',
      // a built-in fit argument too, to check that the routed ones can override them
      fit__classWeight: { 0: 0.5, 1: 0.5 },
      fit__custom: 'constructor_routed',
      trainer: 'modelFit',
      verbose: 0,
    });
    await clf.fit([[1], [2]], [0, 1], { custom: 'fit_keyword' });
    expect(seen).toEqual([{ classWeight: { 0: 0.5, 1: 0.5 }, custom: 'fit_keyword' }]);
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_param_routing.py::test_exclude_parameters_with_further_routing', async () => {
    const before = tf.memory().numTensors;
    const getModel = (): tf.LayersModel =>
      tf.sequential({
        layers: [tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [1] })],
      });
    const clf = new KerasClassifier({
      model: getModel,
      loss: 'binary_crossentropy',
      // must not reach the optimizer as RMSProp({ thisShouldNotPass__abc: ... })
      optimizer__thisShouldNotPass__abc: 'error!',
      verbose: 0,
    });
    await clf.fit([[1], [2]], [0, 1]);
    expect(JSON.stringify(clf.model_!.optimizer.getConfig())).not.toContain('error!');
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
