import { formatValue, typeName } from './format';

class Thing {}
class Named {
  toString() {
    return 'Named(1)';
  }
}

describe('formatValue', () => {
  it.each([
    ['abc', "'abc'"],
    [null, 'null'],
    [undefined, 'undefined'],
    [3, '3'],
    [[1, 'a', [true]], "[1, 'a', [true]]"],
    [Float32Array.of(1.5), '[1.5]'],
    [{ a: 1 }, '{"a":1}'],
    [new Thing(), 'Thing'],
    [new Named(), 'Named(1)'],
  ])('formats %p as %s', (v, s) => {
    expect(formatValue(v)).toBe(s);
  });

  it('names functions and truncates long arrays', () => {
    expect(formatValue(function build() {})).toBe('[Function build]');
    expect(formatValue(Array.from({ length: 12 }, (_, i) => i))).toBe(
      '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...]',
    );
  });

  it('survives circular objects', () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    expect(formatValue(o)).toBe('[object]');
  });
});

describe('typeName', () => {
  it('names types like a Python user expects', () => {
    expect(typeName(null)).toBe('null');
    expect(typeName([])).toBe('Array');
    expect(typeName(new Thing())).toBe('Thing');
    expect(typeName('x')).toBe('string');
  });
});
