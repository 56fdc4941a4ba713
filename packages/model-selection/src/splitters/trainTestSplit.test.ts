import { Matrix } from '../test-utils/matrix';
import { trainTestSplit } from './trainTestSplit';

describe('trainTestSplit', () => {
  const X = [
    [0, 1],
    [2, 3],
    [4, 5],
    [6, 7],
    [8, 9],
  ];
  const y = [0, 1, 2, 3, 4];

  it('uses testSize 0.25 by default and returns each array in its form', () => {
    const [Xtr, Xte, ytr, yte] = trainTestSplit(X, Float64Array.from(y), { randomState: 42 }) as [
      number[][],
      number[][],
      Float64Array,
      Float64Array,
    ];
    expect(Xtr).toHaveLength(3);
    expect(Xte).toHaveLength(2);
    expect(ytr).toBeInstanceOf(Float64Array);
    expect([...ytr, ...yte].sort()).toEqual(y);
    expect(Xtr.map((r) => r[0]! / 2)).toEqual(Array.from(ytr));
  });

  it('keeps Matrix input a Matrix', () => {
    const [a, b] = trainTestSplit(new Matrix(X), { testSize: 2, randomState: 0 }) as Matrix[];
    expect(Matrix.isMatrix(a)).toBe(true);
    expect([a!.rows, b!.rows]).toEqual([3, 2]);
  });

  it('is reproducible and stratifies', () => {
    const yy = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const XX = yy.map((_, i) => [i]);
    const r1 = trainTestSplit(XX, yy, { testSize: 0.5, randomState: 1, stratify: yy });
    const r2 = trainTestSplit(XX, yy, { testSize: 0.5, randomState: 1, stratify: yy });
    expect(r1).toEqual(r2);
    expect((r1[3] as number[]).filter((v) => v === 1)).toHaveLength(2);
  });

  it('fails in scikit-learn’s words', () => {
    expect(() => trainTestSplit()).toThrow('At least one array required as input');
    expect(() => trainTestSplit(y, { shuffle: false, stratify: y })).toThrow(
      'Stratified train/test split is not implemented for shuffle=false',
    );
    expect(() => trainTestSplit(y, [1, 2])).toThrow(
      'Found input variables with inconsistent numbers of samples: [5, 2]',
    );
  });
});

describe('trainTestSplit at 1e6 rows (issue 13 item 6: no spread of data-sized arrays into a call)', () => {
  it('stratifies 1,000,000 rows with a class of 200,000 (a RangeError before)', () => {
    const n = 1_000_000;
    const y = Array.from({ length: n }, (_, i) => i % 5);
    const [train, test] = trainTestSplit(y, { testSize: 0.25, randomState: 0, stratify: y });
    expect(train).toHaveLength(750_000);
    expect(test).toHaveLength(250_000);
    const counts = [0, 0, 0, 0, 0];
    for (const v of test as number[]) counts[v]!++;
    expect(counts).toEqual([50_000, 50_000, 50_000, 50_000, 50_000]);
  });
});
