import { routeParams } from './routeParams';

describe('routeParams', () => {
  it('gives fit__x precedence over x and keeps the unprefixed names that pass the filter', () => {
    expect(
      routeParams({ batchSize: 8, fit__batchSize: 32, epochs: 2 }, 'fit', new Set(['batchSize'])),
    ).toEqual({ batchSize: 32 });
    expect(routeParams({ a: 1, model__b: 2, loss__c: 3 }, 'model', null)).toEqual({ a: 1, b: 2 });
  });

  it('routes a name such as model____proto__ as an own key, never as a prototype', () => {
    const routed = routeParams(
      JSON.parse('{"model____proto__": {"polluted": true}}'),
      'model',
      null,
    );
    expect(Object.getPrototypeOf(routed)).toBe(Object.prototype);
    expect((routed as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(routed)).toEqual(['__proto__']);
  });
});
