import fc from 'fast-check';
import { matrixToRows } from './matrixToRows';

describe('matrixToRows', () => {
  it('splits row-major values into rows', () => {
    expect(matrixToRows(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(matrixToRows(Float32Array.of(0.25, 0.75), 1, 2)).toEqual([[0.25, 0.75]]);
    expect(matrixToRows([], 0, 4)).toEqual([]);
    expect(matrixToRows([], 3, 0)).toEqual([[], [], []]);
  });

  it('gives back the values in order, as plain arrays (a property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (n, d) => {
        const data = Float64Array.from({ length: n * d }, (_, i) => i * 0.5 - 3);
        const rows = matrixToRows(data, n, d);
        expect(rows).toHaveLength(n);
        expect(rows.every((r) => Array.isArray(r) && r.length === d)).toBe(true);
        expect(rows.flat()).toEqual(Array.from(data));
      }),
    );
  });
});
