// Port of scikeras's docs/source/notebooks/AutoEncoders.md (MIT): an autoencoder whose encoder
// and decoder, which share its layers, are used as estimators of their own (issue 17 item 6).
// Digits (8x8, scaled to [0, 1]) stand in for MNIST.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { clone, type Params } from '@scikeras/estimator-core';
import { BaseWrapper, type BuildContext, type FitOptions } from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

/** The first `n` digits, pixels scaled to [0, 1] (the tutorial's `x / 255.`). */
function digits(n: number): number[][] {
  const csv = gunzipSync(readFileSync(join(__dirname, '../../../data/digits.csv.gz'))).toString();
  return csv
    .trim()
    .split('\n')
    .slice(0, n)
    .map((line) =>
      line
        .split(',')
        .slice(0, 64)
        .map((v) => Number(v) / 16),
    );
}

function mse(a: number[][], b: number[][]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < a[i]!.length; j++) s += (a[i]![j]! - b[i]![j]!) ** 2;
  return s / (a.length * a[0]!.length);
}

interface AutoEncoderParams {
  encodingDim: number;
  /** ours: the tutorial's parts use the models as they are; true shows what copies do */
  copyParts: boolean;
}

/**
 * The tutorial's AutoEncoder: `buildModel` makes the encoder, the decoder and the autoencoder
 * chaining them, and keeps the first two as estimators over the very same models
 * (`copyModel: false`, scikeras uses prebuilt models by reference).
 */
class AutoEncoder extends BaseWrapper<AutoEncoderParams> {
  static override estimatorName = 'AutoEncoder';
  declare encoderModel_?: BaseWrapper;
  declare decoderModel_?: BaseWrapper;

  override buildModel({
    encodingDim,
    copyParts,
    meta,
  }: BuildContext<AutoEncoderParams>): tf.LayersModel {
    const n = meta.nFeaturesIn_ as number;
    const encoderInput = tf.input({ shape: [n] });
    const encoderOutput = tf.layers
      .dense({ units: encodingDim, activation: 'relu' })
      .apply(encoderInput) as tf.SymbolicTensor;
    const encoder = tf.model({ inputs: encoderInput, outputs: encoderOutput });
    const decoderInput = tf.input({ shape: [encodingDim] });
    const decoderOutput = tf.layers
      .dense({ units: n, activation: 'sigmoid', name: 'decoder' })
      .apply(decoderInput) as tf.SymbolicTensor;
    const decoder = tf.model({ inputs: decoderInput, outputs: decoderOutput });
    const autoencoderInput = tf.input({ shape: [n] });
    const encoded = encoder.apply(autoencoderInput) as tf.SymbolicTensor;
    const reconstructed = decoder.apply(encoded) as tf.SymbolicTensor;
    const copyModel = copyParts;
    this.encoderModel_ = new BaseWrapper({ model: encoder, copyModel, verbose: this.verbose });
    this.decoderModel_ = new BaseWrapper({ model: decoder, copyModel, verbose: this.verbose });
    return tf.model({ inputs: autoencoderInput, outputs: reconstructed });
  }

  /** scikeras's `_initialize` override: the parts are initialized on X and on its encoding. */
  async #initializeParts(X: number[][]): Promise<void> {
    const Xtf = (await this.encoderModel_!.initialize(X).then((e) => e.predict(X))) as number[][];
    await this.decoderModel_!.initialize(Xtf);
  }

  override async initialize(X: unknown): Promise<this> {
    await super.initialize(X, X);
    await this.#initializeParts(X as number[][]);
    return this;
  }

  /** `fit(X)`: y is X (the tutorial's `fit(X, *, sample_weight)`). */
  override async fit(X: unknown, _y?: unknown, options: FitOptions = {}): Promise<this> {
    await super.fit(X, X, options);
    await this.#initializeParts(X as number[][]);
    return this;
  }

  override async partialFit(X: unknown, _y?: unknown, options: FitOptions = {}): Promise<this> {
    await super.partialFit(X, X, options);
    return this;
  }

  /** 1 - MSE (scikit-learn maximizes scores). */
  override async score(X: unknown): Promise<number> {
    return 1 - mse((await this.predict(X)) as number[][], X as number[][]);
  }

  async transform(X: unknown): Promise<number[][]> {
    return (await this.encoderModel_!.predict(this.featureEncoder_!.transform(X))) as number[][];
  }

  async inverseTransform(Xtf: unknown): Promise<number[][]> {
    const X = await this.decoderModel_!.predict(Xtf);
    return this.featureEncoder_!.inverseTransform(X) as number[][];
  }

  /** The parts' models are layers of `model_`: each estimator lets go of its share. */
  override dispose(): void {
    this.encoderModel_?.dispose();
    this.decoderModel_?.dispose();
    super.dispose();
  }
}

const X = digits(300);

function autoencoder(extra: Params = {}): AutoEncoder {
  return new AutoEncoder({
    loss: 'binary_crossentropy',
    encodingDim: 16,
    copyParts: false,
    randomState: 0,
    epochs: 20,
    verbose: 0,
    optimizer: 'adam',
    ...extra,
  });
}

describe('docs/source/notebooks/AutoEncoders.md (scikeras tutorial)', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it('trains the autoencoder; its encoder and decoder estimators use the trained, shared layers', async () => {
    const ae = autoencoder();
    const before =
      1 - mse((await ae.initialize(X).then(async (a) => a.predict(X))) as number[][], X);
    ae.dispose();
    await ae.fit(X);
    const score = await ae.score(X);
    expect(score).toBeGreaterThan(before);
    expect(score).toBeGreaterThan(0.9);
    // the parts hold the autoencoder's own layers, not copies
    const aeWeights = new Set(ae.model_!.weights.map((w) => w.read()));
    for (const part of [ae.encoderModel_!, ae.decoderModel_!]) {
      expect(part.model_!.weights.every((w) => aeWeights.has(w.read()))).toBe(true);
    }
    const encoded = await ae.transform(X);
    expect(encoded[0]).toHaveLength(16);
    const roundtrip = await ae.inverseTransform(encoded);
    const direct = (await ae.predict(X)) as number[][];
    expect(mse(roundtrip, direct)).toBeLessThan(1e-10);
    ae.dispose();
  });

  it('the parts follow further training (copyModel: false), copies do not (copyModel: true)', async () => {
    const follow = async (copyParts: boolean): Promise<boolean> => {
      const ae = autoencoder({ copyParts, epochs: 2 });
      await ae.fit(X);
      const first = await ae.transform(X);
      await ae.partialFit(X);
      const after = await ae.transform(X);
      const direct = (await ae.predict(X)) as number[][];
      const roundtrip = await ae.inverseTransform(after);
      ae.dispose();
      expect(mse(first, after) > 0).toBe(!copyParts);
      return mse(roundtrip, direct) < 1e-10;
    };
    expect(await follow(false)).toBe(true);
    expect(await follow(true)).toBe(false);
  });

  it('copyModel: false trains the given model itself; a failed fit leaves it alive', async () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 1, inputShape: [64] })],
    });
    const before = model.getWeights()[0]!.dataSync().slice();
    const est = new BaseWrapper({ model, copyModel: false, loss: 'mse', verbose: 0 });
    await expect(est.fit(X, [1])).rejects.toThrow(); // y of the wrong length: nothing built
    await expect(est.fit(X, X)).rejects.toThrow(); // 64 targets for one output: fails in tfjs
    expect(model.getWeights()[0]!.isDisposed).toBe(false);
    await est.fit(
      X,
      X.map((r) => r[10]!),
    );
    expect(est.model_).toBe(model);
    expect(model.getWeights()[0]!.dataSync()).not.toEqual(before);
    // clone keeps the param (and the model, by reference)
    expect(clone(est).getParams().copyModel).toBe(false);
    est.dispose(); // the estimator owns the model it trained: freed here
  });
});
