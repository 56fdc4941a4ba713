import { InvalidParameterError } from '@scikeras/estimator-core';
import { loadDigits } from './loadDigits';

describe('loadDigits', () => {
  it('names the pixels row by row and keeps values in 0..16', () => {
    const { data, featureNames } = loadDigits();
    expect(featureNames.slice(0, 3)).toEqual(['pixel_0_0', 'pixel_0_1', 'pixel_0_2']);
    expect(featureNames[63]).toBe('pixel_7_7');
    const values = new Set(data.flat());
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(16);
    expect([...values].every(Number.isInteger)).toBe(true);
  });

  it.each([1, 2, 5, 10])('keeps the samples of the digits below nClass=%i, in order', (nClass) => {
    const all = loadDigits();
    const some = loadDigits({ nClass });
    const keep = all.target.map((t, i) => [t, i] as const).filter(([t]) => t < nClass);
    expect(some.target).toEqual(keep.map(([t]) => t));
    expect(some.data).toEqual(keep.map(([, i]) => all.data[i]));
    expect(some.images).toHaveLength(keep.length);
    expect(some.targetNames).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives each image as 8 rows of the 64 pixels', () => {
    const { data, images } = loadDigits({ nClass: 2 });
    expect(images[5]![3]).toEqual(data[5]!.slice(24, 32));
  });

  it.each([0, 11, 2.5, '3'])("rejects nClass=%p with scikit-learn's message", (nClass) => {
    expect(() => loadDigits({ nClass: nClass as number })).toThrow(
      new InvalidParameterError(
        `The 'nClass' parameter of loadDigits must be an int in the range [1, 10]. Got ${
          typeof nClass === 'string' ? `'${nClass}'` : nClass
        } instead.`,
      ),
    );
  });
});
