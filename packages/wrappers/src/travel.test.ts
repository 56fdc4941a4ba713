import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { ValueError } from '@scikeras/estimator-core';
import type { BuildContext } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { KerasRegressor } from './KerasRegressor';
import { getRegisteredModel, registerModel, unregisterModel } from './ModelRegistry';
import {
  fromWrapperTravelSpec,
  toWrapperTravelSpec,
  type TravelSpec,
  type WrapperTravelState,
} from './travel';
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

describe('toWrapperTravelSpec', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('describes an unfitted estimator synchronously, the build function by name', () => {
    const spec = toWrapperTravelSpec(classifier({ model__hidden: 16 })) as TravelSpec;
    expect(spec).not.toBeInstanceOf(Promise);
    expect(spec.module).toBe('@scikeras/wrappers');
    expect(spec.exportName).toBe('KerasClassifier');
    expect(spec.params).toMatchObject({
      model: { $scikeras: 'function', name: 'w2-travel-mlp', registered: true },
      model__hidden: 16,
      epochs: 1,
    });
    expect(spec.state).toEqual({
      backend: 'wasm',
      setupModules: [],
    } satisfies WrapperTravelState);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('refuses an unregistered build function, saying how to register it', () => {
    const build = (ctx: BuildContext): tf.LayersModel => mlp(ctx);
    expect(() => toWrapperTravelSpec(classifier({ model: build }))).toThrow(
      new ValueError(
        "KerasClassifier cannot be sent to a worker thread: its parameter 'model' is the function 'build', which is not registered. " +
          "Functions travel by name: call registerModel('build', build, { module: import.meta.url }) in a module that only defines models " +
          '(worker threads import it), or use nJobs: 1.',
      ),
    );
  });

  it('asks a subclass where the worker can import it from', () => {
    class MyRegressor extends KerasRegressor {}
    expect(() => toWrapperTravelSpec(new MyRegressor({ model: mlp }))).toThrow(
      new ValueError(
        "MyRegressor cannot be sent to a worker thread: the worker must import the class, so give it static travel = { module: import.meta.url (or __filename), exportName: 'MyRegressor' } " +
          'in a module that only defines it, or use nJobs: 1.',
      ),
    );
    class Traveling extends KerasRegressor {
      static travel = { module: '/app/traveling.mjs', exportName: 'Traveling' };
    }
    const spec = toWrapperTravelSpec(new Traveling({ model: mlp })) as TravelSpec;
    expect([spec.module, spec.exportName]).toEqual(['/app/traveling.mjs', 'Traveling']);
  });
});

describe('fromWrapperTravelSpec', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('rebuilds an unfitted estimator with the same params', async () => {
    const est = classifier({ model__hidden: 16 });
    const spec = JSON.parse(JSON.stringify(toWrapperTravelSpec(est)));
    const back = await fromWrapperTravelSpec<KerasClassifier>(spec, KerasClassifier);
    expect(back).toBeInstanceOf(KerasClassifier);
    expect(back.getParams()).toEqual(est.getParams());
    expect(back.model).toBe(mlp);
  });

  it('carries a fitted estimator (asynchronously), predicting identically, without leaks', async () => {
    const n0 = tf.memory().numTensors;
    const est = await classifier().fit(X, y);
    const pending = toWrapperTravelSpec(est);
    expect(pending).toBeInstanceOf(Promise);
    // JSON-safe (weights in base64); jest's structuredClone returns objects of another realm.
    const spec = JSON.parse(JSON.stringify(await pending));
    expect(typeof (spec.state as WrapperTravelState).artifact!.weightData).toBe('string');
    const back = await fromWrapperTravelSpec<KerasClassifier>(spec, KerasClassifier);
    expect(await back.predictProba(X)).toEqual(await est.predictProba(X));
    expect(back.currentEpoch_).toBe(1);
    await back.partialFit(X, y);
    expect(back.currentEpoch_).toBe(2);
    back.dispose();
    est.dispose();
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('carries the trainer param with the other params', async () => {
    const spec = toWrapperTravelSpec(classifier({ trainer: 'modelFit' })) as TravelSpec;
    expect(spec.params).toMatchObject({ trainer: 'modelFit' });
    const back = await fromWrapperTravelSpec<KerasClassifier>(
      JSON.parse(JSON.stringify(spec)),
      KerasClassifier,
    );
    expect(back.trainer).toBe('modelFit');
  });

  it('switches this thread to the sender backend', async () => {
    const spec = toWrapperTravelSpec(classifier()) as TravelSpec;
    await tf.setBackend('cpu');
    await fromWrapperTravelSpec(spec, KerasClassifier);
    expect(tf.getBackend()).toBe('wasm');
  });

  it("keeps this thread's backend for a spec sent before the sender started one", async () => {
    const spec = toWrapperTravelSpec(classifier({ model__hidden: 8 })) as TravelSpec;
    const { backend, ...state } = spec.state as WrapperTravelState;
    expect(backend).toBe('wasm');
    await tf.setBackend('cpu');
    try {
      const back = await fromWrapperTravelSpec<KerasClassifier>(
        { ...spec, state },
        KerasClassifier,
      );
      expect(back).toBeInstanceOf(KerasClassifier);
      expect(back.getParams()).toEqual(classifier({ model__hidden: 8 }).getParams());
      expect(tf.getBackend()).toBe('cpu');
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('imports the setup modules that register the build functions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'w2-travel-'));
    try {
      const setup = join(dir, 'models.cjs');
      writeFileSync(
        setup,
        `const { registerModel } = require(${JSON.stringify(join(__dirname, 'ModelRegistry.ts'))});\n` +
          `registerModel('w2-remote', () => { throw new Error('remote build'); }, { module: __filename });\n`,
      );
      const remote = (): never => {
        throw new Error('local build');
      };
      registerModel('w2-remote', remote, { module: setup });
      const spec = toWrapperTravelSpec(classifier({ model: remote })) as TravelSpec;
      expect((spec.state as WrapperTravelState).setupModules).toEqual([setup]);
      unregisterModel('w2-remote'); // as in a fresh worker thread
      const back = await fromWrapperTravelSpec<KerasClassifier>(spec, KerasClassifier);
      expect(back.model).toBe(getRegisteredModel('w2-remote'));
      expect(() => (back.model as () => unknown)()).toThrow('remote build');
    } finally {
      unregisterModel('w2-remote');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to register when a function is missing in this thread', async () => {
    const spec = toWrapperTravelSpec(classifier()) as TravelSpec;
    (spec.params as Record<string, unknown>).model = {
      $scikeras: 'function',
      name: 'w2-nowhere',
      registered: true,
    };
    await expect(fromWrapperTravelSpec(spec, KerasClassifier)).rejects.toThrow(
      new ValueError(
        "KerasClassifier cannot be rebuilt in this thread: its parameter 'model' refers to the function 'w2-nowhere', which is not registered here. " +
          "Register it with registerModel('w2-nowhere', fn, { module: import.meta.url }) so that worker threads import the module that registers it.",
      ),
    );
  });
});
