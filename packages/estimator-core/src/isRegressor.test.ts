import { BaseEstimator } from './BaseEstimator';
import { isRegressor } from './isRegressor';

class Reg extends BaseEstimator {
  override get estimatorType() {
    return 'regressor' as const;
  }
}

describe('isRegressor', () => {
  it('is true for estimatorType regressor only', () => {
    expect(isRegressor(new Reg())).toBe(true);
    expect(isRegressor({ estimatorType: 'classifier' })).toBe(false);
    expect(isRegressor(null)).toBe(false);
  });
});
