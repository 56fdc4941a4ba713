import fc from 'fast-check';
import { NotFittedError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { ClassifierLabelEncoder } from './ClassifierLabelEncoder';
import { decode, fakeTensor, loadFixture } from './test-utils/fixtures';

const fixture = loadFixture<{
  cases: {
    y: unknown;
    type: string;
    classes: unknown[];
    ordinal: number[][];
    onehot: number[][];
  }[];
}>('classifierLabelEncoder.json');

describeEstimatorChecks(
  'ClassifierLabelEncoder checkEstimator',
  () => new ClassifierLabelEncoder(),
);
describeEstimatorChecks(
  'ClassifierLabelEncoder (categorical crossentropy) checkEstimator',
  () => new ClassifierLabelEncoder({ loss: 'categoricalCrossentropy' }),
);

describe('ClassifierLabelEncoder', () => {
  describe("parity with scikeras's pipelines (scikit-learn OrdinalEncoder / OneHotEncoder on y.reshape(-1, 1))", () => {
    it.each(fixture.cases.map((c) => [JSON.stringify(c.y), c] as const))('%s', (_n, c) => {
      const y = decode(c.y);
      const enc = new ClassifierLabelEncoder().fit(y);
      expect(enc.targetType_).toBe(c.type);
      expect(enc.classes_).toEqual(c.classes);
      expect(enc.nClasses_).toBe(c.classes.length);
      expect(enc.transform(y)).toEqual(c.ordinal);
      expect(new ClassifierLabelEncoder().fitTransform(y)).toEqual(c.ordinal);
      const cce = new ClassifierLabelEncoder({ loss: 'categorical_crossentropy' }).fit(y);
      // one-hot for binary targets too (scikeras: only 'multiclass'; see @remarks)
      expect(cce.transform(y)).toEqual(c.onehot);
      expect(cce.inverseTransform(c.onehot)).toEqual(y);
    });
  });

  describe('fit', () => {
    it('exposes the metadata the wrapper copies', () => {
      const enc = new ClassifierLabelEncoder().fit(['cat', 'dog', 'cat']);
      expect(enc.getMetadata()).toEqual({
        classes_: ['cat', 'dog'],
        nClasses_: 2,
        nOutputs_: 1,
        nOutputsExpected_: 1,
        targetType_: 'binary',
      });
    });
    it("reports a one-hot y as 'multiclass-onehot' and passes it through", () => {
      const y = [
        [1, 0, 0],
        [0, 0, 1],
        [0, 1, 0],
      ];
      const enc = new ClassifierLabelEncoder().fit(y);
      expect(enc.targetType_).toBe('multiclass-onehot');
      expect(enc.classes_).toEqual([0, 1, 2]);
      expect(enc.nClasses_).toBe(3);
      expect(enc.transform(y)).toEqual(y);
      expect(enc.inverseTransform([[0.2, 0.7, 0.1]])).toEqual([[0, 1, 0]]);
    });
    it('passes multilabel-indicator through and rounds predictions (half to even)', () => {
      const y = [
        [1, 1, 0],
        [0, 0, 1],
        [0, 0, 0],
      ];
      const enc = new ClassifierLabelEncoder().fit(y);
      expect(enc.getMetadata()).toEqual({
        classes_: [
          [0, 1],
          [0, 1],
          [0, 1],
        ],
        nClasses_: [2, 2, 2],
        nOutputs_: 1,
        nOutputsExpected_: 1,
        targetType_: 'multilabel-indicator',
      });
      expect(enc.transform([[true, false, true]])).toEqual([[1, 0, 1]]);
      expect(enc.inverseTransform([[0.5, 0.51, 0.2]])).toEqual([[0, 1, 0]]);
      expect(enc.inverseTransform([[0.5, 0.51, 0.2]], { returnProba: true })).toEqual([
        [0.5, 0.51, 0.2],
      ]);
    });
    it('encodes multiclass-multioutput with one ordinal column and one head per output', () => {
      const y = [
        ['a', 1],
        ['b', 3],
        ['c', 2],
        ['a', 1],
      ];
      const enc = new ClassifierLabelEncoder().fit(y);
      expect(enc.getMetadata()).toEqual({
        classes_: [
          ['a', 'b', 'c'],
          [1, 2, 3],
        ],
        nClasses_: [3, 3],
        nOutputs_: 2,
        nOutputsExpected_: 2,
        targetType_: 'multiclass-multioutput',
      });
      expect(enc.transform(y)).toEqual([
        [0, 0],
        [1, 2],
        [2, 1],
        [0, 0],
      ]);
      const pred = [
        [
          [0.1, 0.8, 0.1],
          [0.9, 0.05, 0.05],
        ],
        [
          [0.2, 0.2, 0.6],
          [0.3, 0.3, 0.4],
        ],
      ];
      expect(enc.inverseTransform(pred)).toEqual([
        ['b', 3],
        ['a', 3],
      ]);
      expect(enc.inverseTransform(pred, { returnProba: true })).toEqual(pred);
    });
    it('uses given categories, and a binary y with 3 categories is multiclass', () => {
      const enc = new ClassifierLabelEncoder({ categories: [['a', 'b', 'c']] }).fit(['a', 'b']);
      expect(enc.targetType_).toBe('multiclass');
      expect(enc.classes_).toEqual(['a', 'b', 'c']);
      expect(enc.transform(['c'])).toEqual([[2]]);
      expect(() =>
        new ClassifierLabelEncoder({ categories: [['a', 'b']] }).fit(['a', 'z']),
      ).toThrow(new ValueError("Found unknown categories ['z'] in column 0 during fit"));
      expect(() => new ClassifierLabelEncoder({ categories: [[3, 1, 2]] }).fit([1, 2])).toThrow(
        'Unsorted categories are not supported for numerical categories',
      );
    });
    it("rejects targets that are not classification targets with scikeras's message", () => {
      expect(() => new ClassifierLabelEncoder().fit([0.5, 1.5])).toThrow(
        /^Unknown label type: continuous\.\n\nTo implement support, subclass KerasClassifier and override `targetEncoder`/,
      );
    });
  });

  describe('transform', () => {
    it('one-hot encodes multiclass targets under categorical crossentropy', () => {
      const enc = new ClassifierLabelEncoder({ loss: 'cce' }).fit(['a', 'b', 'c']);
      expect(enc.transform(['c', 'a'])).toEqual([
        [0, 0, 1],
        [1, 0, 0],
      ]);
      expect(enc.inverseTransform([[0.1, 0.1, 0.8]])).toEqual(['c']);
    });
    it('rejects unseen labels and throws before fit', () => {
      const enc = new ClassifierLabelEncoder().fit(['a', 'b']);
      expect(() => enc.transform(['x'])).toThrow(
        new ValueError("Found unknown categories ['x'] in column 0 during transform"),
      );
      expect(() => new ClassifierLabelEncoder().transform([1])).toThrow(NotFittedError);
    });
  });

  describe('inverseTransform', () => {
    it('turns one sigmoid column into [1 - p, p] and thresholds it at 0.5', () => {
      const enc = new ClassifierLabelEncoder().fit([false, true, true]);
      expect(enc.inverseTransform([[0.2], [0.7]])).toEqual([false, true]);
      expect(enc.inverseTransform(new Float32Array([0.25, 0.75]))).toEqual([false, true]);
      expect(enc.inverseTransform([[0.25], [0.75]], { returnProba: true })).toEqual([
        [0.75, 0.25],
        [0.25, 0.75],
      ]);
    });
    it('takes the argmax of softmax outputs in any numeric form', () => {
      const enc = new ClassifierLabelEncoder().fit([10, 20, 30]);
      expect(
        enc.inverseTransform([
          [0.1, 0.2, 0.7],
          [0.5, 0.4, 0.1],
        ]),
      ).toEqual([30, 10]);
      expect(enc.inverseTransform({ data: new Float32Array([0, 1, 0]), shape: [1, 3] })).toEqual([
        20,
      ]);
      expect(enc.inverseTransform(fakeTensor([0, 0, 1], [1, 3]))).toEqual([30]);
    });
    it('predicts the only class of a one-class target', () => {
      const enc = new ClassifierLabelEncoder().fit(['only', 'only']);
      expect(enc.inverseTransform([[0.3], [0.9]])).toEqual(['only', 'only']);
    });
  });

  it('round-trips labels through transform and one-hot predictions (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: -3, max: 6 }), { minLength: 1, maxLength: 40 }),
          fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { minLength: 1, maxLength: 40 }),
        ),
        fc.boolean(),
        (y, cce) => {
          const enc = new ClassifierLabelEncoder({ loss: cce ? 'categoricalCrossentropy' : null });
          enc.fit(y);
          const k = (enc.classes_ as unknown[]).length;
          const t = enc.transform(y);
          const proba = t.map((row) => {
            const p = new Array<number>(k).fill(0);
            p[cce ? row.indexOf(1) : row[0]!] = 1;
            return p;
          });
          expect(enc.inverseTransform(proba)).toEqual(y);
        },
      ),
    );
  });
});
