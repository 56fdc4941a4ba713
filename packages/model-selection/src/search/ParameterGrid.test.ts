import { ValueError } from '@scikeras/estimator-core';
import fixture from '../__fixtures__/paramGrid.json';
import { ParameterGrid } from './ParameterGrid';

describe('ParameterGrid', () => {
  it.each(fixture.data.map((c) => [JSON.stringify(c.grid), c] as const))(
    '%s iterates, counts and indexes like scikit-learn',
    (_name, c) => {
      const pg = new ParameterGrid(c.grid as never);
      expect([...pg]).toEqual(c.list);
      expect(pg.length).toBe(c.len);
      expect(Array.from({ length: pg.length }, (_, i) => pg.at(i))).toEqual(c.items);
    },
  );

  it('throws RangeError past the end', () => {
    expect(() => new ParameterGrid({ a: [1] }).at(1)).toThrow(
      new RangeError('ParameterGrid index out of range'),
    );
  });

  it('rejects a non-array value in scikit-learn’s words', () => {
    expect(() => new ParameterGrid({ a: 1 as never })).toThrow(
      new TypeError(
        "Parameter grid for parameter 'a' needs to be a list or a typed array, but got 1 (of type number) instead. Single values need to be wrapped in a list with one element.",
      ),
    );
    expect(() => new ParameterGrid({ a: 'abc' as never })).toThrow(TypeError);
  });

  it('rejects an empty value list', () => {
    expect(() => new ParameterGrid({ a: [] })).toThrow(
      new ValueError("Parameter grid for parameter 'a' need to be a non-empty sequence, got: []"),
    );
  });

  it('rejects a grid that is not an object or list', () => {
    expect(() => new ParameterGrid(3 as never)).toThrow(
      new TypeError('Parameter grid should be a dict or a list, got: 3 of type number'),
    );
    expect(() => new ParameterGrid([1] as never)).toThrow(
      new TypeError('Parameter grid is not a dict (1)'),
    );
  });
});
