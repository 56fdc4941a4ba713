// Test helpers: run a suite on each backend the trainer handles, seed Math.random.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

tf.enableProdMode();

/** The backends every trainer test runs on. */
export const BACKENDS = ['cpu', 'wasm'] as const;

/** Sets the tfjs backend for the enclosing describe block. */
export function useTestBackend(name: string): void {
  beforeAll(async () => {
    await tf.setBackend(name);
    await tf.ready();
  });
}

/**
 * Runs `fn` with `Math.random` replaced by a generator seeded with `seed` (mulberry32), and
 * restores it after: tfjs draws the seeds of its initializers and `fit`'s shuffles from
 * `Math.random`, so two runs with the same seed build the same weights and batches.
 */
export async function withSeededRandom<T>(seed: number, fn: () => T | Promise<T>): Promise<T> {
  const original = Math.random;
  let s = seed >>> 0;
  Math.random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}

/**
 * Asserts after every test of the enclosing `describe` that `tf.memory().numTensors` and the
 * backend's own buffer count are back to their values before the test (no tensor leaked, and no
 * buffer left inside the backend by a kernel's intermediates or an arena).
 */
export function checkNoLeakedBuffers(): void {
  let tensors = 0;
  let buffers = 0;
  const backendBuffers = (): number => tf.engine().backend.numDataIds();
  beforeEach(() => {
    tensors = tf.memory().numTensors;
    buffers = backendBuffers();
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(tensors);
    expect(backendBuffers()).toBe(buffers);
  });
}

/**
 * Counts the tfjs kernel dispatches while `fn` runs (only those of kernel `name`, when given),
 * through a wrapper around the engine's `runKernel`, removed afterwards.
 */
export async function countKernels(fn: () => unknown, name?: string): Promise<number> {
  const engine = tf.engine() as unknown as { runKernel: (...a: unknown[]) => unknown };
  const original = engine.runKernel;
  let count = 0;
  engine.runKernel = function (this: unknown, ...a: unknown[]) {
    if (name === undefined || a[0] === name) count++;
    return original.apply(this, a);
  };
  try {
    await fn();
  } finally {
    engine.runKernel = original;
  }
  return count;
}
