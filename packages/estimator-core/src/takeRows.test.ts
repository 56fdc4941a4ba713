import { Matrix } from 'ml-matrix';
import { takeRows } from './takeRows';

/** A tfjs-like tensor that records gather calls. */
function tensor(rows: number[][]) {
  const calls: unknown[] = [];
  const t = {
    shape: [rows.length, rows[0]!.length],
    rank: 2,
    dtype: 'float32',
    dataSync: () => Float32Array.from(rows.flat()),
    gather: (idx: Int32Array, axis?: number) => {
      calls.push([Array.from(idx), axis]);
      return tensor(Array.from(idx, (i) => rows[i]!));
    },
    calls,
    rows,
  };
  return t;
}

describe('takeRows', () => {
  const rows = [
    [1, 2],
    [3, 4],
    [5, 6],
  ];

  it('selects rows of number[][] without copying them', () => {
    const out = takeRows(rows, [2, 0]);
    expect(out).toEqual([
      [5, 6],
      [1, 2],
    ]);
    expect(out[0]).toBe(rows[2]);
  });

  it('selects typed-array rows, sharing them', () => {
    const X = rows.map((r) => Float32Array.from(r));
    const out = takeRows(X, [1]);
    expect(out).toEqual([Float32Array.of(3, 4)]);
    expect(out[0]).toBe(X[1]);
  });

  it('copies only the selected rows of { data, shape }, keeping the dtype', () => {
    const X = { data: Float32Array.of(1, 2, 3, 4, 5, 6), shape: [3, 2] as const };
    const out = takeRows(X, [2, 2, 0]);
    expect(out).toEqual({ data: Float32Array.of(5, 6, 5, 6, 1, 2), shape: [3, 2] });
    expect(out.data).toBeInstanceOf(Float32Array);
  });

  it('selects rows of a Matrix as a Matrix', () => {
    const out = takeRows(new Matrix(rows), [1, 0]);
    expect(out).toBeInstanceOf(Matrix);
    expect(out.to2DArray()).toEqual([
      [3, 4],
      [1, 2],
    ]);
  });

  it('selects 1-D labels', () => {
    expect(takeRows(['a', 'b', 'c'], [2, 1])).toEqual(['c', 'b']);
    expect(takeRows([true, false], [1])).toEqual([false]);
  });

  it('selects entries of a typed 1-D y as the same typed array', () => {
    const out = takeRows(Int32Array.of(7, 8, 9), [0, 2]);
    expect(out).toEqual(Int32Array.of(7, 9));
    expect(out).toBeInstanceOf(Int32Array);
  });

  it('gathers rows of a tensor along axis 0', () => {
    const t = tensor(rows);
    const out = takeRows(t, [2, 1]);
    expect(t.calls).toEqual([[[2, 1], 0]]);
    expect(out.rows).toEqual([
      [5, 6],
      [3, 4],
    ]);
  });

  it('accepts negative indices like numpy, and typed index arrays', () => {
    expect(takeRows(['a', 'b', 'c'], [-1])).toEqual(['c']);
    expect(takeRows(['a', 'b', 'c'], Int32Array.of(0, 1))).toEqual(['a', 'b']);
    expect(takeRows(['a', 'b', 'c'], [])).toEqual([]);
  });

  it('rejects out-of-bounds and non-integer indices with numpy message', () => {
    expect(() => takeRows([1, 2, 3], [5])).toThrow(
      new RangeError('index 5 is out of bounds for axis 0 with size 3'),
    );
    expect(() => takeRows([1, 2, 3], [-4])).toThrow(
      'index -4 is out of bounds for axis 0 with size 3',
    );
    expect(() => takeRows([1, 2, 3], [0.5])).toThrow(
      'index 0.5 is out of bounds for axis 0 with size 3',
    );
  });

  it('rejects what has no rows', () => {
    expect(() => takeRows(3, [0])).toThrow('Expected sequence or array-like, got number');
  });
});
