// Benchmark of @scikeras/pipeline: ColumnTransformer fit_transform on 1,000,000 x 20 (a
// StandardScaler on 10 numeric columns, a OneHotEncoder on 10 columns of 5 categories), against
// scikit-learn on the same data in the same run (when /usr/bin/python3 has it). Ours takes one
// Float64Array with its shape (estimator-core's Array2D) with setOutput({ transform: 'array2d' });
// scikit-learn a float64 ndarray (OneHotEncoder with sparse_output=False: the dense output ours
// gives). The transformers are @scikeras/preprocessing's (a devDependency of this package).
import { OneHotEncoder, StandardScaler } from '@scikeras/preprocessing';
import { pythonHas, row, runPython, timeIt } from '../../../scripts/benchUtil.mjs';
import { ColumnTransformer } from '../dist/index.mjs';

const N = 1_000_000;
const D = 20;
const K = 5;
const SUITE = 'pipeline';
const REPEAT = { repeat: 3, warmup: 1 };
const NUM = Array.from({ length: D / 2 }, (_, j) => j);
const CAT = Array.from({ length: D / 2 }, (_, j) => j + D / 2);

/**
 * The same values on both sides, row-major: the first 10 columns
 * ((i * 7919 + j * 104729) % 1000003) / 1000, the last 10 the categories (i * 7919 + j * 13) % K.
 */
function makeData() {
  const data = new Float64Array(N * D);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < D; j++) {
      data[i * D + j] =
        j < D / 2 ? ((i * 7919 + j * 104729) % 1000003) / 1000 : (i * 7919 + j * 13) % K;
    }
  }
  return { data, shape: [N, D] };
}

const PY = `
import json, time
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
N, D, K = ${N}, ${D}, ${K}
i = np.arange(N, dtype=np.int64)[:, None]
j = np.arange(D, dtype=np.int64)[None, :]
X = np.where(j < D // 2, ((i * 7919 + j * 104729) % 1000003) / 1000.0, ((i * 7919 + j * 13) % K).astype(np.float64))
def make():
    return ColumnTransformer([('num', StandardScaler(), list(range(D // 2))),
                              ('cat', OneHotEncoder(sparse_output=False), list(range(D // 2, D)))])
def t(fn, repeat=${REPEAT.repeat}):
    fn()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter(); fn(); ts.append((time.perf_counter() - t0) * 1000)
    return sorted(ts)[repeat // 2]
ct = make()
out = ct.fit_transform(X)
res = {
    "ct": t(lambda: make().fit_transform(X)),
    "checks": [list(out.shape), [round(v, 6) for v in out[0, :12].tolist()], [round(v, 6) for v in out[-1, -12:].tolist()],
               ct.get_feature_names_out()[[0, 10, 59]].tolist()],
}
print(json.dumps(res))
`;

const round6 = (v) => Math.round(v * 1e6) / 1e6;

function make() {
  return new ColumnTransformer({
    transformers: [
      ['num', new StandardScaler(), NUM],
      ['cat', new OneHotEncoder(), CAT],
    ],
  }).setOutput({ transform: 'array2d' });
}

export async function run() {
  const X = makeData();
  const ct = make();
  const out = ct.fitTransform(X);
  const [n, d] = out.shape;
  const names = ct.getFeatureNamesOut();
  const checks = [
    [n, d],
    Array.from(out.data.subarray(0, 12), round6),
    Array.from(out.data.subarray(n * d - 12), round6),
    [names[0], names[10], names[59]],
  ];
  const ours = { ct: await timeIt(() => make().fitTransform(X), REPEAT) };
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
  return [
    row(
      SUITE,
      'ColumnTransformer fit_transform, 1M x 20 (StandardScaler 10 cols + OneHotEncoder 10 cols of 5)',
      ours.ct,
      ref?.ct,
      {
        ...(ref
          ? {
              ref: 'scikit-learn 1.2.1',
              note: "ours: Float64Array Array2D in and out (setOutput 'array2d'); sklearn: float64 ndarray, dense OneHotEncoder",
            }
          : { note }),
      },
    ),
  ];
}
