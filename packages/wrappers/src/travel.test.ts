// A wrapper estimator through estimator-core's TravelSpec (what model-selection's worker threads
// receive): classes and build functions by registered name, fitted models as base64 weights, the
// sender's tfjs backend mirrored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {
  ValueError,
  fromTravelSpec,
  registerEstimator,
  toTravelSpec,
  type TravelSpec,
} from '@scikeras/estimator-core';
import type { BuildContext } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { KerasRegressor } from './KerasRegressor';
import { getRegisteredModel, registerModel, unregisterModel } from './ModelRegistry';
import { checkNoLeakPerTest } from './test-utils/backends';

tf.enableProdMode();

function mlp({ nFeaturesIn_, nClasses_ }: BuildContext): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }),
    ],
  });
}
registerModel('w2-travel-mlp', mlp);

const X = Array.from({ length: 12 }, (_, i) => [i % 3, (i * 7) % 5, i / 12]);
const y = X.map((_, i) => i % 3);
const WRAPPERS_URL = pathToFileURL(join(__dirname, '..', 'dist', 'index.mjs')).href;

function classifier(extra: Record<string, unknown> = {}): KerasClassifier {
  return new KerasClassifier({
    model: mlp,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    epochs: 1,
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

describe('toTravelSpec of a wrapper', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('describes an unfitted estimator: class and build function by name, the module, the backend', async () => {
    const spec = await toTravelSpec(classifier({ model__hidden: 16 }));
    expect(spec.modules).toEqual([WRAPPERS_URL]);
    expect(spec.environment).toEqual({ 'tfjs.backend': 'wasm' });
    expect(spec.buffers).toEqual([]);
    expect(spec.value).toMatchObject({
      $scikeras: 'estimator',
      className: 'KerasClassifier',
      params: {
        model: { $scikeras: 'function', name: 'w2-travel-mlp', registered: true },
        model__hidden: 16,
        epochs: 1,
      },
      fitted: {},
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('refuses an unregistered build function, saying how to register it', async () => {
    const build = (ctx: BuildContext): tf.LayersModel => mlp(ctx);
    await expect(toTravelSpec(classifier({ model: build }))).rejects.toThrow(
      new ValueError(
        "KerasClassifier cannot be sent to a worker thread: its parameter 'model' is the function 'build', which is not registered. " +
          "Functions travel by name: call registerFunction('build', build, { module: import.meta.url }) (registerModel in " +
          '@scikeras/wrappers) in a module that only defines functions (worker threads import it), or use nJobs: 1.',
      ),
    );
  });

  it('asks a subclass for its name and module', async () => {
    class MyRegressor extends KerasRegressor {}
    await expect(toTravelSpec(new MyRegressor({ model: mlp }))).rejects.toThrow(
      'MyRegressor cannot be sent to a worker thread: its class (MyRegressor) is not registered, and a class is stored by its ' +
        "registered name (a minifier renames classes). Give it its own static estimatorName = 'MyRegressor' and call " +
        'registerEstimator(MyRegressor, { module: import.meta.url }) in the module that defines it.',
    );
    class Traveling extends KerasRegressor {
      static override estimatorName = 'W2Traveling';
    }
    registerEstimator(Traveling, { module: '/app/traveling.mjs' });
    const spec = await toTravelSpec(new Traveling({ model: mlp }));
    expect(spec.modules).toEqual(['file:///app/traveling.mjs']);
    expect((spec.value as { className: string }).className).toBe('W2Traveling');
  });
});

describe('fromTravelSpec of a wrapper', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('rebuilds an unfitted estimator with the same params', async () => {
    const est = classifier({ model__hidden: 16 });
    const spec = JSON.parse(JSON.stringify(await toTravelSpec(est)));
    const back = await fromTravelSpec<KerasClassifier>(spec);
    expect(back).toBeInstanceOf(KerasClassifier);
    expect(back.getParams()).toEqual(est.getParams());
    expect(back.model).toBe(mlp);
  });

  it('carries a fitted estimator, its weights in base64, predicting identically, without leaks', async () => {
    const n0 = tf.memory().numTensors;
    const est = await classifier().fit(X, y);
    const spec: TravelSpec = JSON.parse(JSON.stringify(await toTravelSpec(est)));
    expect(spec.buffers).toHaveLength(1);
    expect(typeof spec.buffers[0]).toBe('string');
    const back = await fromTravelSpec<KerasClassifier>(spec);
    expect(await back.predictProba(X)).toEqual(await est.predictProba(X));
    expect(back.currentEpoch_).toBe(1);
    await back.partialFit(X, y);
    expect(back.currentEpoch_).toBe(2);
    back.dispose();
    est.dispose();
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('carries the trainer param with the other params', async () => {
    const spec = await toTravelSpec(classifier({ trainer: 'modelFit' }));
    expect((spec.value as { params: Record<string, unknown> }).params).toMatchObject({
      trainer: 'modelFit',
    });
    const back = (await fromTravelSpec(JSON.parse(JSON.stringify(spec)))) as KerasClassifier;
    expect(back.trainer).toBe('modelFit');
  });

  it("switches this thread to the sender's backend", async () => {
    const spec = await toTravelSpec(classifier());
    await tf.setBackend('cpu');
    try {
      await fromTravelSpec(spec);
      expect(tf.getBackend()).toBe('wasm');
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it("keeps this thread's backend for a spec sent before the sender started one", async () => {
    const spec = await toTravelSpec(classifier({ model__hidden: 8 }));
    await tf.setBackend('cpu');
    try {
      const back = await fromTravelSpec<KerasClassifier>({ ...spec, environment: {} });
      expect(back.getParams()).toEqual(classifier({ model__hidden: 8 }).getParams());
      expect(tf.getBackend()).toBe('cpu');
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('imports the modules that register the build functions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'w2-travel-'));
    try {
      const setup = join(dir, 'models.cjs');
      writeFileSync(
        setup,
        `const { registerModel } = require(${JSON.stringify(join(__dirname, 'ModelRegistry.ts'))});\n` +
          `registerModel('w2-remote', () => { throw new Error('remote build'); }, { module: __filename });\n`,
      );
      const remote = registerModel('w2-remote', (): never => {
        throw new Error('local build');
      });
      const spec = await toTravelSpec(classifier({ model: remote }));
      expect(spec.modules).toEqual([WRAPPERS_URL]);
      // as the sending thread would have, had `setup` registered the function there
      spec.modules.push(pathToFileURL(setup).href);
      unregisterModel('w2-remote'); // as in a fresh worker thread
      const back = await fromTravelSpec<KerasClassifier>(spec);
      expect(back.model).toBe(getRegisteredModel('w2-remote'));
      expect(() => (back.model as () => unknown)()).toThrow('remote build');
    } finally {
      unregisterModel('w2-remote');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
