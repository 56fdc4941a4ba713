// Typos caught at run time (issue 13 item 4b).
import * as tf from '@tensorflow/tfjs';
import { catchWarnings, type Params } from '@scikeras/estimator-core';
import { KerasClassifier, KerasRegressor, type BuildContext } from '../index';
import { FIT_KWARGS } from '../RoutedParams';
import {
  BACKENDS,
  checkNoLeakPerTest,
  classificationData,
  mlp,
  useTestBackend,
} from '../test-utils/backends';
import { findUnusedParams } from './unusedParams';

const { X, y } = classificationData(12, 3, [0, 1, 2]);
const declared = new Set(['epochs', 'batchSize', 'model', 'loss', 'optimizer']);

function unused(
  params: Params,
  reads: string[] = [],
  extra: Partial<Parameters<typeof findUnusedParams>[0]> = {},
) {
  return findUnusedParams({
    params,
    declared,
    reads: new Set(reads),
    enumerated: false,
    fitKwargs: FIT_KWARGS,
    classDestinations: new Set(),
    ...extra,
  });
}

/** A build function typed to take `hidden` (it reads it). */
const build = (ctx: BuildContext<{ hidden: number }>): tf.LayersModel => mlp(ctx);

describe('findUnusedParams', () => {
  it('reports extras and model__ keys the build function did not read, with the closest name', () => {
    expect(unused({ epochs: 2, epoch: 5 })).toEqual([{ name: 'epoch', suggestion: 'epochs' }]);
    expect(unused({ hiden: 3 }, ['hidden'])).toEqual([{ name: 'hiden', suggestion: 'hidden' }]);
    expect(unused({ model__hiden: 3 }, ['hidden'])).toEqual([
      { name: 'model__hiden', suggestion: 'model__hidden' },
    ]);
    expect(unused({ hidden: 3, model__units: 4 }, ['hidden', 'units'])).toEqual([]);
    expect(unused({ model__units: 4 }, ['model__units'])).toEqual([]);
    expect(unused({ zzz: 1 })).toEqual([{ name: 'zzz' }]);
  });

  it('counts every model param as read when the context was enumerated', () => {
    expect(unused({ epoch: 5, model__x: 1 }, [], { enumerated: true })).toEqual([]);
  });

  it('reports routed keys no destination takes', () => {
    expect(unused({ fit__batchsize: 8, fit__epochs: 2, fit__callbacks: [] })).toEqual([
      { name: 'fit__batchsize', suggestion: 'fit__batchSize' },
    ]);
    expect(unused({ predict__batchSize: 8, predict__verbos: 0 })).toEqual([
      { name: 'predict__verbos', suggestion: 'predict__verbose' },
    ]);
    expect(unused({ compile__los: 'mse' })).toEqual([
      { name: 'compile__los', suggestion: 'compile__loss' },
    ]);
    expect(unused({ optimiser__learningRate: 0.1 })).toEqual([
      { name: 'optimiser__learningRate', suggestion: 'optimizer__learningRate' },
    ]);
    expect(unused({ optimizer__learningRate: 0.1, score__multioutput: 'raw_values' })).toEqual([]);
  });

  it('loss__, metrics__ and callbacks__ are used only when a class takes them', () => {
    expect(unused({ loss__delta: 1 })).toEqual([{ name: 'loss__delta' }]);
    expect(unused({ loss__delta: 1 }, [], { classDestinations: new Set(['loss']) })).toEqual([]);
    expect(unused({ callbacks__0__patience: 1 })).toEqual([{ name: 'callbacks__0__patience' }]);
  });
});

describe('unused params at run time', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    it('`epoch` (a typo of `epochs`) gives one warning and trains the default 1 epoch', async () => {
      const est = new KerasClassifier<{ epoch: number }>({
        model: mlp,
        loss: 'sparse_categorical_crossentropy',
        verbose: 0,
        epoch: 5,
      });
      const { warnings } = await catchWarnings(() => est.fit(X, y));
      expect(warnings).toEqual([
        {
          category: 'UserWarning',
          message:
            "Parameter 'epoch' of KerasClassifier was not used by this fit: the model-building function did not read it and no routing consumed it. Did you mean 'epochs'?",
        },
      ]);
      expect(est.history_!.loss).toHaveLength(1);
      // a warm fit builds nothing and warns no more
      est.setParams({ warmStart: true });
      expect((await catchWarnings(() => est.fit(X, y))).warnings).toEqual([]);
      est.dispose();
    });

    it('suggests the name the build function read', async () => {
      const est = new KerasClassifier<{ hiden: number }>({
        model: build as never,
        loss: 'sparse_categorical_crossentropy',
        verbose: 0,
        hiden: 4,
        model__hiden: 4,
      });
      const { warnings } = await catchWarnings(() => est.fit(X, y));
      expect(warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/^Parameter 'hiden' .* Did you mean 'hidden'\?$/),
        expect.stringMatching(/^Parameter 'model__hiden' .* Did you mean 'model__hidden'\?$/),
      ]);
      est.dispose();
    });

    it('params read by the build function, through ctx.params, by spreading, or routed give none', async () => {
      const cases: [Record<string, unknown>, (ctx: BuildContext<Params>) => tf.LayersModel][] = [
        [{ hidden: 4 }, (ctx) => mlp(ctx)],
        [{ model__hidden: 4 }, (ctx) => mlp(ctx)],
        [{ units: 4 }, (ctx) => mlp({ ...ctx, hidden: ctx.params.units })],
        [{ whatever: 4 }, (ctx) => mlp({ ...ctx })],
        [
          { fit__shuffle: false, predict__batchSize: 4, optimizer__learningRate: 0.01 },
          (ctx) => mlp(ctx),
        ],
      ];
      for (const [params, model] of cases) {
        const est = new KerasRegressor<Params>({ model, loss: 'mse', verbose: 0, ...params });
        const { warnings } = await catchWarnings(() => est.fit(X, y));
        expect([params, warnings]).toEqual([params, []]);
        est.dispose();
      }
    });

    it('a prebuilt model reads no extra param', async () => {
      const user = mlp({ nFeaturesIn_: 3 });
      const est = new KerasRegressor<{ hidden: number }>({
        model: user,
        loss: 'mse',
        verbose: 0,
        hidden: 3,
      });
      const { warnings } = await catchWarnings(() => est.fit(X, y));
      expect(warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/^Parameter 'hidden' of KerasRegressor was not used/),
      ]);
      est.dispose();
      user.dispose();
    });
  });
});
