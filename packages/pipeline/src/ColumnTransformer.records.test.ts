// Ports of scikit-learn's sklearn/compose/tests/test_column_transformer.py (1.2.1) DataFrame tests,
// on arrays of records (what a CSV/JSON parser gives a JavaScript user).
import { BaseEstimator, type EstimatorTags } from '@scikeras/estimator-core';
import { isPlainObject } from './internal/isPlainObject';
import { ColumnTransformer } from './ColumnTransformer';
import { makeColumnTransformer } from './makeColumnTransformer';
import { makeColumnSelector } from './makeColumnSelector';
import { Trans, TransNo2D, TransRaise } from './test-utils/toys';
import { OneHotEncoder, StandardScaler } from './test-utils/twins';

const XA = [
  [0, 2],
  [1, 4],
  [2, 6],
];
const DF = XA.map(([first, second]) => ({ first: first!, second: second! }));
const FIRST = [[0], [1], [2]];

/** Takes records (XTypes 'records') and checks it got them. */
class TransAssert extends BaseEstimator {
  static estimatorName = 'TransAssert';
  static override tags: Partial<EstimatorTags> = { XTypes: ['2darray', 'records'] };
  fit(): this {
    return this;
  }
  transform(X: unknown): unknown[][] {
    if (!Array.isArray(X)) throw new Error('expected an array');
    if (isPlainObject(X[0])) return X.map((r) => Object.values(r as object));
    if (!Array.isArray(X[0])) return X.map((v) => [v]); // 1-D column (scalar spec)
    throw new Error('expected records or a 1-D column');
  }
}

describe('ColumnTransformer on arrays of records (test_column_transformer.py DataFrame tests)', () => {
  it.each([
    ["'first'", 'first', FIRST],
    ["['first']", ['first'], FIRST],
    ["['first', 'second']", ['first', 'second'], XA],
    ["slice 'first':'second' (names: stop included)", { start: 'first', stop: 'second' }, XA],
    ['0', 0, FIRST],
    ['[0]', [0], FIRST],
    ['[0, 1]', [0, 1], XA],
    ['slice 0:1', { start: 0, stop: 1 }, FIRST],
    ['slice 0:2', { start: 0, stop: 2 }, XA],
    ['[true, false]', [true, false], FIRST],
  ] as const)(
    'test_column_transformer.py::test_column_transformer_dataframe (%s)',
    (_l, selection, res) => {
      let ct = new ColumnTransformer({
        transformers: [['trans', new Trans(), selection as never]],
        remainder: 'drop',
      });
      expect(ct.fitTransform(DF)).toEqual(res);
      expect((ct.fit(DF) as ColumnTransformer).transform(DF)).toEqual(res);
      ct = new ColumnTransformer({
        transformers: [['trans', new Trans(), () => selection as never]],
        remainder: 'drop',
      });
      expect(ct.fitTransform(DF)).toEqual(res);
      expect((ct.fit(DF) as ColumnTransformer).transform(DF)).toEqual(res);
    },
  );

  it('test_column_transformer.py::test_column_transformer_dataframe (two transformers, weights, records passed on)', () => {
    let ct = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), ['first']],
        ['trans2', new Trans(), ['second']],
      ],
    });
    expect(ct.fitTransform(DF)).toEqual(XA);
    expect(ct.transformers_).toHaveLength(2);
    expect(ct.transformers_!.at(-1)![0]).not.toBe('remainder');
    const both = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), ['first']],
        ['trans2', new Trans(), ['second']],
      ],
      transformerWeights: { trans1: 0.1, trans2: 10 },
    });
    expect(both.fitTransform(DF)).toEqual(XA.map(([a, b]) => [0.1 * a!, 10 * b!]));
    // a transformer that takes records gets records (with their names), or the 1-D column of a scalar spec
    ct = new ColumnTransformer({
      transformers: [['trans', new TransAssert(), 'first']],
      remainder: 'drop',
    });
    expect(ct.fitTransform(DF)).toEqual(FIRST);
    ct = new ColumnTransformer({
      transformers: [['trans', new TransAssert(), ['first', 'second']]],
    });
    expect(ct.fitTransform(DF)).toEqual(XA);
    ct = new ColumnTransformer({ transformers: [['trans', new Trans(), 0]], remainder: 'drop' });
    ct.fit(DF);
    expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'drop', [1]]);
  });

  it.each([[[]], [[false, false]], [() => []]])(
    'test_column_transformer.py::test_column_transformer_empty_columns (records, %p)',
    (column) => {
      const ct = new ColumnTransformer({
        transformers: [
          ['trans1', new Trans(), [0, 1]],
          ['trans2', new TransRaise(), column as never],
        ],
      });
      expect(ct.fitTransform(DF)).toEqual(XA);
      expect((ct.fit(DF) as ColumnTransformer).transform(DF)).toEqual(XA);
      expect(ct.transformers_![1]![1]).toBeInstanceOf(TransRaise);
    },
  );

  it('test_column_transformer.py::test_column_transformer_output_indices_df', () => {
    const df = [
      { first: 0, second: 1 },
      { first: 2, second: 3 },
      { first: 4, second: 5 },
    ];
    for (const [a, b] of [
      [['first'], ['second']],
      [[0], [1]],
    ] as const) {
      const ct = new ColumnTransformer({
        transformers: [
          ['trans1', new Trans(), a as never],
          ['trans2', new Trans(), b as never],
        ],
      });
      ct.fitTransform(df);
      expect(ct.outputIndices_).toEqual({
        trans1: { start: 0, stop: 1 },
        trans2: { start: 1, stop: 2 },
        remainder: { start: 0, stop: 0 },
      });
    }
  });

  it('test_column_transformer.py::test_2D_transformer_output_pandas', () => {
    const df = XA.map(([col1, col2]) => ({ col1, col2 }));
    const ct = new ColumnTransformer({ transformers: [['trans1', new TransNo2D(), 'col1']] });
    expect(() => ct.fitTransform(df)).toThrow("the 'trans1' transformer should be 2D");
    expect(() => ct.fit(df)).toThrow("the 'trans1' transformer should be 2D");
  });

  it('test_column_transformer.py::test_make_column_transformer_pandas', () => {
    const ct1 = new ColumnTransformer({
      transformers: [['norm', new StandardScaler(), ['first', 'second']]],
    });
    const ct2 = makeColumnTransformer([new StandardScaler(), ['first', 'second']]);
    expect(ct1.fitTransform(DF)).toEqual(ct2.fitTransform(DF));
  });

  it('test_column_transformer.py::test_column_transformer_callable_specifier_dataframe', () => {
    let seen: unknown;
    const func = (X: unknown) => {
      seen = X;
      return ['first'];
    };
    const ct = new ColumnTransformer({
      transformers: [['trans', new Trans(), func]],
      remainder: 'drop',
    });
    expect(ct.fitTransform(DF)).toEqual(FIRST);
    expect(seen).toBe(DF);
    expect((ct.fit(DF) as ColumnTransformer).transform(DF)).toEqual(FIRST);
    expect(ct.transformers_![0]![2]).toEqual(['first']);
  });

  it.each([
    ['[0]', [0]],
    ['slice 0:1', { start: 0, stop: 1 }],
    ['mask', [true, false]],
    ["['first']", ['first']],
    ["slice :'first'", { stop: 'first' }],
    ["slice 'first':'first'", { start: 'first', stop: 'first' }],
  ] as const)(
    'test_column_transformer.py::test_column_transformer_remainder_pandas (%s)',
    (_l, key) => {
      const ct = new ColumnTransformer({
        transformers: [['trans1', new Trans(), key as never]],
        remainder: 'passthrough',
      });
      expect(ct.fitTransform(DF)).toEqual(XA);
      expect((ct.fit(DF) as ColumnTransformer).transform(DF)).toEqual(XA);
      expect(ct.transformers_!.at(-1)).toEqual(['remainder', 'passthrough', [1]]);
    },
  );

  it('test_column_transformer.py::test_column_transformer_with_make_column_selector', () => {
    const df = [
      { col_int: 0, col_float: 0.0, col_cat: 'one', col_str: 'low' },
      { col_int: 1, col_float: 1.0, col_cat: 'two', col_str: 'middle' },
      { col_int: 2, col_float: 2.0, col_cat: 'one', col_str: 'high' },
    ];
    const ctSelector = makeColumnTransformer(
      [new OneHotEncoder(), makeColumnSelector({ dtypeInclude: 'string' })],
      [new StandardScaler(), makeColumnSelector({ dtypeInclude: 'number' })],
    );
    const ctDirect = makeColumnTransformer(
      [new OneHotEncoder(), ['col_cat', 'col_str']],
      [new StandardScaler(), ['col_int', 'col_float']],
    );
    expect(ctSelector.fitTransform(df)).toEqual(ctDirect.fitTransform(df));
    expect(ctSelector.transformers_![0]![2]).toEqual(['col_cat', 'col_str']);
  });

  it.each([[[]], [() => []]])(
    'test_column_transformer.py::test_feature_names_empty_columns (%p)',
    (empty) => {
      const df = [
        { col1: 'a', col2: 'z' },
        { col1: 'a', col2: 'z' },
        { col1: 'b', col2: 'z' },
      ];
      const ct = new ColumnTransformer({
        transformers: [
          ['ohe', new OneHotEncoder(), ['col1', 'col2']],
          ['empty_features', new OneHotEncoder(), empty as never],
        ],
      });
      ct.fit(df);
      expect(ct.getFeatureNamesOut()).toEqual(['ohe__col1_a', 'ohe__col1_b', 'ohe__col2_z']);
    },
  );

  it.each([
    [[1]],
    [() => [1]],
    [['col2']],
    [() => ['col2']],
    [[false, true]],
    [() => [false, true]],
  ])('test_column_transformer.py::test_feature_names_out_pandas (%p)', (selector) => {
    const df = [
      { col1: 'a', col2: 'z' },
      { col1: 'a', col2: 'z' },
      { col1: 'b', col2: 'z' },
    ];
    const ct = new ColumnTransformer({
      transformers: [['ohe', new OneHotEncoder(), selector as never]],
    });
    ct.fit(df);
    expect(ct.getFeatureNamesOut()).toEqual(['ohe__col2_z']);
  });

  describe.each([
    ['Trans', () => new Trans()],
    ['passthrough', () => 'passthrough' as const],
    ['drop', () => 'drop' as const],
  ])(
    'test_column_transformer.py::test_column_transformer_reordered_column_names_remainder (remainder %s)',
    (_l, remainder) => {
      it.each(['first', 'second', 0, 1])('explicit column %p', (explicit) => {
        const fitDf = DF;
        const transDf = XA.map(([first, second]) => ({ second: second!, first: first! }));
        const tf = new ColumnTransformer({
          transformers: [['bycol', new Trans(), explicit]],
          remainder: remainder() as never,
        });
        tf.fit(fitDf);
        const fitTrans = tf.transform(fitDf);
        expect(tf.transform(transDf)).toEqual(fitTrans); // another column order still works
        expect(tf.transform(fitDf.map((r, i) => ({ ...r, third: 3 * (i + 1) })))).toEqual(fitTrans); // extra columns ignored
        if (typeof explicit === 'string')
          expect(() => tf.transform(XA)).toThrow('Specifying the columns');
      });
    },
  );

  it('test_column_transformer.py::test_feature_name_validation_missing_columns_drop_passthough', () => {
    const df = [0, 1, 2].map(() => ({ a: 1, b: 1, c: 1, d: 1 }));
    const dropped = df.map(({ c: _c, ...rest }) => rest);
    let tf = new ColumnTransformer({
      transformers: [['bycol', new Trans(), [1]]],
      remainder: 'passthrough',
    });
    tf.fit(df);
    expect(() => tf.transform(dropped)).toThrow("columns are missing: {'c'}");
    tf = new ColumnTransformer({ transformers: [['bycol', new Trans(), [1]]], remainder: 'drop' });
    tf.fit(df);
    expect(tf.transform(dropped)).toEqual(tf.transform(df));
    tf = new ColumnTransformer({
      transformers: [['bycol', 'drop', ['c']]],
      remainder: 'passthrough',
    });
    tf.fit(df);
    expect(tf.transform(dropped)).toEqual(tf.transform(df));
  });

  it('test_column_transformer.py::test_feature_names_in_', () => {
    const df = [{ a: 1, c: 2, d: 3 }];
    const ct = new ColumnTransformer({
      transformers: [['bycol', new Trans(), ['a', 'd']]],
      remainder: 'passthrough',
    });
    ct.fit(df);
    expect(ct.featureNamesIn_).toEqual(['a', 'c', 'd']);
    const byPosition = new ColumnTransformer({
      transformers: [['bycol', new Trans(), [0, 2]]],
      remainder: 'passthrough',
    });
    byPosition.fit(df);
    expect(byPosition.featureNamesIn_).toEqual(['a', 'c', 'd']);
    byPosition.fit([[1, 2, 3]]); // positional X clears the names
    expect(byPosition.featureNamesIn_).toBeUndefined();
  });
});
