import { InvalidParameterError, RandomState } from '@scikeras/estimator-core';
import { int, real, validateParams } from './validateParams';

const DEFAULTS = {
  n: 3,
  x: 0.5,
  flag: true,
  rs: null as number | null | RandomState,
  pair: [0, 1],
};
const CONSTRAINTS = {
  n: [int(1, 10, 'right')],
  x: [real(null, 1, 'neither'), 'null'],
  flag: ['boolean'],
  rs: ['random_state'],
  pair: ['pair'],
} as const;

const check = (params: object) => validateParams('f', DEFAULTS, params as never, CONSTRAINTS);

describe('validateParams', () => {
  it('merges the given params over the defaults, undefined keeping the default', () => {
    expect(check({ n: 10, x: undefined })).toEqual({ ...DEFAULTS, n: 10 });
    const rng = new RandomState(0);
    expect(check({ rs: rng, x: null }).rs).toBe(rng);
  });

  it.each([
    [{ n: 1 }, "The 'n' parameter of f must be an int in the range (1, 10]. Got 1 instead."],
    [{ n: 11 }, "The 'n' parameter of f must be an int in the range (1, 10]. Got 11 instead."],
    [
      { x: 1 },
      "The 'x' parameter of f must be a float in the range (-inf, 1.0) or null. Got 1 instead.",
    ],
    [
      { x: NaN },
      "The 'x' parameter of f must be a float in the range (-inf, 1.0) or null. Got NaN instead.",
    ],
    [
      { flag: 'true' },
      "The 'flag' parameter of f must be an instance of 'bool'. Got 'true' instead.",
    ],
    [
      { rs: 2 ** 32 },
      "The 'rs' parameter of f must be an int in the range [0, 4294967295], an instance of 'RandomState' or null. Got 4294967296 instead.",
    ],
    [
      { rs: { a: 1 } },
      "The 'rs' parameter of f must be an int in the range [0, 4294967295], an instance of 'RandomState' or null. Got {\"a\":1} instead.",
    ],
    [
      { pair: [1, 2, 3] },
      "The 'pair' parameter of f must be a two-element array. Got [1, 2, 3] instead.",
    ],
  ])("rejects %p in scikit-learn's words", (params, message) => {
    expect(() => check(params)).toThrow(InvalidParameterError);
    expect(() => check(params)).toThrow(message);
  });

  it('rejects unknown keys as Python rejects unexpected keyword arguments', () => {
    expect(() => check({ N: 2 })).toThrow(
      new TypeError("f() got an unexpected keyword argument 'N'. Did you mean 'n'?"),
    );
    expect(() => check({ zz: 2 })).toThrow(
      new TypeError("f() got an unexpected keyword argument 'zz'"),
    );
  });

  it('rejects params that are not an object', () => {
    expect(() => check(5 as never)).toThrow(new TypeError('f() takes a params object, got 5.'));
    expect(() => check([1] as never)).toThrow(new TypeError('f() takes a params object, got [1].'));
  });
});
