// Backend selection for TensorFlow.js: scikeras-ts's answer to "which device does Keras run on".
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError, pyRepr } from '@scikeras/estimator-core';
import { dynamicImport } from './internal/dynamicImport';

/** The backends {@link useBackend} knows. */
export type BackendName = 'auto' | 'cpu' | 'wasm' | 'tensorflow' | 'webgl' | 'webgpu';

const BACKENDS: readonly BackendName[] = ['auto', 'cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu'];

/** The native bindings tried for 'tensorflow', GPU first. */
const NODE_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

/** Overridable module loader (tests replace it to simulate installed packages). */
type Importer = (specifier: string) => Promise<unknown>;
const defaultImporter: Importer = dynamicImport;
let importer: Importer = defaultImporter;

/**
 * Replaces the function {@link useBackend} uses to import optional backend packages.
 * For tests and bundlers that resolve modules themselves; pass `null` to restore the default.
 *
 * @param fn - `(specifier) => Promise<module>`, or `null` for the default dynamic `import()`
 * @example
 * ```ts
 * setBackendImporter((s) => (s === '@tensorflow/tfjs-backend-wasm' ? import('./wasm-shim.js') : import(s)));
 * ```
 */
export function setBackendImporter(fn: Importer | null): void {
  importer = fn ?? defaultImporter;
}

function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown };
  return (
    (typeof g.window === 'object' && typeof g.document === 'object') ||
    typeof g.importScripts === 'function'
  );
}

function isModuleNotFound(err: unknown, specifier: string): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? '';
  const msg = String(e.message ?? '');
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    // A missing dependency *inside* the package is a broken install, not an absent package.
    return msg.includes(`'${specifier}'`) || msg.includes(`"${specifier}"`);
  }
  return /Cannot find (module|package)/.test(msg) && msg.includes(specifier);
}

async function activate(name: string): Promise<boolean> {
  if (tf.findBackendFactory(name) == null) return false;
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch {
    ok = false;
  }
  if (ok) await tf.ready();
  return ok && tf.getBackend() === name;
}

/** Runs one small op on the active backend; returns its error message, or null when it works. */
function firstOpError(): string | null {
  try {
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The Node.js major version, or 0 outside Node. */
function nodeMajor(): number {
  const v = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return v ? Number(v.split('.')[0]) : 0;
}

/**
 * Imports the first installed native TensorFlow binding and checks that it runs an op (tfjs-node
 * 4.22 loads on Node >= 23 but fails at its first op, tensorflow/tfjs#8609); throws a ValueError
 * otherwise, with the backend active before the call restored.
 */
async function loadTensorflow(): Promise<void> {
  const failures: string[] = [];
  let opFailed = false;
  const previous = tf.getBackend();
  for (const pkg of NODE_PACKAGES) {
    try {
      await importer(pkg);
    } catch (err) {
      if (isModuleNotFound(err, pkg)) continue;
      failures.push(`${pkg} is installed but failed to load: ${(err as Error).message}`);
      continue;
    }
    if (!(await activate('tensorflow'))) {
      failures.push(`${pkg} loaded but did not register a working 'tensorflow' backend`);
      continue;
    }
    const opError = firstOpError();
    if (opError === null) return;
    opFailed = true;
    failures.push(`${pkg} loaded but its first operation failed: ${opError}`);
    if (previous) await tf.setBackend(previous);
  }
  if (failures.length > 0) {
    const advice =
      opFailed && nodeMajor() >= 23
        ? `tfjs-node 4.22 does not run on Node.js 23 and later (tensorflow/tfjs#8609): ` +
          `use Node.js 22 for it, or useBackend('wasm').`
        : `Reinstall the package with its install script enabled (it downloads libtensorflow), ` +
          `or use useBackend('wasm').`;
    throw new ValueError(
      `The 'tensorflow' backend could not be started. ${failures.join('; ')}. ${advice}`,
    );
  }
  throw new ValueError(
    "The 'tensorflow' backend needs the native TensorFlow binding, which is not installed. " +
      'Add it with `npm i @tensorflow/tfjs-node` (CPU) or `npm i @tensorflow/tfjs-node-gpu` ' +
      "(CUDA GPU), or use useBackend('wasm') for the fastest backend without native code.",
  );
}

async function loadWasm(): Promise<void> {
  const pkg = '@tensorflow/tfjs-backend-wasm';
  try {
    await importer(pkg);
  } catch (err) {
    if (isModuleNotFound(err, pkg)) {
      throw new ValueError(
        "The 'wasm' backend needs the package @tensorflow/tfjs-backend-wasm. " +
          "Add it with `npm i @tensorflow/tfjs-backend-wasm`, or use useBackend('cpu').",
      );
    }
    throw new ValueError(
      `@tensorflow/tfjs-backend-wasm is installed but failed to load: ${(err as Error).message}`,
    );
  }
  if (!(await activate('wasm'))) {
    throw new ValueError(
      "The 'wasm' backend failed to initialize. In a browser, call " +
        "tf.wasm.setWasmPaths('<folder with tfjs-backend-wasm*.wasm>/') before useBackend('wasm').",
    );
  }
}

async function loadWebgl(): Promise<void> {
  if (!isBrowser()) {
    throw new ValueError(
      "The 'webgl' backend needs a browser with WebGL; it is not available in Node.js. " +
        "Use useBackend('wasm') (or 'tensorflow' with @tensorflow/tfjs-node installed) instead.",
    );
  }
  if (!(await activate('webgl'))) {
    throw new ValueError(
      "The 'webgl' backend failed to initialize: this browser gives no WebGL context. Use useBackend('wasm').",
    );
  }
}

async function loadWebgpu(): Promise<void> {
  if (!isBrowser()) {
    throw new ValueError(
      "The 'webgpu' backend needs a browser with WebGPU; it is not available in Node.js. " +
        "Use useBackend('wasm') (or 'tensorflow' with @tensorflow/tfjs-node installed) instead.",
    );
  }
  const pkg = '@tensorflow/tfjs-backend-webgpu';
  try {
    await importer(pkg);
  } catch (err) {
    if (isModuleNotFound(err, pkg)) {
      throw new ValueError(
        "The 'webgpu' backend needs the package @tensorflow/tfjs-backend-webgpu. " +
          'Add it with `npm i @tensorflow/tfjs-backend-webgpu`.',
      );
    }
    throw err;
  }
  if (!(await activate('webgpu'))) {
    throw new ValueError(
      "The 'webgpu' backend failed to initialize: this browser has no WebGPU adapter (navigator.gpu). Use useBackend('webgl') or 'wasm'.",
    );
  }
}

const LOADERS: Record<Exclude<BackendName, 'auto'>, () => Promise<void>> = {
  cpu: async () => {
    if (!(await activate('cpu'))) throw new ValueError("The 'cpu' backend failed to initialize.");
  },
  wasm: loadWasm,
  tensorflow: loadTensorflow,
  webgl: loadWebgl,
  webgpu: loadWebgpu,
};

/**
 * Selects the TensorFlow.js backend every wrapper trains and predicts on (tfjs's global
 * `tf.setBackend`, plus loading the package that provides it).
 *
 * - `'cpu'`: plain JavaScript, always available, slowest.
 * - `'wasm'`: `@tensorflow/tfjs-backend-wasm` (a dependency of `@scikeras/wrappers`, imported on
 *   demand), XNNPACK + SIMD; the fastest backend without native code (about 2.5-5x `'cpu'` on
 *   dense nets in Node).
 * - `'tensorflow'`: the native TensorFlow binding, `@tensorflow/tfjs-node-gpu` then
 *   `@tensorflow/tfjs-node` (optional peer dependencies: their install downloads libtensorflow),
 *   checked with one op: tfjs-node 4.22 fails on Node.js >= 23 (see docs/GPU.md), and `'auto'`
 *   then falls back to `'wasm'`.
 * - `'webgl'` / `'webgpu'`: browser GPU backends (`'webgpu'` needs `@tensorflow/tfjs-backend-webgpu`).
 * - `'auto'`: the fastest that works here, in the order tensorflow > webgpu > webgl (browser
 *   only) > wasm > cpu.
 *
 * @param name - the backend to use; defaults to `'auto'`
 * @returns the name of the backend now active (`tf.getBackend()`), e.g. `'wasm'` for `'auto'` in Node
 *   without tfjs-node
 * @throws InvalidParameterError when `name` is not one of the names above
 * @throws ValueError when the backend's package is not installed (the message names the package
 *   to add) or it cannot start in this environment (e.g. `'webgl'` in Node.js)
 * @example
 * ```ts
 * const backend = await useBackend('auto'); // 'wasm' in Node without @tensorflow/tfjs-node
 * const clf = await new KerasClassifier({ model: build }).fit(X, y);
 * ```
 * @remarks Keras picks its device itself; TensorFlow.js needs a backend chosen per process
 * (and per worker thread). scikit-learn has no counterpart.
 * @see https://js.tensorflow.org/api/latest/#setBackend
 */
export async function useBackend(name: BackendName = 'auto'): Promise<string> {
  if (typeof name !== 'string' || !(BACKENDS as readonly string[]).includes(name)) {
    throw new InvalidParameterError(
      `The 'name' parameter of useBackend must be a str among ` +
        `{${BACKENDS.map((b) => `'${b}'`).join(', ')}}. Got ${pyRepr(name)} instead.`,
    );
  }
  if (name !== 'auto') {
    await LOADERS[name]();
    return tf.getBackend();
  }
  const order: Exclude<BackendName, 'auto'>[] = isBrowser()
    ? ['tensorflow', 'webgpu', 'webgl', 'wasm', 'cpu']
    : ['tensorflow', 'wasm', 'cpu'];
  for (const candidate of order) {
    if (candidate === 'tensorflow' && isBrowser()) continue;
    try {
      await LOADERS[candidate]();
      return tf.getBackend();
    } catch {
      // try the next one
    }
  }
  throw new ValueError('No TensorFlow.js backend could be started, not even cpu.');
}
