// The nJobs rows of `pnpm bench model-selection`: does nJobs 2 pay on 2 cores? The wrappers'
// reference grid search (bench/gridChild.mjs) and one on 10x the rows, with nJobs 1 and 2, each
// in a new process (cold: workers and the calling thread start from nothing) and then again in
// that process (warm: the pool is reused, as loky reuses its processes); MS_BENCH_RUNS runs
// (default 5), interleaved so that drift hits both alike; ratios are nJobs 2 / nJobs 1 time
// (< 1: nJobs 2 pays), reported as their range over the runs. Then RSS over 300 searches
// (rssRows; MS_BENCH_PARTS=rss-only runs only these).
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

/** One RSS process: plain (V8 collects when it likes) or with --expose-gc (every thread collects after each search). */
function rssChild(gc) {
  const out = execFileSync(
    process.execPath,
    [...(gc ? ['--expose-gc'] : []), here('./rssChild.mjs')],
    { encoding: 'utf8', timeout: 900_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return { ...JSON.parse(out.trim().split('\n').pop()), load: loadavg()[0] };
}

/**
 * RSS over MS_BENCH_RSS_SEARCHES (default 300) small KerasClassifier searches with nJobs 2, twice:
 * as a user runs it (V8 collects when it likes: RSS follows its heap sizing, a sawtooth), and with
 * --expose-gc, where the calling thread and each worker (when its job is over) collect their
 * garbage, so RSS shows what stays. "Flat": the gc run's RSS slope after warm-up (least squares,
 * search 50 on) is under 2 MB per 100 searches.
 */
export function rssRows() {
  if (!existsSync(here('../../wrappers/dist/index.mjs')))
    return [
      row('nJobs', 'RSS over small KerasClassifier searches', NaN, undefined, {
        note: 'skipped: build @scikeras/wrappers first',
      }),
    ];
  return [false, true].map((gc) => {
    const r = rssChild(gc);
    const at = Object.entries(r.at)
      .map(([s, m]) => `${s}: ${m.rss}`)
      .join(', ');
    const heap = Object.entries(r.at)
      .map(([s, m]) => `${s}: ${m.heapUsed}`)
      .join(', ');
    const flat = gc
      ? `; flat (< 2 MB/100 after warm-up): ${r.slopePer100.rss < 2 ? 'yes' : 'NO'}`
      : '';
    return row(
      'nJobs',
      `RSS over ${r.searches} small KerasClassifier searches, nJobs 2, ${gc ? '--expose-gc (every thread collects after each search)' : 'plain node (V8 collects when it likes)'}`,
      NaN,
      undefined,
      {
        note:
          `RSS MB after search ${at}; calling thread heapUsed MB ${heap}; slope from search ${r.warmup} on, MB per 100 searches: RSS ${r.slopePer100.rss}, heapUsed ${r.slopePer100.heapUsed}${flat}; ` +
          `tensors left in the calling thread: ${r.leakedTensors}; ${r.seconds} s, load average ${r.load.toFixed(1)}`,
      },
    );
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
  rows.push(...rssRows());
  return rows;
}
