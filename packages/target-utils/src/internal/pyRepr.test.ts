import { npArrayStr, pyList, pyNumStr, pyRepr, pyShape } from './pyRepr';

describe('pyRepr', () => {
  it.each([
    [3, '3'],
    [-0, '0'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1.5e16, '1.5e+16'],
    [1e16, '1e+16'],
    [123456.789, '123456.789'],
    [NaN, 'nan'],
    [-Infinity, '-inf'],
  ])("prints %p as Python's str() does: %s", (n, s) => {
    expect(pyNumStr(n)).toBe(s);
  });

  it('prints labels, lists, arrays and shapes like Python and numpy', () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr(true)).toBe('True');
    expect(pyRepr(null)).toBe('None');
    expect(pyList(['a', 1])).toBe("['a', 1]");
    expect(npArrayStr([3, 5])).toBe('[3 5]');
    expect(pyShape([3])).toBe('(3,)');
    expect(pyShape([3, 2])).toBe('(3, 2)');
    expect(pyList(Array.from({ length: 2000 }, (_, i) => i))).toBe(
      '[0, 1, 2, ..., 1997, 1998, 1999]',
    );
  });
});
