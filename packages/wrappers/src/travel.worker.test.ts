// A wrapper estimator really traveling to model-selection's worker threads (piscina), through the
// built packages: the class and the build function are found by module, the backend follows.
// Needs `pnpm --filter @scikeras/wrappers build` and `pnpm --filter @scikeras/model-selection build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dist = join(__dirname, '..', 'dist', 'index.js');

describe('toWrapperTravelSpec with worker threads', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(dist)) throw new Error(`Build the package first: ${dist} is missing.`);
    dir = mkdtempSync(join(tmpdir(), 'w2-workers-'));
    // A module that only defines models, registered with its own path (the documented pattern).
    writeFileSync(
      join(dir, 'models.cjs'),
      `const tf = require('@tensorflow/tfjs');
       const { registerModel } = require(${JSON.stringify(dist)});
       function tiny({ nFeaturesIn_, nClasses_, hidden = 4 }) {
         if (tf.getBackend() !== 'wasm') throw new Error('built on ' + tf.getBackend());
         return tf.sequential({ layers: [
           tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
           tf.layers.dense({ units: nClasses_, activation: 'softmax' }) ] });
       }
       registerModel('w2-worker-tiny', tiny, { module: __filename });
       module.exports = { tiny };`,
    );
    // A subclass the workers can import, with the travel hooks.
    writeFileSync(
      join(dir, 'classifier.cjs'),
      `const { KerasClassifier, toWrapperTravelSpec, fromWrapperTravelSpec } = require(${JSON.stringify(dist)});
       class TravelingClassifier extends KerasClassifier {
         toTravelSpec() { return toWrapperTravelSpec(this); }
         static fromTravelSpec(spec) { return fromWrapperTravelSpec(spec, this); }
       }
       TravelingClassifier.travel = { module: __filename, exportName: 'TravelingClassifier' };
       module.exports = { TravelingClassifier };`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs GridSearchCV with nJobs 2: workers import the build function and use wasm', () => {
    // A separate Node process (real ESM, as users run it; jest's vm cannot host piscina's import()).
    const script = join(dir, 'search.mjs');
    const msDist = require.resolve('@scikeras/model-selection').replace(/index\.js$/, 'index.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
       import { pathToFileURL } from 'node:url';
       const require = createRequire(${JSON.stringify(dist)});
       const tf = require('@tensorflow/tfjs');
       const { useBackend } = require(${JSON.stringify(dist)});
       const { GridSearchCV } = await import(pathToFileURL(${JSON.stringify(msDist)}).href);
       const { tiny } = require(${JSON.stringify(join(dir, 'models.cjs'))});
       const { TravelingClassifier } = require(${JSON.stringify(join(dir, 'classifier.cjs'))});
       await useBackend('wasm');
       const X = Array.from({ length: 30 }, (_, i) => [i % 3, (i * 7) % 5, (i % 3) * 2 + 0.1 * (i % 4)]);
       const y = X.map((_, i) => ['a', 'b', 'c'][i % 3]);
       const n0 = tf.memory().numTensors;
       const gs = new GridSearchCV({
         estimator: new TravelingClassifier({ model: tiny, loss: 'sparse_categorical_crossentropy',
           optimizer: 'adam', epochs: 2, verbose: 0, randomState: 0 }),
         paramGrid: { model__hidden: [2, 4] }, cv: 2, nJobs: 2 });
       await gs.fit(X, y);
       const pred = await gs.bestEstimator_.predict(X.slice(0, 3));
       gs.bestEstimator_.dispose();
       console.log(JSON.stringify({ params: gs.cvResults_.params, scores: gs.cvResults_.meanTestScore,
         pred, leaked: tf.memory().numTensors - n0, backend: tf.getBackend() }));`,
    );
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 110000 });
    const res = JSON.parse(out.trim().split('\n').pop()!);
    expect(res.params).toEqual([{ model__hidden: 2 }, { model__hidden: 4 }]);
    expect(res.scores.every((s: number) => s >= 0 && s <= 1)).toBe(true);
    expect(res.pred).toHaveLength(3);
    expect(res.leaked).toBe(0);
    expect(res.backend).toBe('wasm');
  }, 120000);
});
