// The model-building functions of the tour. They are registered by name (registerModel) so that
// estimators using them can be saved, loaded, and sent to worker threads (GridSearchCV nJobs).
import * as tf from '@tensorflow/tfjs';
import { getRegisteredModel, registerModel, type BuildContext } from '@scikeras/wrappers';

/** The own params of the tour's MLPs (what their wrappers accept besides their own params). */
export interface MlpParams {
  /** Units of the hidden layer. */
  hidden?: number;
}

/** The build context of the tour's MLPs: `hidden` is their own param. */
type MlpContext = BuildContext<MlpParams>;

/**
 * An MLP classifier head: `hidden` relu units, then a softmax over the classes (binary too, with
 * sparse categorical crossentropy). Uncompiled: the wrapper compiles it from its params.
 *
 * @param ctx - the build context (`nFeaturesIn_`, `nClasses_`, `hidden`)
 * @returns the model
 */
export function mlpClassifier({ nFeaturesIn_, nClasses_, hidden }: MlpContext): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [nFeaturesIn_],
        units: Number(hidden ?? 16),
        activation: 'relu',
      }),
      tf.layers.dense({ units: nClasses_ as number, activation: 'softmax' }),
    ],
  });
}

/**
 * An MLP regressor: two relu layers of `hidden` units and one linear output per target.
 *
 * @param ctx - the build context (`nFeaturesIn_`, `nOutputs_`, `hidden`)
 * @returns the model
 */
export function mlpRegressor({ nFeaturesIn_, nOutputs_, hidden }: MlpContext): tf.LayersModel {
  const units = Number(hidden ?? 32);
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [nFeaturesIn_], units, activation: 'relu' }),
      tf.layers.dense({ units, activation: 'relu' }),
      tf.layers.dense({ units: nOutputs_ }),
    ],
  });
}

/**
 * A multilabel MLP: one sigmoid unit per label column (binary crossentropy).
 *
 * @param ctx - the build context (`nFeaturesIn_`, `nClasses_`: `[2, 2, ...]`, one per label, `hidden`)
 * @returns the model
 */
export function mlpMultilabel({ nFeaturesIn_, nClasses_, hidden }: MlpContext): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [nFeaturesIn_],
        units: Number(hidden ?? 32),
        activation: 'relu',
      }),
      tf.layers.dense({ units: (nClasses_ as number[]).length, activation: 'sigmoid' }),
    ],
  });
}

const MODELS = {
  'demo.mlpClassifier': mlpClassifier,
  'demo.mlpRegressor': mlpRegressor,
  'demo.mlpMultilabel': mlpMultilabel,
} as const;

/**
 * Registers the tour's build functions (once per thread). The pipeline and preprocessing classes
 * register themselves with their packages' module URLs, so worker threads find them.
 *
 * @param module - the module worker threads import to register them too (the built
 *   `dist/models.js` in Node); omitted in the browser
 */
export function registerDemoModels(module?: string): void {
  for (const [name, fn] of Object.entries(MODELS)) {
    if (getRegisteredModel(name) === fn) continue;
    registerModel(name, fn, module === undefined ? {} : { module });
  }
}
