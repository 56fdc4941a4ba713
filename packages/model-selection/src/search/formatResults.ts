// Port of scikit-learn's sklearn/model_selection/_search.py BaseSearchCV._format_results (BSD-3-Clause).
import { warn } from '@scikeras/estimator-core';
import type { TaskResult } from '../execution/FitTask';
import { paramKey, resultKey } from '../internal/keys';

/** scipy's rankdata(method='min'): 1 + the number of values strictly smaller. */
function rankMin(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w < v).length);
}

/** cvResults_ from the task results (candidate-major, split-minor). */
export function formatResults(
  candidates: Record<string, unknown>[],
  nSplits: number,
  out: TaskResult[],
  returnTrainScore: boolean,
): Record<string, unknown[]> {
  const nCand = candidates.length;
  const results: Record<string, unknown[]> = {};
  const byCand = (get: (r: TaskResult) => number) =>
    Array.from({ length: nCand }, (_, c) =>
      Array.from({ length: nSplits }, (_, s) => get(out[c * nSplits + s]!)),
    );

  const store = (
    key: string,
    prefix: string,
    name: string,
    arr: number[][],
    splits: boolean,
    rank: boolean,
  ) => {
    if (splits)
      for (let s = 0; s < nSplits; s++)
        results[resultKey(`split${s}${prefix}`, name)] = arr.map((row) => row[s]!);
    const means = arr.map((row) => row.reduce((a, b) => a + b, 0) / row.length);
    results[resultKey(`mean${prefix}`, name)] = means;
    if ((key === 'test' || key === 'train') && means.some((m) => !Number.isFinite(m))) {
      warn(`One or more of the ${key} scores are non-finite: [${means.join(' ')}]`, 'UserWarning');
    }
    results[resultKey(`std${prefix}`, name)] = arr.map((row, i) =>
      Math.sqrt(row.reduce((a, b) => a + (b - means[i]!) ** 2, 0) / row.length),
    );
    if (rank) {
      let ranks: number[];
      if (means.every((m) => Number.isNaN(m))) ranks = means.map(() => 1);
      else {
        const finite = means.filter((m) => !Number.isNaN(m));
        const minM = Math.min(...finite) - 1;
        ranks = rankMin(means.map((m) => -(Number.isNaN(m) ? minM : m)));
      }
      results[resultKey(`rank${prefix}`, name)] = ranks;
    }
  };

  store(
    'fit',
    '',
    'fitTime',
    byCand((r) => r.fitTime),
    false,
    false,
  );
  store(
    'score',
    '',
    'scoreTime',
    byCand((r) => r.scoreTime),
    false,
    false,
  );
  const paramNames: string[] = [];
  for (const p of candidates)
    for (const k of Object.keys(p)) if (!paramNames.includes(k)) paramNames.push(k);
  for (const k of paramNames)
    results[paramKey(k)] = candidates.map((p) => (k in p ? p[k] : undefined));
  results.params = candidates;

  const first = out[0]!.testScores;
  const names = typeof first === 'object' ? Object.keys(first) : ['score'];
  const pick = (s: TaskResult['testScores'] | undefined, name: string) =>
    typeof s === 'object' ? s[name]! : (s as number);
  for (const name of names) {
    store(
      'test',
      'Test',
      name,
      byCand((r) => pick(r.testScores, name)),
      true,
      true,
    );
    if (returnTrainScore)
      store(
        'train',
        'Train',
        name,
        byCand((r) => pick(r.trainScores, name)),
        true,
        false,
      );
  }
  return results;
}
