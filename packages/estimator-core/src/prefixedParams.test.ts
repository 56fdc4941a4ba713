import fc from 'fast-check';
import { paramsWithPrefix, splitParamKey, unprefixedParams } from './prefixedParams';

describe('splitParamKey', () => {
  it.each([
    ['model__hidden', ['model', 'hidden']],
    ['callbacks__0__patience', ['callbacks', '0__patience']],
    ['epochs', null],
    ['__private', null],
    ['a__', ['a', '']],
  ])('%s', (key, expected) => {
    expect(splitParamKey(key)).toEqual(expected);
  });

  it('head + "__" + rest gives the key back', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        const s = splitParamKey(key);
        if (s === null) return key.indexOf('__') <= 0;
        return `${s[0]}__${s[1]}` === key && !s[0].includes('__') && s[0].length > 0;
      }),
    );
  });
});

describe('paramsWithPrefix', () => {
  it('selects one prefix and strips it', () => {
    const params = { loss__delta: 1, loss__0__alpha: 2, lossy: 3, loss: 'mse', metrics__x: 4 };
    expect(paramsWithPrefix(params, 'loss')).toEqual({ delta: 1, '0__alpha': 2 });
  });

  it('accepts a prefix with several heads', () => {
    const params = { fit__callbacks__0__patience: 2, fit__batchSize: 3, callbacks__0__x: 1 };
    expect(paramsWithPrefix(params, 'fit__callbacks')).toEqual({ '0__patience': 2 });
  });
});

describe('unprefixedParams', () => {
  it('keeps keys without __, optionally filtered', () => {
    const params = { epochs: 2, fit__epochs: 3, hidden: 4 };
    expect(unprefixedParams(params)).toEqual({ epochs: 2, hidden: 4 });
    expect(unprefixedParams(params, new Set(['epochs']))).toEqual({ epochs: 2 });
  });
});
