import * as tf from '@tensorflow/tfjs';
import { BACKENDS, useTestBackend } from '../test-utils/backends';
import { fusedOptimizerStep } from './fusedOptimizerStep';
import { registerTrainingKernels } from './registerTrainingKernels';

registerTrainingKernels();

/**
 * One step of `optimizer`, as the lean loop runs it: the fused kernel when the optimizer has one,
 * else tfjs's own `applyGradients` (the reference the tests compare with).
 */
function applyGradients(
  optimizer: tf.Optimizer,
  grads: { variable: tf.Variable; gradient: tf.Tensor }[],
): void {
  const step = fusedOptimizerStep(
    optimizer,
    grads.map((g) => g.variable),
  );
  if (step === null) {
    const named: tf.NamedTensorMap = {};
    for (const { variable, gradient } of grads) named[variable.name] = gradient;
    optimizer.applyGradients(named);
    return;
  }
  tf.tidy(() => {
    const inputs: tf.NamedTensorMap = {};
    grads.forEach(({ variable, gradient }, i) => {
      inputs[`x${i}`] = variable;
      inputs[`g${i}`] = gradient;
      step.slots[i]!.forEach((slot, k) => (inputs[`${step.slotNames[k]}${i}`] = slot));
    });
    step.commit(tf.engine().runKernel(step.kernel, inputs, step.attrs) as tf.Tensor[]);
  });
}

const OPTIMIZERS: [string, () => tf.Optimizer][] = [
  ['adam', () => tf.train.adam(0.01)],
  ['adam with custom betas', () => tf.train.adam(0.003, 0.8, 0.99, 1e-6)],
  ['sgd', () => tf.train.sgd(0.1)],
  ['rmsprop', () => tf.train.rmsprop(0.01)],
  ['rmsprop with momentum', () => tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6)],
  ['centered rmsprop (tfjs update)', () => tf.train.rmsprop(0.01, 0.9, 0.1, 1e-7, true)],
  ['adagrad (tfjs update)', () => tf.train.adagrad(0.05)],
];

/** Same shapes as a small Dense chain, plus an odd length for the SIMD tail. */
const SHAPES = [[5, 7], [7], [7, 3], [3], [13]];

describe.each(BACKENDS)('fusedOptimizerStep (%s)', (backend) => {
  useTestBackend(backend);

  it.each(OPTIMIZERS)('%s: bit-identical to tfjs applyGradients over 5 steps', (_, make) => {
    const before = tf.memory().numTensors;
    const init = SHAPES.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', i + 1));
    const copy = (t: tf.Tensor): tf.Variable => {
      const c = t.clone();
      const v = tf.variable(c);
      c.dispose();
      return v;
    };
    const ref = init.map(copy);
    const ours = init.map(copy);
    const optRef = make();
    const optOurs = make();
    for (let step = 0; step < 5; step++) {
      const grads = SHAPES.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 100 * step + i));
      const named: tf.NamedTensorMap = {};
      ref.forEach((v, i) => (named[v.name] = grads[i]!));
      optRef.applyGradients(named);
      applyGradients(
        optOurs,
        ours.map((variable, i) => ({ variable, gradient: grads[i]! })),
      );
      tf.dispose(grads);
    }
    ref.forEach((v, i) =>
      expect(Array.from(ours[i]!.dataSync())).toEqual(Array.from(v.dataSync())),
    );
    expect(optOurs.iterations).toBe(optRef.iterations);
    // the optimizer state (Adam's moments and accumulated betas) matches slot by slot
    const refState = optRef.getWeights();
    const ourState = optOurs.getWeights();
    return Promise.all([refState, ourState]).then(([a, b]) => {
      const rename = new Map(ref.map((v, i) => [v.name, ours[i]!.name]));
      const slot = (name: string): string =>
        name.replace(/^(.*)\/(\w+)$/, (_, v: string, k: string) => `${rename.get(v) ?? v}/${k}`);
      expect(b.map((w) => w.name)).toEqual(a.map((w) => slot(w.name)));
      a.forEach((w, i) =>
        expect(Array.from(b[i]!.tensor.dataSync())).toEqual(Array.from(w.tensor.dataSync())),
      );
      tf.dispose([...a.map((w) => w.tensor), ...b.map((w) => w.tensor)]);
      tf.dispose([...init, ...ref, ...ours]);
      optRef.dispose();
      optOurs.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});
