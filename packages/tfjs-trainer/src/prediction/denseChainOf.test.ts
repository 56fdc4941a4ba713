import * as tf from '@tensorflow/tfjs';
import { checkNoLeakedBuffers, useTestBackend } from '../test-utils/backends';
import { denseChainOf } from './denseChainOf';

describe('denseChainOf', () => {
  useTestBackend('cpu');
  checkNoLeakedBuffers();

  it('takes a Sequential (built or not yet) and a functional chain apart, in order', () => {
    const seq = tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu' }),
        tf.layers.dense({ units: 2, useBias: false, activation: 'softmax' }),
      ],
    });
    const links = denseChainOf(seq)!;
    expect(links.map((l) => [l.kernel.shape, l.bias?.shape ?? null, l.activation])).toEqual([
      [[3, 4], [4], 'relu'],
      [[4, 2], null, 'softmax'],
    ]);
    const input = tf.input({ shape: [5] });
    const out = tf.layers.dense({ units: 1 }).apply(input) as tf.SymbolicTensor;
    const fn = tf.model({ inputs: input, outputs: out });
    expect(denseChainOf(fn)!.map((l) => l.activation)).toEqual(['linear']);
    seq.dispose();
    fn.dispose();
  });

  it('allows regularizers and constraints (they do not change the forward pass)', () => {
    const m = tf.sequential({
      layers: [
        tf.layers.dense({
          units: 2,
          inputShape: [3],
          kernelRegularizer: tf.regularizers.l2(),
          kernelConstraint: tf.constraints.maxNorm({}),
        }),
      ],
    });
    expect(denseChainOf(m)).toHaveLength(1);
    m.dispose();
  });

  it('returns null for anything but a chain of Dense layers', () => {
    const input = tf.input({ shape: [4] });
    const a = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const models = [
      tf.model({ inputs: input, outputs: sum }), // a branch and a merge
      (() => {
        const i2 = tf.input({ shape: [4] });
        const c = tf.layers.dense({ units: 3 }).apply(i2) as tf.SymbolicTensor;
        const d = tf.layers.dense({ units: 3 }).apply(c) as tf.SymbolicTensor;
        return tf.model({ inputs: i2, outputs: [c, d] }); // two outputs
      })(),
      tf.sequential({
        layers: [tf.layers.flatten({ inputShape: [2, 2] }), tf.layers.dense({ units: 1 })],
      }),
      tf.sequential({
        layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softplus' })],
      }),
      tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3, 4] })] }), // rank-3 input
    ];
    for (const m of models) expect(denseChainOf(m)).toBeNull();
    // an object shaped like a model (the wrappers' decoders are): not taken apart
    const chain = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    const lookalike = { layers: chain.layers, inputs: chain.inputs, outputs: chain.outputs };
    expect(denseChainOf(lookalike as unknown as tf.LayersModel)).toBeNull();
    for (const m of [...models, chain]) m.dispose();
  });
});
