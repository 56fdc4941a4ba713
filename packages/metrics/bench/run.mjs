// Bench for `pnpm bench`: metrics on 1,000,000 samples, against scikit-learn 1.2.1 in the same run.
import { pythonHas, row, runPython, timeIt } from '../../../scripts/benchUtil.mjs';
import { makeRng } from '@scikeras/estimator-core/testing';
import { accuracyScore, f1Score, logLoss, r2Score } from '../dist/index.mjs';

const N = 1_000_000;

const PY = `
import json, time
import numpy as np
from sklearn.metrics import accuracy_score, r2_score, f1_score, log_loss
n = ${N}
rng = np.random.default_rng(0)
yt = rng.integers(0, 5, n); yp = rng.integers(0, 5, n)
a = rng.random(n); b = a + rng.normal(scale=0.1, size=n)
ybin = rng.integers(0, 2, n); p = rng.random(n)
def t(f, r=5):
    f(); ts = []
    for _ in range(r):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return sorted(ts)[len(ts) // 2] * 1000
print(json.dumps({
  "accuracy": t(lambda: accuracy_score(yt, yp)),
  "r2": t(lambda: r2_score(a, b)),
  "f1": t(lambda: f1_score(yt, yp, average="macro")),
  "logloss": t(lambda: log_loss(ybin, p)),
}))
`;

/** @returns {Promise<object[]>} bench rows */
export async function run() {
  const r = makeRng(42);
  const yt = new Int32Array(N);
  const yp = new Int32Array(N);
  const a = new Float64Array(N);
  const b = new Float64Array(N);
  const ybin = new Int32Array(N);
  const p = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    yt[i] = Math.floor(r() * 5);
    yp[i] = Math.floor(r() * 5);
    a[i] = r();
    b[i] = a[i] + (r() - 0.5) * 0.3;
    ybin[i] = r() < 0.5 ? 0 : 1;
    p[i] = r();
  }
  const ref = pythonHas('sklearn', 'numpy') ? runPython(PY) : {};
  const note = (k) =>
    ref[k] === undefined ? 'scikit-learn not available' : 'vs scikit-learn 1.2.1';
  const suite = 'metrics (1,000,000 samples)';
  const rows = [];
  const ms = {
    accuracy: await timeIt(() => accuracyScore(yt, yp)),
    r2: await timeIt(() => r2Score(a, b)),
    f1: await timeIt(() => f1Score(yt, yp, { average: 'macro' })),
    logloss: await timeIt(() => logLoss(ybin, p)),
  };
  rows.push(
    row(suite, 'accuracyScore (5 classes, Int32Array)', ms.accuracy, ref.accuracy, {
      note: note('accuracy'),
    }),
  );
  rows.push(row(suite, 'r2Score (Float64Array)', ms.r2, ref.r2, { note: note('r2') }));
  rows.push(row(suite, "f1Score average 'macro' (5 classes)", ms.f1, ref.f1, { note: note('f1') }));
  rows.push(
    row(suite, 'logLoss (binary, 1-D probabilities)', ms.logloss, ref.logloss, {
      note: note('logloss'),
    }),
  );
  // plain JavaScript arrays, the other common input form
  const ytArr = Array.from(yt);
  const ypArr = Array.from(yp);
  rows.push(
    row(
      suite,
      'accuracyScore (number[])',
      await timeIt(() => accuracyScore(ytArr, ypArr)),
      ref.accuracy,
      { note: note('accuracy') },
    ),
  );
  const aArr = Array.from(a);
  const bArr = Array.from(b);
  rows.push(
    row(suite, 'r2Score (number[])', await timeIt(() => r2Score(aArr, bArr)), ref.r2, {
      note: note('r2'),
    }),
  );
  return rows;
}
