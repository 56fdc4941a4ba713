// Elementwise comparison with a golden fixture: numbers to a tolerance (null in JSON is NaN), other values equal.

/** Expects `actual` to match `expected` elementwise: |a - e| <= tol * max(1, |e|); null/NaN match. */
export function expectClose(
  actual: readonly unknown[][],
  expected: readonly unknown[][],
  tol = 1e-9,
): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect(row.length).toBe(want.length);
    row.forEach((v, j) => {
      const e = want[j];
      const isMissing = (x: unknown) => x === null || (typeof x === 'number' && Number.isNaN(x));
      if (isMissing(e) || isMissing(v)) {
        if (!(isMissing(e) && isMissing(v)))
          throw new Error(`[${i}][${j}]: ${String(v)} vs ${String(e)}`);
        return;
      }
      if (typeof e === 'number' && typeof v === 'number') {
        if (Math.abs(v - e) > tol * Math.max(1, Math.abs(e)))
          throw new Error(`[${i}][${j}]: ${v} vs ${e} (difference ${Math.abs(v - e)})`);
        return;
      }
      if (v !== e) throw new Error(`[${i}][${j}]: ${String(v)} vs ${String(e)}`);
    });
  });
}
