import { catchWarnings } from '@scikeras/estimator-core';
import { r2Score } from './r2Score';

describe('r2Score', () => {
  it('computes the documented examples', () => {
    expect(r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])).toBeCloseTo(0.9486081370449679, 15);
    expect(r2Score([1, 1, 1], [1, 1, 1])).toBe(1);
    expect(r2Score([1, 1, 1], [1, 2, 1])).toBe(0);
    expect(r2Score([1, 1, 1], [1, 2, 1], { forceFinite: false })).toBe(-Infinity);
  });

  it('returns one score per output with raw_values, for rows and { data, shape }', () => {
    const t = [
      [0.5, 1],
      [-1, 1],
      [7, -6],
    ];
    const p = [
      [0, 2],
      [-1, 2],
      [8, -5],
    ];
    const want = r2Score(t, p, { multioutput: 'raw_values' });
    expect(want).toHaveLength(2);
    const flat = (a: number[][]) => ({
      data: Float64Array.from(a.flat()),
      shape: [3, 2] as [number, number],
    });
    expect(r2Score(flat(t), flat(p), { multioutput: 'raw_values' })).toEqual(want);
  });

  it('keeps full precision for values far from the first one (two-pass fallback)', () => {
    const t = Float64Array.from({ length: 1000 }, (_, i) => 1e9 + Math.sin(i) * 1e-2);
    const p = t.map((v, i) => v + Math.cos(i) * 1e-3);
    let mean = 0;
    t.forEach((v) => (mean += v));
    mean /= t.length;
    let num = 0;
    let den = 0;
    t.forEach((v, i) => {
      num += (v - p[i]!) ** 2;
      den += (v - mean) ** 2;
    });
    expect(Math.abs(r2Score(t, p) - (1 - num / den))).toBeLessThan(1e-9);
  });

  it('warns and returns NaN below two samples', () => {
    const { result, warnings } = catchWarnings(() => r2Score([1], [2]));
    expect(result).toBeNaN();
    expect(warnings).toEqual([
      {
        category: 'UndefinedMetricWarning',
        message: 'R^2 score is not well-defined with less than two samples.',
      },
    ]);
  });

  it('rejects NaN in scikit-learn words', () => {
    expect(() => r2Score([1, NaN, 3], [1, 2, 3])).toThrow('Input contains NaN.');
    expect(() => r2Score([1, 2, 3], [1, 2, Infinity])).toThrow(
      "Input contains infinity or a value too large for dtype('float64').",
    );
  });
});
