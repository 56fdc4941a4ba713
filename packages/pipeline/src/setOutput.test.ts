// setOutput on Pipeline, ColumnTransformer and FeatureUnion (ports of scikit-learn 1.2.1's
// test_pipeline.py::test_pipeline_set_output_integration, test_feature_union_set_output and
// test_column_transformer.py::test_column_transformer_set_output, with 'array2d' for 'pandas'),
// typed end to end, and 1,000,000 rows.
import {
  BaseEstimator,
  clone,
  getOutputConfig,
  isArray2D,
  setOutputConfig,
  wrapTransformOutput,
  type Array2D,
  type OutputConfig,
} from '@scikeras/estimator-core';
import { MinMaxScaler, OneHotEncoder, StandardScaler } from '@scikeras/preprocessing';
import { ColumnTransformer } from './ColumnTransformer';
import { FeatureUnion } from './FeatureUnion';
import { makePipeline } from './makePipeline';
import { makeUnion } from './makeUnion';
import type { Pipeline } from './Pipeline';
import { Trans } from './test-utils/toys';
import { CentroidClassifier } from './test-utils/twins';

function rowsOf(a: Array2D): number[][] {
  const [n, d] = a.shape;
  return Array.from({ length: n }, (_, i) => Array.from(a.data.subarray(i * d, (i + 1) * d)));
}

/** A transformer that records the form of X it got (and doubles it). */
class Spy extends BaseEstimator {
  static estimatorName = 'Spy';
  static seen: string[] = [];
  fit() {
    return this;
  }
  transform(X: unknown) {
    Spy.seen.push(isArray2D(X) ? 'array2d' : 'rows');
    const a = isArray2D(X) ? rowsOf(X) : (X as number[][]);
    return wrapTransformOutput(
      this,
      a.map((r) => r.map((v) => v * 2)),
    );
  }
  setOutput(config: OutputConfig) {
    setOutputConfig(this, config);
    return this;
  }
}

const X = [
  [1, 10, 0, 5],
  [2, 20, 1, 6],
  [3, 35, 2, 7],
  [4, 40, 0, 9],
];
const X2d: Array2D = { data: Float64Array.from(X.flat()), shape: [4, 4] };

function ct(): ColumnTransformer {
  return new ColumnTransformer({
    transformers: [
      ['num', new StandardScaler(), [0, 1]],
      ['cat', new OneHotEncoder(), [2]],
      ['spy', new Spy(), [3]],
    ],
    remainder: 'drop',
    transformerWeights: { num: 2 },
  });
}

describe('ColumnTransformer.setOutput', () => {
  it('sets every transformer and gives the same values in one Float64Array (test_column_transformer_set_output)', () => {
    const rows = ct().fitTransform(X);
    const typed = ct().setOutput({ transform: 'array2d' });
    for (const [, t] of typed.transformers)
      expect(getOutputConfig(t as object)).toEqual({ transform: 'array2d' });
    const out = typed.fitTransform(X2d);
    expect(isArray2D(out)).toBe(true);
    expect((out as Array2D).data).toBeInstanceOf(Float64Array);
    expect(rowsOf(out as Array2D)).toEqual(rows);
    expect(rowsOf(typed.transform(X) as Array2D)).toEqual(
      (ct().fit(X) as ColumnTransformer).transform(X),
    );
    expect(typed.outputIndices_).toEqual({
      num: { start: 0, stop: 2 },
      cat: { start: 2, stop: 5 },
      spy: { start: 5, stop: 6 },
      remainder: { start: 0, stop: 0 },
    });
  });

  it('hands each transformer its numeric columns as an Array2D with array2d, as rows by default', () => {
    Spy.seen = [];
    ct().fitTransform(X2d);
    expect(Spy.seen).toEqual(['rows']);
    Spy.seen = [];
    ct().setOutput({ transform: 'array2d' }).fitTransform(X);
    expect(Spy.seen).toEqual(['array2d']);
  });

  it('sets the fitted transformers_ and a remainder estimator too; passthrough stays typed', () => {
    const c = new ColumnTransformer({
      transformers: [['a', new StandardScaler(), [0]]],
      remainder: new MinMaxScaler(),
    });
    c.fit(X);
    c.setOutput({ transform: 'array2d' });
    expect(getOutputConfig(c.transformers_![0]![1] as object).transform).toBe('array2d');
    expect(getOutputConfig(c.remainder as object).transform).toBe('array2d');
    const p = new ColumnTransformer({
      transformers: [['a', 'passthrough', [1, 3]]],
    }).setOutput({ transform: 'array2d' });
    expect(rowsOf(p.fitTransform(X) as Array2D)).toEqual(X.map((r) => [r[1], r[3]]));
  });

  it('keeps rows when an output holds strings (a passed-through text column)', () => {
    const records = [
      { a: 1, city: 'Oslo' },
      { a: 3, city: 'Rome' },
    ];
    const c = new ColumnTransformer({
      transformers: [['a', new StandardScaler(), ['a']]],
      remainder: 'passthrough',
    }).setOutput({ transform: 'array2d' });
    expect(c.fitTransform(records)).toEqual([
      [-1, 'Oslo'],
      [1, 'Rome'],
    ]);
  });

  it('is kept by clone, with the transformers', () => {
    const c = clone(ct().setOutput({ transform: 'array2d' }));
    expect(getOutputConfig(c)).toEqual({ transform: 'array2d' });
    expect(getOutputConfig(c.transformers[0]![1] as object)).toEqual({ transform: 'array2d' });
  });

  it('names a transformer that cannot set its output (scikit-learn _safe_set_output)', () => {
    const c = new ColumnTransformer({ transformers: [['t', new Trans(), [0]]] });
    expect(() => c.setOutput({ transform: 'array2d' })).toThrow(
      'Unable to configure output for Trans() because `setOutput` is not available.',
    );
  });
});

describe('Pipeline.setOutput', () => {
  it('sets every transforming step, leaves the classifier and passthrough alone (test_pipeline_set_output_integration)', () => {
    const inner = ct();
    const pipe = makePipeline(inner, 'passthrough', new CentroidClassifier());
    expect(pipe.setOutput({ transform: 'array2d' })).toBe(pipe);
    expect(getOutputConfig(inner)).toEqual({ transform: 'array2d' });
    expect(getOutputConfig(inner.transformers[0]![1] as object).transform).toBe('array2d');
    pipe.fit(X2d, [0, 0, 1, 1]);
    expect(pipe.predict(X)).toEqual(
      (makePipeline(ct(), new CentroidClassifier()).fit(X, [0, 0, 1, 1]) as Pipeline).predict(X),
    );
    const t = makePipeline(new StandardScaler(), new MinMaxScaler()).setOutput({
      transform: 'array2d',
    });
    expect(isArray2D(t.fitTransform(X))).toBe(true);
    expect(() =>
      makePipeline(new Trans(), new CentroidClassifier()).setOutput({ transform: 'array2d' }),
    ).toThrow('Unable to configure output for Trans() because `setOutput` is not available.');
  });
});

describe('FeatureUnion.setOutput', () => {
  it('stacks typed outputs, passthrough included (test_feature_union_set_output)', () => {
    const rows = makeUnion(new StandardScaler(), 'passthrough').fitTransform(X);
    const u = makeUnion(new StandardScaler(), 'passthrough').setOutput({ transform: 'array2d' });
    expect(getOutputConfig(u.get('standardscaler') as object).transform).toBe('array2d');
    const out = u.fitTransform(X2d) as Array2D;
    expect(out.shape).toEqual([4, 8]);
    expect(rowsOf(out)).toEqual(rows);
    expect(u).toBeInstanceOf(FeatureUnion);
  });
});

describe('1,000,000 rows', () => {
  it('a ColumnTransformer slices and stacks an Array2D of 1e6 rows without per-row arrays', () => {
    const n = 1_000_000;
    const data = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      data[i * 3] = i % 7;
      data[i * 3 + 1] = (i * 31) % 1000;
      data[i * 3 + 2] = i % 3;
    }
    const c = new ColumnTransformer({
      transformers: [
        ['num', new StandardScaler(), [1]],
        ['cat', new OneHotEncoder(), [0, 2]],
      ],
      remainder: 'passthrough',
    }).setOutput({ transform: 'array2d' });
    const out = c.fitTransform({ data, shape: [n, 3] }) as Array2D;
    expect(out.shape).toEqual([n, 11]);
    expect(c.getFeatureNamesOut()).toHaveLength(11);
    // row 8: i % 7 = 1, i % 3 = 2
    expect(Array.from(out.data.subarray(8 * 11 + 1, 9 * 11))).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });
});
