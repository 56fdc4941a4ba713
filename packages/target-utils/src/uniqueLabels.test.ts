import fc from 'fast-check';
import { ValueError } from '@scikeras/estimator-core';
import { uniqueLabels } from './uniqueLabels';
import { decode, loadFixture, outcomeOf, type Outcome } from './test-utils/fixtures';

const fixture = loadFixture<{ cases: { args: unknown[]; expected: Outcome }[] }>(
  'uniqueLabels.json',
);
const randoms = loadFixture<{ cases: { name: string; y: unknown; uniqueLabels?: Outcome }[] }>(
  'randomTargets.json',
);

describe('uniqueLabels', () => {
  describe('parity with scikit-learn 1.2.1', () => {
    it.each(fixture.cases.map((c) => [JSON.stringify(c.args), c] as const))('%s', (_n, c) => {
      const got = outcomeOf(() => uniqueLabels(...(decode(c.args) as unknown[])));
      if (c.expected.error) {
        expect(got.error).toBe(c.expected.error);
        if (c.expected.message!.startsWith('Mix type of y not allowed')) {
          // Python prints a set in hash order; we print it sorted
          expect(got.message).toMatch(/^Mix type of y not allowed, got types \{/);
        } else if (!c.expected.message!.startsWith('Unknown label type')) {
          expect(got.message).toBe(c.expected.message);
        } else {
          expect(got.message).toMatch(/^Unknown label type: \(/);
        }
      } else {
        expect(got).toEqual({ value: c.expected.value });
      }
    });
    const withLabels = randoms.cases.filter((c) => c.uniqueLabels);
    it.each(withLabels.map((c) => [c.name, c] as const))('random %s', (_n, c) => {
      const got = outcomeOf(() => uniqueLabels(decode(c.y)));
      const want = c.uniqueLabels!;
      if (want.message?.startsWith('Unknown label type: (')) {
        // the sentence is scikit-learn's; the repr of the data is JavaScript's (1 for 1.0)
        expect(got.error).toBe(want.error);
        expect(got.message).toMatch(/^Unknown label type: \(\[/);
      } else {
        expect(got).toEqual(want);
      }
    });
  });

  it('throws when no argument is passed', () => {
    expect(() => uniqueLabels()).toThrow(new ValueError('No argument has been passed.'));
  });

  it('rejects strings mixed with numbers, within or across targets', () => {
    expect(() => uniqueLabels(['1', 2])).toThrow(
      new ValueError('Mix of label input types (string and number)'),
    );
    expect(() => uniqueLabels(['a', 'b'], [1, 2])).toThrow(
      'Mix of label input types (string and number)',
    );
  });

  it('rejects multilabel mixed with multiclass and indicator matrices of different widths', () => {
    expect(() =>
      uniqueLabels(
        [4, 0, 2],
        [
          [1, 1],
          [0, 1],
        ],
      ),
    ).toThrow("Mix type of y not allowed, got types {'multiclass', 'multilabel-indicator'}");
    expect(() =>
      uniqueLabels(
        [
          [1, 0],
          [0, 1],
        ],
        [
          [1, 0, 0],
          [0, 1, 1],
        ],
      ),
    ).toThrow('Multi-label binary indicator input with different numbers of labels');
  });

  it('sorts like numpy: numbers ascending, strings by code point, false before true', () => {
    expect(uniqueLabels([10, 2, -1, 2])).toEqual([-1, 2, 10]);
    expect(uniqueLabels(['b', 'B', 'é', 'a', '😀', '\uffff'])).toEqual([
      'B',
      'a',
      'b',
      'é',
      '\uffff',
      '😀',
    ]);
    expect(uniqueLabels([true, false])).toEqual([false, true]);
    expect(uniqueLabels(new Int8Array([3, -1, 3]), [7])).toEqual([-1, 3, 7]);
  });

  it('returns the same labels for any permutation of the input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1 }), (y) => {
        const out = uniqueLabels(y);
        expect(uniqueLabels([...y].reverse())).toEqual(out);
        expect(out).toEqual([...new Set(y)].sort((a, b) => a - b).map((v) => v + 0));
      }),
    );
  });
});

describe('uniqueLabels at 1e6 labels (issue 13 item 6: no spread of data-sized arrays into a call)', () => {
  it('returns 150,000 distinct numbers from 1,000,000 labels (a RangeError before)', () => {
    const y = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 150_000);
    const u = uniqueLabels(y);
    expect(u).toHaveLength(150_000);
    expect(u[0]).toBe(0);
    expect(u[149_999]).toBe(149_999);
  });

  it('and 150,000 distinct strings', () => {
    const y = Array.from({ length: 300_000 }, (_, i) => `s${i % 150_000}`);
    expect(uniqueLabels(y)).toHaveLength(150_000);
  });
});
