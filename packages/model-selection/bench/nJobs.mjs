// The nJobs rows of `pnpm bench model-selection`: does nJobs 2 pay on 2 cores? The wrappers'
// reference grid search (bench/gridChild.mjs) and one on 10x the rows, with nJobs 1 and 2, each
// in a new process (cold: workers and the calling thread start from nothing) and then again in
// that process (warm: the pool is reused, as loky reuses its processes); MS_BENCH_RUNS runs
// (default 5), interleaved so that drift hits both alike; ratios are nJobs 2 / nJobs 1 time
// (< 1: nJobs 2 pays), reported as their range over the runs. Then RSS over 100 searches.
// Needs @scikeras/wrappers built (pnpm bench builds everything) and /usr/bin/python3 with
// scikit-learn (make_classification, as the wrappers benchmark).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { pythonHas, row, runPython } from '../../../scripts/benchUtil.mjs';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const RUNS = Number(process.env.MS_BENCH_RUNS ?? 5);
/** Search sizes, as multiples of the reference's 5,000 training rows. */
const SIZES = (process.env.MS_BENCH_NJOBS_SIZES ?? '1,10').split(',').map(Number);

function makeData(dir, scale) {
  const n = 6000 * scale;
  const file = join(dir, `data-${scale}.json`);
  // the wrappers benchmark's make_classification, 10x the samples for the larger search
  runPython(`
import json
from sklearn.datasets import make_classification
X, y = make_classification(n_samples=${n}, n_features=20, n_informative=10, n_redundant=4, n_classes=3, random_state=0)
json.dump({"X": X[:${5000 * scale}].tolist(), "y": y[:${5000 * scale}].tolist()}, open(${JSON.stringify(file)}, "w"))
print(json.dumps({"ok": True}))
`);
  return file;
}

function child(file, nJobs) {
  const out = execFileSync(process.execPath, [here('./gridChild.mjs'), file, String(nJobs), '2'], {
    encoding: 'utf8',
    timeout: 900_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out.trim().split('\n').pop()).ms;
}

const median = (a) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];
const span = (a) => `${Math.min(...a).toFixed(2)}-${Math.max(...a).toFixed(2)}`;

async function sizeRows(dir, scale) {
  const file = makeData(dir, scale);
  const t = { 1: [], 2: [] };
  const loads = [];
  for (let r = 0; r < RUNS; r++) {
    // ABBA: nJobs 1 first on even runs, nJobs 2 first on odd ones
    const order = r % 2 === 0 ? [1, 2] : [2, 1];
    for (const nJobs of order) t[nJobs].push(child(file, nJobs));
    loads.push(loadavg()[0]);
  }
  const label = `grid search ${5000 * scale} x 20, 4 cand x 3 folds + refit, 10 epochs`;
  return ['cold', 'warm'].map((kind, k) => {
    const one = t[1].map((m) => m[k]);
    const two = t[2].map((m) => m[k]);
    const ratios = two.map((v, i) => v / one[i]);
    return row('nJobs', `${label}, ${kind}: nJobs 2 vs nJobs 1`, median(two), median(one), {
      ref: 'nJobs 1',
      ratio_2_over_1: `${span(ratios)} (median ${median(ratios).toFixed(2)})`,
      note:
        `${kind === 'cold' ? 'first search of a new process' : 'second search, pool reused'}; nJobs 2 / nJobs 1 over ${RUNS} runs: ${ratios.map((x) => x.toFixed(2)).join(', ')} ` +
        `(nJobs 1 ${one.map((v) => Math.round(v)).join('/')} ms, nJobs 2 ${two.map((v) => Math.round(v)).join('/')} ms); ` +
        `${cpus().length} cores, load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`,
    });
  });
}

function rssRow() {
  const out = execFileSync(process.execPath, [here('./rssChild.mjs')], {
    encoding: 'utf8',
    timeout: 600_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { rss, leakedTensors } = JSON.parse(out.trim().split('\n').pop());
  return row('nJobs', 'RSS over 100 small KerasClassifier searches, nJobs 2', NaN, undefined, {
    note: `RSS after search 1: ${rss[1]} MB, 10: ${rss[10]} MB, 50: ${rss[50]} MB, 100: ${rss[100]} MB; tensors left in the calling thread: ${leakedTensors}`,
  });
}

/** The nJobs rows (empty with a note when the wrappers are not built or scikit-learn is missing). */
export async function nJobsRows() {
  if (!existsSync(here('../../wrappers/dist/index.mjs')))
    return [
      row('nJobs', 'nJobs 2 vs 1 on the reference grid search', NaN, undefined, {
        note: 'skipped: build @scikeras/wrappers first',
      }),
    ];
  const rows = [];
  if (pythonHas('sklearn')) {
    const dir = mkdtempSync(join(tmpdir(), 'ms-bench-'));
    try {
      for (const scale of SIZES) rows.push(...(await sizeRows(dir, scale)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else
    rows.push(
      row('nJobs', 'nJobs 2 vs 1 on the reference grid search', NaN, undefined, {
        note: 'skipped: /usr/bin/python3 has no scikit-learn (make_classification)',
      }),
    );
  rows.push(rssRow());
  return rows;
}
