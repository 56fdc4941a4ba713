import * as tf from '@tensorflow/tfjs';
import { backendMissingInternal, missingInternal } from './missingInternal';
import { BACKENDS, useTestBackend } from './test-utils/backends';

function dense(optimizer: tf.Optimizer | string = 'adam'): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, activation: 'relu', inputShape: [3] }),
      tf.layers.dense({ units: 1 }),
    ],
  });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

function dispose(model: tf.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}

describe('missingInternal', () => {
  describe.each(BACKENDS)('on %s, with tfjs 4.22', (backend) => {
    useTestBackend(backend);

    it.each([
      ['adam', () => tf.train.adam(0.01)],
      ['rmsprop', () => tf.train.rmsprop(0.01)],
      ['sgd', () => tf.train.sgd(0.1)],
      ['adagrad (updated by tfjs)', () => tf.train.adagrad(0.1)],
    ])('finds everything in place: a Dense model with %s', (_name, optimizer) => {
      const before = tf.memory().numTensors;
      const model = dense(optimizer());
      expect(missingInternal(model)).toBeNull();
      expect(missingInternal(model, backend)).toBeNull();
      dispose(model);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('checks a functional model with other layers, and skips an uncompiled one', () => {
      const before = tf.memory().numTensors;
      const input = tf.input({ shape: [4] });
      const hidden = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
      const out = tf.layers.dropout({ rate: 0.5 }).apply(hidden) as tf.SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: out });
      expect(missingInternal(model)).toBeNull();
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      expect(missingInternal(model)).toBeNull();
      dispose(model);
      expect(tf.memory().numTensors).toBe(before);
    });
  });

  describe('names the first field it misses', () => {
    useTestBackend('cpu');

    it.each([
      'kernel',
      'bias',
      'activation',
      'kernelRegularizer',
      'biasRegularizer',
      'activityRegularizer',
      'kernelConstraint',
      'biasConstraint',
    ])("a Dense layer's %s", (field) => {
      const model = dense();
      const layer = model.layers[1] as unknown as Record<string, unknown>;
      const saved = layer[field];
      delete layer[field];
      expect(missingInternal(model)).toBe(`Dense.${field}`);
      layer[field] = saved;
      dispose(model);
    });

    it.each(['metricsTensors', 'collectedTrainableWeights', 'outputLayers', 'isTraining'])(
      "the compiled model's %s",
      (field) => {
        const model = dense();
        const inner = (model as unknown as { model: Record<string, unknown> }).model;
        const saved = inner[field];
        delete inner[field];
        expect(missingInternal(model)).toBe(`LayersModel.${field}`);
        inner[field] = saved;
        dispose(model);
      },
    );

    it("a layer's inboundNodes", () => {
      const model = dense();
      const layer = model.layers[0] as unknown as { inboundNodes: unknown };
      const saved = layer.inboundNodes;
      layer.inboundNodes = undefined;
      expect(missingInternal(model)).toBe('Dense.inboundNodes');
      layer.inboundNodes = saved;
      dispose(model);
    });

    it.each([
      ['AdamOptimizer', 'accBeta1', () => tf.train.adam()],
      ['AdamOptimizer', 'accumulatedSecondMoment', () => tf.train.adam()],
      ['RMSPropOptimizer', 'centered', () => tf.train.rmsprop(0.1)],
      ['RMSPropOptimizer', 'decay', () => tf.train.rmsprop(0.1)],
      ['SGDOptimizer', 'learningRate', () => tf.train.sgd(0.1)],
    ])("an %s's %s", (owner, field, make) => {
      const optimizer = make();
      const fields = optimizer as unknown as Record<string, unknown>;
      const saved = fields[field];
      delete fields[field];
      const model = dense(optimizer);
      expect(missingInternal(model)).toBe(`${owner}.${field}`);
      fields[field] = saved;
      dispose(model);
    });

    it("a compiled Sequential's inner model", () => {
      const model = dense();
      const seq = model as unknown as { model?: unknown };
      const optimizer = model.optimizer;
      const inner = seq.model;
      delete seq.model;
      Object.defineProperty(model, 'optimizer', { value: optimizer, configurable: true });
      expect(missingInternal(model)).toBe('Sequential.model');
      delete (model as unknown as { optimizer?: unknown }).optimizer;
      seq.model = inner;
      dispose(model);
    });

    it('is not asked about a backend it does not train on', () => {
      const model = dense();
      delete (model.layers[0] as unknown as { kernel?: unknown }).kernel;
      expect(missingInternal(model, 'webgl')).toBeNull();
      dispose(model);
    });
  });

  describe('backendMissingInternal', () => {
    useTestBackend('wasm');

    it.each(BACKENDS)('finds everything in the %s backend of tfjs 4.22', (name) => {
      expect(backendMissingInternal(tf.findBackend(name)!, name)).toBeNull();
    });

    it.each([
      ['cpu', 'data.get'],
      ['cpu', 'makeTensorInfo'],
      ['wasm', 'dataIdMap.get'],
      ['wasm', 'typedArrayFromHeap'],
      ['wasm', 'wasm.asm.memory'],
    ])("names the %s backend's %s", (name, field) => {
      const real = tf.findBackend(name)!;
      const fake = Object.create(real) as Record<string, unknown>;
      fake[field.split('.')[0]!] = undefined;
      expect(backendMissingInternal(fake, name)).toBe(`the ${name} backend's ${field}`);
    });

    it('names a kernel it calls that is not registered', () => {
      const tanh = tf.getKernel('Tanh', 'cpu');
      tf.unregisterKernel('Tanh', 'cpu');
      try {
        expect(backendMissingInternal(tf.findBackend('cpu')!, 'cpu')).toBe(
          "the cpu backend's kernel 'Tanh'",
        );
      } finally {
        tf.registerKernel(tanh);
      }
    });
  });
});
