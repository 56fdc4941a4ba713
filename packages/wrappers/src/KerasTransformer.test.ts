// KerasTransformer: scikeras's autoencoder tutorial as a class (fit on X, transform to a chosen
// layer's output), checkEstimator as a transformer (as a Pipeline step: packages/pipeline's
// kerasTransformer.test.ts, since wrappers never depend on pipeline, not even for tests).
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, NotFittedError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { r2Score } from '@scikeras/metrics';
import type { BuildContext } from './BuildContext';
import { KerasTransformer } from './KerasTransformer';
import { loadEstimator } from './loadEstimator';
import { saveEstimator } from './saveEstimator';
import {
  BACKENDS,
  checkNoLeakPerTest,
  classificationData,
  useTestBackend,
} from './test-utils/backends';

/** An autoencoder: input -> `code` (tanh, `code` units) -> a linear output per target column. */
function autoencoder(ctx: BuildContext): tf.LayersModel {
  const { nFeaturesIn_, nOutputs_, code = 2 } = ctx as BuildContext & { code?: number };
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [nFeaturesIn_],
        units: Number(code),
        activation: 'tanh',
        name: 'code',
      }),
      tf.layers.dense({ units: Number(nOutputs_), name: 'reconstruction' }),
    ],
  });
}

function encoder(extra: Record<string, unknown> = {}): KerasTransformer {
  return new KerasTransformer({
    model: autoencoder,
    loss: 'mse',
    optimizer: 'adam',
    optimizer__learningRate: 0.05,
    outputLayer: 'code',
    epochs: 30,
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

const labels = ['a', 'b', 'c'] as const;
const { X, y } = classificationData(60, 4, labels);

describe('KerasTransformer', () => {
  it('is a transformer with R² as its scorer and the tutorial defaults', () => {
    const t = new KerasTransformer();
    expect(t.estimatorType).toBe('transformer');
    expect(t.outputLayer).toBeNull();
    expect(t.fitTarget).toBe('X');
    expect(t.decoderLayer).toBeNull();
    expect(t.getTags().requiresY).toBe(false);
    expect(KerasTransformer.scorer([[1], [2], [3]], [[1], [2], [3]])).toBe(1);
  });

  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest(/checkEstimator/);

    it('learns to reconstruct X and transforms to the chosen layer (by name or index)', async () => {
      const before = tf.memory().numTensors;
      const est = encoder();
      await est.fit(X, y); // y is ignored: the model learns X itself
      expect(est.nOutputs_).toBe(4);
      const codes = (await est.transform(X)) as number[][];
      expect(codes).toHaveLength(60);
      expect(codes[0]).toHaveLength(2);
      expect(codes.flat().every((v) => Math.abs(v) <= 1)).toBe(true); // tanh
      est.setParams({ outputLayer: 0 });
      expect(await est.transform(X)).toEqual(codes);
      est.setParams({ outputLayer: -2 });
      expect(await est.transform(X)).toEqual(codes);
      est.setParams({ outputLayer: null });
      const recon = (await est.transform(X)) as number[][];
      expect(recon[0]).toHaveLength(4);
      expect(await est.predict(X)).toEqual(recon);
      const score = await est.score(X);
      expect(score).toBeCloseTo(r2Score(X, recon), 6);
      const untrained = await encoder().initialize(X);
      expect(score).toBeGreaterThan((await untrained.score(X)) + 0.2); // it learned
      untrained.dispose();
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('fitTransform equals fit then transform; feature names as scikit-learn gives them', async () => {
      const a = encoder({ epochs: 3 });
      const b = encoder({ epochs: 3 });
      const ft = await a.fitTransform(X);
      await b.fit(X);
      expect(ft).toEqual(await b.transform(X));
      expect(a.getFeatureNamesOut()).toEqual(['kerastransformer0', 'kerastransformer1']);
      a.dispose();
      b.dispose();
    });

    it("fitTarget 'y' trains on y and needs it", async () => {
      const est = encoder({ fitTarget: 'y', epochs: 5 });
      await expect(est.fit(X)).rejects.toThrow(
        new ValueError(
          "KerasTransformer with fitTarget='y' requires y to be passed, but the target y is None.",
        ),
      );
      const target = X.map((r) => r[0]! + r[1]!);
      await est.fit(X, target);
      expect(est.nOutputs_).toBe(1);
      expect((await est.transform(X))[0]).toHaveLength(2);
      expect(await est.score(X, target)).toBeCloseTo(
        r2Score(target, (await est.predict(X)) as number[]),
        6,
      );
      est.dispose();
    });

    it('names a missing layer as Keras does, and is not fitted before fit', async () => {
      const est = encoder({ epochs: 1, outputLayer: 'nope' });
      await expect(est.transform(X)).rejects.toThrow(
        new NotFittedError(
          "This KerasTransformer instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
        ),
      );
      expect(() => est.getFeatureNamesOut()).toThrow(NotFittedError);
      await est.fit(X);
      await expect(est.transform(X)).rejects.toThrow(
        new ValueError('No such layer: nope. Existing layers are: code, reconstruction.'),
      );
      est.setParams({ outputLayer: 5 });
      await expect(est.transform(X)).rejects.toThrow(
        new ValueError('Was asked to retrieve layer at index 5 but model only has 2 layers.'),
      );
      est.dispose();
    });

    it('rejects invalid params when fit starts, in scikit-learn words', async () => {
      await expect(encoder({ outputLayer: 1.5 }).fit(X)).rejects.toThrow(InvalidParameterError);
      await expect(encoder({ fitTarget: 'Z' }).fit(X)).rejects.toThrow(
        "The 'fitTarget' parameter of KerasTransformer must be a str among {'X', 'y'}. Got 'Z' instead.",
      );
    });

    it('saves and loads: the reloaded transformer gives the same codes', async () => {
      const est = encoder({ epochs: 5 });
      await est.fit(X);
      const loaded = await loadEstimator<KerasTransformer>(await saveEstimator(est));
      expect(loaded).toBeInstanceOf(KerasTransformer);
      expect(loaded.outputLayer).toBe('code');
      expect(await loaded.transform(X)).toEqual(await est.transform(X));
      loaded.dispose();
      est.dispose();
    });

    it('inverseTransform decodes codes back to X through the layers from decoderLayer', async () => {
      const before = tf.memory().numTensors;
      const est = encoder({ decoderLayer: 'reconstruction', epochs: 60 });
      await est.fit(X);
      const codes = (await est.transform(X)) as number[][];
      const back = (await est.inverseTransform!(codes)) as number[][];
      expect(back).toHaveLength(60);
      expect(back[0]).toHaveLength(4);
      // decoder(encoder(X)) is the autoencoder's own output...
      const recon = (await est.predict(X)) as number[][];
      back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(recon[i]![j]!, 5)));
      // ...which reconstructs X approximately (4 features through 2 codes)
      expect(r2Score(X, back)).toBeGreaterThan(0.5);
      est.setParams({ decoderLayer: -1 }); // the same layer by index: the same decoder output
      expect(await est.inverseTransform!(codes)).toEqual(back);
      est.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('follows the tutorial: encoder and decoder sub-models, transform and inverseTransform by their names', async () => {
      const tutorial = ({ nFeaturesIn_ }: BuildContext): tf.LayersModel => {
        const encIn = tf.input({ shape: [nFeaturesIn_] });
        const enc = tf.model({
          inputs: encIn,
          outputs: tf.layers
            .dense({ units: 2, activation: 'tanh' })
            .apply(encIn) as tf.SymbolicTensor,
          name: 'encoder',
        });
        const decIn = tf.input({ shape: [2] });
        const dec = tf.model({
          inputs: decIn,
          outputs: tf.layers.dense({ units: nFeaturesIn_ }).apply(decIn) as tf.SymbolicTensor,
          name: 'decoder',
        });
        const aeIn = tf.input({ shape: [nFeaturesIn_] });
        const out = dec.apply(enc.apply(aeIn)) as tf.SymbolicTensor;
        return tf.model({ inputs: aeIn, outputs: out });
      };
      const est = encoder({ model: tutorial, outputLayer: 'encoder', decoderLayer: 'decoder' });
      await est.fit(X);
      const codes = (await est.transform(X)) as number[][];
      expect(codes[0]).toHaveLength(2);
      const back = (await est.inverseTransform!(codes)) as number[][];
      const recon = (await est.predict(X)) as number[][];
      back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(recon[i]![j]!, 5)));
      expect(await est.inverseTransform!(codes)).toEqual(back); // built again, the same decoder
      expect(await est.transform(X)).toEqual(codes); // and leaves transform alone
      est.dispose();
    });

    it('has inverseTransform only with a decoderLayer; NotFittedError before fit; clear errors', async () => {
      expect(encoder().inverseTransform).toBeUndefined();
      expect('inverseTransform' in encoder() && typeof encoder().inverseTransform).toBe(
        'undefined',
      );
      const est = encoder({ epochs: 1, decoderLayer: 'nope' });
      expect(typeof est.inverseTransform).toBe('function');
      await expect(est.inverseTransform!([[0, 0]])).rejects.toThrow(
        new NotFittedError(
          "This KerasTransformer instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
        ),
      );
      await est.fit(X);
      await expect(est.inverseTransform!([[0, 0]])).rejects.toThrow(
        new ValueError('No such layer: nope. Existing layers are: code, reconstruction.'),
      );
      est.setParams({ decoderLayer: 'reconstruction' });
      await expect(est.inverseTransform!([[0, 0, 0]])).rejects.toThrow(
        new ValueError('X has 3 features, but KerasTransformer is expecting 2 features as input.'),
      );
      est.dispose();
      await expect(encoder({ decoderLayer: 0.5 }).fit(X)).rejects.toThrow(
        "The 'decoderLayer' parameter of KerasTransformer must be an instance of 'str', an int in the range (-inf, inf) or null. Got 0.5 instead.",
      );
    });

    it('says why a decoderLayer does not start a decoder (a layer with two inputs on the way)', async () => {
      const skip = ({ nFeaturesIn_ }: BuildContext): tf.LayersModel => {
        const input = tf.input({ shape: [nFeaturesIn_] });
        const code = tf.layers.dense({ units: 2, name: 'code' }).apply(input) as tf.SymbolicTensor;
        const up = tf.layers.dense({ units: nFeaturesIn_, name: 'up' }).apply(code);
        const out = tf.layers.add({ name: 'sum' }).apply([up, input] as tf.SymbolicTensor[]);
        return tf.model({ inputs: input, outputs: out as tf.SymbolicTensor });
      };
      const est = encoder({ model: skip, epochs: 1, decoderLayer: 'up' });
      await est.fit(X);
      await expect(est.inverseTransform!([[0, 0]])).rejects.toThrow(
        new ValueError(
          "decoderLayer='up' does not start a decoder: layer 'sum' takes 2 inputs. inverseTransform runs the layers from decoderLayer to the output, one after the other.",
        ),
      );
      est.dispose();
    });

    it('keeps decoderLayer through clone and save/load', async () => {
      const est = encoder({ epochs: 5, decoderLayer: 'reconstruction' });
      await est.fit(X);
      const loaded = await loadEstimator<KerasTransformer>(await saveEstimator(est));
      expect(loaded.decoderLayer).toBe('reconstruction');
      const codes = await est.transform(X);
      expect(await loaded.inverseTransform!(codes)).toEqual(await est.inverseTransform!(codes));
      loaded.dispose();
      est.dispose();
    });

    describeEstimatorChecks('checkEstimator', () => encoder({ epochs: 3 }));
  });
});
