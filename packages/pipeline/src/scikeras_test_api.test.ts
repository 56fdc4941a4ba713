// Twin of scikeras's tests/test_api.py::TestAdvancedAPIFuncs::test_pipeline (index id 12940287866):
// Pipeline(StandardScaler, wrapper) through basic_checks. Boston housing, removed from
// scikit-learn, is replaced by diabetes; basic_checks's pickle round trip is saveEstimator and
// loadEstimator.
import * as tf from '@tensorflow/tfjs';
import { loadDiabetes, loadIris } from '@scikeras/datasets';
import { StandardScaler } from '@scikeras/preprocessing';
import {
  KerasClassifier,
  KerasRegressor,
  loadEstimator,
  registerModel,
  saveEstimator,
  type BuildContext,
} from '@scikeras/wrappers';
import { Pipeline } from './Pipeline';
import { useWasm } from './test-utils/keras';

type Ctx = BuildContext<{ hiddenLayerSizes?: number[] }>;

/** tests/mlp_models.py dynamic_regressor / dynamic_classifier with `hiddenLayerSizes`. */
const dynamicModel = registerModel(
  'pipeline-scikeras-dyn',
  (ctx: Ctx): tf.LayersModel => {
    const m = tf.sequential();
    m.add(tf.layers.inputLayer({ inputShape: [ctx.nFeaturesIn_ as number] }));
    for (const units of ctx.hiddenLayerSizes ?? [])
      m.add(tf.layers.dense({ units, activation: 'relu' }));
    m.add(
      ctx.nClasses_ === undefined
        ? tf.layers.dense({ units: 1 })
        : tf.layers.dense({ units: ctx.nClasses_ as number, activation: 'softmax' }),
    );
    return m;
  },
  { module: __filename },
);

const CONFIG = {
  MLPRegressor: () => {
    const [X, y] = loadDiabetes({ returnXy: true }) as unknown as [number[][], number[]];
    const est = new KerasRegressor<{ hiddenLayerSizes?: number[] }>({
      model: dynamicModel,
      loss: 'mse',
      epochs: 1,
      model__hiddenLayerSizes: [],
      verbose: 0,
      randomState: 0,
    });
    return { X: X.slice(0, 100), y: y.slice(0, 100), est };
  },
  MLPClassifier: () => {
    const [X, y] = loadIris({ returnXy: true }) as unknown as [number[][], number[]];
    const est = new KerasClassifier<{ hiddenLayerSizes?: number[] }>({
      model: dynamicModel,
      loss: 'sparse_categorical_crossentropy',
      epochs: 1,
      model__hiddenLayerSizes: [],
      verbose: 0,
      randomState: 0,
    });
    return { X: X.slice(0, 100), y: y.slice(0, 100), est };
  },
};

describe('scikeras tests/test_api.py (pipelines)', () => {
  useWasm();

  it.each(['MLPRegressor', 'MLPClassifier'] as const)(
    'tests/test_api.py::TestAdvancedAPIFuncs::test_pipeline (%s)',
    async (config) => {
      const before = tf.memory().numTensors;
      const { X, y, est } = CONFIG[config]();
      const pipe = new Pipeline({
        steps: [
          ['s', new StandardScaler()],
          ['e', est],
        ],
      });
      await pipe.fit(X, y);
      expect(await pipe.predict(X)).toHaveLength(100);
      expect(Number.isFinite(await pipe.score(X, y))).toBe(true);
      const copy = await loadEstimator(await saveEstimator(pipe), {
        registry: { classes: { Pipeline, StandardScaler } },
      });
      expect(await copy.predict(X)).toEqual(await pipe.predict(X));
      copy.dispose();
      pipe.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
