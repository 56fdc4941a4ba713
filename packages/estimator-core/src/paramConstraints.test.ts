import fc from 'fast-check';
import golden from './__fixtures__/param_validation.json';
import { ValueError } from './errors';
import {
  HasMethods,
  InstanceOf,
  Interval,
  Options,
  StrOptions,
  hidden,
  joinConstraints,
  makeConstraint,
} from './paramConstraints';

const isDict = (v: unknown): boolean =>
  !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

describe('paramConstraints', () => {
  describe('wording (scikit-learn 1.2.1)', () => {
    it.each([
      ['interval_int_left', new Interval('int', 1, null, { closed: 'left' })],
      ['interval_float_left', new Interval('float', 0, 1, { closed: 'left' })],
      ['interval_int_both', new Interval('int', 0, 4294967295, { closed: 'both' })],
      ['interval_float_neither', new Interval('float', null, 0, { closed: 'neither' })],
      ['interval_float_right', new Interval('float', 0, 1, { closed: 'right' })],
      ['str_options', new StrOptions(['balanced'])],
      ['has_methods_1', new HasMethods(['fit'])],
      ['has_methods_2', new HasMethods(['fit', 'predict'])],
      ['instance_of_dict', new InstanceOf('dict', isDict)],
    ] as const)('%s', (key, constraint) => {
      expect(String(constraint)).toBe(golden.constraints[key]);
    });

    it('shorthands', () => {
      expect(String(makeConstraint(null))).toBe('null');
      expect(String(makeConstraint('boolean'))).toBe("an instance of 'bool'");
      expect(String(makeConstraint('verbose'))).toBe(
        "an int in the range [0, inf) or an instance of 'bool'",
      );
      expect(String(makeConstraint('array-like'))).toBe('an array-like');
      expect(String(makeConstraint('callable'))).toBe('a callable');
      expect(String(new Options('int', [-1]))).toBe('an int among {-1}');
      expect(String(new StrOptions(['a', 'b'], ['b']))).toBe("a str among {'a', 'b' (deprecated)}");
      expect(() => makeConstraint('nope' as never)).toThrow("Unknown constraint type: 'nope'");
    });

    it('joins lists as "a, b or c"', () => {
      const list = [makeConstraint('boolean'), makeConstraint('callable'), makeConstraint(null)];
      expect(joinConstraints(list)).toBe("an instance of 'bool', a callable or null");
    });
  });

  describe('Interval', () => {
    it('checks kind and bounds; NaN never satisfies', () => {
      const epochs = new Interval('int', 1, null, { closed: 'left' });
      expect([1, 2, 1e9].every((v) => epochs.isSatisfiedBy(v))).toBe(true);
      for (const v of [0, -1, 1.5, NaN, Infinity, '3', true, null]) {
        expect(epochs.isSatisfiedBy(v)).toBe(false);
      }
      const split = new Interval('float', 0, 1, { closed: 'left' });
      expect(split.isSatisfiedBy(0)).toBe(true);
      expect(split.isSatisfiedBy(0.5)).toBe(true);
      expect(split.isSatisfiedBy(1)).toBe(false);
      expect(split.isSatisfiedBy(NaN)).toBe(false);
      expect(new Interval('float', null, null, { closed: 'both' }).isSatisfiedBy(Infinity)).toBe(
        true,
      );
    });

    it('rejects invalid bounds as scikit-learn does', () => {
      expect(() => new Interval('int', 1.5, null, { closed: 'neither' })).toThrow(
        new TypeError('Expecting left to be an int for an interval over the integers.'),
      );
      expect(() => new Interval('int', null, 2, { closed: 'left' })).toThrow(
        "left can't be None when closed == left for an interval over the integers.",
      );
      expect(() => new Interval('float', 1, 0, { closed: 'both' })).toThrow(ValueError);
    });

    it('contains exactly the numbers between its bounds', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -100, max: 100 }),
          fc.integer({ min: 1, max: 100 }),
          fc.constantFrom('left', 'right', 'both', 'neither'),
          fc.double({ min: -300, max: 300, noNaN: true }),
          (left, width, closed, v) => {
            const c = new Interval('float', left, left + width, { closed });
            const inLeft = closed === 'left' || closed === 'both' ? v >= left : v > left;
            const right = left + width;
            const inRight = closed === 'right' || closed === 'both' ? v <= right : v < right;
            return c.isSatisfiedBy(v) === (inLeft && inRight);
          },
        ),
      );
    });
  });

  it('hidden constraints are accepted but flagged', () => {
    const c = hidden(new StrOptions(['legacy']));
    expect(c.hidden).toBe(true);
    expect(c.isSatisfiedBy('legacy')).toBe(true);
  });

  it('HasMethods checks for functions', () => {
    const c = new HasMethods(['fit', 'predict']);
    expect(c.isSatisfiedBy({ fit() {}, predict() {} })).toBe(true);
    expect(c.isSatisfiedBy({ fit() {} })).toBe(false);
    expect(c.isSatisfiedBy(null)).toBe(false);
  });
});
