// A wrapper estimator really traveling to model-selection's worker threads (node:worker_threads), through the
// built packages: classes and build functions are found through the module URLs they were
// registered with (whatever the process's current directory), the backend follows.
// Needs `pnpm --filter @scikeras/wrappers build` and `pnpm --filter @scikeras/model-selection build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const cjsDist = join(__dirname, '..', 'dist', 'index.js');
const esmDist = pathToFileURL(join(__dirname, '..', 'dist', 'index.mjs')).href;

/** The user's modules in CommonJS or ESM: one that only defines models, one with a subclass. */
function userModules(dir: string, format: 'cjs' | 'mjs'): { models: string; classifier: string } {
  const models = join(dir, `models.${format}`);
  const classifier = join(dir, `classifier.${format}`);
  const tiny = `function tiny({ nFeaturesIn_, nClasses_, hidden = 4 }) {
      if (tf.getBackend() !== 'wasm') throw new Error('built on ' + tf.getBackend());
      return tf.sequential({ layers: [
        tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
        tf.layers.dense({ units: nClasses_, activation: 'softmax' }) ] });
    }`;
  // a user subclass: its own name, registered with the module that defines it
  const klass = `class TravelingClassifier extends KerasClassifier { static estimatorName = 'TravelingClassifier'; }`;
  if (format === 'cjs') {
    writeFileSync(
      models,
      `const tf = require('@tensorflow/tfjs');
       const { registerModel } = require(${JSON.stringify(cjsDist)});
       ${tiny}
       registerModel('w2-worker-tiny', tiny, { module: __filename });
       module.exports = { tiny };`,
    );
    writeFileSync(
      classifier,
      `const { KerasClassifier, registerEstimator } = require(${JSON.stringify(cjsDist)});
       ${klass}
       registerEstimator(TravelingClassifier, { module: __filename });
       module.exports = { TravelingClassifier };`,
    );
  } else {
    writeFileSync(
      models,
      `import { createRequire } from 'node:module';
       const tf = createRequire(${JSON.stringify(cjsDist)})('@tensorflow/tfjs');
       import { registerModel } from ${JSON.stringify(esmDist)};
       export ${tiny}
       registerModel('w2-worker-tiny', tiny, { module: import.meta.url });`,
    );
    writeFileSync(
      classifier,
      `import { KerasClassifier, registerEstimator } from ${JSON.stringify(esmDist)};
       export ${klass}
       registerEstimator(TravelingClassifier, { module: import.meta.url });`,
    );
  }
  return { models, classifier };
}

describe('wrappers in worker threads (nJobs: 2)', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(cjsDist)) throw new Error(`Build the package first: ${cjsDist} is missing.`);
    dir = mkdtempSync(join(tmpdir(), 'w2-workers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['cjs', 'mjs'] as const)(
    'runs GridSearchCV with nJobs 2 (%s user modules): workers import the build function and use wasm',
    (format) => {
      const { models, classifier } = userModules(dir, format);
      // A separate Node process (as users run it; jest's vm cannot host the pool's dynamic import()).
      const script = join(dir, `search-${format}.mjs`);
      const msDist = require
        .resolve('@scikeras/model-selection')
        .replace(/index\.js$/, 'index.mjs');
      writeFileSync(
        script,
        `import { createRequire } from 'node:module';
         import { pathToFileURL } from 'node:url';
         const tf = createRequire(${JSON.stringify(cjsDist)})('@tensorflow/tfjs');
         const { useBackend } = await import(${JSON.stringify(format === 'cjs' ? pathToFileURL(cjsDist).href : esmDist)});
         const { GridSearchCV } = await import(pathToFileURL(${JSON.stringify(msDist)}).href);
         const { tiny } = await import(pathToFileURL(${JSON.stringify(models)}).href);
         const { TravelingClassifier } = await import(pathToFileURL(${JSON.stringify(classifier)}).href);
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
    },
    120000,
  );

  it('runs GridSearchCV with nJobs 2 on a plain KerasClassifier imported by package name', () => {
    const { models } = userModules(dir, 'mjs');
    // run from this package's folder, where '@scikeras/wrappers' resolves (as in a user's project)
    const script = join(__dirname, '..', `.travel-plain-${process.pid}.mjs`);
    writeFileSync(
      script,
      `import { KerasClassifier, useBackend } from '@scikeras/wrappers';
       import { GridSearchCV } from '@scikeras/model-selection';
       import { tiny } from ${JSON.stringify(pathToFileURL(models).href)};
       await useBackend('wasm');
       const X = Array.from({ length: 30 }, (_, i) => [i % 3, (i * 7) % 5, (i % 3) * 2 + 0.1 * (i % 4)]);
       const y = X.map((_, i) => ['a', 'b', 'c'][i % 3]);
       const gs = new GridSearchCV({
         estimator: new KerasClassifier({ model: tiny, loss: 'sparse_categorical_crossentropy',
           optimizer: 'adam', epochs: 2, verbose: 0, randomState: 0 }),
         paramGrid: { model__hidden: [2, 4] }, cv: 2, nJobs: 2 });
       await gs.fit(X, y);
       const pred = await gs.predict(X.slice(0, 3));
       gs.dispose();
       console.log(JSON.stringify({ params: gs.cvResults_.params, pred }));`,
    );
    try {
      const out = execFileSync(process.execPath, [script], {
        cwd: join(__dirname, '..'),
        encoding: 'utf8',
        timeout: 110000,
      });
      const res = JSON.parse(out.trim().split('\n').pop()!);
      expect(res.params).toEqual([{ model__hidden: 2 }, { model__hidden: 4 }]);
      expect(res.pred).toHaveLength(3);
      for (const p of res.pred) expect(['a', 'b', 'c']).toContain(p);
    } finally {
      rmSync(script, { force: true });
    }
  }, 120000);

  it('runs GridSearchCV with callbacks and nJobs 2 (EarlyStopping, a registered class): they travel and stop as in this thread', () => {
    const { models } = userModules(dir, 'mjs');
    const callbacks = join(dir, 'callbacks.mjs');
    writeFileSync(
      callbacks,
      `import { createRequire } from 'node:module';
       const tf = createRequire(${JSON.stringify(cjsDist)})('@tensorflow/tfjs');
       import { registerCallback } from ${JSON.stringify(esmDist)};
       export class StopAfter extends tf.Callback {
         constructor(config) { super(); this.config = config; }
         getConfig() { return this.config; }
         async onEpochEnd(epoch) { if (epoch + 1 >= this.config.epochs) this.model.stopTraining = true; }
       }
       registerCallback('w2-worker-StopAfter', StopAfter, { module: import.meta.url });`,
    );
    const msDist = require.resolve('@scikeras/model-selection').replace(/index\.js$/, 'index.mjs');
    const script = join(dir, 'early-stopping-search.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
       import { pathToFileURL } from 'node:url';
       const tf = createRequire(${JSON.stringify(cjsDist)})('@tensorflow/tfjs');
       const { KerasClassifier, useBackend } = await import(${JSON.stringify(esmDist)});
       const { GridSearchCV } = await import(pathToFileURL(${JSON.stringify(msDist)}).href);
       const { tiny } = await import(pathToFileURL(${JSON.stringify(models)}).href);
       const { StopAfter } = await import(pathToFileURL(${JSON.stringify(callbacks)}).href);
       await useBackend('wasm');
       const X = Array.from({ length: 40 }, (_, i) => [i % 3, (i * 7) % 5, (i % 3) * 2 + 0.1 * (i % 4)]);
       const y = X.map((_, i) => ['a', 'b', 'c'][i % 3]);
       const n0 = tf.memory().numTensors;
       const search = (nJobs, callbacks) => new GridSearchCV({
         estimator: new KerasClassifier({ model: tiny, loss: 'sparse_categorical_crossentropy',
           optimizer: 'adam', optimizer__learningRate: 0.5, epochs: 30, verbose: 0, randomState: 0,
           validationSplit: 0.25, callbacks }),
         paramGrid: { model__hidden: [2, 4] }, cv: 2, nJobs, scoring: 'neg_log_loss' }).fit(X, y);
       const es = () => [tf.callbacks.earlyStopping({ patience: 1 })];
       const par = await search(2, es());
       const seq = await search(null, es());
       const none = await search(null, null);
       const out = { par: par.cvResults_.meanTestScore, seq: seq.cvResults_.meanTestScore,
         none: none.cvResults_.meanTestScore, epochs: par.bestEstimator_.history_.loss.length,
         callback: par.bestEstimator_.callbacks[0] instanceof tf.EarlyStopping };
       const stopAfter = () => [new StopAfter({ epochs: 3 })];
       const par3 = await search(2, stopAfter());
       const seq3 = await search(null, stopAfter());
       Object.assign(out, { par3: par3.cvResults_.meanTestScore, seq3: seq3.cvResults_.meanTestScore,
         epochs3: par3.bestEstimator_.history_.loss.length });
       for (const s of [par, seq, none, par3, seq3]) s.dispose();
       out.leaked = tf.memory().numTensors - n0;
       console.log(JSON.stringify(out));`,
    );
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 170000 });
    const res = JSON.parse(out.trim().split('\n').pop()!);
    expect(res.par).toEqual(res.seq);
    expect(res.par).not.toEqual(res.none);
    expect(res.epochs).toBeLessThan(30);
    expect(res.callback).toBe(true);
    expect(res.par3).toEqual(res.seq3);
    expect(res.par3).not.toEqual(res.none);
    expect(res.epochs3).toBe(3);
    expect(res.leaked).toBe(0);
  }, 180000);

  it('runs GridSearchCV over registered build functions with nJobs 2 from the repository root', () => {
    // The build functions live in a module of their own; the search runs with the repository
    // root as current directory, where neither @scikeras/wrappers nor @scikeras/model-selection
    // resolves by name: every module a worker imports comes from a resolved URL in the spec.
    const repoRoot = join(__dirname, '..', '..', '..');
    const models = join(dir, 'two-models.mjs');
    writeFileSync(
      models,
      `import { createRequire } from 'node:module';
       const tf = createRequire(${JSON.stringify(cjsDist)})('@tensorflow/tfjs');
       import { registerModel } from ${JSON.stringify(esmDist)};
       const dense = (units) => ({ nFeaturesIn_, nClasses_ }) => tf.sequential({ layers: [
         tf.layers.dense({ units, activation: 'relu', inputShape: [nFeaturesIn_] }),
         tf.layers.dense({ units: nClasses_, activation: 'softmax' }) ] });
       export const narrow = registerModel('w2-root-narrow', dense(2), { module: import.meta.url });
       export const wide = registerModel('w2-root-wide', dense(6), { module: import.meta.url });`,
    );
    const msDist = require.resolve('@scikeras/model-selection').replace(/index\.js$/, 'index.mjs');
    const script = join(dir, 'root-search.mjs');
    writeFileSync(
      script,
      `import { pathToFileURL } from 'node:url';
       const { KerasClassifier, useBackend } = await import(${JSON.stringify(esmDist)});
       const { GridSearchCV } = await import(pathToFileURL(${JSON.stringify(msDist)}).href);
       const { narrow, wide } = await import(pathToFileURL(${JSON.stringify(models)}).href);
       await useBackend('wasm');
       const X = Array.from({ length: 30 }, (_, i) => [i % 3, (i * 7) % 5, (i % 3) * 2 + 0.1 * (i % 4)]);
       const y = X.map((_, i) => ['a', 'b', 'c'][i % 3]);
       const search = (nJobs) => new GridSearchCV({
         estimator: new KerasClassifier({ model: narrow, loss: 'sparse_categorical_crossentropy',
           optimizer: 'adam', epochs: 2, verbose: 0, randomState: 0 }),
         paramGrid: { model: [narrow, wide] }, cv: 2, nJobs, refit: false }).fit(X, y);
       const par = await search(2);
       const seq = await search(null);
       console.log(JSON.stringify({ cwd: process.cwd(),
         params: par.cvResults_.params.map((p) => p.model === narrow ? 'narrow' : p.model === wide ? 'wide' : '?'),
         par: par.cvResults_.meanTestScore, seq: seq.cvResults_.meanTestScore }));`,
    );
    const out = execFileSync(process.execPath, [script], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 110000,
    });
    const res = JSON.parse(out.trim().split('\n').pop()!);
    expect(res.cwd).toBe(repoRoot);
    expect(res.params).toEqual(['narrow', 'wide']);
    expect(res.par).toEqual(res.seq);
  }, 120000);
});
