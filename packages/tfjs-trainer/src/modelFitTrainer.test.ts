import * as tf from '@tensorflow/tfjs';
import { modelFitTrainer } from './modelFitTrainer';
import { useTestBackend } from './test-utils/backends';

const X = [
  [0, 1],
  [1, 0],
  [1, 1],
  [0.5, 0.2],
];
const Y = [[1], [2], [3], [0.5]];

function regressor(): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 1,
        inputShape: [2],
        kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
      }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  return model;
}

/** The loss of one full batch before its update, with these sample weights. */
async function firstLoss(sampleWeight?: number[]): Promise<number> {
  const model = regressor();
  const x = tf.tensor2d(X);
  const y = tf.tensor2d(Y);
  const history = await modelFitTrainer.fit(model, x, y, {
    epochs: 1,
    batchSize: 4,
    shuffle: false,
    verbose: 0,
    sampleWeight,
  });
  // the class-weight hook is removed after the fit
  const inner = (model as unknown as { model: object }).model;
  expect(Object.hasOwn(inner, 'standardizeUserData')).toBe(false);
  const optimizer = model.optimizer;
  model.dispose();
  optimizer.dispose();
  tf.dispose([x, y]);
  return history.history['loss']![0] as number;
}

describe('modelFitTrainer', () => {
  useTestBackend('cpu');

  it('trains through model.fit with its arguments (sampleWeight and onWarning taken out)', async () => {
    const before = tf.memory().numTensors;
    const model = regressor();
    const x = tf.tensor2d(X);
    const y = tf.tensor2d(Y);
    const spy = jest.spyOn(model, 'fit');
    const onWarning = jest.fn();
    const history = await modelFitTrainer.fit(model, x, y, {
      epochs: 2,
      batchSize: 2,
      verbose: 0,
      onWarning,
      sampleWeight: null,
    });
    expect(spy).toHaveBeenCalledWith(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
    expect(history.history['loss']).toHaveLength(2);
    expect(onWarning).not.toHaveBeenCalled();
    const optimizer = model.optimizer;
    model.dispose();
    optimizer.dispose();
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('weights each row’s loss by its sample weight (Keras’s mean(w_i * loss_i))', async () => {
    const before = tf.memory().numTensors;
    const plain = await firstLoss();
    expect(await firstLoss([1, 1, 1, 1])).toBeCloseTo(plain, 6);
    expect(await firstLoss([2, 2, 2, 2])).toBeCloseTo(2 * plain, 5);
    // only the first row counts: its squared error over the four rows' mean
    const model = regressor();
    const [firstPrediction] = tf.tidy(() =>
      (model.predict(tf.tensor2d([X[0]!])) as tf.Tensor).dataSync(),
    );
    const optimizer = model.optimizer;
    model.dispose();
    optimizer.dispose();
    const rowLoss = (firstPrediction! - Y[0]![0]!) ** 2;
    expect(await firstLoss([4, 0, 0, 0])).toBeCloseTo(rowLoss, 5);
    expect(tf.memory().numTensors).toBe(before);
  });
});
