// Benchmark of @scikeras/preprocessing: StandardScaler and OneHotEncoder fit+transform on
// 1,000,000 x 20, against scikit-learn on the same data in the same run (when /usr/bin/python3
// has it). Both sides hold the data the way a user of each language holds 1e6 rows: ours one
// typed array with its shape (estimator-core's Array2D; a Float64Array for X, an Int32Array for
// the category codes) and setOutput({ transform: 'array2d' }); scikit-learn float64/int64
// ndarrays (OneHotEncoder with sparse_output=False, the dense output ours gives). A third row times
// a fresh 1M x 20 float64 buffer written once on each side: the page faults every fresh output
// pays before any arithmetic (see scripts/bench.mjs on memory pages).
import { pythonHas, row, runPython, timeIt } from '../../../scripts/benchUtil.mjs';
import { OneHotEncoder, StandardScaler } from '../dist/index.mjs';

const N = 1_000_000;
const D = 20;
const K = 5;
const SUITE = 'preprocessing';
const REPEAT = { repeat: 3, warmup: 1 };

/**
 * The same values on both sides: x[i][j] = ((i * 7919 + j * 104729) % 1000003) / 1000 and
 * category c[i][j] = (i * 7919 + j * 13) % K, row-major.
 */
export function makeData(n = N, d = D) {
  const X = new Float64Array(n * d);
  const C = new Int32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      X[i * d + j] = ((i * 7919 + j * 104729) % 1000003) / 1000;
      C[i * d + j] = (i * 7919 + j * 13) % K;
    }
  }
  return { X: { data: X, shape: [n, d] }, C: { data: C, shape: [n, d] } };
}

const PY = `
import json, time
import numpy as np
from sklearn.preprocessing import OneHotEncoder, StandardScaler
N, D, K = ${N}, ${D}, ${K}
i = np.arange(N, dtype=np.int64)[:, None]
j = np.arange(D, dtype=np.int64)[None, :]
X = ((i * 7919 + j * 104729) % 1000003) / 1000.0
C = (i * 7919 + j * 13) % K
def t(fn, repeat=${REPEAT.repeat}):
    fn()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter(); fn(); ts.append((time.perf_counter() - t0) * 1000)
    return sorted(ts)[repeat // 2]
s = StandardScaler().fit(X)
e = OneHotEncoder(sparse_output=False).fit(C)
out = {
    "scaler": t(lambda: StandardScaler().fit(X).transform(X)),
    "ohe": t(lambda: OneHotEncoder(sparse_output=False).fit(C).transform(C)),
    "floor": t(lambda: np.empty(N * D).fill(1.0)),
    "checks": [[round(v, 6) for v in s.mean_[:3].tolist()], [round(v, 6) for v in s.scale_[:3].tolist()],
               [c.tolist() for c in e.categories_[:2]], e.transform(C[:1]).tolist()[0][:10],
               [round(v, 6) for v in s.transform(X[-1:]).tolist()[0][:3]]],
}
print(json.dumps(out))
`;

const round6 = (v) => Math.round(v * 1e6) / 1e6;

/** Row `i` of an Array2D as a plain array. */
function rowOf(a, i) {
  const d = a.shape[1];
  return Array.from(a.data.subarray(i * d, (i + 1) * d));
}

export async function run() {
  const { X, C } = makeData();
  const array2d = { transform: 'array2d' };
  const s = new StandardScaler().setOutput(array2d).fit(X);
  const e = new OneHotEncoder().setOutput(array2d).fit(C);
  const last = { data: X.data.subarray((N - 1) * D), shape: [1, D] };
  const checks = [
    s.mean_.slice(0, 3).map(round6),
    s.scale_.slice(0, 3).map(round6),
    e.categories_.slice(0, 2),
    rowOf(e.transform({ data: C.data.subarray(0, D), shape: [1, D] }), 0).slice(0, 10),
    rowOf(s.transform(last), 0).slice(0, 3).map(round6),
  ];
  const ours = {
    scaler: await timeIt(() => new StandardScaler().setOutput(array2d).fit(X).transform(X), REPEAT),
    ohe: await timeIt(() => new OneHotEncoder().setOutput(array2d).fit(C).transform(C), REPEAT),
    // what a fresh output of 1M x 20 costs before any arithmetic: its first writes (page faults)
    floor: await timeIt(() => new Float64Array(N * D).fill(1), REPEAT),
  };
  let ref = null;
  let note;
  if (pythonHas('sklearn', 'numpy')) {
    ref = runPython(PY);
    if (JSON.stringify(ref.checks) !== JSON.stringify(checks)) {
      throw new Error(
        `results differ from scikit-learn: ${JSON.stringify(ref.checks)} vs ${JSON.stringify(checks)}`,
      );
    }
  } else {
    note = 'scikit-learn column skipped: /usr/bin/python3 has no sklearn';
  }
  const r = (name, key, form) =>
    row(SUITE, name, ours[key], ref?.[key], {
      ...(ref ? { ref: 'scikit-learn 1.2.1', note: form } : { note }),
    });
  return [
    r(
      'StandardScaler fit+transform, 1M x 20',
      'scaler',
      "ours: Float64Array Array2D in and out (setOutput 'array2d'); sklearn: float64 ndarray",
    ),
    r(
      'OneHotEncoder fit+transform, 1M x 20 (5 categories each)',
      'ohe',
      'ours: Int32Array Array2D in, Float64Array Array2D out; sklearn: int64 ndarray in, dense float64 out',
    ),
    r(
      "A fresh 1M x 20 float64 buffer written once (the floor of the scaler's output)",
      'floor',
      'ours: new Float64Array(2e7).fill(1), glibc malloc pages; numpy: np.empty(2e7).fill(1), madvised huge pages, freed ones reused',
    ),
  ];
}
