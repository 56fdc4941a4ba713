import { catchWarnings, ValueError } from '@scikeras/estimator-core';
import { affineTransform } from './affine';

class Scaler {
  nFeaturesIn_ = 2;
}

describe('affineTransform', () => {
  const est = new Scaler();

  it('maps plain rows in one pass, NaN kept', () => {
    expect(affineTransform(est, [[3, NaN]], [1, 1], [2, 4], { inverse: false })).toEqual([
      [1, NaN],
    ]);
    expect(affineTransform(est, [[1, 2]], [1, 1], [2, 4], { inverse: true })).toEqual([[3, 9]]);
  });

  it('gives the general path the input it must reject, with its messages', () => {
    expect(() => affineTransform(est, [[1, Infinity]], null, null, { inverse: false })).toThrow(
      new ValueError("Input X contains infinity or a value too large for dtype('float64')."),
    );
    expect(() => affineTransform(est, [[1, 'a']], null, null, { inverse: false })).toThrow(
      /could not convert string to float: 'a'/,
    );
    expect(() => affineTransform(est, [[1]], null, null, { inverse: false })).toThrow(
      new ValueError('X has 1 features, but Scaler is expecting 2 features as input.'),
    );
    expect(() =>
      affineTransform(est, [[1]], null, null, { inverse: true, inverseInput: true }),
    ).toThrow(new ValueError('X has 1 features, but Scaler is expecting 2 features as input.'));
  });

  it('takes typed rows and records through the general path', () => {
    expect(
      affineTransform(est, [Float64Array.of(3, 5)], [1, 1], [2, 4], { inverse: false }),
    ).toEqual([[1, 1]]);
    const { result, warnings } = catchWarnings(() =>
      affineTransform(est, [{ a: 3, b: 5 }], [1, 1], [2, 4], { inverse: false }),
    );
    expect(result).toEqual([[1, 1]]);
    expect(warnings.map((w) => w.message)).toEqual([
      'X has feature names, but Scaler was fitted without feature names',
    ]);
  });
});
