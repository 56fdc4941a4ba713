import { BaseEstimator } from './BaseEstimator';
import { isEstimator } from './isEstimator';

class A extends BaseEstimator {}

describe('isEstimator', () => {
  it('is true for instances with getParams and setParams, not for classes', () => {
    expect(isEstimator(new A())).toBe(true);
    expect(isEstimator({ getParams: () => ({}), setParams: () => undefined })).toBe(true);
    expect(isEstimator(A)).toBe(false);
    expect(isEstimator({ getParams: () => ({}) })).toBe(false);
    expect(isEstimator(null)).toBe(false);
    expect(isEstimator('A')).toBe(false);
  });
});
