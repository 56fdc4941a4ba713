// Loading is bounded: the topology of a saved model is checked against its weights before tfjs
// builds anything (issue 13 item 8), and every built-in layer round-trips unchanged.
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { ValueError, decodeValue, encodeValue } from '@scikeras/estimator-core';
import type { BuildContext } from '../BaseWrapper';
import { KerasClassifier } from '../KerasClassifier';
import { loadEstimator } from '../loadEstimator';
import { registerModel } from '../ModelRegistry';
import { saveEstimator, type EstimatorArtifact } from '../saveEstimator';
import { BACKENDS, checkNoLeakPerTest, useTestBackend } from '../test-utils/backends';
import { MODEL_ZOO, disposeFully } from '../test-utils/modelZoo';
import { installTfjsCodec } from './tfjsCodec';

installTfjsCodec();
tf.enableProdMode();

const build = registerModel('w2-bounded-load', ({ nFeaturesIn_, nClasses_ }: BuildContext) =>
  tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }),
    ],
  }),
);
const X = Array.from({ length: 12 }, (_, i) => [i % 3, (i * 7) % 5, i / 12]);
const y = X.map((_, i) => ['a', 'b', 'c'][i % 3]!);

/** A manifest edited and re-hashed, as an attacker who knows the format would. */
function rehash(manifest: Record<string, unknown>): Record<string, unknown> {
  const { sha256: _drop, ...rest } = manifest;
  return { ...rest, sha256: createHash('sha256').update(JSON.stringify(rest)).digest('hex') };
}

/** A copy of an artifact with its manifest edited (and re-hashed) and its weights replaced. */
function tampered(
  art: EstimatorArtifact,
  edit: (model: any, manifest: any) => void,
  weights?: ArrayBuffer,
): { manifest: any; weightData: ArrayBuffer } {
  const manifest = JSON.parse(JSON.stringify(art.manifest));
  edit(manifest.estimator.fitted.model_, manifest);
  const weightData = weights ?? art.weightData.slice(0);
  manifest.weights.byteLength = weightData.byteLength;
  manifest.weights.sha256 = createHash('sha256').update(new Uint8Array(weightData)).digest('hex');
  return { manifest: rehash(manifest), weightData };
}

/** An input batch of 2 for each of a model's inputs (small integers: valid for embeddings too). */
function inputsFor(model: tf.LayersModel): tf.Tensor[] {
  return model.inputs.map((inp) => {
    const shape = inp.shape.map((d, i) => (i === 0 ? 2 : d!)) as number[];
    const n = shape.reduce((a, b) => a * b, 1);
    return tf.tensor(
      Array.from({ length: n }, (_, i) => (i * 7) % 4),
      shape,
    );
  });
}

async function predictions(model: tf.LayersModel, xs: tf.Tensor[]): Promise<unknown> {
  const out = model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor | tf.Tensor[];
  const list = Array.isArray(out) ? out : [out];
  const values = await Promise.all(list.map((t) => t.array()));
  tf.dispose(list);
  return values;
}

describe('loading a saved model is bounded', () => {
  checkNoLeakPerTest();

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    let clf: KerasClassifier;
    let art: EstimatorArtifact;
    beforeAll(async () => {
      clf = await new KerasClassifier({
        model: build,
        loss: 'sparse_categorical_crossentropy',
        optimizer: 'adam',
        epochs: 1,
        verbose: 0,
        randomState: 0,
      }).fit(X, y);
      art = await saveEstimator(clf);
    });
    afterAll(() => clf.dispose());

    it('rejects units rewritten to 1e8 (checksums rewritten) in well under a second, holding no memory', async () => {
      const bad = tampered(art, (m) => (m.modelTopology.config.layers[0].config.units = 1e8));
      const layer = bad.manifest.estimator.fitted.model_.modelTopology.config.layers[0].config.name;
      global.gc?.();
      const rss0 = process.memoryUsage().rss;
      const heap0 = process.memoryUsage().heapUsed;
      const peak0 = process.resourceUsage().maxRSS;
      const n0 = tf.memory().numTensors;
      const bytes0 = tf.memory().numBytes;
      const err = await loadEstimator(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValueError);
      expect((err as Error).message).toBe(
        "The estimator artifact is corrupted or was modified after it was saved: the model of fitted attribute 'model_' is invalid: " +
          `layer '${layer}' (Dense) creates the weight '${layer}/kernel' with the shape [3,100000000], ` +
          'but the weight manifest gives it the shape [3,4].',
      );
      // generous bounds: before the check, this file made tfjs allocate 2.4 GB (3.8 GB resident on wasm)
      expect(process.resourceUsage().maxRSS - peak0).toBeLessThan(100 * 1024);
      expect(process.memoryUsage().rss - rss0).toBeLessThan(100 * 2 ** 20);
      expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(50 * 2 ** 20);
      expect(tf.memory().numTensors).toBe(n0);
      expect(tf.memory().numBytes).toBe(bytes0);
    });

    it('rejects a truncated weights buffer', async () => {
      const short = art.weightData.slice(0, art.weightData.byteLength - 8);
      const bad = tampered(art, (_m, manifest) => (manifest.buffers[0].byteLength -= 8), short);
      await expect(loadEstimator(bad)).rejects.toThrow(
        /^The estimator artifact is corrupted or was modified after it was saved: the weight specs of fitted attribute 'model_' do not add up to its \d+ bytes\.$/,
      );
    });

    it('rejects a manifest whose weight order was swapped', async () => {
      const bad = tampered(art, (m) => {
        const s = m.weightSpecs;
        [s[0], s[1]] = [s[1], s[0]];
      });
      await expect(loadEstimator(bad)).rejects.toThrow(
        /is invalid: layer '(.*)' \(Dense\): the weight manifest stores '\1\/bias' before '\1\/kernel', but the layer creates them in the other order\.$/,
      );
    });

    it('rejects shapes swapped between two weights', async () => {
      const bad = tampered(art, (m) => {
        const s = m.weightSpecs;
        [s[0].shape, s[2].shape] = [s[2].shape, s[0].shape];
      });
      await expect(loadEstimator(bad)).rejects.toThrow(
        /is invalid: layer '(.*)' \(Dense\) creates the weight '\1\/kernel' with the shape \[3,4\], but the weight manifest gives it the shape \[4,3\]\.$/,
      );
    });

    it('still loads the untouched file, predicting identically', async () => {
      const again = await loadEstimator<KerasClassifier>(art);
      expect(await again.predictProba(X)).toEqual(await clf.predictProba(X));
      again.dispose();
    });
  });

  describe('every built-in layer round-trips unchanged', () => {
    useTestBackend('cpu');

    it.each(Object.keys(MODEL_ZOO))('%s', async (key) => {
      const model = MODEL_ZOO[key]!.build();
      const { value, buffers } = await encodeValue(model, { mode: 'save' });
      const back = (await decodeValue(JSON.parse(JSON.stringify(value)), {
        mode: 'save',
        where: 'test',
        buffers,
      })) as tf.LayersModel;
      const xs = inputsFor(model);
      expect(await predictions(back, xs)).toEqual(await predictions(model, xs));
      // (by name: a frozen nested model's weights come back in another order, as tfjs reloads it)
      const shapes = (m: tf.LayersModel) =>
        Object.fromEntries(m.weights.map((w) => [w.originalName, w.shape]));
      expect(shapes(back)).toEqual(shapes(model));
      tf.dispose(xs);
      disposeFully(back);
      disposeFully(model);
    });
  });
});
