import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { setBackendImporter, useBackend } from './useBackend';

describe('useBackend', () => {
  afterEach(() => setBackendImporter(null));
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('selects cpu', async () => {
    await expect(useBackend('cpu')).resolves.toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('loads and selects wasm', async () => {
    await expect(useBackend('wasm')).resolves.toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const n = tf.memory().numTensors;
    const out = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])).dataSync());
    expect(Array.from(out)).toEqual([3, 3, 3, 3]);
    expect(tf.memory().numTensors).toBe(n);
  });

  it("'auto' picks wasm in Node when no native binding is installed", async () => {
    await useBackend('cpu');
    await expect(useBackend('auto')).resolves.toBe('wasm');
    await expect(useBackend()).resolves.toBe('wasm');
  });

  it("'tensorflow' names the packages to add when neither binding is installed", async () => {
    await useBackend('cpu');
    await expect(useBackend('tensorflow')).rejects.toThrow(
      new ValueError(
        "The 'tensorflow' backend needs the native TensorFlow binding, which is not installed. " +
          'Add it with `npm i @tensorflow/tfjs-node` (CPU) or `npm i @tensorflow/tfjs-node-gpu` ' +
          "(CUDA GPU), or use useBackend('wasm') for the fastest backend without native code.",
      ),
    );
    expect(tf.getBackend()).toBe('cpu');
  });

  it("'tensorflow' reports a binding that is installed but cannot load", async () => {
    setBackendImporter(async (s) => {
      if (s === '@tensorflow/tfjs-node')
        throw new Error('libtensorflow.so.2: cannot open shared object file');
      const e = new Error(`Cannot find module '${s}'`) as Error & { code: string };
      e.code = 'MODULE_NOT_FOUND';
      throw e;
    });
    const err = await useBackend('tensorflow').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValueError);
    expect((err as Error).message).toBe(
      "The 'tensorflow' backend could not be started. @tensorflow/tfjs-node is installed but failed " +
        'to load: libtensorflow.so.2: cannot open shared object file. Reinstall the package with its ' +
        "install script enabled (it downloads libtensorflow), or use useBackend('wasm').",
    );
  });

  describe('a binding that loads but fails at its first op (tfjs-node 4.22 on Node >= 23)', () => {
    const message = '(0 , util_1.isNullOrUndefined) is not a function';
    const fakeTfjsNode = async (s: string) => {
      if (s === '@tensorflow/tfjs-node') {
        // registers a 'tensorflow' backend whose Add kernel throws like tfjs-node 4.22 on Node 24
        const Cpu = (tf.findBackend('cpu') as object).constructor as new () => tf.KernelBackend;
        tf.registerBackend('tensorflow', () => new Cpu());
        tf.registerKernel({
          kernelName: 'Add',
          backendName: 'tensorflow',
          kernelFunc: () => {
            throw new TypeError(message);
          },
        });
        return {};
      }
      if (s !== '@tensorflow/tfjs-node-gpu') return import(s);
      const e = new Error(`Cannot find module '${s}'`) as Error & { code: string };
      e.code = 'MODULE_NOT_FOUND';
      throw e;
    };
    afterEach(() => {
      tf.unregisterKernel('Add', 'tensorflow');
      tf.removeBackend('tensorflow');
    });

    it("'tensorflow' reports the failed op, and the backend in use before stays", async () => {
      await useBackend('cpu');
      setBackendImporter(fakeTfjsNode);
      const err = await useBackend('tensorflow').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValueError);
      const advice =
        Number(process.versions.node.split('.')[0]) >= 23
          ? 'tfjs-node 4.22 does not run on Node.js 23 and later (tensorflow/tfjs#8609): ' +
            "use Node.js 22 for it, or useBackend('wasm')."
          : 'Reinstall the package with its install script enabled (it downloads libtensorflow), ' +
            "or use useBackend('wasm').";
      expect((err as Error).message).toBe(
        "The 'tensorflow' backend could not be started. @tensorflow/tfjs-node loaded but its " +
          `first operation failed: ${message}. ${advice}`,
      );
      expect(tf.getBackend()).toBe('cpu');
    });

    it("'auto' falls back to wasm", async () => {
      await useBackend('cpu');
      setBackendImporter(fakeTfjsNode);
      const n = tf.memory().numTensors;
      await expect(useBackend('auto')).resolves.toBe('wasm');
      expect(tf.memory().numTensors).toBe(n);
    });
  });

  it("'auto' skips a broken native binding and falls back to wasm", async () => {
    setBackendImporter(async (s) => {
      if (s.startsWith('@tensorflow/tfjs-node')) throw new Error('broken binding');
      return import(s);
    });
    await expect(useBackend('auto')).resolves.toBe('wasm');
  });

  it("'wasm' names the package to add when it is missing", async () => {
    setBackendImporter(async (s) => {
      const e = new Error(`Cannot find package '${s}' imported from /app/x.mjs`) as Error & {
        code: string;
      };
      e.code = 'ERR_MODULE_NOT_FOUND';
      throw e;
    });
    await expect(useBackend('wasm')).rejects.toThrow(
      "The 'wasm' backend needs the package @tensorflow/tfjs-backend-wasm. " +
        "Add it with `npm i @tensorflow/tfjs-backend-wasm`, or use useBackend('cpu').",
    );
  });

  it.each(['webgl', 'webgpu'] as const)('%s in Node gives a clear error', async (name) => {
    await useBackend('cpu');
    await expect(useBackend(name)).rejects.toThrow(
      new ValueError(
        `The '${name}' backend needs a browser with ${name === 'webgl' ? 'WebGL' : 'WebGPU'}; it is not available in Node.js. ` +
          "Use useBackend('wasm') (or 'tensorflow' with @tensorflow/tfjs-node installed) instead.",
      ),
    );
    expect(tf.getBackend()).toBe('cpu');
  });

  it('rejects an unknown name, listing the valid ones', async () => {
    const err = await useBackend('gpu' as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterError);
    expect((err as Error).message).toBe(
      "The 'name' parameter of useBackend must be a str among {'auto', 'cpu', 'wasm', " +
        "'tensorflow', 'webgl', 'webgpu'}. Got 'gpu' instead.",
    );
  });
});
