import { hasTransformInto, transformInto, type WindowWriter } from './transformInto';

describe('transformInto', () => {
  it('is the registered symbol, so that two copies of estimator-core agree', () => {
    expect(transformInto).toBe(Symbol.for('@scikeras/estimator-core/transformInto'));
  });

  it('hasTransformInto tells a transformer with the hook from anything else', () => {
    const writer: WindowWriter = { width: 1, write: () => true };
    const withHook = { [transformInto]: () => writer };
    expect(hasTransformInto(withHook)).toBe(true);
    expect(hasTransformInto({ [transformInto]: 1 })).toBe(false);
    expect(hasTransformInto({ transform: () => [] })).toBe(false);
    expect(hasTransformInto(null)).toBe(false);
    expect(hasTransformInto('passthrough')).toBe(false);
  });
});
