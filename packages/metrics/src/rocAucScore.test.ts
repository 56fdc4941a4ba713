import { NotImplementedError } from '@scikeras/estimator-core';
import { rocAucScore } from './rocAucScore';

describe('rocAucScore', () => {
  it('computes the documented examples', () => {
    expect(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(
      rocAucScore(
        [0, 1, 2],
        [
          [0.8, 0.1, 0.1],
          [0.2, 0.7, 0.1],
          [0.1, 0.1, 0.8],
        ],
        { multiClass: 'ovr' },
      ),
    ).toBe(1);
  });

  it('counts ties as half', () => {
    expect(rocAucScore([0, 1], [0.5, 0.5])).toBe(0.5);
  });

  it('requires multiClass for multiclass targets, and has no ovo yet', () => {
    const s = [
      [0.8, 0.1, 0.1],
      [0.2, 0.7, 0.1],
      [0.1, 0.1, 0.8],
    ];
    expect(() => rocAucScore([0, 1, 2], s)).toThrow("multiClass must be in ('ovo', 'ovr')");
    expect(() => rocAucScore([0, 1, 2], s, { multiClass: 'ovo' })).toThrow(NotImplementedError);
    expect(() => rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { maxFpr: 0.5 })).toThrow(
      new NotImplementedError('maxFpr (partial AUC) is not implemented yet.'),
    );
  });

  it('rejects a constant yTrue', () => {
    expect(() => rocAucScore([1, 1], [0.2, 0.3])).toThrow(
      'Only one class present in y_true. ROC AUC score is not defined in that case.',
    );
  });
});
