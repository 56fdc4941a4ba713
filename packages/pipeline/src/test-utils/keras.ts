// Test helpers for pipelines ending in a KerasClassifier (@scikeras/wrappers is a devDependency of
// this package: src/ never imports it): a registered build function, seeded classifiers, data.
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier, registerModel, useBackend, type BuildContext } from '@scikeras/wrappers';

tf.enableProdMode();

/** A one-hidden-layer MLP: `hidden` relu units (`model__hidden`), softmax out. */
export const mlp = registerModel(
  'pipeline-jest-mlp',
  ({ nFeaturesIn_, nClasses_, hidden = 8 }: BuildContext<{ hidden?: number }>) =>
    tf.sequential({
      layers: [
        tf.layers.dense({
          units: hidden,
          activation: 'relu',
          inputShape: [nFeaturesIn_ as number],
        }),
        tf.layers.dense({ units: nClasses_ as number, activation: 'softmax' }),
      ],
    }),
  { module: __filename },
);

/** A seeded KerasClassifier on {@link mlp}. */
export function kerasClassifier(params: Record<string, unknown> = {}): KerasClassifier {
  return new KerasClassifier({
    model: mlp,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    optimizer__learningRate: 0.01,
    epochs: 5,
    batchSize: 16,
    verbose: 0,
    randomState: 0,
    ...params,
  });
}

/** Runs the enclosing describe block on tfjs's wasm backend. */
export function useWasm(): void {
  beforeAll(async () => {
    await useBackend('wasm');
  });
}

/** Tabular records with a numeric and a string signal, and their labels. */
export function peopleRecords(n: number): {
  rows: { age: number; income: number; city: string }[];
  y: string[];
} {
  const cities = ['Oslo', 'Bergen', 'Trondheim'];
  const rows = Array.from({ length: n }, (_, i) => ({
    age: 20 + ((i * 7) % 45),
    income: 30000 + 1500 * ((i * 5) % 17),
    city: cities[i % 3]!,
  }));
  const y = rows.map((r) => (r.age > 40 || r.city === 'Oslo' ? 'yes' : 'no'));
  return { rows, y };
}

/** The number of live tfjs tensors. */
export function numTensors(): number {
  return tf.memory().numTensors;
}
