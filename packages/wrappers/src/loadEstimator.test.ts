import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import type { BuildContext } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { loadEstimator } from './loadEstimator';
import { registerModel } from './ModelRegistry';
import { saveEstimator, type EstimatorArtifact } from './saveEstimator';
import { checkNoLeakPerTest } from './test-utils/backends';

tf.enableProdMode();

const build = registerModel('w2-load-test', ({ nFeaturesIn_, nClasses_ }: BuildContext) =>
  tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }),
    ],
  }),
);

const X = Array.from({ length: 12 }, (_, i) => [i % 3, (i * 7) % 5, i / 12]);
const y = X.map((_, i) => (i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b' : 'c'));

/** A manifest edited and re-hashed, as someone who knows the format would. */
function rehash(manifest: Record<string, unknown>): Record<string, unknown> {
  const { sha256: _drop, ...rest } = manifest;
  return { ...rest, sha256: createHash('sha256').update(JSON.stringify(rest)).digest('hex') };
}

function copyArtifact(art: EstimatorArtifact): { manifest: any; weightData: ArrayBuffer } {
  return {
    manifest: JSON.parse(JSON.stringify(art.manifest)),
    weightData: art.weightData.slice(0),
  };
}

describe('loadEstimator', () => {
  checkNoLeakPerTest();
  let dir: string;
  let clf: KerasClassifier;
  let art: EstimatorArtifact;
  let file: string;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    clf = await new KerasClassifier({
      model: build,
      loss: 'sparse_categorical_crossentropy',
      optimizer: 'adam',
      epochs: 1,
      verbose: 0,
      randomState: 0,
    }).fit(X, y);
  });
  afterAll(() => clf.dispose());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'w2-load-'));
    art = await saveEstimator(clf, dir);
    file = join(dir, 'estimator.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Loading fails with `message` and leaves no tensor behind. */
  async function expectLoadError(
    source: Parameters<typeof loadEstimator>[0],
    message: string | RegExp,
    options = {},
  ): Promise<void> {
    const n0 = tf.memory().numTensors;
    const err = await loadEstimator(source, options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValueError);
    if (typeof message === 'string') expect((err as Error).message).toBe(message);
    else expect((err as Error).message).toMatch(message);
    expect(tf.memory().numTensors).toBe(n0);
  }

  describe('a prebuilt model param', () => {
    it('comes back as a new model that belongs to the caller: dispose() frees model_, model.dispose() the rest', async () => {
      const n0 = tf.memory().numTensors;
      const prebuilt = build({ nFeaturesIn_: 3, nClasses_: 3 } as BuildContext);
      prebuilt.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
      const est = await new KerasClassifier({
        model: prebuilt,
        epochs: 1,
        verbose: 0,
        randomState: 0,
      }).fit(X, y);
      const saved = await saveEstimator(est);
      const loaded = await loadEstimator<KerasClassifier>(saved);
      const rebuilt = loaded.getParams().model as tf.LayersModel;
      expect(rebuilt).not.toBe(prebuilt);
      expect(await loaded.predict(X)).toEqual(await est.predict(X));
      est.dispose();
      prebuilt.dispose();
      loaded.dispose();
      // the rebuilt param is the caller's, as the prebuilt one was: dispose() leaves it usable
      expect(tf.tidy(() => (rebuilt.predict(tf.zeros([1, 3])) as tf.Tensor).shape)).toEqual([1, 3]);
      rebuilt.dispose();
      expect(tf.memory().numTensors).toBe(n0);
    });
  });

  describe('corrupted or modified files', () => {
    it('rejects an edited manifest', async () => {
      writeFileSync(file, readFileSync(file, 'utf8').replace('"epochs": 1', '"epochs": 100'));
      await expectLoadError(
        dir,
        `The saved estimator '${file}' is corrupted or was modified after it was saved: the SHA-256 of its manifest does not match.`,
      );
    });

    it('rejects a truncated manifest', async () => {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.length >> 1));
      await expectLoadError(
        dir,
        new RegExp(
          `^The saved estimator '${file}' is corrupted or was modified after it was saved: it is not valid JSON \\(`,
        ),
      );
    });

    it('rejects truncated weights', async () => {
      const w = readFileSync(join(dir, 'weights.bin'));
      writeFileSync(join(dir, 'weights.bin'), w.subarray(0, w.length - 4));
      await expectLoadError(
        dir,
        `The saved estimator '${file}' is corrupted or was modified after it was saved: the weights hold ${w.length - 4} bytes, the manifest says ${w.length}.`,
      );
    });

    it('rejects modified weights', async () => {
      const w = readFileSync(join(dir, 'weights.bin'));
      w[5] = (w[5]! + 1) % 256;
      writeFileSync(join(dir, 'weights.bin'), w);
      await expectLoadError(
        dir,
        `The saved estimator '${file}' is corrupted or was modified after it was saved: the SHA-256 of its weights does not match.`,
      );
    });

    it('rejects a modified in-memory artifact', async () => {
      const bad = copyArtifact(art);
      const bytes = new Uint8Array(bad.weightData);
      bytes[0] = bytes[0]! ^ 1;
      await expectLoadError(
        bad,
        'The estimator artifact is corrupted or was modified after it was saved: the SHA-256 of its weights does not match.',
      );
    });

    it('rejects a re-hashed manifest whose weight specs do not fit the weights', async () => {
      const bad = copyArtifact(art);
      bad.manifest.estimator.fitted.model_.weightSpecs[0].shape = [999, 4];
      bad.manifest = rehash(bad.manifest);
      await expectLoadError(
        bad,
        /^The estimator artifact is corrupted or was modified after it was saved: the weight specs of fitted attribute 'model_' do not add up to its \d+ bytes\.$/,
      );
    });

    it('rejects a manifest with a missing field', async () => {
      const bad = copyArtifact(art);
      delete bad.manifest.buffers;
      await expectLoadError(
        bad,
        "The estimator artifact is corrupted or was modified after it was saved: 'buffers' is missing.",
      );
    });

    it('rejects a buffer that points outside the weights', async () => {
      const bad = copyArtifact(art);
      bad.manifest.buffers[0].byteLength += 1;
      bad.manifest = rehash(bad.manifest);
      await expectLoadError(
        bad,
        'The estimator artifact is corrupted or was modified after it was saved: buffers[0] points outside the weights.',
      );
    });

    it('reports a value nested 3000 levels deep as corrupted, never as a RangeError', async () => {
      const bad = copyArtifact(art);
      bad.manifest.estimator.params.callbacks = JSON.parse('['.repeat(3000) + ']'.repeat(3000));
      bad.manifest = rehash(bad.manifest);
      await expectLoadError(
        bad,
        /^The estimator artifact is corrupted or was modified after it was saved: parameter 'callbacks(\[0\])+\.\.\.' is nested deeper than 200 levels\.$/,
      );
    });

    it.each(['__proto__', 'constructor', 'toString', 'predict'])(
      'refuses the param name %p from the file',
      async (name) => {
        const bad = copyArtifact(art);
        const text = JSON.stringify(bad.manifest).replace(
          '"warmStart":',
          `${JSON.stringify(name)}:`,
        );
        bad.manifest = rehash(JSON.parse(text));
        const n0 = tf.memory().numTensors;
        const err = await loadEstimator(bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InvalidParameterError);
        expect((err as Error).message).toBe(
          `Invalid parameter '${name}' for estimator KerasClassifier: every KerasClassifier already has a property '${name}' ` +
            '(a method, an accessor, or one every JavaScript object has), so it cannot be a parameter.',
        );
        expect(tf.memory().numTensors).toBe(n0);
      },
    );

    it('refuses a fitted attribute that would shadow a method', async () => {
      const bad = copyArtifact(art);
      bad.manifest.estimator.fitted.predict = 1;
      bad.manifest = rehash(bad.manifest);
      await expectLoadError(
        bad,
        "The estimator artifact is corrupted or was modified after it was saved: 'predict' is not a fitted attribute name of KerasClassifier.",
      );
    });
  });

  describe('sources that are not saved estimators', () => {
    it('names a missing directory', async () => {
      const missing = join(dir, 'nope');
      await expectLoadError(
        missing,
        `No saved estimator in '${missing}': estimator.json is missing. Save one with saveEstimator(est, '${missing}').`,
      );
    });

    it('rejects another format', async () => {
      const bad = copyArtifact(art);
      bad.manifest.format = 'keras';
      await expectLoadError(
        bad,
        "The estimator artifact is not a saved scikeras-ts estimator: its 'format' is \"keras\", expected 'scikeras-ts-estimator'. " +
          'Save estimators with saveEstimator; load plain tfjs models with tf.loadLayersModel.',
      );
    });

    it('asks for an upgrade for a newer format version', async () => {
      const bad = copyArtifact(art);
      bad.manifest.formatVersion = 3;
      await expectLoadError(
        bad,
        'The estimator artifact was written in format version 3, newer than this @scikeras/wrappers reads (2). Upgrade @scikeras/wrappers to load it.',
      );
    });

    it('explains that a plain tfjs model is not an estimator', async () => {
      const model = clf.model_!;
      let stored: tf.io.ModelArtifacts | undefined;
      await model.save(
        tf.io.withSaveHandler(
          async (a) => (
            (stored = a),
            { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
          ),
        ),
      );
      await expectLoadError(
        tf.io.fromMemory(stored!),
        "The saved estimator (IOHandler) is a plain tfjs model, not a saved scikeras-ts estimator (no 'scikeras' entry in its userDefinedMetadata). " +
          'Load it with tf.loadLayersModel, or wrap it: new KerasClassifier({ model }).',
      );
    });
  });

  describe('format version 1', () => {
    const fixture = join(__dirname, '__fixtures__', 'v1-classifier');
    registerModel('v1-fixture-mlp', ({ nFeaturesIn_, nClasses_ }: BuildContext) =>
      tf.sequential({
        layers: [
          tf.layers.dense({ units: 3, activation: 'relu', inputShape: [nFeaturesIn_] }),
          tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }),
        ],
      }),
    );

    it('loads a file the previous saveEstimator wrote, predicting as it did, and trains on', async () => {
      const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8'));
      expect(JSON.parse(readFileSync(join(fixture, 'estimator.json'), 'utf8')).formatVersion).toBe(
        1,
      );
      const n0 = tf.memory().numTensors;
      const loaded = await loadEstimator<KerasClassifier>(fixture);
      expect(loaded).toBeInstanceOf(KerasClassifier);
      expect(loaded.currentEpoch_).toBe(2);
      expect(await loaded.predict(expected.X)).toEqual(expected.predict);
      const proba = (await loaded.predictProba(expected.X)) as number[][];
      proba.forEach((row, i) =>
        row.forEach((p, j) => expect(p).toBeCloseTo(expected.proba[i][j], 6)),
      );
      await loaded.partialFit(expected.X, expected.y);
      expect(loaded.currentEpoch_).toBe(3);
      const again = await loadEstimator<KerasClassifier>(await saveEstimator(loaded));
      expect(await again.predict(expected.X)).toEqual(await loaded.predict(expected.X));
      again.dispose();
      loaded.dispose();
      expect(tf.memory().numTensors).toBe(n0);
    });
  });

  describe('registry', () => {
    class MyClassifier extends KerasClassifier {}

    function asSubclass(name: string): { manifest: any; weightData: ArrayBuffer } {
      const bad = copyArtifact(art);
      bad.manifest.className = name;
      bad.manifest.estimator.className = name;
      bad.manifest = rehash(bad.manifest);
      return bad;
    }

    it('needs a subclass in registry.classes, and loads it from there', async () => {
      await expectLoadError(
        asSubclass('MyClassifier'),
        /^Cannot load the estimator: its class 'MyClassifier' is not in the registry of classes \(known: BaseWrapper, .*KerasClassifier, KerasRegressor.*\)\. Register it with registerEstimator\(MyClassifier\) before loading, or pass it as loadEstimator\(source, \{ registry: \{ classes: \{ MyClassifier \} \} \}\)\.$/,
      );
      const loaded = await loadEstimator<MyClassifier>(asSubclass('MyClassifier'), {
        registry: { classes: { MyClassifier } },
      });
      expect(loaded).toBeInstanceOf(MyClassifier);
      expect(await loaded.predict(X)).toEqual(await clf.predict(X));
      loaded.dispose();
    });

    it.each(['constructor', '__proto__', 'toString'])(
      'never resolves the class name %p from prototypes',
      async (name) => {
        await expectLoadError(
          asSubclass(name),
          new RegExp(
            `^Cannot load the estimator: its class '${name}' is not in the registry of classes`,
          ),
        );
      },
    );

    it('takes build functions from registry.models', async () => {
      const bad = copyArtifact(art);
      bad.manifest.estimator.params.model = {
        $scikeras: 'function',
        name: 'elsewhere',
        registered: true,
      };
      bad.manifest = rehash(bad.manifest);
      const other = (): never => {
        throw new Error('not called');
      };
      const loaded = await loadEstimator<KerasClassifier>(bad, {
        registry: { models: { elsewhere: other } },
      });
      expect(loaded.model).toBe(other);
      loaded.dispose();
    });

    it('treats a function name from the file as a name only', async () => {
      const bad = copyArtifact(art);
      bad.manifest.estimator.params.model = {
        $scikeras: 'function',
        name: 'constructor',
        registered: true,
      };
      bad.manifest = rehash(bad.manifest);
      const loaded = await loadEstimator<KerasClassifier>(bad);
      expect(() => (loaded.model as () => unknown)()).toThrow(
        "The 'model' parameter of this loaded KerasClassifier refers to the function 'constructor', which is not registered in this thread.",
      );
      loaded.dispose();
    });
  });
});
