import { pyFixed, pyFloat } from './pyFormat';

describe('pyFixed', () => {
  it.each([
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [0.1 + 0.2, 2, '0.30'],
    [2 / 3, 2, '0.67'],
    [1, 4, '1.0000'],
    [0.6666666666666666, 4, '0.6667'],
  ])('formats %d with %d digits like Python: %s', (x, d, want) => {
    expect(pyFixed(x, d)).toBe(want);
  });
});

describe('pyFloat', () => {
  it.each([
    [4, '4.0'],
    [3.5, '3.5'],
    [1e-5, '1e-05'],
  ])('prints %d as Python repr %s', (x, want) => {
    expect(pyFloat(x)).toBe(want);
  });
});

describe('pyFloat (exponents)', () => {
  it.each([
    [1e16, '1e+16'],
    [1.5e-7, '1.5e-07'],
    [0, '0.0'],
  ])('prints %d as Python repr %s', (x, want) => {
    expect(pyFloat(x)).toBe(want);
  });
});
