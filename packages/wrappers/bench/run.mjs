// The wrappers benchmark (`node scripts/bench.mjs wrappers`):
//  1. wrapper overhead: KerasClassifier.fit/predict against the same model trained with raw tfjs
//     model.fit/predict on the same backend (wasm), same data (goal: fit <= 1.05x, predict <= 1.10x);
//  2. the reference grid search (make_classification 6000 x 20, 3 classes; MLP 20-H-H-3, adam,
//     batch 64, 10 epochs; GridSearchCV over H x learning rate, 3-fold, refit; test accuracy) with
//     nJobs 1 and 2, next to scikit-learn's MLPClassifier in GridSearchCV on the same data;
//  3. real data: 5-fold crossValScore on iris, breast cancer and diabetes next to scikit-learn's
//     MLPClassifier / MLPRegressor on the same folds; the table goes to docs/REAL_DATA.md.
// Imports the built package (../dist). Set WRAPPERS_BENCH_PARTS=overhead,grid,real to pick parts.
// (The matMul kernels and the lean loop on their own: @scikeras/tfjs-trainer's bench.)
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { row, timeIt, pythonHas, runPython } from '../../../scripts/benchUtil.mjs';
import { installFastKernels } from '@scikeras/tfjs-trainer';
import { KerasClassifier, KerasRegressor, useBackend } from '../dist/index.mjs';
import { loadBreastCancer, loadDiabetes, loadIris, makeReferenceClassification } from './data.mjs';
import { mlpHH, scaledMlp, scaledMlpRegressor } from './models.mjs';
import { torchReference } from './torchReference.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PARTS = (process.env.WRAPPERS_BENCH_PARTS ?? 'overhead,grid,real').split(',');
const HAS_SKLEARN = pythonHas('sklearn', 'numpy');

tf.enableProdMode();

// ---------------------------------------------------------------- 1. wrapper overhead

const OVERHEAD = { hidden: 64, epochs: 10, batchSize: 64, learningRate: 1e-3 };

function rawModel(nFeatures, nClasses) {
  const model = mlpHH({ nFeaturesIn_: nFeatures, nClasses_: nClasses, hidden: OVERHEAD.hidden });
  model.compile({
    optimizer: tf.train.adam(OVERHEAD.learningRate),
    loss: 'sparseCategoricalCrossentropy',
  });
  return model;
}

function disposeModel(model) {
  const opt = model.optimizer;
  model.dispose();
  opt?.dispose();
}

function overheadClassifier() {
  return new KerasClassifier({
    model: mlpHH,
    model__hidden: OVERHEAD.hidden,
    optimizer: 'adam',
    optimizer__learningRate: OVERHEAD.learningRate,
    loss: 'sparse_categorical_crossentropy',
    batchSize: OVERHEAD.batchSize,
    epochs: OVERHEAD.epochs,
    verbose: 0,
  });
}

async function overheadRows(data) {
  const { Xtrain, ytrain, Xtest } = data;
  const nF = Xtrain[0].length;
  // Raw tfjs, the way a tfjs user trains from JavaScript arrays: tensors in, fit, dispose. Same
  // batch size (64) for fit and predict on both sides (the wrapper predicts with `batchSize` too).
  // The raw side runs on @scikeras/tfjs-trainer's fast kernels (installFastKernels), the wrapper
  // on its defaults (the fast trainer, tfjs's kernel registry untouched).
  const rawFit = async () => {
    const fast = installFastKernels();
    const model = rawModel(nF, 3);
    const xs = tf.tensor2d(Xtrain);
    const ys = tf.tensor1d(ytrain, 'float32');
    await model.fit(xs, ys, {
      batchSize: OVERHEAD.batchSize,
      epochs: OVERHEAD.epochs,
      shuffle: true,
      verbose: 0,
    });
    xs.dispose();
    ys.dispose();
    disposeModel(model);
    fast.uninstall();
  };
  const oursFit = async () => {
    const clf = await overheadClassifier().fit(Xtrain, ytrain);
    clf.dispose();
  };
  // Interleave the two so that drift (thermal, other processes) hits both alike.
  const rawTimes = [];
  const oursTimes = [];
  await rawFit();
  await oursFit();
  for (let i = 0; i < 5; i++) {
    rawTimes.push(await wall(rawFit));
    oursTimes.push(await wall(oursFit));
  }
  const rawFitMs = median(rawTimes);
  const oursFitMs = median(oursTimes);

  const model = rawModel(nF, 3);
  {
    const xs = tf.tensor2d(Xtrain);
    const ys = tf.tensor1d(ytrain, 'float32');
    await model.fit(xs, ys, { batchSize: OVERHEAD.batchSize, epochs: 1, verbose: 0 });
    tf.dispose([xs, ys]);
  }
  const clf = await overheadClassifier().setParams({ epochs: 1 }).fit(Xtrain, ytrain);
  const rawPredict = async () => {
    const fast = installFastKernels();
    const labels = tf.tidy(() => {
      const out = model.predict(tf.tensor2d(Xtest), { batchSize: OVERHEAD.batchSize });
      return out.argMax(-1);
    });
    const arr = Array.from(await labels.data());
    labels.dispose();
    fast.uninstall();
    return arr;
  };
  const oursPredict = () => clf.predict(Xtest);
  const rawPredictMs = await timeIt(rawPredict, { repeat: 21, warmup: 3 });
  const oursPredictMs = await timeIt(oursPredict, { repeat: 21, warmup: 3 });
  disposeModel(model);
  clf.dispose();
  const backend = tf.getBackend();
  const ratioNote = (ours, raw, goal) =>
    `ours/raw ${(ours / raw).toFixed(3)}x (goal <= ${goal}x), ${backend}, 5000 x 20, MLP 20-64-64-3`;
  return [
    row(
      'wrapper overhead',
      'fit 10 epochs: KerasClassifier vs raw model.fit',
      oursFitMs,
      rawFitMs,
      {
        ref: `raw tfjs ${tf.version.tfjs}`,
        note: ratioNote(oursFitMs, rawFitMs, 1.05),
      },
    ),
    row(
      'wrapper overhead',
      'predict 1000 rows: KerasClassifier vs raw model.predict',
      oursPredictMs,
      rawPredictMs,
      {
        ref: `raw tfjs ${tf.version.tfjs}`,
        note: ratioNote(oursPredictMs, rawPredictMs, 1.1),
      },
    ),
  ];
}

async function wall(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// ---------------------------------------------------------------- 2. reference grid search

const GRID = { model__hidden: [32, 64], optimizer__learningRate: [1e-3, 1e-2] };

async function oursGridSearch(data, nJobs, randomState = 0, trainer = 'fast') {
  const { GridSearchCV } = await import('@scikeras/model-selection');
  // a plain KerasClassifier: the workers import @scikeras/wrappers by the URL it registered under
  const estimator = new KerasClassifier({
    trainer,
    model: mlpHH,
    optimizer: 'adam',
    loss: 'sparse_categorical_crossentropy',
    batchSize: 64,
    epochs: 10,
    // seeded like scikit-learn's side (random_state=0): every row trains the same networks
    randomState,
    verbose: 0,
  });
  const gs = new GridSearchCV({ estimator, paramGrid: GRID, cv: 3, refit: true, nJobs });
  const t0 = performance.now();
  await gs.fit(data.Xtrain, data.ytrain);
  const ms = performance.now() - t0;
  const acc = await gs.score(data.Xtest, data.ytest);
  const best = gs.bestParams_;
  gs.bestEstimator_?.dispose?.();
  return { ms, acc, best };
}

const SKLEARN_GRID = `
import os
os.environ["PYTHONWARNINGS"] = "ignore"  # also in the n_jobs=2 worker processes
import json, time, warnings
from sklearn.datasets import make_classification
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import GridSearchCV
from sklearn.neural_network import MLPClassifier
warnings.filterwarnings("ignore", category=ConvergenceWarning)
X, y = make_classification(n_samples=6000, n_features=20, n_informative=10, n_redundant=4, n_classes=3, random_state=0)
Xtr, ytr, Xte, yte = X[:5000], y[:5000], X[5000:], y[5000:]
out = {}
# "2_reused": a second n_jobs=2 search, on the loky workers the first one started
for key, n_jobs in (("1", 1), ("2", 2), ("2_reused", 2)):
    gs = GridSearchCV(
        MLPClassifier(solver="adam", batch_size=64, max_iter=10, random_state=0),
        {"hidden_layer_sizes": [(32, 32), (64, 64)], "learning_rate_init": [1e-3, 1e-2]},
        cv=3, refit=True, n_jobs=n_jobs)
    t0 = time.perf_counter()
    gs.fit(Xtr, ytr)
    ms = (time.perf_counter() - t0) * 1000
    out[key] = {"ms": ms, "acc": gs.score(Xte, yte), "best": {k: list(v) if isinstance(v, tuple) else v for k, v in gs.best_params_.items()}}
# test accuracy over seeds 0-4 (n_jobs=1): one seed's accuracy is a draw
accs = []
for seed in range(5):
    gs = GridSearchCV(
        MLPClassifier(solver="adam", batch_size=64, max_iter=10, random_state=seed),
        {"hidden_layer_sizes": [(32, 32), (64, 64)], "learning_rate_init": [1e-3, 1e-2]},
        cv=3, refit=True, n_jobs=1)
    gs.fit(Xtr, ytr)
    accs.append(gs.score(Xte, yte))
out["seeds"] = accs
print(json.dumps(out))
`;

async function gridRows(data) {
  const rows = [];
  const sk = HAS_SKLEARN ? runPython(SKLEARN_GRID) : null;
  // skorch (PyTorch) on the same search, in this run (bench/torchReference.py)
  const torch = torchReference('grid');
  const skorch = torch.grid ?? null;
  // the default is trainer 'fast' (the lean loop, calling the fast kernels itself); the other rows
  // train through model.fit, on tfjs's stock kernels or with installFastKernels() held
  const variants = [
    { nJobs: 1, trainer: 'modelFit', fast: false, what: "stock tfjs (trainer: 'modelFit')" },
    {
      nJobs: 1,
      trainer: 'modelFit',
      fast: true,
      what: "fast kernels + model.fit (trainer: 'modelFit', installFastKernels())",
    },
    { nJobs: 1, trainer: 'fast', what: 'fast kernels + lean loop (default)' },
    { nJobs: 2, trainer: 'fast', what: 'fast kernels + lean loop (default), cold worker' },
    // model-selection keeps its worker for 30 s after a search (as joblib's loky keeps its
    // processes): the second search reuses it; scikit-learn's second n_jobs=2 search likewise
    {
      nJobs: 2,
      trainer: 'fast',
      what: 'fast kernels + lean loop (default), worker reused',
      skKey: '2_reused',
    },
  ];
  for (const { nJobs, trainer, fast, what, skKey } of variants) {
    const name = `GridSearchCV 4 candidates x 3 folds + refit, nJobs ${nJobs}, ${what}`;
    const skr = sk?.[skKey ?? String(nJobs)];
    const sko = skorch?.[String(nJobs)];
    let res;
    const kernels = fast ? installFastKernels() : null;
    try {
      res = await oursGridSearch(data, nJobs, 0, trainer);
    } catch (e) {
      rows.push(
        row('grid search', name, NaN, skr?.ms, {
          note: `FAILED: ${String(e?.message ?? e).slice(0, 300)}`,
        }),
      );
      continue;
    } finally {
      kernels?.uninstall();
    }
    const skorchNote = sko
      ? `skorch ${torch.skorch} (torch ${torch.torch}, ${sko.torch_threads} thread) n_jobs=${nJobs}: ${Math.round(sko.ms)} ms, test accuracy ${sko.acc.toFixed(4)}; skorch/ours = ${(sko.ms / res.ms).toFixed(2)}`
      : (torch.note ?? 'skorch: no figure');
    rows.push(
      row('grid search', name, res.ms, skr?.ms, {
        ref: `scikit-learn 1.2.1 MLPClassifier, n_jobs=${nJobs}${skKey ? ', workers reused' : ''}`,
        test_accuracy: round(res.acc, 4),
        ref_test_accuracy: skr ? round(skr.acc, 4) : undefined,
        skorch_ms: sko ? Math.round(sko.ms) : undefined,
        skorch_test_accuracy: sko ? round(sko.acc, 4) : undefined,
        vs_skorch: sko ? round(sko.ms / res.ms, 2) : undefined,
        note:
          `test accuracy ${res.acc.toFixed(4)} (sklearn ${skr ? skr.acc.toFixed(4) : 'n/a'}); best ${JSON.stringify(res.best)}; ` +
          `${tf.getBackend()}, ${cpus().length} cores; ${skorchNote}`,
      }),
    );
  }
  // test accuracy over randomState 0-4 (nJobs 1, defaults): one seed's accuracy is a draw
  const accs = [];
  for (let seed = 0; seed < 5; seed++) accs.push((await oursGridSearch(data, 1, seed)).acc);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const span = (xs) => `${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}`;
  const skAccs = sk?.seeds ?? null;
  rows.push(
    row(
      'grid search',
      'test accuracy of the refitted best model, randomState 0-4, nJobs 1',
      NaN,
      NaN,
      {
        ref: 'scikit-learn 1.2.1 MLPClassifier, random_state 0-4',
        test_accuracy: round(mean(accs), 4),
        ref_test_accuracy: skAccs ? round(mean(skAccs), 4) : undefined,
        note:
          `ours mean ${mean(accs).toFixed(4)} (${span(accs)}: ${accs.map((a) => a.toFixed(3)).join(', ')}); ` +
          (skAccs
            ? `scikit-learn mean ${mean(skAccs).toFixed(4)} (${span(skAccs)}: ${skAccs.map((a) => a.toFixed(3)).join(', ')})`
            : 'scikit-learn: not run'),
      },
    ),
  );
  return rows;
}

function round(x, d) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------- 3. real data

const REAL = [
  {
    name: 'iris',
    load: loadIris,
    kind: 'classifier',
    goal: 0.93,
    ours: () =>
      new KerasClassifier({
        model: scaledMlp,
        model__hidden: 32,
        optimizer: 'adam',
        optimizer__learningRate: 0.01,
        loss: 'sparse_categorical_crossentropy',
        batchSize: 16,
        epochs: 50,
        verbose: 0,
        randomState: 0,
      }),
    sk: {
      cls: 'MLPClassifier',
      params: { hidden_layer_sizes: [32], learning_rate_init: 0.01, batch_size: 16, max_iter: 50 },
    },
    setup: '32 relu, adam 0.01, batch 16, 50 epochs',
  },
  {
    name: 'breast cancer',
    load: loadBreastCancer,
    kind: 'classifier',
    goal: 0.95,
    ours: () =>
      new KerasClassifier({
        model: scaledMlp,
        model__hidden: 32,
        optimizer: 'adam',
        optimizer__learningRate: 0.001,
        loss: 'sparse_categorical_crossentropy',
        batchSize: 32,
        epochs: 30,
        verbose: 0,
        randomState: 0,
      }),
    sk: {
      cls: 'MLPClassifier',
      params: { hidden_layer_sizes: [32], learning_rate_init: 0.001, batch_size: 32, max_iter: 30 },
    },
    setup: '32 relu, adam 0.001, batch 32, 30 epochs',
  },
  {
    name: 'diabetes',
    load: loadDiabetes,
    kind: 'regressor',
    goal: 0.4,
    ours: () =>
      new KerasRegressor({
        model: scaledMlpRegressor,
        model__hidden: 16,
        optimizer: 'adam',
        optimizer__learningRate: 0.001,
        loss: 'mse',
        batchSize: 32,
        epochs: 100,
        verbose: 0,
        randomState: 0,
      }),
    sk: {
      cls: 'MLPRegressor',
      params: {
        hidden_layer_sizes: [16],
        learning_rate_init: 0.001,
        batch_size: 32,
        max_iter: 100,
      },
    },
    setup: '16 relu, adam 0.001, batch 32, 100 epochs, y standardized',
  },
];

const SKLEARN_FOLDS = (file) => `
import json, time, warnings
import numpy as np
from sklearn.compose import TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import cross_val_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
warnings.filterwarnings("ignore", category=ConvergenceWarning)
jobs = json.load(open(${JSON.stringify(file)}))
out = {}
for job in jobs:
    X, y = np.array(job["X"]), np.array(job["y"])
    p = dict(job["sk"]["params"], solver="adam", alpha=0.0, random_state=0)
    p["hidden_layer_sizes"] = tuple(p["hidden_layer_sizes"])
    if job["sk"]["cls"] == "MLPRegressor":
        est = TransformedTargetRegressor(make_pipeline(StandardScaler(), MLPRegressor(**p)), transformer=StandardScaler())
    else:
        est = make_pipeline(StandardScaler(), MLPClassifier(**p))
    folds = [(np.array(tr), np.array(te)) for tr, te in job["folds"]]
    t0 = time.perf_counter()
    s = cross_val_score(est, X, y, cv=folds)
    out[job["name"]] = {"scores": s.tolist(), "ms": (time.perf_counter() - t0) * 1000}
print(json.dumps(out))
`;

async function realRows() {
  const { KFold, StratifiedKFold, crossValScore } = await import('@scikeras/model-selection');
  const jobs = [];
  const ours = {};
  for (const d of REAL) {
    const { X, y } = d.load();
    const splitter =
      d.kind === 'classifier'
        ? new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 0 })
        : new KFold({ nSplits: 5, shuffle: true, randomState: 0 });
    const folds = [...splitter.split(X, y)].map(([tr, te]) => [Array.from(tr), Array.from(te)]);
    const t0 = performance.now();
    const scores = await crossValScore(d.ours(), X, y, { cv: folds });
    ours[d.name] = { scores, ms: performance.now() - t0 };
    jobs.push({ name: d.name, X, y, folds, sk: d.sk });
  }
  let sk = {};
  if (HAS_SKLEARN) {
    const dir = mkdtempSync(join(tmpdir(), 'wrappers-bench-'));
    try {
      const file = join(dir, 'jobs.json');
      writeFileSync(file, JSON.stringify(jobs));
      sk = runPython(SKLEARN_FOLDS(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rows = REAL.map((d) => {
    const o = ours[d.name];
    const s = sk[d.name];
    const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
    const metric = d.kind === 'classifier' ? 'accuracy' : 'r2';
    return row('real data', `${d.name}: 5-fold crossValScore (${metric})`, o.ms, s?.ms, {
      ref:
        d.kind === 'classifier'
          ? 'scikit-learn 1.2.1 MLPClassifier'
          : 'scikit-learn 1.2.1 MLPRegressor',
      score: round(mean(o.scores), 4),
      ref_score: s ? round(mean(s.scores), 4) : undefined,
      folds: o.scores.map((x) => round(x, 4)),
      ref_folds: s?.scores.map((x) => round(x, 4)),
      goal: d.goal,
      note: `mean ${metric} ${mean(o.scores).toFixed(4)} (goal >= ${d.goal}; sklearn ${s ? mean(s.scores).toFixed(4) : 'n/a'}); ${d.setup}`,
    });
  });
  await writeRealDataDoc(rows);
  return rows;
}

async function writeRealDataDoc(rows) {
  const lines = [
    '# Real data: KerasClassifier / KerasRegressor next to scikit-learn',
    '',
    `Generated by \`node scripts/bench.mjs wrappers\` (packages/wrappers/bench/run.mjs) on ${new Date().toISOString().slice(0, 10)},`,
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, TensorFlow.js ${tf.version.tfjs} on the \`${tf.getBackend()}\` backend,`,
    "scikit-learn 1.2.1. Data: scikit-learn's bundled copies in /work/shared/data.",
    '',
    'Both sides use the **same five folds** (StratifiedKFold for the classifiers, KFold for the',
    'regressor; `nSplits: 5, shuffle: true, randomState: 0`, computed by @scikeras/model-selection',
    'and handed to scikit-learn as explicit index lists) and the same network: one hidden relu',
    'layer, adam, no L2 penalty (`alpha=0`), the same batch size and number of epochs.',
    '',
    '**Standardization happens inside each fold**, fitted on the training rows only: scikit-learn',
    'runs `make_pipeline(StandardScaler(), MLP...)`; our build function (bench/models.mjs) adds a',
    "fixed, non-trainable first layer holding the training fold's mean and standard deviation",
    '(it receives the training X as `ctx.X`). For diabetes the target is standardized too',
    '(scikit-learn: `TransformedTargetRegressor(..., transformer=StandardScaler())`; ours: a fixed',
    'last layer mapping the standardized output back to the target scale).',
    '',
    '| data set | metric | ours (mean) | scikit-learn (mean) | goal | ours per fold | scikit-learn per fold | ours ms | scikit-learn ms | setup |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const [name, rest] = r.name.split(': ');
    const metric = rest.includes('r2') ? 'r2' : 'accuracy';
    lines.push(
      `| ${name} | ${metric} | ${r.score.toFixed(4)} | ${r.ref_score?.toFixed(4) ?? 'n/a'} | >= ${r.goal} | ${r.folds.join(', ')} | ${r.ref_folds?.join(', ') ?? 'n/a'} | ${Math.round(r.ours_ms)} | ${r.ref_ms === undefined ? 'n/a' : Math.round(r.ref_ms)} | ${r.note.split('; ').pop()} |`,
    );
  }
  lines.push(
    '',
    "Times are whole 5-fold runs (fit + score), for orientation only: scikit-learn's MLP stops early",
    'when the training loss stops improving (`tol=1e-4`, `n_iter_no_change=10`); ours trains every epoch.',
    '',
  );
  await writeFormatted(join(here, '..', 'docs', 'REAL_DATA.md'), lines.join('\n'));
}

// ---------------------------------------------------------------- entry

export async function run() {
  const backend = await useBackend('wasm');
  const rows = [];
  const data =
    PARTS.includes('overhead') || PARTS.includes('grid') ? makeReferenceClassification() : null;
  if (PARTS.includes('overhead')) rows.push(...(await overheadRows(data)));
  if (PARTS.includes('grid')) rows.push(...(await gridRows(data)));
  if (PARTS.includes('real')) rows.push(...(await realRows()));
  for (const r of rows) r.backend = backend;
  if (PARTS.includes('overhead') && PARTS.includes('grid')) await writeBenchDoc(rows);
  return rows;
}

/** docs/BENCHMARKS.md: the overhead and grid-search rows of the last full run. */
async function writeBenchDoc(rows) {
  const pick = rows.filter((r) => r.suite === 'wrapper overhead' || r.suite === 'grid search');
  const cell = (v) => (v === undefined || Number.isNaN(v) ? 'n/a' : String(v));
  const lines = [
    '# Wrappers benchmark',
    '',
    `Last full run of \`node scripts/bench.mjs wrappers\` on ${new Date().toISOString().slice(0, 16)}Z: ${cpus().length} cores`,
    `(${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' / ',
      )} at the end, Node ${process.version}, TensorFlow.js ${tf.version.tfjs} (\`wasm\`), scikit-learn 1.2.1.`,
    'Timings on a shared machine vary by 2x between runs; compare rows of the same run only.',
    '',
    '| suite | what | ours ms | reference ms | reference | note |',
    '|---|---|---|---|---|---|',
    ...pick.map(
      (r) =>
        `| ${r.suite} | ${r.name} | ${cell(r.ours_ms)} | ${cell(r.ref_ms)} | ${r.ref ?? ''} | ${r.note ?? ''} |`,
    ),
    '',
    'Wrapper overhead: the same model (20-64-64-3, adam 1e-3, batch 64, 10 epochs) on the same data,',
    '`KerasClassifier.fit/predict` against raw `model.fit`/`model.predict` + argMax from JavaScript arrays.',
    "Grid search: scikit-learn's `make_classification(n_samples=6000, n_features=20, n_informative=10,",
    'n_redundant=4, n_classes=3, random_state=0)`, rows 0-4999 searched (3-fold, refit), rows 5000-5999',
    'for the test accuracy; `H in {32, 64} x learning rate in {1e-3, 1e-2}`. skorch: the same search',
    "with skorch's NeuralNetClassifier (bench/torchReference.py) timed in the same run when /usr/bin/python3",
    'has torch and skorch (Debian `python3-skorch`), else a note.',
    '',
  ];
  const file = join(here, '..', 'docs', 'BENCHMARKS.md');
  await writeFormatted(file, lines.join('\n'));
}

async function writeFormatted(file, text) {
  try {
    // Keep generated files as `prettier --check` wants them (the repo's lint).
    const prettier = await import('prettier');
    text = await prettier.format(text, {
      ...(await prettier.resolveConfig(file)),
      parser: 'markdown',
    });
  } catch {
    // prettier is a dev tool of the repo; without it the table is still valid markdown
  }
  writeFileSync(file, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { printTable } = await import('../../../scripts/benchUtil.mjs');
  const rows = await run();
  printTable(rows);
  console.log(JSON.stringify(rows, null, 1));
}
