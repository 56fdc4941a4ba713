import fc from 'fast-check';
import { andThen, isPromiseLike, mapMaybe, reduceMaybe } from './maybeAsync';

describe('maybeAsync', () => {
  it('isPromiseLike recognises Promises and thenables only', () => {
    expect(isPromiseLike(Promise.resolve(1))).toBe(true);
    expect(isPromiseLike({ then: () => undefined })).toBe(true);
    expect(isPromiseLike({ then: 1 })).toBe(false);
    expect(isPromiseLike(null)).toBe(false);
    expect(isPromiseLike([1])).toBe(false);
  });

  it('andThen is synchronous for values (a throw stays synchronous) and chains Promises', async () => {
    expect(andThen(2, (v) => v + 1)).toBe(3);
    expect(() =>
      andThen(2, () => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    const p = andThen(Promise.resolve(2), (v) => v + 1);
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toBe(3);
    await expect(
      andThen(Promise.resolve(2), () => {
        throw new Error('async');
      }),
    ).rejects.toThrow('async');
  });

  it('reduceMaybe runs steps in order, synchronously until the first Promise', async () => {
    const log: number[] = [];
    const r = reduceMaybe([1, 2, 3, 4], 0, (acc, v) => {
      log.push(v);
      return v === 2 ? Promise.resolve(acc + v) : acc + v;
    });
    expect(log).toEqual([1, 2]);
    expect(await r).toBe(10);
    expect(log).toEqual([1, 2, 3, 4]);
    expect(reduceMaybe([], 5, () => 0)).toBe(5);
  });

  it('property: the result equals a plain fold, and is a Promise exactly when a step is async', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.boolean()), { maxLength: 12 }),
        async (steps) => {
          const order: number[] = [];
          const out = mapMaybe(steps, ([v, isAsync], i) => {
            order.push(i);
            return isAsync ? new Promise<number>((res) => setTimeout(() => res(v * 2), 0)) : v * 2;
          });
          const anyAsync = steps.some(([, a]) => a);
          expect(isPromiseLike(out)).toBe(anyAsync);
          expect(await out).toEqual(steps.map(([v]) => v * 2));
          expect(order).toEqual(steps.map((_, i) => i)); // one after the other, never concurrently
        },
      ),
    );
  });
});
