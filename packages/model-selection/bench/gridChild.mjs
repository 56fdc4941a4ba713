// One process of the nJobs benchmark (bench/nJobs.mjs starts it, so every run starts cold):
// the reference grid search of the wrappers benchmark (MLP 20-H-H-3, H in {32, 64} x lr in
// {1e-3, 1e-2}, 3-fold + refit, 10 epochs, batch 64, wasm), `searches` times in a row on the
// data file's training rows; prints the wall time of each search as JSON.
// Usage: node gridChild.mjs <dataFile.json> <nJobs> <searches>
// It uses @scikeras/wrappers' build (the searched estimator) and its bench models: model-selection
// itself never imports the wrappers; this benchmark measures it on the estimator users search.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';

const wrappersDist = new URL('../../wrappers/dist/index.mjs', import.meta.url);
const tf = createRequire(wrappersDist)('@tensorflow/tfjs');
const { KerasClassifier, useBackend } = await import(wrappersDist.href);
const { referenceSearch } = await import(
  new URL('../../wrappers/bench/referenceSearch.mjs', import.meta.url).href
);
const { GridSearchCV } = await import(new URL('../dist/index.mjs', import.meta.url).href);

const [file, nJobsArg, searchesArg] = process.argv.slice(2);
const { X, y } = JSON.parse(readFileSync(file, 'utf8'));
tf.enableProdMode();
await useBackend('wasm');
const nJobs = Number(nJobsArg) === 1 ? null : Number(nJobsArg);
const ms = [];
for (let s = 0; s < Number(searchesArg); s++) {
  const gs = referenceSearch({ GridSearchCV, KerasClassifier }, { nJobs });
  const t0 = performance.now();
  await gs.fit(X, y);
  ms.push(performance.now() - t0);
  gs.dispose();
}
console.log(JSON.stringify({ ms, numTensors: tf.memory().numTensors }));
