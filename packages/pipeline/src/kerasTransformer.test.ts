// KerasTransformer (@scikeras/wrappers) as a Pipeline step: scaler -> encoder -> KerasClassifier
// with params routed by step, and cross-validated inside a pipeline. Here rather than in wrappers,
// which never depend on pipeline (not even for tests).
import * as tf from '@tensorflow/tfjs';
import { crossValScore } from '@scikeras/model-selection';
import { StandardScaler } from '@scikeras/preprocessing';
import { KerasTransformer, type BuildContext } from '@scikeras/wrappers';
import { Pipeline } from './Pipeline';
import { kerasClassifier, numTensors, useWasm } from './test-utils/keras';

/** An autoencoder: input -> `code` (tanh, `code` units) -> a linear output per target column. */
function autoencoder({
  nFeaturesIn_,
  nOutputs_,
  code = 2,
}: BuildContext<{ code?: number }>): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [nFeaturesIn_],
        units: code,
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

/** Three separable classes in 4 features: class k has feature k at 2, noise in [0, 0.5). */
function threeClasses(n: number): { X: number[][]; y: string[] } {
  let s = 12345;
  const r = (): number => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 0.5;
  const labels = ['a', 'b', 'c'];
  const X: number[][] = [];
  const y: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    X.push(Array.from({ length: 4 }, (_, j) => (j === k ? 2 : 0) + r()));
    y.push(labels[k]!);
  }
  return { X, y };
}

const { X, y } = threeClasses(60);

describe('KerasTransformer in a Pipeline', () => {
  useWasm();

  it('is a Pipeline step: scaler -> encoder -> KerasClassifier, params routed by step', async () => {
    const before = numTensors();
    const clf = kerasClassifier({ optimizer__learningRate: 0.05, epochs: 40 });
    const pipe = new Pipeline({
      steps: [
        ['scaler', new StandardScaler()],
        ['encoder', encoder()],
        ['clf', clf],
      ],
    });
    expect(pipe.getParams().encoder__outputLayer).toBe('code');
    pipe.setParams({ encoder__model__code: 3 });
    await pipe.fit(X, y, { encoder__epochs: 20 });
    const enc = pipe.get('encoder') as KerasTransformer;
    expect(enc.history_!.loss).toHaveLength(20);
    expect(clf.nFeaturesIn_).toBe(3); // the classifier saw the 3 codes
    expect(pipe.slice(0, 2).getFeatureNamesOut()).toEqual([
      'kerastransformer0',
      'kerastransformer1',
      'kerastransformer2',
    ]);
    expect(await pipe.score(X, y)).toBeGreaterThan(0.9);
    expect(pipe.classes_).toEqual(['a', 'b', 'c']);
    pipe.dispose();
    expect(numTensors()).toBe(before);
  });

  it('cross-validates inside a pipeline (clones fitted per fold, disposed)', async () => {
    const before = numTensors();
    const pipe = new Pipeline({
      steps: [
        ['encoder', encoder({ epochs: 5 })],
        ['clf', kerasClassifier({ epochs: 5 })],
      ],
    });
    const scores = await crossValScore(pipe, X, y, { cv: 3 });
    expect(scores).toHaveLength(3);
    expect(numTensors()).toBe(before);
  });
});
