// Statistics the generator tests compute exactly as scripts/fixtures/gen_datasets.py does.

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** numpy's var (population, ddof=0). */
export const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

export const column = (X: number[][], j: number) => X.map((r) => r[j]!);

/** The mean over columns `from..to-1` of each column's variance. */
export const meanColumnVariance = (X: number[][], from: number, to: number) =>
  mean(Array.from({ length: to - from }, (_, k) => variance(column(X, from + k))));

/** [mean, std with ddof=1] of a statistic over seeds. */
export function meanStd(xs: number[]): [number, number] {
  const m = mean(xs);
  return [m, Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1))];
}

/**
 * Asserts that two means over independent seeds agree: under one distribution their difference
 * is about normal with standard error sqrt(s1^2/n1 + s2^2/n2), so five standard errors fail by
 * chance with probability 6e-7 (our seeds are fixed: a pass is a pass on every run). `floor`
 * covers statistics that are constant in both (exact class counts).
 */
export function expectSameMean(
  name: string,
  ours: [number, number],
  theirs: [number, number],
  n: number,
  floor = 1e-9,
): void {
  const se = Math.sqrt((ours[1] ** 2 + theirs[1] ** 2) / n);
  const diff = Math.abs(ours[0] - theirs[0]);
  if (!(diff <= 5 * se + floor)) {
    throw new Error(
      `${name}: ours ${ours[0]} (sd ${ours[1]}) vs scikit-learn ${theirs[0]} (sd ${theirs[1]}), ${(diff / se).toFixed(1)} standard errors apart`,
    );
  }
}
