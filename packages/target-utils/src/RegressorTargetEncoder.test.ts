import fc from 'fast-check';
import { ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { RegressorTargetEncoder } from './RegressorTargetEncoder';

describeEstimatorChecks(
  'RegressorTargetEncoder checkEstimator',
  () => new RegressorTargetEncoder(),
  {
    y: [0.5, 1.25, -2, 3.75, 0.5, 10],
  },
);

describe('RegressorTargetEncoder', () => {
  it('records nOutputs_, yShape_ and targetType_ of a 1-D target', () => {
    const enc = new RegressorTargetEncoder().fit([1.5, 2.5, 3]);
    expect(enc.getMetadata()).toEqual({
      nOutputs_: 1,
      nOutputsExpected_: 1,
      targetType_: 'continuous',
    });
    expect(enc.yShape_).toEqual([3]);
    expect(enc.transform([1.5, 2.5])).toEqual([[1.5], [2.5]]);
    expect(new RegressorTargetEncoder().fitTransform([1.5, 2.5])).toEqual([[1.5], [2.5]]);
    expect(enc.inverseTransform([[1.1], [2.2]])).toEqual([1.1, 2.2]);
    expect(enc.inverseTransform(new Float32Array([0.5, 1.5]))).toEqual([0.5, 1.5]);
  });

  it('reshapes multi-output predictions back to the rows of y', () => {
    const enc = new RegressorTargetEncoder().fit([
      [1, 2.5],
      [3, 4],
    ]);
    expect(enc.nOutputs_).toBe(2);
    expect(enc.targetType_).toBe('continuous-multioutput');
    expect(enc.transform({ data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] })).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(
      enc.inverseTransform([
        [0.5, 1],
        [2, 3],
      ]),
    ).toEqual([
      [0.5, 1],
      [2, 3],
    ]);
  });

  it("checks the number of outputs with scikeras's message", () => {
    const enc = new RegressorTargetEncoder().fit([1, 2, 3]);
    expect(() =>
      enc.transform([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow(
      new ValueError(
        'Detected `y` to have 2 outputs with `y.shape = (3, 2)` but this RegressorTargetEncoder has 1 outputs.',
      ),
    );
  });

  it('rejects NaN and non-numeric targets', () => {
    expect(() => new RegressorTargetEncoder().fit([0.5, NaN])).toThrow('Input y contains NaN.');
    expect(() => new RegressorTargetEncoder().fit(['a', 'b'])).toThrow(
      "could not convert string to float: 'a'",
    );
  });

  it('round-trips any numeric target (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }),
          fc
            .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 10 }))
            .chain(([m, n]) =>
              fc.array(
                fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
                  minLength: m,
                  maxLength: m,
                }),
                {
                  minLength: n,
                  maxLength: n,
                },
              ),
            ),
        ),
        (y) => {
          const enc = new RegressorTargetEncoder().fit(y);
          expect(enc.inverseTransform(enc.transform(y))).toEqual(y);
        },
      ),
    );
  });
});
