import { checkArray } from './checkArray';
import { isRecordArray, recordKeys, recordsToRows } from './records';

describe('records', () => {
  describe('isRecordArray', () => {
    it.each([
      ['records', [{ a: 1 }], true],
      ['null-prototype records', [Object.assign(Object.create(null), { a: 1 })], true],
      ['rows', [[1, 2]], false],
      ['typed rows', [Float64Array.of(1)], false],
      ['empty', [], false],
      ['a Map', [new Map()], false],
      ['not an array', { a: 1 }, false],
    ])('%s -> %s', (_name, X, want) => {
      expect(isRecordArray(X)).toBe(want);
    });
  });

  describe('recordKeys', () => {
    it('gives the union of the keys in order of first appearance', () => {
      expect(recordKeys([{ b: 1 }, { b: 2, a: 3 }, { c: 4 }])).toEqual(['b', 'a', 'c']);
    });
  });

  describe('recordsToRows', () => {
    it('reads one column per key, absent and undefined values as null', () => {
      expect(
        recordsToRows(
          [
            { a: 1, b: 'x' },
            { b: 'y', c: undefined },
          ],
          ['a', 'b', 'c'],
        ),
      ).toEqual([
        [1, 'x', null],
        [null, 'y', null],
      ]);
    });

    it('rejects a row that is not a record', () => {
      expect(() => recordsToRows([{ a: 1 }, [2] as never])).toThrow(
        new TypeError(
          'X mixes records and other rows: X[0] is a record but X[1] is an array. Give every sample as a record ({ name: value }).',
        ),
      );
    });
  });

  describe('checkArray on records', () => {
    it('gives one column per key, null as NaN', () => {
      const X = [
        { age: 31, height: 1.8 },
        { age: null, height: 1.6 },
      ];
      const a = checkArray(X, { forceAllFinite: 'allow-nan' });
      expect(a.shape).toEqual([2, 2]);
      expect(Array.from(a.data)).toEqual([31, 1.8, NaN, 1.6]);
    });

    it('rejects string values as non-numeric', () => {
      expect(() => checkArray([{ city: 'Oslo' }])).toThrow(
        /could not convert string to float: 'Oslo'/,
      );
    });
  });
});
