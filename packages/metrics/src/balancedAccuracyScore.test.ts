import { catchWarnings } from '@scikeras/estimator-core';
import { balancedAccuracyScore } from './balancedAccuracyScore';

describe('balancedAccuracyScore', () => {
  it('computes the documented example', () => {
    expect(balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])).toBe(0.625);
  });

  it('adjusts for chance', () => {
    expect(
      balancedAccuracyScore([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1], { adjusted: true }),
    ).toBeCloseTo(0.25, 15);
  });

  it('warns about predicted classes absent from yTrue', () => {
    const { result, warnings } = catchWarnings(() =>
      balancedAccuracyScore([0, 0, 1, 1], [0, 2, 1, 1]),
    );
    expect(result).toBe(0.75);
    expect(warnings).toEqual([
      { category: 'UserWarning', message: 'y_pred contains classes not in y_true' },
    ]);
  });
});
