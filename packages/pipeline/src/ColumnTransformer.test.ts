// Ports of scikit-learn's sklearn/compose/tests/test_column_transformer.py (1.2.1) on positional X.
import { NotFittedError } from '@scikeras/estimator-core';
import { ColumnTransformer } from './ColumnTransformer';
import { makeColumnTransformer } from './makeColumnTransformer';
import { DoubleTrans, Trans, TransNo2D, TransRaise } from './test-utils/toys';
import { OneHotEncoder, StandardScaler } from './test-utils/twins';

// np.array([[0, 1, 2], [2, 4, 6]]).T
const XA = [
  [0, 2],
  [1, 4],
  [2, 6],
];
const FIRST = [[0], [1], [2]];

describe('ColumnTransformer (test_column_transformer.py)', () => {
  it.each([
    ['0', 0, FIRST],
    ['[0]', [0], FIRST],
    ['[0, 1]', [0, 1], XA],
    ['Int32Array [0, 1]', Int32Array.from([0, 1]), XA],
    ['slice 0:1', { start: 0, stop: 1 }, FIRST],
    ['slice 0:2', { start: 0, stop: 2 }, XA],
    ['mask [true, false]', [true, false], FIRST],
    ['mask [true, true]', [true, true], XA],
  ] as const)(
    'test_column_transformer.py::test_column_transformer (%s)',
    (_label, selection, res) => {
      let ct = new ColumnTransformer({
        transformers: [['trans', new Trans(), selection as never]],
        remainder: 'drop',
      });
      expect(ct.fitTransform(XA)).toEqual(res);
      expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(res);
      ct = new ColumnTransformer({
        transformers: [['trans', new Trans(), () => selection as never]],
        remainder: 'drop',
      });
      expect(ct.fitTransform(XA)).toEqual(res);
      expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(res);
    },
  );

  it('test_column_transformer.py::test_column_transformer (two transformers, weights)', () => {
    let ct = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), [0]],
        ['trans2', new Trans(), [1]],
      ],
    });
    expect(ct.fitTransform(XA)).toEqual(XA);
    expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(XA);
    expect(ct.transformers_).toHaveLength(2);
    const weights = { trans1: 0.1, trans2: 10 };
    const both = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), [0]],
        ['trans2', new Trans(), [1]],
      ],
      transformerWeights: weights,
    });
    const res = XA.map(([a, b]) => [0.1 * a!, 10 * b!]);
    expect(both.fitTransform(XA)).toEqual(res);
    expect((both.fit(XA) as ColumnTransformer).transform(XA)).toEqual(res);
    ct = new ColumnTransformer({
      transformers: [['trans', new Trans(), [0, 1]]],
      transformerWeights: { trans: 0.1 },
    });
    expect(ct.fitTransform(XA)).toEqual(XA.map((r) => r.map((v) => 0.1 * v)));
    expect(ct.transformers_).toHaveLength(1);
  });

  describe.each([
    ['list', []],
    ['bool', [false, false]],
  ])(
    'test_column_transformer.py::test_column_transformer_empty_columns (%s)',
    (_label, selection) => {
      it.each([false, true])('callable: %s', (callable) => {
        const column = (callable ? () => selection : selection) as never;
        let ct = new ColumnTransformer({
          transformers: [
            ['trans1', new Trans(), [0, 1]],
            ['trans2', new TransRaise(), column],
          ],
        });
        expect(ct.fitTransform(XA)).toEqual(XA);
        expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(XA);
        expect(ct.transformers_).toHaveLength(2);
        expect(ct.transformers_![1]![1]).toBeInstanceOf(TransRaise);
        ct = new ColumnTransformer({
          transformers: [
            ['trans1', new TransRaise(), column],
            ['trans2', new Trans(), [0, 1]],
          ],
        });
        expect(ct.fitTransform(XA)).toEqual(XA);
        expect(ct.transformers_![0]![1]).toBeInstanceOf(TransRaise);
        ct = new ColumnTransformer({
          transformers: [['trans', new TransRaise(), column]],
          remainder: 'passthrough',
        });
        expect(ct.fitTransform(XA)).toEqual(XA);
        expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(XA);
        expect(ct.transformers_).toHaveLength(2);
        ct = new ColumnTransformer({
          transformers: [['trans', new TransRaise(), column]],
          remainder: 'drop',
        });
        expect(ct.fitTransform(XA)).toEqual([[], [], []]);
        expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual([[], [], []]);
        expect(ct.transformers_).toHaveLength(2);
      });
    },
  );

  it('test_column_transformer.py::test_column_transformer_output_indices', () => {
    const X = [
      [0, 1],
      [2, 3],
      [4, 5],
    ];
    let ct = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), [0]],
        ['trans2', new Trans(), [1]],
      ],
    });
    ct.fitTransform(X);
    expect(ct.outputIndices_).toEqual({
      trans1: { start: 0, stop: 1 },
      trans2: { start: 1, stop: 2 },
      remainder: { start: 0, stop: 0 },
    });
    ct = new ColumnTransformer({
      transformers: [['trans', new Trans(), [0, 1]]],
      transformerWeights: { trans: 0.1 },
    });
    ct.fitTransform(X);
    expect(ct.outputIndices_).toEqual({
      trans: { start: 0, stop: 2 },
      remainder: { start: 0, stop: 0 },
    });
    ct = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), [0, 1]],
        ['trans2', new TransRaise(), []],
      ],
    });
    ct.fitTransform(X);
    expect(ct.outputIndices_).toEqual({
      trans1: { start: 0, stop: 2 },
      trans2: { start: 0, stop: 0 },
      remainder: { start: 0, stop: 0 },
    });
    ct = new ColumnTransformer({
      transformers: [['trans', new TransRaise(), []]],
      remainder: 'passthrough',
    });
    ct.fitTransform(X);
    expect(ct.outputIndices_).toEqual({
      trans: { start: 0, stop: 0 },
      remainder: { start: 0, stop: 2 },
    });
  });

  it('test_column_transformer.py::test_column_transformer_list (mixed rows: numbers with NaN, strings)', () => {
    const X = [
      [1, NaN, 'a'],
      [0, 0, 'b'],
    ];
    const expected = [
      [1, NaN, 1, 0],
      [-1, 0, 0, 1],
    ];
    const ct = new ColumnTransformer({
      transformers: [
        ['numerical', new StandardScaler(), [0, 1]],
        ['categorical', new OneHotEncoder(), [2]],
      ],
    });
    expect(ct.fitTransform(X)).toEqual(expected);
    expect((ct.fit(X) as ColumnTransformer).transform(X)).toEqual(expected);
  });

  it('test_column_transformer.py::test_column_transformer_error_msg_1D', () => {
    const X = [
      [0, 2],
      [1, 4],
      [2, 6],
    ];
    const ct = new ColumnTransformer({ transformers: [['trans', new StandardScaler(), 0]] });
    const msg =
      '1D data passed to a transformer that expects 2D data. Try to specify the column selection as a list of one item instead of a scalar.';
    expect(() => ct.fit(X)).toThrow(msg);
    expect(() => ct.fitTransform(X)).toThrow(msg);
    const raising = new ColumnTransformer({ transformers: [['trans', new TransRaise(), 0]] });
    expect(() => raising.fit(X)).toThrow('specific message');
    expect(() => raising.fitTransform(X)).toThrow('specific message');
  });

  it('test_column_transformer.py::test_2D_transformer_output', () => {
    const ct = new ColumnTransformer({
      transformers: [
        ['trans1', 'drop', 0],
        ['trans2', new TransNo2D(), 1],
      ],
    });
    expect(() => ct.fitTransform(XA)).toThrow("the 'trans2' transformer should be 2D");
    expect(() => ct.fit(XA)).toThrow("the 'trans2' transformer should be 2D");
  });

  it.each(['drop', 'passthrough'] as const)(
    'test_column_transformer.py::test_column_transformer_invalid_columns (%s)',
    (remainder) => {
      for (const c of [1.5, ['string', 1], { start: 1, stop: 's' }, Float64Array.from([1])]) {
        const ct = new ColumnTransformer({
          transformers: [['trans', new Trans(), c as never]],
          remainder,
        });
        expect(() => ct.fit(XA)).toThrow('No valid specification');
      }
      for (const c of ['string', ['string', 'other'], { start: 'a', stop: 'b' }]) {
        const ct = new ColumnTransformer({
          transformers: [['trans', new Trans(), c as never]],
          remainder,
        });
        expect(() => ct.fit(XA)).toThrow('Specifying the columns');
      }
      const ct = new ColumnTransformer({
        transformers: [['trans', new Trans(), [0, 1]]],
        remainder,
      });
      ct.fit(XA);
      expect(() =>
        ct.transform([
          [0, 2, 3],
          [1, 4, 6],
          [2, 6, 9],
        ]),
      ).toThrow('X has 3 features, but ColumnTransformer is expecting 2 features as input.');
      expect(() => ct.transform([[0], [1], [2]])).toThrow(
        'X has 1 features, but ColumnTransformer is expecting 2 features as input.',
      );
      expect(() =>
        new ColumnTransformer({ transformers: [['t', new Trans(), [5]]] }).fit(XA),
      ).toThrow('all features must be in [0, 1] or [-2, 0]');
    },
  );

  it('test_column_transformer.py::test_column_transformer_invalid_transformer', () => {
    class NoTrans {
      fit() {
        return this;
      }
      predict(X: unknown) {
        return X;
      }
    }
    const ct = new ColumnTransformer({ transformers: [['trans', new NoTrans() as never, [0]]] });
    expect(() => ct.fit(XA)).toThrow(
      /^All estimators should implement fit and transform, or can be 'drop' or 'passthrough' specifiers\./,
    );
    expect(() => ct.fit(XA)).toThrow(TypeError);
  });

  it('test_column_transformer.py::test_make_column_transformer (+ kwargs, remainder transformer)', () => {
    const scaler = new StandardScaler();
    const norm = new DoubleTrans();
    let ct = makeColumnTransformer([scaler, 'first'], [norm, ['second']]);
    expect(ct.transformers.map(([n]) => n)).toEqual(['standardscaler', 'doubletrans']);
    expect(ct.transformers.map(([, t]) => t)).toEqual([scaler, norm]);
    expect(ct.transformers.map(([, , c]) => c)).toEqual(['first', ['second']]);
    ct = makeColumnTransformer([scaler, 'first'], [norm, ['second']], {
      nJobs: 3,
      remainder: 'drop',
      sparseThreshold: 0.5,
    });
    expect(ct.transformers).toEqual(
      makeColumnTransformer([scaler, 'first'], [norm, ['second']]).transformers,
    );
    expect([ct.nJobs, ct.remainder, ct.sparseThreshold]).toEqual([3, 'drop', 0.5]);
    expect(() =>
      makeColumnTransformer([scaler, 'first'], { transformerWeights: { pca: 10 } } as never),
    ).toThrow("makeColumnTransformer() got an unexpected option 'transformerWeights'");
    const remainder = new StandardScaler();
    expect(
      makeColumnTransformer([scaler, 'first'], [norm, ['second']], { remainder }).remainder,
    ).toBe(remainder);
    expect(makeColumnTransformer([new Trans(), [0]]).remainder).toBe('drop');
  });

  it('test_column_transformer.py::test_column_transformer_get_set_params', () => {
    const ct = new ColumnTransformer({
      transformers: [
        ['trans1', new StandardScaler(), [0]],
        ['trans2', new StandardScaler(), [1]],
      ],
    });
    const base = {
      nJobs: null,
      remainder: 'drop',
      sparseThreshold: 0.3,
      transformerWeights: null,
      verboseFeatureNamesOut: true,
      verbose: false,
    };
    const scalerParams = (p: string, withMean = true) => ({
      [`${p}__copy`]: true,
      [`${p}__withMean`]: withMean,
      [`${p}__withStd`]: true,
    });
    expect(ct.getParams()).toEqual({
      ...base,
      trans1: ct.transformers[0]![1],
      ...scalerParams('trans1'),
      trans2: ct.transformers[1]![1],
      ...scalerParams('trans2'),
      transformers: ct.transformers,
    });
    ct.setParams({ trans1__withMean: false });
    expect(ct.getParams().trans1__withMean).toBe(false);
    ct.setParams({ trans1: 'passthrough' });
    expect(ct.getParams()).toEqual({
      ...base,
      trans1: 'passthrough',
      trans2: ct.transformers[1]![1],
      ...scalerParams('trans2'),
      transformers: ct.transformers,
    });
    expect(ct.transformers[0]).toEqual(['trans1', 'passthrough', [0]]);
  });

  it('test_column_transformer.py::test_column_transformer_named_estimators and _cloning', () => {
    const X = [
      [0, 2],
      [1, 4],
      [2, 6],
    ];
    const ct = new ColumnTransformer({
      transformers: [
        ['trans1', new StandardScaler(), [0]],
        ['trans2', new StandardScaler({ withStd: false }), [1]],
      ],
    });
    expect(ct.transformers_).toBeUndefined();
    expect(ct.namedTransformers_).toBeUndefined();
    ct.fit(X);
    const named = ct.namedTransformers_!;
    expect(named.trans1).toBeInstanceOf(StandardScaler);
    expect((named.trans2 as StandardScaler).withStd).toBe(false);
    expect((named.trans1 as StandardScaler).mean_).toEqual([1]);
    // the given transformers stay unfitted: fit works on clones
    expect((ct.transformers[0]![1] as StandardScaler).mean_).toBeUndefined();
    const ct2 = new ColumnTransformer({ transformers: [['trans', new StandardScaler(), [0]]] });
    ct2.fitTransform(X);
    expect((ct2.transformers[0]![1] as StandardScaler).mean_).toBeUndefined();
    expect((ct2.transformers_![0]![1] as StandardScaler).mean_).toEqual([1]);
  });

  it('test_column_transformer.py::test_column_transformer_get_feature_names', () => {
    const ct = new ColumnTransformer({ transformers: [['trans', new Trans(), [0, 1]]] });
    expect(() => ct.getFeatureNamesOut()).toThrow(NotFittedError);
    ct.fit(XA);
    expect(() => ct.getFeatureNamesOut()).toThrow(
      'Transformer trans (type Trans) does not provide getFeatureNamesOut.',
    );
  });

  it('test_column_transformer.py::test_column_transformer_special_strings', () => {
    let ct = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), [0]],
        ['trans2', 'drop', [1]],
      ],
    });
    expect(ct.fitTransform(XA)).toEqual(FIRST);
    expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(FIRST);
    expect(ct.transformers_).toHaveLength(2);
    expect(ct.transformers_!.at(-1)![0]).not.toBe('remainder');
    ct = new ColumnTransformer({
      transformers: [
        ['trans1', 'drop', [0]],
        ['trans2', 'drop', [1]],
      ],
    });
    expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual([[], [], []]);
    expect(ct.fitTransform(XA)).toEqual([[], [], []]);
    ct = new ColumnTransformer({
      transformers: [
        ['trans1', new Trans(), [0]],
        ['trans2', 'passthrough', [1]],
      ],
    });
    expect(ct.fitTransform(XA)).toEqual(XA);
    expect((ct.fit(XA) as ColumnTransformer).transform(XA)).toEqual(XA);
    for (const val of [null, 'other']) {
      ct = new ColumnTransformer({
        transformers: [
          ['trans1', new Trans(), [0]],
          ['trans2', val as never, [1]],
        ],
      });
      expect(() => ct.fitTransform(XA)).toThrow('All estimators should implement');
      expect(() => ct.fit(XA)).toThrow('All estimators should implement');
    }
  });
});
