import { BaseEstimator } from './BaseEstimator';
import { isClassifier } from './isClassifier';

class Clf extends BaseEstimator {
  override get estimatorType() {
    return 'classifier' as const;
  }
}

describe('isClassifier', () => {
  it('is true for estimatorType classifier only', () => {
    expect(isClassifier(new Clf())).toBe(true);
    expect(isClassifier({ estimatorType: 'regressor' })).toBe(false);
    expect(isClassifier(null)).toBe(false);
    expect(isClassifier(undefined)).toBe(false);
  });
});
