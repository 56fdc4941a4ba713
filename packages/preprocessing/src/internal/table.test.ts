import { ValueError } from '@scikeras/estimator-core';
import { Matrix } from 'ml-matrix';
import { readTable } from './table';

class Enc {}
const est = new Enc();

describe('readTable', () => {
  it('reads plain rows with numpy: int64 when every value is an integer, else float64', () => {
    expect(readTable(est, [[1, 2]]).columns.map((c) => c.kind)).toEqual(['int', 'int']);
    expect(readTable(est, [[1, 2.5]]).columns.map((c) => c.kind)).toEqual(['float', 'float']);
    expect(readTable(est, [[1, NaN]]).columns.map((c) => c.kind)).toEqual(['float', 'float']);
    expect(readTable(est, [[true], [false]]).columns[0]!.kind).toBe('bool');
  });

  it('makes an object array of rows holding strings or null, values kept', () => {
    const t = readTable(est, [
      ['a', 1],
      [null, undefined],
    ]);
    expect(t.columns.map((c) => [c.kind, c.values])).toEqual([
      ['object', ['a', null]],
      ['object', [1, null]],
    ]);
  });

  it('reads records per column as pandas: numbers with null are float64 with NaN', () => {
    const t = readTable(est, [
      { a: 1, b: 'x', c: true, d: 2 },
      { a: null, b: null, c: false, d: 3 },
    ]);
    expect(t.names).toEqual(['a', 'b', 'c', 'd']);
    expect(t.columns.map((c) => c.kind)).toEqual(['float', 'object', 'bool', 'int']);
    expect(Array.from(t.columns[0]!.num!)).toEqual([1, NaN]);
  });

  it('reads typed rows, Matrix and { data, shape } as numbers', () => {
    expect(readTable(est, [Int32Array.of(1, 2)]).columns[0]!.kind).toBe('int');
    expect(readTable(est, [Float64Array.of(1, 2)]).columns[0]!.kind).toBe('float');
    expect(readTable(est, new Matrix([[1, 2]])).columns[1]!.num).toEqual(Float64Array.of(2));
    expect(readTable(est, { data: Float64Array.of(1, 2), shape: [2, 1] }).n).toBe(2);
  });

  it.each([
    [[[1, 2], [3]], /inhomogeneous shape after 1 dimensions: X\[0\] has 2 values but X\[1\] has 1/],
    [[1, 2], /Expected 2D array, got 1D array instead/],
    [
      [[], []],
      /Found array with 0 feature\(s\) \(shape=\(2, 0\)\) while a minimum of 1 is required by Enc\./,
    ],
    [{ data: new Float64Array(0), shape: [0, 2] }, /Found array with 0 sample\(s\)/],
    [[[1, Infinity]], /Input X contains infinity/],
    [[[[1]]], /Found array with dim 3/],
  ])('rejects %j', (X, message) => {
    expect(() => readTable(est, X)).toThrow(ValueError);
    expect(() => readTable(est, X)).toThrow(message);
  });
});
