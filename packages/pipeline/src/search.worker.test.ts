// GridSearchCV over a Pipeline(scaler, KerasClassifier) with nJobs 1 and nJobs 2: the pipeline,
// its grid values (whole scaler steps, 'passthrough') and the registered build function travel
// to model-selection's worker threads through the built packages; both give the same
// cvResults_, and the refitted bestEstimator_ saves and loads. Runs in a separate Node process
// (as users run it; jest's vm cannot host piscina's import()). Needs the built packages
// (`pnpm --filter @scikeras/pipeline... build`, which turbo's test task does first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const esm = (pkg: string) =>
  pathToFileURL(require.resolve(pkg).replace(/index\.js$/, 'index.mjs')).href;
const pipelineDist = join(__dirname, '..', 'dist', 'index.mjs');

function script(dir: string): string {
  return `
    const W = await import(${JSON.stringify(esm('@scikeras/wrappers'))});
    const P = await import(${JSON.stringify(pathToFileURL(pipelineDist).href)});
    const PP = await import(${JSON.stringify(esm('@scikeras/preprocessing'))});
    const MS = await import(${JSON.stringify(esm('@scikeras/model-selection'))});
    const D = await import(${JSON.stringify(esm('@scikeras/datasets'))});
    const { mlp } = await import(${JSON.stringify(pathToFileURL(join(__dirname, 'test-utils', 'models.mjs')).href)});
    await W.useBackend('wasm');
    const [Xall, yall] = D.loadBreastCancer({ returnXy: true });
    const X = Xall.slice(0, 120);
    const y = yall.slice(0, 120);
    const make = () => new P.Pipeline({ steps: [
      ['scaler', new PP.StandardScaler()],
      ['clf', new W.KerasClassifier({ model: mlp, loss: 'sparse_categorical_crossentropy',
        optimizer: 'adam', optimizer__learningRate: 0.01, epochs: 3, batchSize: 16, verbose: 0, randomState: 0 })],
    ] });
    const grid = {
      clf__model__hidden: [4, 8],
      scaler: [new PP.StandardScaler(), new PP.MinMaxScaler(), 'passthrough'],
    };
    // nJobs 2: the calling thread waits (once) until the worker thread builds a model, so that
    // some tasks surely run there (the calling thread would otherwise finish them all first)
    const { readFileSync, existsSync } = await import('node:fs');
    const log = process.env.PIPELINE_TEST_BUILD_LOG;
    const workerBuilds = () => existsSync(log) ? readFileSync(log, 'utf8').split('\\n').filter((t) => t && t !== '0').length : 0;
    let waited = false;
    const waitForWorker = () => {
      if (waited) return;
      waited = true;
      const cell = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 1200 && workerBuilds() === 0; i++) Atomics.wait(cell, 0, 0, 100);
    };
    const search = (nJobs) => new MS.GridSearchCV({ estimator: make(), paramGrid: grid, cv: 3, nJobs,
      onProgress: nJobs > 1 ? waitForWorker : null }).fit(X, y);
    const shown = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? String(v) : v);
    const results = (gs) => Object.fromEntries(Object.entries(gs.cvResults_)
      .filter(([k]) => !/Time$/.test(k))
      .map(([k, v]) => [k, k === 'params' ? v.map((p) => Object.fromEntries(Object.entries(p).map(([a, b]) => [a, shown(b)]))) : Array.from(v, shown)]));
    const seq = await search(1);
    const seqWorkerBuilds = workerBuilds();
    const par = await search(2);
    const parWorkerBuilds = workerBuilds();
    const probaSeq = await seq.bestEstimator_.predictProba(X);
    const probaPar = await par.bestEstimator_.predictProba(X);
    await W.saveEstimator(par.bestEstimator_, ${JSON.stringify(join(dir, 'best'))});
    const back = await W.loadEstimator(${JSON.stringify(join(dir, 'best'))});
    const probaBack = await back.predictProba(X);
    const predBack = await back.predict(X);
    const predPar = await par.bestEstimator_.predict(X);
    console.log(JSON.stringify({
      seq: results(seq), par: results(par), seqWorkerBuilds, parWorkerBuilds,
      bestSeq: String(seq.bestEstimator_.get('scaler')), bestPar: String(par.bestEstimator_.get('scaler')),
      bestParams: Object.fromEntries(Object.entries(par.bestParams_).map(([k, v]) => [k, shown(v)])),
      bestScore: par.bestScore_,
      sameBestProba: JSON.stringify(probaSeq) === JSON.stringify(probaPar),
      loadedClass: back.constructor === P.Pipeline, loadedSteps: back.steps.map(([n]) => n),
      sameLoadedProba: JSON.stringify(probaBack) === JSON.stringify(probaPar),
      sameLoadedPred: JSON.stringify(predBack) === JSON.stringify(predPar),
    }));
    seq.dispose(); par.dispose(); back.dispose();
  `;
}

describe('GridSearchCV over a Pipeline with a KerasClassifier, nJobs 1 and 2', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(pipelineDist))
      throw new Error(`Build the package first: ${pipelineDist} is missing.`);
    dir = mkdtempSync(join(tmpdir(), 'pipeline-search-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives identical cvResults_, and the refitted bestEstimator_ saves, loads and predicts identically', () => {
    const file = join(dir, 'search.mjs');
    writeFileSync(file, script(dir));
    const out = execFileSync(process.execPath, [file], {
      encoding: 'utf8',
      timeout: 280000,
      env: { ...process.env, PIPELINE_TEST_BUILD_LOG: join(dir, 'builds.log') },
    });
    const res = JSON.parse(out.trim().split('\n').pop()!);
    if (process.env.PIPELINE_FIGURES)
      console.log(
        JSON.stringify({
          meanTestScore: res.par.meanTestScore,
          bestParams: res.bestParams,
          bestScore: res.bestScore,
          workerBuilds: res.parWorkerBuilds,
        }),
      );
    expect(res.seq.params).toHaveLength(6);
    expect(res.seq.params).toEqual([
      { clf__model__hidden: 4, scaler: 'StandardScaler()' },
      { clf__model__hidden: 4, scaler: 'MinMaxScaler()' },
      { clf__model__hidden: 4, scaler: 'passthrough' },
      { clf__model__hidden: 8, scaler: 'StandardScaler()' },
      { clf__model__hidden: 8, scaler: 'MinMaxScaler()' },
      { clf__model__hidden: 8, scaler: 'passthrough' },
    ]);
    expect(res.seqWorkerBuilds).toBe(0); // nJobs 1: every model built in the calling thread
    expect(res.parWorkerBuilds).toBeGreaterThan(0); // nJobs 2: some pipelines fitted in a worker
    expect(res.par).toEqual(res.seq);
    expect(res.seq.meanTestScore.every((s: number) => s >= 0 && s <= 1)).toBe(true);
    expect(res.bestPar).toBe(res.bestSeq);
    expect(res.sameBestProba).toBe(true);
    expect(res.loadedClass).toBe(true);
    expect(res.loadedSteps).toEqual(['scaler', 'clf']);
    expect(res.sameLoadedProba).toBe(true);
    expect(res.sameLoadedPred).toBe(true);
  }, 300000);
});
