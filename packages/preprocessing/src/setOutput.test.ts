// setOutput({ transform: 'array2d' }) on the transformers (scikit-learn's set_output API, with one
// Float64Array and its shape in place of a DataFrame), typed input, and inputs of 1,000,000 rows.
import {
  clone,
  decodeValue,
  encodeValue,
  getOutputConfig,
  type Array2D,
} from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import {
  KBinsDiscretizer,
  MaxAbsScaler,
  MinMaxScaler,
  MissingIndicator,
  Normalizer,
  OneHotEncoder,
  OrdinalEncoder,
  PolynomialFeatures,
  RobustScaler,
  SimpleImputer,
  StandardScaler,
} from './index';

const X = [
  [1, 10, 0.5],
  [2, NaN, 1.5],
  [4, 30, 2.5],
  [7, 40, 2.5],
];

function rowsOf(a: Array2D): number[][] {
  const [n, d] = a.shape;
  return Array.from({ length: n }, (_, i) => Array.from(a.data.subarray(i * d, (i + 1) * d)));
}

function array2d(
  rows: number[][],
  Ctor: Float64ArrayConstructor | Int32ArrayConstructor = Float64Array,
): Array2D {
  return { data: new Ctor(rows.flat()) as Float64Array, shape: [rows.length, rows[0]!.length] };
}

const numeric = [
  ['StandardScaler', () => new StandardScaler()],
  ['MinMaxScaler (clip)', () => new MinMaxScaler({ clip: true })],
  ['MaxAbsScaler', () => new MaxAbsScaler()],
  ['RobustScaler', () => new RobustScaler()],
  ['SimpleImputer', () => new SimpleImputer()],
  ['MissingIndicator', () => new MissingIndicator()],
  ['OneHotEncoder', () => new OneHotEncoder({ handleUnknown: 'ignore' })],
  ['OrdinalEncoder', () => new OrdinalEncoder()],
] as const;

describe('setOutput', () => {
  it.each(numeric)(
    '%s: array2d gives the same values as rows, in one Float64Array',
    (_name, make) => {
      const rows = make().fitTransform(X) as number[][];
      const est = make().setOutput({ transform: 'array2d' });
      const out = est.fitTransform(X) as Array2D;
      expect(out.data).toBeInstanceOf(Float64Array);
      expect(out.shape).toEqual([X.length, rows[0]!.length]);
      expect(rowsOf(out)).toEqual(rows);
      // typed input, typed output; the same again through transform
      expect(rowsOf(est.transform(array2d(X)) as Array2D)).toEqual(rows);
    },
  );

  it('Normalizer, PolynomialFeatures and KBinsDiscretizer too (no NaN allowed)', () => {
    const Y = [
      [1, 2],
      [3, 4],
      [5, 7],
    ];
    const makers = [
      () => new Normalizer(),
      () => new PolynomialFeatures(),
      () => new KBinsDiscretizer({ nBins: 2, strategy: 'uniform' }),
    ];
    for (const make of makers) {
      const rows = make().fitTransform(Y);
      expect(rowsOf(make().setOutput({ transform: 'array2d' }).fitTransform(array2d(Y)))).toEqual(
        rows,
      );
    }
  });

  it("returns this, keeps 'default' for rows, and is kept by clone and by the codec", async () => {
    const s = new StandardScaler();
    expect(s.setOutput({ transform: 'array2d' })).toBe(s);
    expect(getOutputConfig(clone(s))).toEqual({ transform: 'array2d' });
    s.fit(X);
    const enc = await encodeValue(s, { mode: 'save' });
    const back = (await decodeValue(enc.value, { mode: 'save', where: 'test' })) as StandardScaler;
    expect(back).toBeInstanceOf(StandardScaler);
    expect(back.transform(X)).toEqual(s.transform(X));
    expect(isTyped(back.transform(X))).toBe(true);
    s.setOutput({ transform: 'default' });
    expect(Array.isArray(s.transform(X))).toBe(true);
    expect(() => s.setOutput({ transform: 'pandas' as never })).toThrow(
      "output config must be in ['array2d', 'default'], got pandas",
    );
  });

  it('leaves inverseTransform alone, and takes an Array2D there (scikit-learn wraps transform only)', () => {
    const s = new StandardScaler().setOutput({ transform: 'array2d' }).fit(X);
    const back = s.inverseTransform(s.transform(X));
    expect(Array.isArray(back)).toBe(true);
    back.forEach((r, i) =>
      r.forEach((v, j) =>
        Number.isNaN(X[i]![j]) ? expect(v).toBeNaN() : expect(v).toBeCloseTo(X[i]![j]!, 12),
      ),
    );
  });

  it('keeps string output as rows: an Array2D holds numbers only', () => {
    const imp = new SimpleImputer({ strategy: 'most_frequent' }).setOutput({
      transform: 'array2d',
    });
    expect(
      imp.fitTransform([
        ['a', 'x'],
        [null, 'x'],
        ['a', 'y'],
      ]),
    ).toEqual([
      ['a', 'x'],
      ['a', 'x'],
      ['a', 'y'],
    ]);
  });

  it('OneHotEncoder reads an int Array2D as int64 (categories 1, names x0_1), a float one as float64', () => {
    const C = [
      [1, 3],
      [2, 3],
      [1, 4],
    ];
    const ints = new OneHotEncoder()
      .setOutput({ transform: 'array2d' })
      .fit(array2d(C, Int32Array));
    expect(ints.categories_).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(ints.getFeatureNamesOut()).toEqual(['x0_1', 'x0_2', 'x1_3', 'x1_4']);
    const floats = new OneHotEncoder().fit(array2d(C));
    expect(floats.getFeatureNamesOut()).toEqual(['x0_1.0', 'x0_2.0', 'x1_3.0', 'x1_4.0']);
    expect(rowsOf(ints.transform(array2d(C, Int32Array)))).toEqual(
      new OneHotEncoder().fitTransform(C),
    );
  });

  it('OneHotEncoder finds non-integer categories by binary search, unknowns and NaN included', () => {
    const C = [[0.5], [1.25], [NaN], [-3.5]];
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).setOutput({ transform: 'array2d' });
    enc.fit(C);
    expect(Array.from(enc.categories_![0] as Float64Array)).toEqual([-3.5, 0.5, 1.25, NaN]);
    expect(rowsOf(enc.transform([[1.25], [NaN], [7.5], [-3.5]]))).toEqual([
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
    ]);
    expect(() => new OneHotEncoder().fit(C).transform([[7.5], [2.5]])).toThrow(
      'Found unknown categories [2.5, 7.5] in column 0 during transform',
    );
  });
});

function isTyped(v: unknown): boolean {
  return (v as Array2D).data instanceof Float64Array;
}

describeEstimatorChecks('StandardScaler (array2d output) checkEstimator', () =>
  new StandardScaler().setOutput({ transform: 'array2d' }),
);
describeEstimatorChecks('OneHotEncoder (array2d output) checkEstimator', () =>
  new OneHotEncoder({ handleUnknown: 'ignore' }).setOutput({ transform: 'array2d' }),
);
describeEstimatorChecks('MinMaxScaler (array2d output) checkEstimator', () =>
  new MinMaxScaler().setOutput({ transform: 'array2d' }),
);

describe('StandardScaler.fit reports Infinity in the statistics pass (no separate check)', () => {
  it.each([
    ['an Array2D', { data: Float64Array.of(1, NaN, Infinity, 2), shape: [2, 2] }],
    ['typed rows', [Float64Array.of(1, -Infinity), Float64Array.of(NaN, 2)]],
  ])('%s', (_name, X) => {
    const s = new StandardScaler();
    expect(() => s.fit(X)).toThrow(
      "Input X contains infinity or a value too large for dtype('float64').",
    );
    expect(s.mean_).toBeUndefined();
    expect(() => s.fit(X, undefined, [1, 1])).toThrow('Input X contains infinity');
    expect(() => new StandardScaler({ withMean: false, withStd: false }).fit(X)).toThrow(
      'Input X contains infinity',
    );
  });
});

describe('1,000,000 rows', () => {
  const N = 1_000_000;
  const D = 3;
  const data = new Float64Array(N * D);
  for (let i = 0; i < N * D; i++) data[i] = (i * 7919) % 1013;
  const big: Array2D = { data, shape: [N, D] };

  it('StandardScaler fits and transforms an Array2D of 1e6 rows in place of rows', () => {
    const s = new StandardScaler().setOutput({ transform: 'array2d' });
    const out = s.fitTransform(big);
    expect(out.shape).toEqual([N, D]);
    expect(s.nSamplesSeen_).toBe(N);
    let sum = 0;
    for (let i = 0; i < N; i++) sum += out.data[i * D]!;
    expect(Math.abs(sum / N)).toBeLessThan(1e-9);
  });

  it('OneHotEncoder and SimpleImputer (most_frequent) on 1e6 rows', () => {
    const codes = { data: Int32Array.from(data, (v) => v % 5), shape: [N, D] as const };
    const enc = new OneHotEncoder().setOutput({ transform: 'array2d' });
    const out = enc.fitTransform(codes);
    expect(out.shape).toEqual([N, 15]);
    expect(enc.categories_![0]).toEqual([0, 1, 2, 3, 4]);
    let ones = 0;
    for (let k = 0; k < out.data.length; k++) ones += out.data[k]!;
    expect(ones).toBe(N * D);
    const imp = new SimpleImputer({ strategy: 'most_frequent' }).fit(codes);
    expect(imp.statistics_).toHaveLength(D);
  });
});
