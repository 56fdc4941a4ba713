// Real tfjs models, one or more per built-in layer class of tfjs-layers 4.22, for the tests of
// the topology check and of save/load round trips.
import * as tf from '@tensorflow/tfjs';

const L = tf.layers;

/** A model and an input it predicts on. */
export interface ZooEntry {
  /** The layer classes it exercises. */
  covers: string[];
  build(): tf.LayersModel;
}

function seq(layers: tf.layers.Layer[]): tf.Sequential {
  return tf.sequential({ layers });
}

/** Every entry builds a fresh model with fresh (random) weights. */
export const MODEL_ZOO: Record<string, ZooEntry> = {
  dense: {
    covers: ['Dense', 'Activation', 'Dropout', 'InputLayer'],
    build: () =>
      seq([
        L.inputLayer({ inputShape: [3] }),
        L.dense({ units: 4, activation: 'relu' }),
        L.dropout({ rate: 0.2 }),
        L.dense({ units: 2, useBias: false }),
        L.activation({ activation: 'softmax' }),
      ]),
  },
  denseInputDim: {
    covers: ['Dense'],
    build: () => seq([L.dense({ units: 3, inputDim: 5 } as Parameters<typeof L.dense>[0])]),
  },
  conv1d: {
    covers: [
      'Conv1D',
      'MaxPooling1D',
      'AveragePooling1D',
      'GlobalMaxPooling1D',
      'GlobalAveragePooling1D',
      'SpatialDropout1D',
    ],
    build: () => {
      const x = tf.input({ shape: [12, 2] });
      const c = L.conv1d({ filters: 3, kernelSize: 3, padding: 'same', dilationRate: 2 }).apply(x);
      const p = L.maxPooling1d({ poolSize: 2 }).apply(L.spatialDropout1d({ rate: 0.1 }).apply(c));
      const a = L.averagePooling1d({ poolSize: 2, strides: 1 }).apply(
        L.conv1d({ filters: 2, kernelSize: 2, strides: 2, useBias: false }).apply(p),
      ) as tf.SymbolicTensor;
      const g = L.concatenate().apply([
        L.globalMaxPooling1d().apply(a) as tf.SymbolicTensor,
        L.globalAveragePooling1d().apply(a) as tf.SymbolicTensor,
      ]);
      return tf.model({ inputs: x, outputs: L.dense({ units: 2 }).apply(g) as tf.SymbolicTensor });
    },
  },
  conv2d: {
    covers: [
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'AveragePooling2D',
      'ZeroPadding2D',
      'Cropping2D',
      'UpSampling2D',
      'SeparableConv2D',
      'DepthwiseConv2D',
      'Conv2DTranspose',
      'GlobalAveragePooling2D',
      'GlobalMaxPooling2D',
      'Flatten',
    ],
    build: () =>
      seq([
        L.conv2d({ filters: 4, kernelSize: 3, inputShape: [10, 10, 2], activation: 'relu' }),
        L.batchNormalization(),
        L.zeroPadding2d({
          padding: [
            [1, 2],
            [0, 1],
          ],
        }),
        L.maxPooling2d({ poolSize: 2 }),
        // depthMultiplier stays 1: tfjs 4.22's SeparableConv2D does not save it (see checkTopology.test.ts)
        L.separableConv2d({ filters: 3, kernelSize: 2 }),
        L.upSampling2d({ size: [2, 1] }),
        L.cropping2D({ cropping: [1, 0] }),
        L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, padding: 'same' }),
        L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }),
        L.averagePooling2d({ poolSize: [2, 2], strides: [1, 1] }),
        L.conv2d({ filters: 2, kernelSize: [2, 1], strides: [2, 1], dilationRate: 1 }),
        L.flatten(),
        L.dense({ units: 2 }),
      ]),
  },
  conv2dGlobalMax: {
    covers: ['Conv2D', 'GlobalMaxPooling2D', 'BatchNormalization'],
    build: () =>
      seq([
        L.conv2d({ filters: 3, kernelSize: 2, inputShape: [5, 5, 1], padding: 'same' }),
        L.batchNormalization({ axis: 1, center: false }),
        L.globalMaxPooling2d({}),
      ]),
  },
  conv3d: {
    covers: ['Conv3D', 'MaxPooling3D', 'AveragePooling3D', 'Conv3DTranspose'],
    build: () =>
      seq([
        L.conv3d({ filters: 2, kernelSize: 2, inputShape: [5, 5, 5, 1] }),
        L.maxPooling3d({ poolSize: 2, strides: 1 }),
        L.conv3dTranspose({ filters: 2, kernelSize: 2, strides: 1 }),
        L.averagePooling3d({ poolSize: [2, 2, 2] }),
        L.flatten(),
        L.dense({ units: 1 }),
      ]),
  },
  recurrent: {
    covers: ['Embedding', 'LSTM', 'GRU', 'SimpleRNN', 'Masking', 'TimeDistributed'],
    build: () =>
      seq([
        L.embedding({ inputDim: 10, outputDim: 4, inputLength: 6, maskZero: true }),
        L.lstm({ units: 3, returnSequences: true }),
        L.timeDistributed({ layer: L.dense({ units: 2 }) }),
        L.gru({ units: 2, returnSequences: true, useBias: false }),
        L.simpleRNN({ units: 3 }),
        L.dense({ units: 1 }),
      ]),
  },
  embeddingNoLength: {
    covers: ['Embedding', 'GlobalAveragePooling1D'],
    build: () =>
      seq([
        L.embedding({ inputDim: 7, outputDim: 3, inputShape: [4] }),
        L.globalAveragePooling1d(),
      ]),
  },
  bidirectional: {
    covers: ['Bidirectional', 'RepeatVector', 'Permute', 'Reshape', 'Masking'],
    build: () =>
      seq([
        L.masking({ maskValue: 0, inputShape: [4, 3] }),
        L.bidirectional({ layer: L.lstm({ units: 2, returnSequences: true }) as tf.RNN }),
        L.bidirectional({ layer: L.gru({ units: 3 }) as tf.RNN, mergeMode: 'ave' }),
        L.repeatVector({ n: 2 }),
        L.permute({ dims: [2, 1] }),
        L.reshape({ targetShape: [6] }),
        L.dense({ units: 1 }),
      ]),
  },
  rnnCells: {
    covers: ['RNN', 'StackedRNNCells', 'LSTMCell', 'GRUCell', 'SimpleRNNCell'],
    build: () =>
      seq([
        L.rnn({
          cell: [L.lstmCell({ units: 2 }), L.gruCell({ units: 3 }), L.simpleRNNCell({ units: 2 })],
          inputShape: [5, 3],
          returnSequences: true,
        }),
        L.rnn({ cell: L.simpleRNNCell({ units: 4 }) }),
      ]),
  },
  convLstm: {
    covers: ['ConvLSTM2D', 'ConvLSTM2DCell'],
    build: () =>
      seq([
        L.convLstm2d({
          filters: 2,
          kernelSize: 3,
          inputShape: [3, 6, 6, 1],
          padding: 'same',
          returnSequences: true,
        }),
        L.convLstm2d({ filters: 1, kernelSize: 2 }),
        L.flatten(),
      ]),
  },
  activations: {
    covers: [
      'LayerNormalization',
      'PReLU',
      'LeakyReLU',
      'ELU',
      'ReLU',
      'Softmax',
      'ThresholdedReLU',
      'AlphaDropout',
      'GaussianDropout',
      'GaussianNoise',
    ],
    build: () =>
      seq([
        L.dense({ units: 6, inputShape: [4] }),
        L.layerNormalization(),
        L.prelu(),
        L.reshape({ targetShape: [2, 3] }),
        L.prelu({ sharedAxes: [1] }),
        L.layerNormalization({ axis: [1, 2], scale: false }),
        L.leakyReLU({ alpha: 0.1 }),
        L.elu(),
        L.reLU({ maxValue: 6 }),
        L.thresholdedReLU({ theta: 0.1 }),
        L.alphaDropout({ rate: 0.1 }),
        L.gaussianDropout({ rate: 0.1 }),
        L.gaussianNoise({ stddev: 0.1 }),
        L.softmax({ axis: -1 }),
      ]),
  },
  functional: {
    covers: [
      'Model',
      'Add',
      'Multiply',
      'Average',
      'Maximum',
      'Minimum',
      'Concatenate',
      'Dot',
      'Sequential',
    ],
    build: () => {
      const innerIn = tf.input({ shape: [3] });
      const inner = tf.model({
        inputs: innerIn,
        outputs: L.dense({ units: 3 }).apply(innerIn) as tf.SymbolicTensor,
      });
      const innerSeq = seq([L.dense({ units: 3, inputShape: [3] }), L.dense({ units: 3 })]);
      const a = tf.input({ shape: [3] });
      const b = tf.input({ shape: [3] });
      const shared = L.dense({ units: 3 });
      const sa = shared.apply(a) as tf.SymbolicTensor;
      const sb = shared.apply(b) as tf.SymbolicTensor;
      const merged = [L.add(), L.multiply(), L.average(), L.maximum(), L.minimum()].map(
        (m) => m.apply([sa, sb]) as tf.SymbolicTensor,
      );
      const c = L.concatenate({ axis: -1 }).apply(merged) as tf.SymbolicTensor;
      const d = L.dot({ axes: 1 }).apply([
        inner.apply(sa) as tf.SymbolicTensor,
        innerSeq.apply(sb) as tf.SymbolicTensor,
      ]) as tf.SymbolicTensor;
      const [o, h, cc] = L.lstm({ units: 2, returnState: true }).apply(
        L.repeatVector({ n: 3 }).apply(c) as tf.SymbolicTensor,
      ) as tf.SymbolicTensor[];
      const out = L.concatenate().apply([o!, h!, cc!, d]) as tf.SymbolicTensor;
      return tf.model({
        inputs: [a, b],
        outputs: [out, L.dense({ units: 1 }).apply(c) as tf.SymbolicTensor],
      });
    },
  },
  preprocessing: {
    covers: ['Rescaling', 'CenterCrop', 'CategoryEncoding'],
    build: () =>
      seq([
        L.rescaling({ scale: 0.5, offset: 1, inputShape: [6, 6, 2] } as Parameters<
          typeof L.rescaling
        >[0]),
        L.centerCrop({ height: 4, width: 3 }),
        L.flatten(),
        L.dense({ units: 3 }),
      ]),
  },
  categoryEncoding: {
    covers: ['CategoryEncoding'],
    build: () =>
      seq([
        L.categoryEncoding({ numTokens: 5, outputMode: 'multiHot', inputShape: [3] }),
        L.dense({ units: 2 }),
      ]),
  },
  frozenNested: {
    covers: ['Sequential', 'BatchNormalization'],
    build: () => {
      const base = seq([L.dense({ units: 3, inputShape: [4] }), L.batchNormalization()]);
      base.trainable = false;
      return seq([base, L.dense({ units: 2 })]);
    },
  },
  stateful: {
    covers: ['LSTM', 'SimpleRNN'],
    build: () =>
      seq([
        L.lstm({ units: 2, stateful: true, batchInputShape: [2, 3, 2], returnSequences: true }),
        L.simpleRNN({ units: 2, stateful: true }),
      ]),
  },
};

/**
 * Disposes a model with everything tfjs 4.22's `dispose()` leaves behind: the weights of layers
 * called more than once (shared layers) and the states of stateful RNNs.
 */
export function disposeFully(model: tf.LayersModel): void {
  const vars = model.weights.map((w) => (w as unknown as { val: tf.Variable }).val);
  const states = model.layers.flatMap(
    (l) => (l as unknown as { states_?: tf.Tensor[] }).states_ ?? [],
  );
  model.dispose();
  tf.dispose([...vars, ...states].filter((t) => t && !t.isDisposed));
}
