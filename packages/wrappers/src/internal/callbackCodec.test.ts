// Callbacks save and travel (issue 17 item 7): tfjs's own callbacks by their settings, registered
// classes by name and constructor argument, `{ onEpochEnd }` objects of registered functions.
import * as tf from '@tensorflow/tfjs';
import {
  ValueError,
  fromTravelSpec,
  registerFunction,
  toTravelSpec,
  unregisterFunction,
} from '@scikeras/estimator-core';
import type { BuildContext } from '../BaseWrapper';
import { KerasRegressor } from '../KerasRegressor';
import { loadEstimator } from '../loadEstimator';
import { registerModel } from '../ModelRegistry';
import { registerCallback, unregisterCallback } from '../registerCallback';
import { saveEstimator } from '../saveEstimator';
import { checkNoLeakPerTest } from '../test-utils/backends';

tf.enableProdMode();

const build = registerModel('w2-callback-codec', ({ nFeaturesIn_ }: BuildContext) =>
  tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [nFeaturesIn_] })] }),
);
const X = Array.from({ length: 16 }, (_, i) => [i / 16, (i % 4) / 4]);
const y = X.map(([a, b]) => 2 * a! - b!);

function regressor(extra: Record<string, unknown> = {}): KerasRegressor {
  return new KerasRegressor({
    model: build,
    loss: 'mse',
    optimizer: 'sgd',
    epochs: 20,
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

/** Save to memory and load back. */
async function reload<E>(est: E): Promise<E> {
  return loadEstimator<E>(await saveEstimator(est));
}

const epochsSeen: number[] = [];
const countEpoch = registerFunction(
  'w2-count-epoch',
  (epoch: number) => void epochsSeen.push(epoch),
);

/** Stops when the loss falls under a threshold; its constructor argument is its config. */
class StopBelow extends tf.Callback {
  constructor(readonly config: { threshold: number }) {
    super();
  }
  getConfig(): { threshold: number } {
    return this.config;
  }
  override async onEpochEnd(_epoch: number, logs?: tf.Logs): Promise<void> {
    if ((logs?.loss ?? Infinity) < this.config.threshold) this.model.stopTraining = true;
  }
}

/** A callback class without getConfig, registered with one. */
class EveryN extends tf.Callback {
  seen = 0;
  constructor(readonly n: number) {
    super();
  }
}

describe('callbacks in saved and traveling estimators', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('cpu');
    registerCallback('w2-StopBelow', StopBelow, { module: __filename });
    registerCallback('w2-EveryN', EveryN, { getConfig: (cb) => cb.n });
  });
  afterAll(() => {
    unregisterCallback('w2-StopBelow');
    unregisterCallback('w2-EveryN');
  });

  describe("tfjs's EarlyStopping", () => {
    it('keeps every setting and stops the loaded estimator early when it fits again', async () => {
      const es = tf.callbacks.earlyStopping({
        monitor: 'loss',
        minDelta: 100,
        patience: 1,
        mode: 'min',
        baseline: 1000,
        verbose: 0,
      });
      const est = await regressor({ callbacks: [es] }).fit(X, y);
      expect(est.history_!.loss).toHaveLength(2);
      const loaded = await reload(est);
      const back = (loaded.callbacks as tf.Callback[])[0]!;
      expect(back).toBeInstanceOf(tf.EarlyStopping);
      expect(back).not.toBe(es);
      for (const k of ['monitor', 'minDelta', 'patience', 'verbose', 'mode', 'baseline'])
        expect((back as unknown as Record<string, unknown>)[k]).toEqual(
          (es as unknown as Record<string, unknown>)[k],
        );
      await loaded.fit(X, y);
      expect(loaded.history_!.loss).toHaveLength(2);
      est.dispose();
      loaded.dispose();
    });

    it('keeps the defaults and a max mode', async () => {
      for (const es of [
        tf.callbacks.earlyStopping(),
        tf.callbacks.earlyStopping({ monitor: 'val_acc', mode: 'max', minDelta: 0.01 }),
      ]) {
        const back = (await reload(regressor({ callbacks: es })))
          .callbacks as unknown as tf.EarlyStopping;
        expect(back).toBeInstanceOf(tf.EarlyStopping);
        expect({ ...back, model: null, validationData: null }).toEqual({
          ...es,
          model: null,
          validationData: null,
        });
      }
    });
  });

  describe('registered callback classes', () => {
    it('are rebuilt from getConfig() and work when the loaded estimator fits', async () => {
      const est = regressor({ callbacks: { stop: new StopBelow({ threshold: 1e9 }) } });
      const loaded = await reload(est);
      const stop = (loaded.callbacks as Record<string, StopBelow>).stop!;
      expect(stop).toBeInstanceOf(StopBelow);
      expect(stop.config).toEqual({ threshold: 1e9 });
      await loaded.fit(X, y);
      expect(loaded.history_!.loss).toHaveLength(1);
      loaded.dispose();
    });

    it("use registerCallback's getConfig for classes without one", async () => {
      const back = (
        (await reload(regressor({ fit__callbacks: [new EveryN(3)] }))).getParams()
          .fit__callbacks as EveryN[]
      )[0]!;
      expect(back).toBeInstanceOf(EveryN);
      expect(back.n).toBe(3);
    });

    it('save as the class itself, built with callbacks__<i>__* params', async () => {
      const loaded = await reload(
        regressor({ callbacks: [StopBelow], callbacks__0__threshold: 1e9 }),
      );
      expect(loaded.callbacks).toEqual([StopBelow]);
      await loaded.fit(X, y);
      expect(loaded.history_!.loss).toHaveLength(1);
      loaded.dispose();
    });

    it('come back as a stand-in where the class is not registered: it predicts, fitting says what to register', async () => {
      const fitted = await regressor({
        epochs: 1,
        callbacks: [new StopBelow({ threshold: 0.5 })],
      }).fit(X, y);
      const art = await saveEstimator(fitted);
      fitted.dispose();
      unregisterCallback('w2-StopBelow');
      try {
        const loaded = await loadEstimator<KerasRegressor>(art);
        expect(await loaded.predict(X)).toHaveLength(16);
        await expect(loaded.fit(X, y)).rejects.toThrow(
          new ValueError(
            "The parameter 'callbacks[0]' of this loaded KerasRegressor is a 'w2-StopBelow' callback, whose class is not registered in this thread. " +
              "Call registerCallback('w2-StopBelow', MyCallback, { module: import.meta.url }) before loading it, to fit it.",
          ),
        );
        // saved again, it keeps its name and config
        const again = (await saveEstimator(loaded)).manifest.estimator as {
          params: { callbacks: unknown[] };
        };
        expect(again.params.callbacks[0]).toEqual({
          $scikeras: 'callback',
          name: 'w2-StopBelow',
          config: { threshold: 0.5 },
        });
        loaded.dispose();
      } finally {
        registerCallback('w2-StopBelow', StopBelow, { module: __filename });
      }
      (await loadEstimator<KerasRegressor>(art)).dispose();
    });
  });

  describe('callback objects and CustomCallback', () => {
    afterEach(() => (epochsSeen.length = 0));

    it('save a { onEpochEnd } object of registered functions, which runs after loading', async () => {
      const loaded = await reload(
        regressor({ epochs: 3, callbacks: [{ onEpochEnd: countEpoch }] }),
      );
      expect(loaded.callbacks).toEqual([{ onEpochEnd: countEpoch }]);
      await loaded.fit(X, y);
      expect(epochsSeen).toEqual([0, 1, 2]);
      loaded.dispose();
    });

    it('save a tf.CustomCallback of registered functions', async () => {
      const loaded = await reload(
        regressor({ epochs: 2, callbacks: [new tf.CustomCallback({ onEpochEnd: countEpoch })] }),
      );
      expect((loaded.callbacks as unknown[])[0]).toBeInstanceOf(tf.CustomCallback);
      await loaded.fit(X, y);
      expect(epochsSeen).toEqual([0, 1]);
      loaded.dispose();
    });
  });

  describe('refuses the rest, naming the param and the fix', () => {
    it('an instance of an unregistered callback class', async () => {
      class Logger extends tf.Callback {}
      const est = regressor({ callbacks: [tf.callbacks.earlyStopping(), new Logger()] });
      await expect(saveEstimator(est)).rejects.toThrow(
        new ValueError(
          "KerasRegressor cannot be saved: its parameter 'callbacks[1]' is an instance of Logger, a callback class that is not registered. " +
            "Register its class with registerCallback('Logger', Logger, { module: import.meta.url }) and give it a getConfig() that " +
            "returns its constructor's argument, or pass the class itself (callbacks: [Logger]) with its arguments as callbacks__<i>__<arg> params.",
        ),
      );
    });

    it('a callback object whose function is not registered', async () => {
      const log = (): void => undefined;
      await expect(saveEstimator(regressor({ callbacks: [{ onEpochEnd: log }] }))).rejects.toThrow(
        new ValueError(
          "KerasRegressor cannot be saved: its parameter 'callbacks[0]' is a callback whose 'onEpochEnd' is the function 'log', which is not registered. " +
            "Register it with registerFunction('log', log, { module: import.meta.url }) (registerModel in @scikeras/wrappers), " +
            'or make the callback a class and register it with registerCallback.',
        ),
      );
      await expect(
        saveEstimator(
          regressor({
            fit__callbacks: [new tf.CustomCallback({ onTrainEnd: [() => undefined][0] })],
          }),
        ),
      ).rejects.toThrow(
        /its parameter 'fit__callbacks\[0\]' is a callback whose 'onTrainEnd' is an anonymous function, which is not registered\. Register it with registerFunction\('onEpochEnd'/,
      );
    });

    it('a registered class without getConfig', async () => {
      class Bare extends tf.Callback {}
      registerCallback('w2-Bare', Bare);
      try {
        await expect(saveEstimator(regressor({ callbacks: [new Bare()] }))).rejects.toThrow(
          new ValueError(
            "KerasRegressor cannot be saved: its parameter 'callbacks[0]' is an instance of the registered callback class 'w2-Bare', which has no getConfig(). " +
              "Give w2-Bare a getConfig() method that returns its constructor's argument, or pass registerCallback('w2-Bare', w2-Bare, { getConfig: (cb) => ... }).",
          ),
        );
      } finally {
        unregisterCallback('w2-Bare');
      }
    });

    it('a class registered without a module, for worker threads only', async () => {
      const est = regressor({ callbacks: [new EveryN(2)] });
      await expect(toTravelSpec(est)).rejects.toThrow(
        new ValueError(
          "KerasRegressor cannot be sent to a worker thread: its parameter 'callbacks[0]' is an instance of the callback class 'w2-EveryN', " +
            "registered without a module, so a worker thread cannot import it. Call registerCallback('w2-EveryN', w2-EveryN, { module: import.meta.url }) " +
            '(__filename in CommonJS) in the module that defines it, or use nJobs: 1.',
        ),
      );
    });
  });

  it('travel in a TravelSpec (what worker threads receive) with the registering module', async () => {
    const est = regressor({
      callbacks: [
        tf.callbacks.earlyStopping({ monitor: 'loss', patience: 2 }),
        new StopBelow({ threshold: 0.1 }),
        { onEpochEnd: countEpoch },
      ],
    });
    const spec = await toTravelSpec(est);
    expect(spec.modules).toEqual(expect.arrayContaining([`file://${__filename}`]));
    const back = await fromTravelSpec<KerasRegressor>(JSON.parse(JSON.stringify(spec)));
    const [es, stop, hooks] = back.callbacks as [
      tf.EarlyStopping,
      StopBelow,
      { onEpochEnd: unknown },
    ];
    expect(es).toBeInstanceOf(tf.EarlyStopping);
    expect(stop.config).toEqual({ threshold: 0.1 });
    expect(hooks.onEpochEnd).toBe(countEpoch);
    unregisterFunction('w2-unused');
  });
});
