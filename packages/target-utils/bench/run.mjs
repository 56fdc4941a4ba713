// Benchmark of @scikeras/target-utils: typeOfTarget and LabelEncoder fit+transform on 1,000,000
// labels, against scikit-learn on the same labels in the same run (when /usr/bin/python3 has it).
import { pythonHas, row, runPython, timeIt } from '../../../scripts/benchUtil.mjs';
import { LabelEncoder, typeOfTarget } from '../dist/index.mjs';

const N = 1_000_000;
const K = 10;
const SUITE = 'target-utils';

// The same labels on both sides: label i is (i * 7919 + 13) % 10, strings are `label_<n>`.
function makeData() {
  const ints = new Array(N);
  for (let i = 0; i < N; i++) ints[i] = (i * 7919 + 13) % K;
  const strs = ints.map((v) => `label_${v}`);
  return { ints, strs, i32: Int32Array.from(ints) };
}

const PY = `
import json, time
import numpy as np
from sklearn.preprocessing import LabelEncoder
from sklearn.utils.multiclass import type_of_target
N, K = ${N}, ${K}
ints = (np.arange(N, dtype=np.int64) * 7919 + 13) % K
strs = np.char.add("label_", ints.astype(str))
i32 = ints.astype(np.int32)
def t(fn, repeat=5):
    fn()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter(); fn(); ts.append((time.perf_counter() - t0) * 1000)
    return sorted(ts)[repeat // 2]
out = {
    "tot_int": t(lambda: type_of_target(ints)),
    "tot_str": t(lambda: type_of_target(strs)),
    "tot_i32": t(lambda: type_of_target(i32)),
    "le_int": t(lambda: LabelEncoder().fit(ints).transform(ints)),
    "le_str": t(lambda: LabelEncoder().fit(strs).transform(strs)),
    "le_i32": t(lambda: LabelEncoder().fit(i32).transform(i32)),
    "checks": [type_of_target(ints), type_of_target(strs), LabelEncoder().fit(strs).classes_.tolist()],
}
print(json.dumps(out))
`;

export async function run() {
  const { ints, strs, i32 } = makeData();
  const checks = [typeOfTarget(ints), typeOfTarget(strs), new LabelEncoder().fit(strs).classes_];
  const ours = {
    tot_int: await timeIt(() => typeOfTarget(ints)),
    tot_str: await timeIt(() => typeOfTarget(strs)),
    tot_i32: await timeIt(() => typeOfTarget(i32)),
    le_int: await timeIt(() => new LabelEncoder().fit(ints).transform(ints)),
    le_str: await timeIt(() => new LabelEncoder().fit(strs).transform(strs)),
    le_i32: await timeIt(() => new LabelEncoder().fit(i32).transform(i32)),
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
    r('typeOfTarget, 1M int labels', 'tot_int', 'ours: number[]; sklearn: int64 ndarray'),
    r('typeOfTarget, 1M string labels', 'tot_str', "ours: string[]; sklearn: '<U' ndarray"),
    r(
      'typeOfTarget, 1M int labels (Int32Array)',
      'tot_i32',
      'sklearn: int32 ndarray; ours stops counting at 3 distinct labels',
    ),
    r(
      'LabelEncoder fit+transform, 1M int labels',
      'le_int',
      'ours: number[]; sklearn: int64 ndarray',
    ),
    r(
      'LabelEncoder fit+transform, 1M string labels',
      'le_str',
      "ours: string[]; sklearn: '<U' ndarray",
    ),
    r('LabelEncoder fit+transform, 1M int labels (Int32Array)', 'le_i32', 'sklearn: int32 ndarray'),
  ];
}
