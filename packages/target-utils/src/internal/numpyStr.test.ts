import { numpyNumStr } from './numpyStr';

describe('numpyNumStr', () => {
  it.each([
    [3, '3'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [1.5e16, '1.5e+16'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ])('converts %p as np.asarray(..., dtype=str) does: %s', (n, s) => {
    expect(numpyNumStr(n)).toBe(s);
  });
});
