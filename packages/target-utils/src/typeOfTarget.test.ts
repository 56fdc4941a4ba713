import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { ValueError } from '@scikeras/estimator-core';
import { typeOfTarget } from './typeOfTarget';
import { isMultilabel } from './isMultilabel';
import { decode, fakeTensor, loadFixture, outcomeOf, type Outcome } from './test-utils/fixtures';

interface Case {
  name: string;
  y: unknown;
  expected: Outcome;
  isMultilabel: boolean;
}

const examples = loadFixture<{ cases: Case[]; skipped: { name: string; reason: string }[] }>(
  'typeOfTarget.json',
);
const randoms = loadFixture<{ cases: Case[] }>('randomTargets.json');

function expectOutcome(c: Case, inputName?: string) {
  const got = outcomeOf(() => typeOfTarget(decode(c.y), inputName ? { inputName } : {}));
  if (c.expected.error) {
    expect(got.error).toBe(c.expected.error);
    if (c.expected.message!.startsWith('Expected array-like')) {
      // the value's repr is JavaScript's, the sentence is scikit-learn's
      expect(got.message).toMatch(/^Expected array-like \(array or non-string sequence\), got /);
    } else if (c.expected.error === 'TypeError') {
      expect(got.message).toContain("'<' not supported between instances");
    } else {
      expect(got.message).toBe(c.expected.message);
    }
  } else {
    expect(got).toEqual({ value: c.expected.value });
  }
}

describe('typeOfTarget', () => {
  describe('parity with scikit-learn 1.2.1 test_multiclass.py (dense EXAMPLES, NON_ARRAY_LIKE, MULTILABEL_SEQUENCES)', () => {
    it('covers every dense example and skips only sparse matrices', () => {
      expect(examples.cases.length).toBeGreaterThan(80);
      expect(examples.skipped.every((s) => s.reason.startsWith('scipy sparse matrix'))).toBe(true);
    });
    it.each(examples.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expectOutcome(c, c.name.match(/^[a-z]/) ? 'y' : undefined);
      expect(isMultilabel(decode(c.y))).toBe(c.isMultilabel);
    });
  });

  describe('parity on 600 random targets (numpy seed 20240601: 200 numpy-shaped, 400 mixed plain lists)', () => {
    it.each(randoms.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expectOutcome(c);
      expect(isMultilabel(decode(c.y))).toBe(c.isMultilabel);
    });
  });

  describe('input forms', () => {
    it('reads typed arrays, arrays of typed arrays, {data, shape}, Matrix and tensors', () => {
      expect(typeOfTarget(new Float32Array([0.5, 1]))).toBe('continuous');
      expect(typeOfTarget(new Int32Array([0, 1, 2]))).toBe('multiclass');
      expect(typeOfTarget([Int32Array.from([0, 1]), Int32Array.from([1, 0])])).toBe(
        'multilabel-indicator',
      );
      expect(typeOfTarget({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] })).toBe(
        'multiclass-multioutput',
      );
      expect(
        typeOfTarget(
          new Matrix([
            [0.5, 1],
            [2, 3],
          ]),
        ),
      ).toBe('continuous-multioutput');
      expect(typeOfTarget(new Matrix([[1], [0]]))).toBe('binary');
      expect(typeOfTarget(fakeTensor([0, 1, 1], [3], 'int32'))).toBe('binary');
      expect(typeOfTarget(fakeTensor([0, 1, 1, 0], [2, 2], 'int32'))).toBe('multilabel-indicator');
      expect(typeOfTarget(fakeTensor([0.5, 1, 1, 0], [2, 2]))).toBe('continuous-multioutput');
      expect(typeOfTarget(fakeTensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]))).toBe('unknown');
    });
    it('reads booleans and tfjs bool tensors as numpy bool arrays', () => {
      expect(typeOfTarget([true, false, true])).toBe('binary');
      expect(
        typeOfTarget([
          [true, false],
          [false, true],
        ]),
      ).toBe('multilabel-indicator');
      expect(typeOfTarget({ ...fakeTensor([1, 0], [2], 'int32'), dtype: 'bool' })).toBe('binary');
    });
    it('rejects non-array-like input with scikit-learn message', () => {
      expect(() => typeOfTarget('abc')).toThrow(
        new ValueError("Expected array-like (array or non-string sequence), got 'abc'"),
      );
      expect(() => typeOfTarget(null)).toThrow(
        'Expected array-like (array or non-string sequence), got null',
      );
      expect(() => typeOfTarget(new Set([1, 2, 3]))).toThrow(
        'Expected array-like (array or non-string sequence), got {1, 2, 3}',
      );
      expect(() => typeOfTarget(5)).toThrow(
        'Expected array-like (array or non-string sequence), got 5',
      );
    });
    it('names the input in NaN/infinity errors', () => {
      expect(() => typeOfTarget([0.5, NaN], { inputName: 'y' })).toThrow('Input y contains NaN.');
      expect(() => typeOfTarget([0.5, Infinity])).toThrow(
        "Input contains infinity or a value too large for dtype('float64').",
      );
      expect(() => typeOfTarget(new Float32Array([0.5, Infinity]), { inputName: 'y' })).toThrow(
        "Input y contains infinity or a value too large for dtype('float32').",
      );
    });
    it('treats 1 and 1.0 as the same label', () => {
      expect(typeOfTarget([1.0, 2.0])).toBe('binary');
      expect(typeOfTarget([1, 1.0, 2.0, 2])).toBe('binary');
    });
  });

  describe('properties', () => {
    const labels = fc.oneof(
      fc.array(fc.integer({ min: -3, max: 5 }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.constantFrom('a', 'b', 'c', 'é', 'B'), { minLength: 1, maxLength: 30 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 30 }),
      fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }), {
        minLength: 1,
        maxLength: 20,
      }),
    );
    it('is stable under permutation of the samples', () => {
      fc.assert(
        fc.property(labels, fc.infiniteStream(fc.nat()), (y, seeds) => {
          const perm = [...y];
          for (let i = perm.length - 1; i > 0; i--) {
            const j = seeds.next().value % (i + 1);
            [perm[i], perm[j]] = [perm[j]!, perm[i]!];
          }
          expect(typeOfTarget(perm)).toBe(typeOfTarget(y));
        }),
      );
    });
    it('is stable under relabelling of discrete classes (a bijection to other labels)', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 30 }),
          fc.constantFrom<(c: number) => string | number>(
            (c) => `class-${c}`,
            (c) => 10 * c - 7,
            (c) => ['x', 'y', 'z', 'w', 'v'][c]!,
          ),
          (y, relabel) => {
            expect(typeOfTarget(y.map(relabel))).toBe(typeOfTarget(y));
          },
        ),
      );
    });
  });
});
