import { BaseEstimator } from './BaseEstimator';
import {
  npArrayStr,
  pyList,
  pyNumStr,
  pyRepr,
  pySet,
  pyShape,
  pyStr,
  pyTuple,
  typeName,
} from './repr';

class Thing {}
class Named {
  toString() {
    return 'Named(1)';
  }
}
class Est extends BaseEstimator {
  static estimatorName = 'Est';
  static override defaults = { a: 1 };
}

describe('pyNumStr', () => {
  it.each([
    [3, '3'],
    [-0, '0'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1.5e16, '1.5e+16'],
    [1e16, '1e+16'],
    [123456.789, '123456.789'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])("prints %p as Python's str() does, with JavaScript's NaN and Infinity: %s", (n, s) => {
    expect(pyNumStr(n)).toBe(s);
  });
});

describe('pyRepr', () => {
  it.each([
    ['abc', "'abc'"],
    ["it's", '"it\'s"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'true'],
    [3, '3'],
    [[1, 'a', [true]], "[1, 'a', [true]]"],
    [Float32Array.of(1.5), '[1.5]'],
    [{ a: 1, b: 'x' }, "{'a': 1, 'b': 'x'}"],
    [new Set([1]), '{1}'],
    [new Set(), 'set()'],
    [new Map([['k', 2]]), "{'k': 2}"],
    [/^col_s/i, '/^col_s/i'],
    [new Thing(), '<Thing object>'],
    [new Named(), 'Named(1)'],
    [new Est({ a: 2 }), 'Est({ a: 2 })'],
    [
      new (class Like {
        getParams() {
          return { a: 0.1, b: null };
        }
      })(),
      'Like({ a: 0.1, b: null })',
    ],
  ])("shows %p in scikit-learn's words with JavaScript literals: %s", (v, s) => {
    expect(pyRepr(v)).toBe(s);
  });

  it('names functions, abbreviates long arrays like numpy and survives cycles', () => {
    expect(pyRepr(function build() {})).toBe('<function build>');
    expect(pyRepr(Array.from({ length: 2000 }, (_, i) => i))).toBe(
      '[0, 1, 2, ..., 1997, 1998, 1999]',
    );
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(pyRepr(o)).toBe(
      "{'self': {'self': {'self': {'self': {'self': {'self': {'self': ...}}}}}}}",
    );
  });

  it('writes the messages of scikit-learn as "Got 1 instead."', () => {
    expect(`Got ${pyRepr(1)} instead.`).toBe('Got 1 instead.');
    expect(`Got ${pyRepr('1')} instead.`).toBe("Got '1' instead.");
    expect(`${pyRepr(null)} was passed`).toBe('null was passed');
  });
});

describe('pyStr, pyList, npArrayStr, pyShape', () => {
  it('print strings bare, lists, arrays and shapes like Python and numpy', () => {
    expect(pyStr('relu')).toBe('relu');
    expect(pyStr([1, 'a'])).toBe("[1, 'a']");
    expect(pyList(['a', 1])).toBe("['a', 1]");
    expect(npArrayStr([3, 5])).toBe('[3 5]');
    expect(npArrayStr(['a', 'b'])).toBe("['a' 'b']");
    expect(pyShape([3])).toBe('(3,)');
    expect(pyShape([3, 2])).toBe('(3, 2)');
  });
});

describe('pyTuple, pySet', () => {
  it('print tuples and sets like Python (sets sorted, for stable messages)', () => {
    expect(pyTuple([2, 1])).toBe('(2, 1)');
    expect(pyTuple([25.5])).toBe('(25.5,)');
    expect(pyTuple([])).toBe('()');
    expect(pyTuple(['a', null])).toBe("('a', null)");
    expect(pySet(['c', 'a', 'c'])).toBe("{'a', 'c'}");
    expect(pySet([10, 2, 2])).toBe('{2, 10}');
    expect(pySet([])).toBe('set()');
  });
});

describe('1,000,000 items', () => {
  it('pyRepr, pyList, npArrayStr and pyTuple read only the items they show', () => {
    const big = Float64Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(pyRepr(big)).toBe('[0, 1, 2, ..., 999997, 999998, 999999]');
    expect(pyList(big)).toBe('[0, 1, 2, ..., 999997, 999998, 999999]');
    expect(npArrayStr(big)).toBe('[0 1 2 ... 999997 999998 999999]');
    expect(pyTuple(big)).toBe('(0, 1, 2, ..., 999997, 999998, 999999)');
    expect(pySet(big)).toMatch(/^\{0, 1, 2, .*, 999999\}$/);
  });
});

describe('typeName', () => {
  it('names types like a Python user expects, estimators by their registered name', () => {
    expect(typeName(null)).toBe('null');
    expect(typeName([])).toBe('Array');
    expect(typeName(new Thing())).toBe('Thing');
    expect(typeName(new Est())).toBe('Est');
    expect(typeName('x')).toBe('string');
  });
});
