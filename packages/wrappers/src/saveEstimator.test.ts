import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { ValueError } from '@scikeras/estimator-core';
import type { BuildContext } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { KerasRegressor } from './KerasRegressor';
import { loadEstimator } from './loadEstimator';
import { registerModel, unregisterModel } from './ModelRegistry';
import { saveEstimator } from './saveEstimator';
import { checkNoLeakPerTest } from './test-utils/backends';

tf.enableProdMode();

/** A 4-feature, 3-class problem, seeded. */
function blobs(n = 30): { X: number[][]; y: string[] } {
  let s = 7;
  const r = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
  const labels = ['setosa', 'versicolor', 'virginica'];
  const X: number[][] = [];
  const y: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    X.push([k + r(), r(), 2 - k + r(), r()]);
    y.push(labels[k]!);
  }
  return { X, y };
}

function mlp(ctx: BuildContext): tf.LayersModel {
  const { nFeaturesIn_, nClasses_, hidden = 8 } = ctx as BuildContext & { hidden?: number };
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
      nClasses_ === undefined
        ? tf.layers.dense({ units: 1 })
        : tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }),
    ],
  });
}

const registeredMlp = registerModel('w2-test-mlp', mlp);

function classifier(extra: Record<string, unknown> = {}): KerasClassifier {
  return new KerasClassifier({
    model: registeredMlp,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    metrics: ['accuracy'],
    epochs: 2,
    batchSize: 8,
    shuffle: false,
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

describe('saveEstimator', () => {
  checkNoLeakPerTest();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'w2-save-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(['cpu', 'wasm'])('on %s', (backend) => {
    beforeAll(async () => {
      await tf.setBackend(backend);
      await tf.ready();
    });

    it('round-trips a classifier through a directory with identical predictions', async () => {
      const { X, y } = blobs();
      const clf = await classifier().fit(X, y);
      const n0 = tf.memory().numTensors;
      await saveEstimator(clf, dir);
      expect(tf.memory().numTensors).toBe(n0);
      const manifest = JSON.parse(readFileSync(join(dir, 'estimator.json'), 'utf8'));
      expect(manifest).toMatchObject({
        format: 'scikeras-ts-estimator',
        formatVersion: 2,
        className: 'KerasClassifier',
      });
      expect(manifest.estimator.params.model).toEqual({
        $scikeras: 'function',
        name: 'w2-test-mlp',
        registered: true,
      });

      const loaded = await loadEstimator<KerasClassifier>(dir);
      expect(loaded).toBeInstanceOf(KerasClassifier);
      expect(loaded.getParams()).toEqual(clf.getParams());
      expect(loaded.classes_).toEqual(['setosa', 'versicolor', 'virginica']);
      expect(loaded.history_).toEqual(clf.history_);
      expect(loaded.currentEpoch_).toBe(2);
      expect(await loaded.predict(X)).toEqual(await clf.predict(X));
      expect(await loaded.predictProba(X)).toEqual(await clf.predictProba(X));
      expect(await loaded.score(X, y)).toBe(await clf.score(X, y));
      loaded.dispose();
      expect(tf.memory().numTensors).toBe(n0);
      clf.dispose();
    });

    it('round-trips a regressor through an in-memory artifact', async () => {
      const { X } = blobs(24);
      const y = X.map((r) => r[0]! * 2 - r[2]!);
      const reg = await new KerasRegressor({
        model: mlp,
        loss: 'mse',
        optimizer: 'sgd',
        epochs: 2,
        verbose: 0,
        randomState: 1,
      }).fit(X, y);
      const n0 = tf.memory().numTensors;
      const art = await saveEstimator(reg);
      expect(art.weightData).toBeInstanceOf(ArrayBuffer);
      expect(art.manifest.weights.byteLength).toBe(art.weightData.byteLength);
      const loaded = await loadEstimator<KerasRegressor>(art);
      expect(await loaded.predict(X)).toEqual(await reg.predict(X));
      loaded.dispose();
      expect(tf.memory().numTensors).toBe(n0);
      reg.dispose();
    });

    it('continues training with partialFit from the saved optimizer state', async () => {
      const { X, y } = blobs();
      const n0 = tf.memory().numTensors;
      const clf = await classifier().fit(X, y);
      const loaded = await loadEstimator<KerasClassifier>(await saveEstimator(clf));
      const iterations = (e: KerasClassifier): number =>
        (e.model_!.optimizer as unknown as { iterations: number }).iterations;
      expect(iterations(clf)).toBe(8); // 2 epochs x 4 batches of 8
      expect(iterations(loaded)).toBe(8);
      await clf.partialFit(X, y);
      await loaded.partialFit(X, y);
      expect(loaded.currentEpoch_).toBe(3);
      expect(loaded.history_!.loss).toHaveLength(3);
      expect(loaded.history_!.loss!.slice(0, 2)).toEqual(clf.history_!.loss!.slice(0, 2));
      expect(loaded.history_!.loss![2]).toBeCloseTo(clf.history_!.loss![2]!, 5);
      const a = (await clf.predictProba(X)) as number[][];
      const b = (await loaded.predictProba(X)) as number[][];
      b.forEach((row, i) => row.forEach((p, j) => expect(p).toBeCloseTo(a[i]![j]!, 5)));
      loaded.dispose();
      clf.dispose();
      expect(tf.memory().numTensors).toBe(n0);
    });
  });

  describe('on wasm', () => {
    beforeAll(async () => {
      await tf.setBackend('wasm');
    });

    it('loads without the build function and predicts; refitting says what to register', async () => {
      const { X, y } = blobs();
      const inline = (ctx: BuildContext): tf.LayersModel => mlp(ctx);
      const clf = await classifier({ model: inline }).fit(X, y);
      await saveEstimator(clf, dir);
      const loaded = await loadEstimator<KerasClassifier>(dir);
      expect(await loaded.predict(X)).toEqual(await clf.predict(X));
      const err = await loaded.fit(X, y).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValueError);
      expect((err as Error).message).toBe(
        "The 'model' parameter of this loaded KerasClassifier refers to the function 'inline', which is " +
          "not registered in this thread. Call registerFunction('inline', fn) (registerModel in @scikeras/wrappers) " +
          'before refitting, or setParams({ model: fn }).',
      );
      loaded.dispose();
      clf.dispose();
    });

    it('resolves a build function registered after loading, by its saved name', async () => {
      const { X, y } = blobs();
      const build = registerModel('w2-late', (ctx: BuildContext) => mlp(ctx));
      const clf = await classifier({ model: build }).fit(X, y);
      const art = await saveEstimator(clf);
      unregisterModel('w2-late');
      const loaded = await loadEstimator<KerasClassifier>(art);
      expect(await loaded.predict(X)).toEqual(await clf.predict(X));
      await expect(loaded.fit(X, y)).rejects.toThrow(
        "refers to the function 'w2-late', which is not registered",
      );
      registerModel('w2-late', build);
      await loaded.fit(X, y);
      expect(loaded.currentEpoch_).toBe(2);
      unregisterModel('w2-late');
      loaded.dispose();
      clf.dispose();
    });

    it('saves through a tfjs IOHandler, the manifest in userDefinedMetadata', async () => {
      const { X, y } = blobs();
      const clf = await classifier().fit(X, y);
      let stored: tf.io.ModelArtifacts | undefined;
      const handler: tf.io.IOHandler = {
        save: async (a) => {
          stored = a;
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        },
        load: async () => stored!,
      };
      await saveEstimator(clf, handler);
      expect(
        (stored!.userDefinedMetadata as { scikeras: { className: string } }).scikeras.className,
      ).toBe('KerasClassifier');
      const loaded = await loadEstimator<KerasClassifier>(handler);
      expect(await loaded.predictProba(X)).toEqual(await clf.predictProba(X));
      // The same artifacts are a plain tfjs model too.
      const plain = await tf.loadLayersModel(handler);
      const p = tf.tidy(() => (plain.predict(tf.tensor2d(X)) as tf.Tensor).arraySync());
      expect(p).toEqual(await clf.predictProba(X));
      plain.dispose();
      loaded.dispose();
      clf.dispose();
    });

    it('takes file:// URLs as directories and names a URL scheme it cannot save to', async () => {
      const est = classifier({ hidden: 4 });
      await saveEstimator(est, `file://${dir}`);
      expect((await loadEstimator<KerasClassifier>(`file://${dir}`)).getParams()).toEqual(
        est.getParams(),
      );
      await expect(saveEstimator(est, 'indexeddb://clf')).rejects.toThrow(
        new ValueError(
          "No tfjs save handler for 'indexeddb://clf' (found 0). Use a directory path in Node, " +
            "'indexeddb://' or 'localstorage://' in a browser, or pass an IOHandler.",
        ),
      );
    });

    it('keeps an unfitted estimator unfitted', async () => {
      const est = classifier({ hidden: 4 });
      const loaded = await loadEstimator<KerasClassifier>(await saveEstimator(est));
      expect(loaded.getParams()).toEqual(est.getParams());
      expect(loaded.model_).toBeUndefined();
      expect(Object.keys(loaded).filter((k) => k.endsWith('_'))).toEqual([]);
    });

    it('refuses a param that cannot be stored, naming it', async () => {
      const est = classifier({ callbacks: [new (class Logger {})()] });
      await expect(saveEstimator(est)).rejects.toThrow(
        new ValueError(
          "KerasClassifier cannot be saved: its parameter 'callbacks[0]' is an instance of Logger, which cannot be stored. " +
            'Use JSON values, typed arrays, Maps, Sets, registered functions (registerFunction), registered estimators, ' +
            'or a type a package taught the codec (registerCodecType) there.',
        ),
      );
    });
  });
});
