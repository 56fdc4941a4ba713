import { classificationReport } from './classificationReport';

describe('classificationReport', () => {
  const t = [0, 1, 2, 2, 2];
  const p = [0, 0, 2, 2, 1];

  it("prints scikit-learn's text report", () => {
    expect(
      classificationReport(t, p, {
        targetNames: ['class 0', 'class 1', 'class 2'],
        zeroDivision: 0,
      }),
    ).toBe(
      [
        '              precision    recall  f1-score   support',
        '',
        '     class 0       0.50      1.00      0.67         1',
        '     class 1       0.00      0.00      0.00         1',
        '     class 2       1.00      0.67      0.80         3',
        '',
        '    accuracy                           0.60         5',
        '   macro avg       0.50      0.56      0.49         5',
        'weighted avg       0.70      0.60      0.61         5',
        '',
      ].join('\n'),
    );
  });

  it('returns the object form', () => {
    const r = classificationReport(t, p, { outputDict: true, zeroDivision: 0 });
    expect(r['accuracy']).toBeCloseTo(0.6, 15);
    expect(r['2']).toEqual({ precision: 1, recall: 2 / 3, 'f1-score': 0.8, support: 3 });
    expect(Object.keys(r)).toEqual(['0', '1', '2', 'accuracy', 'macro avg', 'weighted avg']);
  });
});
