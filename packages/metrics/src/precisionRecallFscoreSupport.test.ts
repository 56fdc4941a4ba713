import { catchWarnings } from '@scikeras/estimator-core';
import { f1Score } from './f1Score';
import { fbetaScore } from './fbetaScore';
import { precisionRecallFscoreSupport } from './precisionRecallFscoreSupport';
import { precisionScore } from './precisionScore';
import { recallScore } from './recallScore';

const T = [0, 1, 2, 0, 1, 2];
const P = [0, 2, 1, 0, 0, 1];

describe('precisionRecallFscoreSupport', () => {
  it('computes the documented example, with its warning', () => {
    const { result, warnings } = catchWarnings(
      () =>
        precisionRecallFscoreSupport(['a', 'b', 'a'], ['a', 'a', 'a']) as [
          number[],
          number[],
          number[],
          number[],
        ],
    );
    expect(result[0]).toEqual([2 / 3, 0]);
    expect(result[1]).toEqual([1, 0]);
    expect(result[2][0]).toBeCloseTo(0.8, 15);
    expect(result[3]).toEqual([2, 1]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Precision and F-score are ill-defined and being set to 0.0 in labels with no predicted samples. Use `zeroDivision` parameter to control this behavior.',
    ]);
  });

  it('returns null support when averaging', () => {
    expect(precisionRecallFscoreSupport(T, P, { average: 'macro' })[3]).toBeNull();
  });
});

describe('precisionScore / recallScore / f1Score / fbetaScore', () => {
  it('compute the documented examples', () => {
    expect(precisionScore(T, P, { average: 'macro' })).toBeCloseTo(0.2222222222222222, 15);
    expect(recallScore(T, P, { average: 'macro' })).toBeCloseTo(0.3333333333333333, 15);
    expect(f1Score(T, P, { average: 'macro' })).toBeCloseTo(0.26666666666666666, 15);
    expect(fbetaScore(T, P, { average: 'macro', beta: 0.5 })).toBeCloseTo(0.23809523809523805, 15);
  });

  it('return one score per label with average null', () => {
    expect(f1Score(T, P, { average: null })).toEqual([0.8, 0, 0]);
  });

  it('use zeroDivision instead of warning', () => {
    const { result, warnings } = catchWarnings(() =>
      precisionScore([0, 0, 1], [0, 0, 0], { zeroDivision: 1 }),
    );
    expect(result).toBe(1);
    expect(warnings).toEqual([]);
    expect(() => f1Score([0, 1], [0, 1], { zeroDivision: 2 as never })).toThrow(
      'Got zeroDivision=2. Must be one of ["warn", 0, 1]',
    );
  });

  it('reject average binary for multiclass targets', () => {
    expect(() => f1Score(T, P)).toThrow(
      "Target is multiclass but average='binary'. Please choose another average setting, one of [null, 'micro', 'macro', 'weighted'].",
    );
  });
});
