import { meanAbsoluteError } from './meanAbsoluteError';
import { meanSquaredError } from './meanSquaredError';
import { rootMeanSquaredError } from './rootMeanSquaredError';

describe('meanSquaredError / rootMeanSquaredError / meanAbsoluteError', () => {
  const t = [3, -0.5, 2, 7];
  const p = [2.5, 0.0, 2, 8];

  it('compute the documented examples', () => {
    expect(meanSquaredError(t, p)).toBe(0.375);
    expect(meanSquaredError(t, p, { squared: false })).toBeCloseTo(0.6123724356957945, 15);
    expect(rootMeanSquaredError(t, p)).toBeCloseTo(0.6123724356957945, 15);
    expect(meanAbsoluteError(t, p)).toBe(0.5);
  });

  it('average per-output RMSE values (not the root of the pooled MSE)', () => {
    const T = [
      [0, 0],
      [0, 0],
    ];
    const P = [
      [1, 3],
      [1, 3],
    ];
    expect(rootMeanSquaredError(T, P, { multioutput: 'raw_values' })).toEqual([1, 3]);
    expect(rootMeanSquaredError(T, P)).toBe(2);
    expect(meanSquaredError(T, P, { multioutput: [1, 3] })).toBe(7);
  });

  it('reject mismatched outputs', () => {
    expect(() =>
      meanSquaredError(
        [1, 2],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toThrow('y_true and y_pred have different number of output (1!=2)');
  });
});
