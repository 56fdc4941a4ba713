// Type-level tests of the wrappers' constructor keys (issue 13 item 4a), checked by
// `pnpm typecheck` (tsc --noEmit over src/): each `@ts-expect-error` line must fail to compile,
// every other line must compile. Nothing here runs.
import type * as tf from '@tensorflow/tfjs';
import type { Params } from '@scikeras/estimator-core';
import { KerasClassifier, KerasRegressor, type BuildContext, type NoParams } from './index';

declare const model: tf.LayersModel;
const build = (ctx: BuildContext<{ hidden: number }>): tf.LayersModel => {
  void ctx.hidden;
  return model;
};
const plain = (ctx: { nFeaturesIn_: number; hidden?: number }): tf.LayersModel => {
  void ctx;
  return model;
};
const untyped = (ctx: BuildContext): tf.LayersModel => {
  void ctx.nFeaturesIn_;
  // @ts-expect-error a build function without a type argument declares no params
  void ctx.hidden;
  return model;
};

export const typeTests = [
  // wrapper params, routed keys and the build function's declared params compile
  new KerasClassifier({ model: build, hidden: 8, epochs: 5, classWeight: 'balanced' }),
  new KerasClassifier({
    model: build,
    model__hidden: 4,
    fit__batchSize: 8,
    optimizer__learningRate: 0.1,
  }),
  new KerasRegressor({
    model: plain,
    hidden: 3,
    callbacks__0__patience: 2,
    score__multioutput: 'raw_values',
  }),
  new KerasRegressor({ model: untyped, loss: 'mse', compile__loss: 'mae', metrics__0__k: 1 }),
  new KerasRegressor(),

  // @ts-expect-error `epoch` is a typo of `epochs`
  new KerasClassifier({ model: build, epoch: 5 }),
  // @ts-expect-error `hiden` is a typo of the declared `hidden`
  new KerasClassifier({ model: build, hiden: 8 }),
  // @ts-expect-error a declared param keeps its type
  new KerasClassifier({ model: build, hidden: 'wide' }),
  // @ts-expect-error a declared param keeps its type when routed to the build function
  new KerasClassifier({ model: build, model__hidden: 'wide' }),
  // any other `model__*` key is routed unchecked
  new KerasClassifier({ model: build, model__dropout: 0.5 }),
  // @ts-expect-error no build function declares `hidden` here
  new KerasRegressor({ model: untyped, hidden: 8 }),
  // @ts-expect-error a prebuilt model declares no params
  new KerasRegressor({ model, units: 8 }),
  // @ts-expect-error `classWeight` is a classifier param
  new KerasRegressor({ model: build, hidden: 1, classWeight: 'balanced' }),
  // @ts-expect-error `optimiser__` is not a routing prefix
  new KerasRegressor({ model: untyped, optimiser__learningRate: 0.1 }),
  // @ts-expect-error wrapper params keep their types
  new KerasRegressor({ epochs: '5' }),

  // the escape hatch: any key, when the build function says so or the type argument is Params
  new KerasRegressor({
    model: (ctx: BuildContext<Params>) => (void ctx.anything, model),
    anything: 1,
  }),
  new KerasRegressor<Params>({ whatever: 1 }),
  // an explicit type argument declares params
  new KerasRegressor<{ hidden: number }>({ hidden: 4 }),
];

// a subclass declares its params, and lets its users declare more
interface MlpParams {
  hiddenLayerSizes?: number[];
}
class Mlp<E extends object = NoParams> extends KerasRegressor<MlpParams & E> {}
export const subclassTests = [
  new Mlp({ hiddenLayerSizes: [8], epochs: 2 }),
  new Mlp<{ aKwarg: string }>({ hiddenLayerSizes: [8], aKwarg: 'saveme' }),
  // @ts-expect-error a typo of the subclass's param
  new Mlp({ hiddenLayerSize: [8] }),
];
