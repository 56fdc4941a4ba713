// Ports of scikit-learn's sklearn/compose/tests/test_column_transformer.py (1.2.1) on positional X: remainder, params, verbose, callables, checkEstimator.
import { clone } from '@scikeras/estimator-core';
import { assertAllPassed, checkEstimator } from '@scikeras/estimator-core/testing';
import { ColumnTransformer } from './ColumnTransformer';
import { DoubleTrans, Trans } from './test-utils/toys';
import {
  AsyncCentroidClassifier,
  Normalizer,
  OneHotEncoder,
  StandardScaler,
} from './test-utils/twins';

// np.array([[0, 1, 2], [2, 4, 6]]).T
const XA = [
  [0, 2],
  [1, 4],
  [2, 6],
];
const FIRST = [[0], [1], [2]];
const SECOND = [[2], [4], [6]];

describe('ColumnTransformer (test_column_transformer.py): remainder, params, verbose, callables', () => {
  it('test_column_transformer.py::test_column_transformer_remainder', () => {
    let ct = new ColumnTransformer({ transformers: [['trans1', new Trans(), [0]]] });
    expect(ct.fitTransform(XA)).toEqual(FIRST);
    expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'drop', [1]]);
    ct = new ColumnTransformer({
      transformers: [['trans', new Trans(), [0]]],
      remainder: 'passthrough',
    });
    expect(ct.fitTransform(XA)).toEqual(XA);
    expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(XA);
    expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'passthrough', [1]]);
    ct = new ColumnTransformer({
      transformers: [['trans1', new Trans(), [1]]],
      remainder: 'passthrough',
    });
    expect(ct.fitTransform(XA)).toEqual(XA.map((r) => [...r].reverse()));
    expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'passthrough', [0]]);
    ct = new ColumnTransformer({
      transformers: [['trans1', 'drop', [0]]],
      remainder: 'passthrough',
    });
    expect(ct.fitTransform(XA)).toEqual(SECOND);
    expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'passthrough', [1]]);
    ct = new ColumnTransformer({
      transformers: [['trans1', new Trans(), [0]]],
      remainder: 1 as never,
    });
    const msg =
      "The remainder keyword needs to be one of 'drop', 'passthrough', or estimator. '1' was passed instead";
    expect(() => ct.fit(XA)).toThrow(msg);
    expect(() => ct.fitTransform(XA)).toThrow(msg);
  });

  it.each([
    ['[0]', [0]],
    ['Int32Array [0]', Int32Array.from([0])],
    ['slice 0:1', { start: 0, stop: 1 }],
    ['mask', [true, false]],
  ] as const)(
    'test_column_transformer.py::test_column_transformer_remainder_numpy (%s)',
    (_l, key) => {
      const ct = new ColumnTransformer({
        transformers: [['trans1', new Trans(), key as never]],
        remainder: 'passthrough',
      });
      expect(ct.fitTransform(XA)).toEqual(XA);
      expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(XA);
      expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'passthrough', [1]]);
    },
  );

  it.each([
    ['[0]', [0]],
    ['Int32Array [0]', Int32Array.from([0])],
    ['slice 0:1', { start: 0, stop: 1 }],
    ['mask', [true, false, false]],
  ] as const)(
    'test_column_transformer.py::test_column_transformer_remainder_transformer (%s)',
    (_l, key) => {
      const X = [
        [0, 2, 8],
        [1, 4, 6],
        [2, 6, 4],
      ];
      const res = X.map(([a, b, c]) => [a!, 2 * b!, 2 * c!]);
      const ct = new ColumnTransformer({
        transformers: [['trans1', new Trans(), key as never]],
        remainder: new DoubleTrans(),
      });
      expect(ct.fitTransform(X)).toEqual(res);
      expect((ct.fit(X) as ColumnTransformer).transform(X)).toEqual(res);
      expect(ct.transformers_!.at(-1)![0]).toBe('remainder');
      expect(ct.transformers_!.at(-1)![1]).toBeInstanceOf(DoubleTrans);
      expect(ct.transformers_!.at(-1)![2]).toEqual([1, 2]);
    },
  );

  it('test_column_transformer.py::test_column_transformer_no_remaining_remainder_transformer and _drops_all_remainder_transformer', () => {
    const X = [
      [0, 2, 8],
      [1, 4, 6],
      [2, 6, 4],
    ];
    let ct = new ColumnTransformer({
      transformers: [['trans1', new Trans(), [0, 1, 2]]],
      remainder: new DoubleTrans(),
    });
    expect(ct.fitTransform(X)).toEqual(X);
    expect(ct.transformers_).toHaveLength(1);
    ct = new ColumnTransformer({
      transformers: [['trans1', 'drop', [0]]],
      remainder: new DoubleTrans(),
    });
    expect(ct.fitTransform(X)).toEqual(X.map((r) => [2 * r[1]!, 2 * r[2]!]));
    expect(ct.transformers_!.at(-1)![2]).toEqual([1, 2]);
  });

  it('test_column_transformer.py::test_column_transformer_get_set_params_with_remainder', () => {
    const ct = new ColumnTransformer({
      transformers: [['trans1', new StandardScaler(), [0]]],
      remainder: new StandardScaler(),
    });
    expect(ct.getParams()).toEqual({
      nJobs: null,
      remainder: ct.remainder,
      remainder__copy: true,
      remainder__withMean: true,
      remainder__withStd: true,
      sparseThreshold: 0.3,
      trans1: ct.transformers[0]![1],
      trans1__copy: true,
      trans1__withMean: true,
      trans1__withStd: true,
      transformers: ct.transformers,
      transformerWeights: null,
      verboseFeatureNamesOut: true,
      verbose: false,
    });
    ct.setParams({ remainder__withStd: false });
    expect(ct.getParams().remainder__withStd).toBe(false);
    ct.setParams({ trans1: 'passthrough' });
    expect(ct.getParams().trans1).toBe('passthrough');
    expect('trans1__copy' in ct.getParams()).toBe(false);
  });

  it('test_column_transformer.py::test_column_transformer_no_estimators (+ _set_params)', () => {
    const X = [
      [0, 2, 8],
      [1, 4, 6],
      [2, 6, 4],
    ];
    const ct = new ColumnTransformer({ transformers: [], remainder: new StandardScaler() });
    expect(ct.getParams().remainder__withMean).toBe(true);
    const Xt = ct.fitTransform(X) as number[][];
    expect([Xt.length, Xt[0]!.length]).toEqual([3, 3]);
    expect(ct.transformers_).toHaveLength(1);
    expect(ct.transformers_![0]![0]).toBe('remainder');
    expect(ct.transformers_![0]![2]).toEqual([0, 1, 2]);
    expect(new ColumnTransformer({ transformers: [] }).setParams({ nJobs: 2 }).nJobs).toBe(2);
  });

  it('test_column_transformer.py::test_column_transformer_verbose', () => {
    const X = [
      [0, 2, 8],
      [1, 4, 6],
      [2, 6, 4],
    ];
    const cases: [() => ColumnTransformer, string[]][] = [
      [
        () =>
          new ColumnTransformer({
            transformers: [
              ['trans1', new Trans(), [0]],
              ['trans2', new Trans(), [1]],
            ],
            remainder: new DoubleTrans(),
          }),
        ['trans1', 'trans2', 'remainder'],
      ],
      [
        () =>
          new ColumnTransformer({
            transformers: [
              ['trans1', new Trans(), [0]],
              ['trans2', new Trans(), [1]],
            ],
            remainder: 'passthrough',
          }),
        ['trans1', 'trans2', 'remainder'],
      ],
      [
        () =>
          new ColumnTransformer({
            transformers: [
              ['trans1', new Trans(), [0]],
              ['trans2', 'drop', [1]],
            ],
            remainder: 'passthrough',
          }),
        ['trans1', 'remainder'],
      ],
      [
        () =>
          new ColumnTransformer({
            transformers: [
              ['trans1', new Trans(), [0]],
              ['trans2', 'passthrough', [1]],
            ],
            remainder: 'passthrough',
          }),
        ['trans1', 'trans2', 'remainder'],
      ],
      [
        () =>
          new ColumnTransformer({
            transformers: [['trans1', new Trans(), [0]]],
            remainder: 'passthrough',
          }),
        ['trans1', 'remainder'],
      ],
      [
        () =>
          new ColumnTransformer({
            transformers: [
              ['trans1', new Trans(), [0]],
              ['trans2', new Trans(), [1]],
            ],
            remainder: 'drop',
          }),
        ['trans1', 'trans2'],
      ],
      [
        () =>
          new ColumnTransformer({
            transformers: [['trans1', new Trans(), [0]]],
            remainder: 'drop',
          }),
        ['trans1'],
      ],
    ];
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const [make, names] of cases) {
        for (const method of ['fit', 'fitTransform'] as const) {
          const est = make();
          log.mockClear();
          est[method](X);
          expect(log).not.toHaveBeenCalled();
          est.setParams({ verbose: true });
          est[method](X);
          const lines = log.mock.calls.map((c) => String(c[0]));
          expect(lines).toHaveLength(names.length);
          lines.forEach((l, i) =>
            expect(l).toMatch(
              new RegExp(
                `^\\[ColumnTransformer\\] \\.+ \\(${i + 1} of ${names.length}\\) Processing ${names[i]}, total=`,
              ),
            ),
          );
        }
      }
    } finally {
      log.mockRestore();
    }
  });

  it('test_column_transformer.py::test_column_transformer_callable_specifier', () => {
    let seen: unknown;
    const func = (X: unknown) => {
      seen = X;
      return [0];
    };
    const ct = new ColumnTransformer({
      transformers: [['trans', new Trans(), func]],
      remainder: 'drop',
    });
    expect(ct.fitTransform(XA)).toEqual(FIRST);
    expect(seen).toBe(XA); // the function gets the whole X
    expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(FIRST);
    expect(typeof ct.transformers[0]![2]).toBe('function');
    expect(ct.transformers_![0]![2]).toEqual([0]);
  });

  it('test_column_transformer.py::test_column_transformer_negative_column_indexes', () => {
    const X = [
      [0.3, -1.2, 1],
      [1.7, 0.4, 2],
    ];
    const tf1 = new ColumnTransformer({
      transformers: [['ohe', new OneHotEncoder(), [-1]]],
      remainder: 'passthrough',
    });
    const tf2 = new ColumnTransformer({
      transformers: [['ohe', new OneHotEncoder(), [2]]],
      remainder: 'passthrough',
    });
    expect(tf1.fitTransform(X)).toEqual(tf2.fitTransform(X));
  });

  it('test_column_transformer.py::test_column_transformer_mask_indexing', () => {
    const X = [
      [1, 4, 5, 8],
      [2, 5, 6, 9],
      [3, 6, 7, 10],
    ];
    const ct = new ColumnTransformer({
      transformers: [['identity', new Trans(), [false, true, false, true]]],
    });
    expect(ct.fitTransform(X)).toEqual([
      [4, 8],
      [5, 9],
      [6, 10],
    ]);
  });

  it('test_column_transformer.py::test_n_features_in', () => {
    const ct = new ColumnTransformer({
      transformers: [
        ['a', new DoubleTrans(), [0]],
        ['b', new DoubleTrans(), [1]],
      ],
    });
    expect(ct.nFeaturesIn_).toBeUndefined();
    ct.fit([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(ct.nFeaturesIn_).toBe(2);
  });

  it.each([
    ['[1]', [1]],
    ['() => [1]', () => [1]],
    ['[false, true]', [false, true]],
    ['() => [false, true]', () => [false, true]],
  ] as const)(
    'test_column_transformer.py::test_feature_names_out_non_pandas (%s)',
    (_l, selector) => {
      const ct = new ColumnTransformer({
        transformers: [['ohe', new OneHotEncoder(), selector as never]],
      });
      ct.fit([
        ['a', 'z'],
        ['a', 'z'],
        ['b', 'z'],
      ]);
      expect(ct.getFeatureNamesOut()).toEqual(['ohe__x1_z']);
    },
  );

  it('keeps state when fit fails, and a transformer output with another row count is an error', () => {
    const ct = new ColumnTransformer({ transformers: [['t', new StandardScaler(), [0]]] });
    ct.fit(XA);
    const before = ct.transformers_;
    expect(() =>
      ct.fit([
        ['x', 1],
        ['y', 2],
      ]),
    ).toThrow("could not convert string to float: 'x'");
    expect(() =>
      new ColumnTransformer({ transformers: [['t', new Trans(), [0]]] }).fit([]),
    ).toThrow('Expected 2D array, got 1D array instead');
    expect(ct.transformers_).toBe(before);
  });

  it('validates X: 1-D, ragged, empty, no features', () => {
    const ct = new ColumnTransformer({ transformers: [['t', new Trans(), [0]]] });
    expect(() => ct.fit([1, 2, 3])).toThrow('Expected 2D array, got 1D array instead');
    expect(() => ct.fit([[1, 2], [3]])).toThrow('inhomogeneous shape');
    expect(() => ct.fit({ data: new Float64Array(0), shape: [0, 3] })).toThrow(
      'Found array with 0 sample(s) (shape=(0, 3)) while a minimum of 1 is required by ColumnTransformer.',
    );
    expect(() => ct.fit([[], []])).toThrow(
      'Found array with 0 feature(s) (shape=(2, 0)) while a minimum of 1 is required by ColumnTransformer.',
    );
  });

  it('is async when a transformer is; an async classifier is not a transformer', async () => {
    class AsyncDouble extends DoubleTrans {
      override transform(X: unknown): any {
        return new Promise((r) => setTimeout(() => r(super.transform(X)), 1));
      }
    }
    const ct = new ColumnTransformer({
      transformers: [
        ['a', new AsyncDouble(), [0]],
        ['b', new Trans(), [1]],
      ],
    });
    const out = ct.fitTransform(XA);
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toEqual(XA.map(([a, b]) => [2 * a!, b!]));
    expect(await ct.transform(XA)).toEqual(XA.map(([a, b]) => [2 * a!, b!]));
    expect(() =>
      new ColumnTransformer({
        transformers: [['c', new AsyncCentroidClassifier() as never, [0]]],
      }).fit(XA),
    ).toThrow(TypeError);
  });

  it('clone copies the triples and clones the transformers; remainder too', () => {
    const fn = () => [0];
    const ct = new ColumnTransformer({
      transformers: [
        ['a', new StandardScaler(), fn],
        ['b', 'drop', [1]],
      ],
      remainder: new DoubleTrans(),
    });
    ct.fit(XA);
    const c = clone(ct);
    expect(c.transformers).not.toBe(ct.transformers);
    expect(c.transformers[0]![1]).not.toBe(ct.transformers[0]![1]);
    expect(c.transformers[0]![2]).toBe(fn);
    expect(c.transformers[1]).toEqual(['b', 'drop', [1]]);
    expect(c.remainder).not.toBe(ct.remainder);
    expect(c.transformers_).toBeUndefined();
  });

  it('passes checkEstimator', async () => {
    const report = await checkEstimator(
      () =>
        new ColumnTransformer({
          transformers: [['norm', new Normalizer(), [0]]],
          remainder: new StandardScaler(),
        }),
    );
    assertAllPassed(report);
    expect(report.results.find((r) => r.check === 'checkTransformerGeneral')?.status).toBe(
      'passed',
    );
    expect(report.results.find((r) => r.check === 'checkEstimatorsNanInf')?.status).toBe('passed');
    const passthrough = await checkEstimator(
      () =>
        new ColumnTransformer({
          transformers: [['scale', new StandardScaler(), [0]]],
          remainder: 'passthrough',
        }),
    );
    assertAllPassed(passthrough);
    // every transformer accepts NaN: so does the ColumnTransformer (the check is skipped)
    expect(passthrough.results.find((r) => r.check === 'checkEstimatorsNanInf')?.status).toBe(
      'skipped',
    );
  });
});
