import fc from 'fast-check';
import { ValueError } from '@scikeras/estimator-core';
import { uniqueInverse } from './uniqueInverse';
import { uniqueLabels } from './uniqueLabels';
import { LabelEncoder } from './LabelEncoder';
import { decode, loadFixture, type Outcome } from './test-utils/fixtures';

const fixture = loadFixture<{ cases: { y: unknown; expected: Outcome }[] }>('uniqueInverse.json');

/** numpy keeps a -0.0 that sorts first among equal zeros; we give 0 (see uniqueInverse's remarks). */
function zeroNotMinusZero(v: unknown): unknown {
  return Array.isArray(v) ? v.map(zeroNotMinusZero) : Object.is(v, -0) ? 0 : v;
}

function plain(r: ReturnType<typeof uniqueInverse>) {
  return { uniques: r.uniques, firstIndex: r.firstIndex, inverse: Array.from(r.inverse) };
}

describe('uniqueInverse', () => {
  describe('parity with numpy np.unique(return_index=True, return_inverse=True)', () => {
    it.each(fixture.cases.map((c) => [JSON.stringify(c.y), c] as const))('%s', (_n, c) => {
      const expected = decode(c.expected.value) as Record<string, unknown>;
      expect(plain(uniqueInverse(decode(c.y)))).toEqual({
        ...expected,
        uniques: zeroNotMinusZero(expected.uniques),
      });
    });
  });

  it('puts NaN last, once, and maps every NaN to it', () => {
    expect(plain(uniqueInverse([NaN, 1, NaN, 0]))).toEqual({
      uniques: [0, 1, NaN],
      firstIndex: [3, 1, 0],
      inverse: [2, 1, 2, 0],
    });
    expect(plain(uniqueInverse(Float64Array.of(2, NaN, -1, NaN)))).toEqual({
      uniques: [-1, 2, NaN],
      firstIndex: [2, 0, 1],
      inverse: [1, 2, 0, 2],
    });
  });

  it('reads typed arrays, 2-D input (flattened) and tensors', () => {
    expect(plain(uniqueInverse(Int32Array.of(5, 3, 5)))).toEqual({
      uniques: [3, 5],
      firstIndex: [1, 0],
      inverse: [1, 0, 1],
    });
    expect(
      plain(
        uniqueInverse([
          [1, 0],
          [0, 2],
        ]),
      ),
    ).toEqual({
      uniques: [0, 1, 2],
      firstIndex: [1, 0, 3],
      inverse: [1, 0, 0, 2],
    });
  });

  it('orders labels exactly as uniqueLabels and LabelEncoder do, and uniques[inverse[i]] is y[i]', () => {
    const label = fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(NaN, 0.5, -0));
    const strings = fc.array(fc.constantFrom('a', 'b', 'B', 'é', '😀', '\uffff'), {
      minLength: 1,
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(label, { minLength: 1 }), strings), (y) => {
        const { uniques, firstIndex, inverse } = uniqueInverse(y);
        expect(uniques).toEqual(new LabelEncoder().fit(y).classes_);
        // uniqueLabels takes class labels only (no NaN, no fractions: 'continuous')
        if (y.every((v) => typeof v === 'string' || Number.isInteger(v)))
          expect(uniques).toEqual(uniqueLabels(y));
        y.forEach((v, i) => expect(Object.is(uniques[inverse[i]!], v === 0 ? 0 : v)).toBe(true));
        firstIndex.forEach((i, k) => {
          expect(inverse[i]).toBe(k);
          expect(Array.from(inverse).indexOf(k)).toBe(i);
        });
      }),
    );
  });

  it('rejects what is not array-like, and objects among the labels', () => {
    expect(() => uniqueInverse(3)).toThrow(
      new ValueError('Expected array-like (array or non-string sequence), got 3'),
    );
    expect(() => uniqueInverse([null, 'a'])).toThrow(
      new TypeError(
        "Encoders require their input to be uniformly strings or numbers. Got ['null', 'string']",
      ),
    );
  });
});
