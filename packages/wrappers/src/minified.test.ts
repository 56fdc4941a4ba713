// Estimators keep their names through a minifier (which renames classes): a bundle made with
// esbuild --minify loads what the unminified code saved, shows and names classes by their
// registered names, and saves what the unminified code loads back.
// Needs the built packages (`pnpm --filter @scikeras/wrappers... build`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildSync } from 'esbuild';
import { GridSearchCV, KFold } from '@scikeras/model-selection';
import type { BuildContext } from './BaseWrapper';
import { KerasClassifier } from './KerasClassifier';
import { loadEstimator } from './loadEstimator';
import { registerModel } from './ModelRegistry';
import { saveEstimator } from './saveEstimator';

tf.enableProdMode();

const BUILD = `({ nFeaturesIn_, nClasses_ }) => tf.sequential({ layers: [
  tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
  tf.layers.dense({ units: nClasses_, activation: 'softmax' }) ] })`;
// the same model as BUILD, the bundle's copy
const build = registerModel(
  'min-mlp',
  ({ nFeaturesIn_, nClasses_ }: BuildContext): tf.LayersModel =>
    tf.sequential({
      layers: [
        tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }),
        tf.layers.dense({ units: Number(nClasses_), activation: 'softmax' }),
      ],
    }),
);

const X = Array.from({ length: 18 }, (_, i) => [i % 3, (i * 7) % 5, i / 18]);
const y = X.map((_, i) => ['a', 'b', 'c'][i % 3]!);

/** The program the minified bundle runs: load A, check names, save B. */
const ENTRY = `
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier, loadEstimator, registerModel, saveEstimator } from '../dist/index.mjs';
import { GridSearchCV, KFold } from '@scikeras/model-selection';
import { estimatorNameOf } from '@scikeras/estimator-core';
tf.enableProdMode();
registerModel('min-mlp', ${BUILD});
const [dirA, searchA, dirB, searchB, Xjson] = process.argv.slice(2);
const X = JSON.parse(Xjson);
await tf.setBackend('cpu');
const clf = await loadEstimator(dirA);
const search = await loadEstimator(searchA);
let message = '';
try { new KFold({ bogus: 1 }); } catch (e) { message = e.message; }
const out = {
  jsNames: [KerasClassifier.name, KFold.name, GridSearchCV.name],
  loaded: [estimatorNameOf(clf), estimatorNameOf(clf.targetEncoder_), estimatorNameOf(search), estimatorNameOf(search.cv)],
  instances: [clf instanceof KerasClassifier, search instanceof GridSearchCV, search.cv instanceof KFold],
  repr: String(new KFold({ nSplits: 3 })),
  message,
  predict: await clf.predict(X),
};
await saveEstimator(clf, dirB);
await saveEstimator(new GridSearchCV({ estimator: new KerasClassifier({ model: clf.model, epochs: 2 }), paramGrid: { epochs: [1, 2] }, cv: new KFold({ nSplits: 4 }) }), searchB);
clf.dispose();
console.log(JSON.stringify(out));
`;

describe('a minified bundle', () => {
  let dir: string;
  let bundle: string;
  beforeAll(() => {
    const dist = join(__dirname, '..', 'dist', 'index.mjs');
    if (!existsSync(dist)) throw new Error(`Build the package first: ${dist} is missing.`);
    dir = mkdtempSync(join(tmpdir(), 'w2-minified-'));
    // beside the package, so that the bundle resolves tfjs (left external: not our code)
    bundle = join(__dirname, '..', `.minified-${process.pid}.mjs`);
    const res = buildSync({
      stdin: { contents: ENTRY, resolveDir: __dirname, loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      external: ['@tensorflow/*'],
      outfile: bundle,
      logLevel: 'silent',
    });
    expect(res.errors).toEqual([]);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bundle, { force: true });
  });

  it('loads what unminified code saved, names classes by their registered names, and saves what it loads back', async () => {
    await tf.setBackend('cpu');
    const clf = await new KerasClassifier({
      model: build,
      loss: 'sparse_categorical_crossentropy',
      epochs: 2,
      verbose: 0,
      randomState: 0,
    }).fit(X, y);
    const [dirA, searchA, dirB, searchB] = ['a', 'sa', 'b', 'sb'].map((d) => join(dir, d));
    await saveEstimator(clf, dirA);
    await saveEstimator(
      new GridSearchCV({
        estimator: new KerasClassifier({ model: build }),
        paramGrid: { epochs: [1, 2] },
        cv: new KFold({ nSplits: 3 }),
      }),
      searchA,
    );
    const out = execFileSync(
      process.execPath,
      [bundle, dirA!, searchA!, dirB!, searchB!, JSON.stringify(X)],
      { encoding: 'utf8', timeout: 60000 },
    );
    const res = JSON.parse(out.trim().split('\n').pop()!);
    // the minifier did rename the classes
    expect(res.jsNames).not.toContain('KerasClassifier');
    expect(res.jsNames).not.toContain('KFold');
    expect(res.loaded).toEqual([
      'KerasClassifier',
      'ClassifierLabelEncoder',
      'GridSearchCV',
      'KFold',
    ]);
    expect(res.instances).toEqual([true, true, true]);
    expect(res.repr).toBe('KFold({ nSplits: 3 })');
    expect(res.message).toBe(
      "Invalid parameter 'bogus' for estimator KFold. Valid parameters are: ['nSplits', 'randomState', 'shuffle'].",
    );
    const expected = await clf.predict(X);
    expect(res.predict).toEqual(expected);
    const back = await loadEstimator<KerasClassifier>(dirB!);
    expect(back).toBeInstanceOf(KerasClassifier);
    expect(await back.predict(X)).toEqual(expected);
    const search = await loadEstimator<GridSearchCV>(searchB!);
    expect(search).toBeInstanceOf(GridSearchCV);
    expect(search.cv).toBeInstanceOf(KFold);
    expect((search.cv as KFold).nSplits).toBe(4);
    (search.estimator as unknown as KerasClassifier).dispose();
    back.dispose();
    clf.dispose();
  }, 120000);
});
