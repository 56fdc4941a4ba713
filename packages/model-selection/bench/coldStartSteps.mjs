/* global WebAssembly */
// What one cold thread does before its first fit of the nJobs benchmark, step by step (what a
// worker of the pool does, imports made one at a time so that each can be timed): the worker
// entry's own imports, tfjs, its wasm backend, our packages, the estimator's module, the wasm
// backend's start, then two fits of the reference MLP. Run by coldStart.mjs in worker threads
// (or in the main thread). Each mark: wall time (ms since the epoch), this thread's CPU time and
// run-queue wait (/proc/thread-self/schedstat, ns), the process's CPU time (all threads).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { URL, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

const marks = [];
function schedstat() {
  try {
    const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { runMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return { runMs: NaN, waitMs: NaN };
  }
}
function mark(step) {
  const c = process.cpuUsage();
  marks.push({
    step,
    t: performance.timeOrigin + performance.now(),
    ...schedstat(),
    procCpuMs: (c.user + c.system) / 1000,
  });
}
mark('script loaded');

// WebAssembly compiles, as tfjs-backend-wasm and our trainer's SIMD module make them
const wasm = [];
const { compile, instantiate, Module } = WebAssembly;
const size = (b) => b?.byteLength ?? b?.buffer?.byteLength ?? NaN;
WebAssembly.instantiate = async function (src, imports) {
  const t0 = performance.now();
  const out = await instantiate.call(this, src, imports);
  wasm.push({ what: 'instantiate', bytes: size(src), ms: performance.now() - t0 });
  return out;
};
WebAssembly.compile = async function (src) {
  const t0 = performance.now();
  const out = await compile.call(this, src);
  wasm.push({ what: 'compile', bytes: size(src), ms: performance.now() - t0 });
  return out;
};
WebAssembly.Module = new Proxy(Module, {
  construct(target, args) {
    const t0 = performance.now();
    const out = new target(...args);
    wasm.push({ what: 'new Module (sync)', bytes: size(args[0]), ms: performance.now() - t0 });
    return out;
  },
});

const here = (f) => new URL(f, import.meta.url);
const wrappersDist = here('../../wrappers/dist/index.mjs');
const req = createRequire(wrappersDist);
const url = (s) => pathToFileURL(req.resolve(s)).href;

await import('@scikeras/estimator-core');
mark('import @scikeras/estimator-core (the worker entry)');
const tf = await import(url('@tensorflow/tfjs'));
mark('import @tensorflow/tfjs (umbrella)');
await import(url('@tensorflow/tfjs-backend-wasm'));
mark('import @tensorflow/tfjs-backend-wasm');
await import(url('@scikeras/tfjs-trainer'));
mark('import @scikeras/tfjs-trainer');
const { KerasClassifier, useBackend } = await import(wrappersDist.href);
mark('import @scikeras/wrappers');
// referenceSearch.mjs imports the estimator's module (bench/models.mjs) and defines nothing else
const { REFERENCE_PARAMS } = await import(here('../../wrappers/bench/referenceSearch.mjs').href);
mark("import the estimator's module (bench/models.mjs)");
tf.enableProdMode();
await useBackend('wasm');
mark("useBackend('wasm') (read + compile + instantiate the .wasm)");

const { X, y } = JSON.parse(readFileSync(workerData?.file ?? process.argv[2], 'utf8'));
const n = Math.round((X.length * 2) / 3);
const fit = async () => {
  const est = new KerasClassifier({ ...REFERENCE_PARAMS, model__hidden: 32 });
  await est.fit(X.slice(0, n), y.slice(0, n));
  est.dispose();
};
mark('data read');
await fit();
mark('first fit (2/3 of the rows, H=32)');
await fit();
mark('second fit (same)');
for (let i = 3; i <= Number(process.env.COLD_START_FITS ?? 2); i++) {
  await fit();
  mark(`fit ${i} (same)`);
}

const out = { marks, wasm, numTensors: tf.memory().numTensors };
if (isMainThread) console.log(JSON.stringify(out));
else parentPort.postMessage(out);
