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

    describeEstimatorChecks('checkEstimator', () => encoder({ epochs: 3 }));
  });
});
