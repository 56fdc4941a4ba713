import fc from 'fast-check';
import type { TaskContextSpec } from './FitTask';
import { packContext, packNumbers, unpackContext, unpackNumbers } from './packedData';

const rows = (n: number, d: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, j) => i * 0.5 - j * 1e-3));

describe('packNumbers / unpackNumbers', () => {
  it('packs a number[][] row-major on a shared buffer and rebuilds the same plain arrays', () => {
    const X = rows(300, 4);
    X[0]![0] = -0;
    X[1]![1] = NaN;
    X[2]![2] = Infinity;
    X[3]![3] = Number.MIN_VALUE;
    const p = packNumbers(X) as { packed: string; data: Float64Array; shape: number[] };
    expect(p.packed).toBe('numbers');
    expect(p.shape).toEqual([300, 4]);
    expect(p.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(p.data.subarray(4, 8))).toEqual(X[1]);
    const back = unpackNumbers(p) as number[][];
    expect(back).toEqual(X); // toEqual tells -0 from 0 and matches NaN
    expect(Object.is(back[0]![0], -0)).toBe(true);
    expect(back.every((r) => Array.isArray(r))).toBe(true);
  });

  it('packs a number[] and rebuilds a plain number[]', () => {
    const y = Array.from({ length: 2000 }, (_, i) => i % 3);
    const p = packNumbers(y) as { shape: number[] };
    expect(p.shape).toEqual([2000]);
    const back = unpackNumbers(p);
    expect(Array.isArray(back)).toBe(true);
    expect(back).toEqual(y);
  });

  it('leaves alone what it cannot pack exactly, and small arrays', () => {
    const ragged = rows(400, 3);
    ragged[7] = [1, 2];
    const strings = Array.from({ length: 2000 }, (_, i) => `c${i % 3}`);
    const mixed: unknown[] = rows(400, 3);
    mixed[5] = [1, '2', 3];
    const sparse = rows(400, 3);
    sparse[9] = new Array<number>(3);
    const typed = new Float64Array(5000);
    const tensorLike = { data: new Float64Array(5000), shape: [1000, 5] };
    const small = rows(10, 3);
    for (const v of [ragged, strings, mixed, sparse, typed, tensorLike, small, [], null, undefined])
      expect(packNumbers(v)).toBe(v);
    for (const v of [typed, tensorLike, small, null, undefined, { packed: 'numbers' }])
      expect(unpackNumbers(v)).toBe(v);
  });

  it('round-trips any rectangular number[][] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((d) =>
          fc.array(fc.array(fc.double(), { minLength: d, maxLength: d }), {
            minLength: Math.ceil(1024 / d),
            maxLength: 1100,
          }),
        ),
        (X) => {
          expect(unpackNumbers(packNumbers(X))).toEqual(X);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('packContext packs X and y only; unpackContext restores them', () => {
    const spec = {
      estimator: { type: 'x' },
      X: rows(500, 3),
      y: Array.from({ length: 500 }, (_, i) => i % 2),
      fitOptions: {},
      scoring: null,
      mode: 'score',
      returnTrainScore: false,
      returnEstimator: false,
      errorScore: NaN,
    } as unknown as TaskContextSpec;
    const packed = packContext(spec);
    expect(packed.estimator).toBe(spec.estimator);
    expect(packed.X).not.toBe(spec.X);
    expect(unpackContext(structuredClone(packed))).toEqual(spec);
  });
});
