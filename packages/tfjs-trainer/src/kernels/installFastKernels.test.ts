import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {
  fastKernel,
  fastKernelsInstalled,
  installFastKernels as installHandle,
  withFastKernels,
  type FastKernelOptions,
  type FastKernelsHandle,
} from './installFastKernels';

tf.enableProdMode();

/** Handles installed by the running test, released after it. */
const held: FastKernelsHandle[] = [];

function installFastKernels(options?: FastKernelOptions): FastKernelsHandle {
  const handle = installHandle(options);
  held.push(handle);
  return handle;
}

/** Releases every handle the test installed: the stock kernels are back. */
function releaseFastKernels(): void {
  for (const handle of held.splice(0)) handle.uninstall();
}

describe('installFastKernels', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });
  afterEach(() => releaseFastKernels());
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('patches wasm and cpu by default, and only the kernels that gain', () => {
    const stock = {
      wasm: tf.getKernel('BatchMatMul', 'wasm'),
      wasmFused: tf.getKernel('_FusedMatMul', 'wasm'),
      cpu: tf.getKernel('BatchMatMul', 'cpu'),
      cpuFused: tf.getKernel('_FusedMatMul', 'cpu'),
    };
    expect(fastKernelsInstalled()).toBe(false);
    installFastKernels();
    expect(fastKernelsInstalled()).toBe(true);
    expect(fastKernelsInstalled('wasm')).toBe(true);
    expect(fastKernelsInstalled('cpu')).toBe(true);
    expect(tf.getKernel('BatchMatMul', 'wasm').kernelFunc).not.toBe(stock.wasm.kernelFunc);
    expect(tf.getKernel('_FusedMatMul', 'wasm').kernelFunc).not.toBe(stock.wasmFused.kernelFunc);
    expect(tf.getKernel('BatchMatMul', 'cpu').kernelFunc).not.toBe(stock.cpu.kernelFunc);
    // cpu's _FusedMatMul calls its product directly, not through the registry: left alone.
    expect(tf.getKernel('_FusedMatMul', 'cpu')).toBe(stock.cpuFused);
    releaseFastKernels();
    installFastKernels({ backends: ['wasm'] });
    expect(fastKernelsInstalled('wasm')).toBe(true);
    expect(fastKernelsInstalled('cpu')).toBe(false);
    expect(tf.getKernel('BatchMatMul', 'cpu')).toBe(stock.cpu);
  });

  it('is reference-counted: the stock kernel configs come back with the last uninstall', () => {
    const stock = {
      batch: tf.getKernel('BatchMatMul', 'wasm'),
      fused: tf.getKernel('_FusedMatMul', 'wasm'),
    };
    const first = installHandle();
    expect(first.backends).toEqual(['wasm', 'cpu']);
    const ours = tf.getKernel('BatchMatMul', 'wasm');
    const second = installHandle();
    const third = installHandle({ backends: ['wasm'] });
    expect(third.backends).toEqual(['wasm']);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(ours);
    // The wrapper keeps the stock setup so a re-initialised backend still works.
    expect(ours.setupFunc).toBe(stock.batch.setupFunc);
    first.uninstall();
    first.uninstall(); // a second call releases nothing more
    third.uninstall();
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(ours);
    expect(fastKernelsInstalled('cpu')).toBe(true);
    second.uninstall();
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(stock.batch);
    expect(tf.getKernel('_FusedMatMul', 'wasm')).toBe(stock.fused);
    expect(fastKernelsInstalled()).toBe(false);
  });

  it('withFastKernels installs for the call only, also when it throws', async () => {
    const stock = tf.getKernel('BatchMatMul', 'cpu');
    const inside = await withFastKernels(() => fastKernelsInstalled('cpu'), { backends: ['cpu'] });
    expect(inside).toBe(true);
    expect(tf.getKernel('BatchMatMul', 'cpu')).toBe(stock);
    await expect(
      withFastKernels(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fastKernelsInstalled()).toBe(false);
  });

  it.each(['wasm', 'cpu'])(
    'fastKernel gives the %s fast product without registering anything',
    (backend) => {
      const stock = tf.getKernel('BatchMatMul', backend);
      const direct = fastKernel('BatchMatMul', backend);
      expect(direct).toBeDefined();
      expect(direct).not.toBe(stock.kernelFunc);
      expect(tf.getKernel('BatchMatMul', backend)).toBe(stock);
      // the same function the install registers
      installFastKernels({ backends: [backend] });
      expect(tf.getKernel('BatchMatMul', backend).kernelFunc).toBe(direct);
      expect(fastKernel('BatchMatMul', backend)).toBe(direct);
      releaseFastKernels();
      // cpu's _FusedMatMul has no fast version: the registered one
      if (backend === 'cpu') {
        expect(fastKernel('_FusedMatMul', 'cpu')).toBe(
          tf.getKernel('_FusedMatMul', 'cpu').kernelFunc,
        );
      }
      expect(fastKernel('BatchMatMul', 'not-registered')).toBeUndefined();
    },
  );

  it('ignores backends it does not handle or that are not registered', () => {
    tf.registerBackend('no-such-backend', () => tf.engine().findBackend('cpu') as tf.KernelBackend);
    tf.copyRegisteredKernels('cpu', 'no-such-backend');
    try {
      const stock = tf.getKernel('BatchMatMul', 'no-such-backend');
      const handle = installFastKernels({ backends: ['no-such-backend', 'not-registered'] });
      expect(handle.backends).toEqual([]);
      expect(tf.getKernel('BatchMatMul', 'no-such-backend')).toBe(stock);
      expect(fastKernelsInstalled('no-such-backend')).toBe(false);
      expect(fastKernelsInstalled()).toBe(false);
    } finally {
      for (const config of tf.getKernelsForBackend('no-such-backend')) {
        tf.unregisterKernel(config.kernelName, 'no-such-backend');
      }
      tf.removeBackend('no-such-backend');
    }
  });

  it('leaves a kernel that someone re-registered after us in place on uninstall', () => {
    const stock = tf.getKernel('BatchMatMul', 'wasm');
    installFastKernels();
    const other = { ...stock };
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel(other);
    releaseFastKernels();
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(other);
    tf.unregisterKernel('BatchMatMul', 'wasm');
    tf.registerKernel(stock);
  });
});
