// Type-level tests of a Pipeline's typed steps (issue 16), checked by `pnpm typecheck`
// (tsc --noEmit over src/): each `@ts-expect-error` line must fail to compile, every other line
// must compile. Nothing here runs.
import type { NestedParams } from '@scikeras/estimator-core';
import { GridSearchCV } from '@scikeras/model-selection';
import { ColumnTransformer } from './ColumnTransformer';
import { makePipeline } from './makePipeline';
import { Pipeline } from './Pipeline';
import type { PipelineStep } from './types';
import { Mult } from './test-utils/toys';
import { CentroidClassifier, StandardScaler } from './test-utils/twins';

const pipe = new Pipeline({
  steps: [
    ['scaler', new StandardScaler()],
    ['clf', new CentroidClassifier()],
  ],
});

export const setParamsTests = [
  pipe.setParams({ scaler: 'passthrough', clf__temperature: 3, verbose: true }),
  pipe.setParams({ scaler: new Mult(), steps: [['m', new Mult()]] }),
  // @ts-expect-error `verbose` is a boolean
  pipe.setParams({ verbose: 1 }),
  // @ts-expect-error a step is an estimator, 'passthrough' or null
  pipe.setParams({ scaler: 'drop' }),
];

export const gridTests = [
  new GridSearchCV({
    estimator: pipe,
    paramGrid: {
      scaler__withMean: [true, false],
      clf__temperature: [1, 2],
      scaler: ['passthrough', new Mult({ mult: 2 })],
    },
  }),
  // @ts-expect-error `scaler__withMaen` is a typo
  new GridSearchCV({ estimator: pipe, paramGrid: { scaler__withMaen: [true] } }),
  // @ts-expect-error `clf__temperature` is a number
  new GridSearchCV({ estimator: pipe, paramGrid: { clf__temperature: ['hot'] } }),
  // @ts-expect-error `mult` is not a step of this pipeline
  new GridSearchCV({ estimator: pipe, paramGrid: { mult__mult: [2] } }),
];

// steps known only at run time (a `PipelineStep[]` value, makePipeline): any name
declare const steps: PipelineStep[];
export const untypedSteps = [
  new GridSearchCV({ estimator: new Pipeline({ steps }), paramGrid: { any__name: [1] } }),
  new GridSearchCV({ estimator: makePipeline(new Mult()), paramGrid: { mult__mult: [2] } }),
  new Pipeline({ steps }).setParams({ whatever__x: 1 }),
];

// a ColumnTransformer's transformers are known only at run time: any `name__param` under it
const ct = new ColumnTransformer({ transformers: [['num', new StandardScaler(), [0]]] });
export const nestedComposition = [
  new GridSearchCV({
    estimator: new Pipeline({
      steps: [
        ['ct', ct],
        ['clf', new CentroidClassifier()],
      ],
    }),
    paramGrid: { ct__num__withMean: [false], clf__temperature: [1] },
  }),
];

export const keys: (keyof NestedParams<typeof pipe>)[] = ['scaler__withStd', 'clf', 'memory'];
