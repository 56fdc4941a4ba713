// Type-level tests of typed predictions and typed param grids through a Pipeline of a scaler and
// the wrappers (issue 16; here, not in wrappers, which never depend on pipeline, not even for tests),
// checked by `pnpm typecheck` (tsc --noEmit over src/): each `@ts-expect-error` line must fail to compile,
// every other line must compile. Nothing here runs.
import type * as tf from '@tensorflow/tfjs';
import type { Label } from '@scikeras/estimator-core';
import { GridSearchCV, RandomizedSearchCV, loguniform } from '@scikeras/model-selection';
import { Pipeline } from './Pipeline';
import { StandardScaler } from '@scikeras/preprocessing';
import { KerasClassifier, KerasRegressor, type BuildContext } from '@scikeras/wrappers';

declare const model: tf.LayersModel;
const build = ({ hidden }: BuildContext<{ hidden: number }>): tf.LayersModel => (
  void hidden,
  model
);
const clf = new KerasClassifier({ model: build, hidden: 8 });
const reg = new KerasRegressor({ model: build, hidden: 8 });

export const gridTests = [
  new GridSearchCV({
    estimator: clf,
    paramGrid: {
      hidden: [8, 16],
      epochs: [1, 2],
      model__hidden: [4],
      optimizer__learningRate: [0.1],
    },
  }),
  new GridSearchCV({
    estimator: clf,
    paramGrid: [{ hidden: [8] }, { classWeight: ['balanced', null] }],
  }),
  // @ts-expect-error `hiden` is a typo of the build function's `hidden`
  new GridSearchCV({ estimator: clf, paramGrid: { hiden: [8] } }),
  // @ts-expect-error `hidden` is a number
  new GridSearchCV({ estimator: clf, paramGrid: { hidden: ['wide'] } }),
  // @ts-expect-error `optimiser__` is not a routing prefix
  new GridSearchCV({ estimator: reg, paramGrid: { optimiser__learningRate: [0.1] } }),
  // @ts-expect-error `classWeight` is a classifier param
  new GridSearchCV({ estimator: reg, paramGrid: { classWeight: ['balanced'] } }),
  new RandomizedSearchCV({
    estimator: reg,
    paramDistributions: { optimizer__learningRate: loguniform(1e-4, 1e-1), epochs: [1, 2] },
  }),
  // @ts-expect-error `epochs` is a number, not drawn from a list of strings
  new RandomizedSearchCV({ estimator: reg, paramDistributions: { epochs: ['1'] } }),
];

export async function predictTests(X: number[][]): Promise<void> {
  const labels: Label[] | Label[][] = await clf.predict(X);
  const values: number[] | number[][] = await reg.predict(X);
  // @ts-expect-error a classifier's labels may be strings
  const nums: number[] | number[][] = await clf.predict(X);
  const gs = new GridSearchCV({ estimator: clf, paramGrid: { hidden: [8, 16] } });
  const h: number | undefined = gs.bestParams_?.hidden;
  // @ts-expect-error `hidden` is a number
  const s: string | undefined = gs.bestParams_?.hidden;
  const best: Label[] | Label[][] = await gs.predict(X);
  const bestReg: number[] | number[][] = await new GridSearchCV({ estimator: reg }).predict(X);
  void [labels, values, nums, h, s, best, bestReg];
}

// through a Pipeline of a scaler and a KerasClassifier
const pipe = new Pipeline({
  steps: [
    ['scaler', new StandardScaler()],
    ['clf', clf],
  ],
});
export const pipelineTests = [
  new GridSearchCV({
    estimator: pipe,
    paramGrid: {
      clf__model__hidden: [8, 16],
      clf__hidden: [4],
      clf__epochs: [1, 2],
      clf__optimizer__learningRate: [0.01],
      scaler__withMean: [true, false],
      scaler: ['passthrough', new StandardScaler({ withMean: false })],
    },
  }),
  // @ts-expect-error `clf__epoch` is a typo of `clf__epochs`
  new GridSearchCV({ estimator: pipe, paramGrid: { clf__epoch: [1] } }),
  // @ts-expect-error `clf__hidden` is a number
  new GridSearchCV({ estimator: pipe, paramGrid: { clf__hidden: ['wide'] } }),
  // @ts-expect-error `clff` is not a step
  new GridSearchCV({ estimator: pipe, paramGrid: { clff__epochs: [1] } }),
  // @ts-expect-error `model__hidden` routes the declared `hidden`, a number
  new GridSearchCV({ estimator: pipe, paramGrid: { clf__model__hidden: ['wide'] } }),
  // @ts-expect-error `clf__modle__` is not a routing prefix
  new GridSearchCV({ estimator: pipe, paramGrid: { clf__modle__hidden: [8] } }),
  // @ts-expect-error `withMean` is a boolean
  new GridSearchCV({ estimator: pipe, paramGrid: { scaler__withMean: [1] } }),
];
