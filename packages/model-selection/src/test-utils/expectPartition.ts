// Test helper: the partition invariants of cross-validation splits.
/** Every split: train and test disjoint and together 0..n-1; test folds disjoint and covering. */
export function expectPartition(splits: [number[], number[]][], n: number, coverAll = true): void {
  const seen = new Set<number>();
  for (const [train, test] of splits) {
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i),
    );
    for (const i of test) {
      expect(seen.has(i)).toBe(false);
      seen.add(i);
    }
  }
  if (coverAll) expect(seen.size).toBe(n);
}
