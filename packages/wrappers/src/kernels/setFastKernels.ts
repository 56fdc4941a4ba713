// The on/off switch of the fast matMul kernels (docs/PERFORMANCE.md): on by default.
import * as tf from '@tensorflow/tfjs';
import {
  fastKernelsInstalled,
  installFastKernels,
  uninstallFastKernels,
} from './installFastKernels';

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
let enabled = env?.SCIKERAS_FAST_KERNELS !== '0';

/**
 * Turns the fast matMul kernels on (the default) or off for every wrapper in this process.
 * Off uninstalls them at once and stops `fit`/`initialize` from installing them; the
 * environment variable `SCIKERAS_FAST_KERNELS=0` starts with them off.
 *
 * @param on - true to use the fast kernels, false for tfjs's stock kernels
 * @example
 * ```ts
 * import { setFastKernels } from '@scikeras/wrappers';
 * setFastKernels(false); // compare with tfjs's stock kernels
 * ```
 * @remarks Not part of scikit-learn or scikeras: tfjs-backend-wasm 4.22 runs transposed
 * products (every Dense layer's backward pass) 8-10x slower than plain ones.
 * @see {@link installFastKernels}
 */
export function setFastKernels(on: boolean): void {
  enabled = on;
  if (on) installFastKernels();
  else uninstallFastKernels();
}

/**
 * Whether the fast kernels are switched on (see {@link setFastKernels}).
 *
 * @returns true unless switched off
 * @example
 * ```ts
 * fastKernelsEnabled(); // true
 * ```
 */
export function fastKernelsEnabled(): boolean {
  return enabled;
}

/**
 * Installs the fast kernels for the active backend when they are switched on and not yet
 * installed there (cheap: called by every `fit`, `partialFit` and `initialize`).
 *
 * @example
 * ```ts
 * ensureFastKernels();
 * ```
 */
export function ensureFastKernels(): void {
  if (!enabled) return;
  const backend = tf.getBackend();
  if ((backend === 'wasm' || backend === 'cpu') && !fastKernelsInstalled(backend)) {
    installFastKernels({ backends: [backend] });
  }
}
