// Ports of scikit-learn's sklearn/compose/tests/test_column_transformer.py (1.2.1)
// verbose_feature_names_out tests, and the forms of X each transformer gets, on arrays of records.
import { BaseEstimator, type EstimatorTags } from '@scikeras/estimator-core';
import { ColumnTransformer } from './ColumnTransformer';
import { TransWithNames } from './test-utils/toys';
import { OneHotEncoder } from './test-utils/twins';

describe('ColumnTransformer on arrays of records (test_column_transformer.py DataFrame tests): feature names out', () => {
  const DF4 = [{ a: 1, b: 2, c: 3, d: 4 }];
  const T = (names?: string[]) => new TransWithNames({ featureNamesOut: names ?? null });
  const pca = (n: number, p = 'pca') => Array.from({ length: n }, (_, i) => `${p}${i}`);

  it.each([
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', ['d']],
      ],
      'passthrough',
      ['bycol1__d', 'bycol1__c', 'bycol2__d', 'remainder__a', 'remainder__b'],
    ],
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', ['d']],
      ],
      'drop',
      ['bycol1__d', 'bycol1__c', 'bycol2__d'],
    ],
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'drop', ['d']],
      ],
      'passthrough',
      ['bycol1__b', 'remainder__a', 'remainder__c'],
    ],
    [
      [['bycol1', T(['pca1', 'pca2']), ['a', 'b', 'd']]],
      'passthrough',
      ['bycol1__pca1', 'bycol1__pca2', 'remainder__c'],
    ],
    [
      [
        ['bycol1', T(['a', 'b']), ['d']],
        ['bycol2', 'passthrough', ['b']],
      ],
      'drop',
      ['bycol1__a', 'bycol1__b', 'bycol2__b'],
    ],
    [
      [
        ['bycol1', T(pca(2)), ['b']],
        ['bycol2', T(pca(2)), ['b']],
      ],
      'passthrough',
      [
        'bycol1__pca0',
        'bycol1__pca1',
        'bycol2__pca0',
        'bycol2__pca1',
        'remainder__a',
        'remainder__c',
        'remainder__d',
      ],
    ],
    [[['bycol1', 'drop', ['d']]], 'drop', []],
    [[['bycol1', T(), { start: 1, stop: 3 }]], 'drop', ['bycol1__b', 'bycol1__c']],
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'drop', { start: 3, stop: 4 }],
      ],
      'passthrough',
      ['bycol1__b', 'remainder__a', 'remainder__c'],
    ],
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', { start: 3, stop: 4 }],
      ],
      'passthrough',
      ['bycol1__d', 'bycol1__c', 'bycol2__d', 'remainder__a', 'remainder__b'],
    ],
    [[['bycol1', T(), { start: 'b', stop: 'c' }]], 'drop', ['bycol1__b', 'bycol1__c']],
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'drop', { start: 'c', stop: 'd' }],
      ],
      'passthrough',
      ['bycol1__b', 'remainder__a'],
    ],
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', { start: 'c', stop: 'd' }],
      ],
      'passthrough',
      ['bycol1__d', 'bycol1__c', 'bycol2__c', 'bycol2__d', 'remainder__a', 'remainder__b'],
    ],
  ] as const)(
    'test_column_transformer.py::test_verbose_feature_names_out_true (case %#)',
    (transformers, remainder, expected) => {
      const ct = new ColumnTransformer({ transformers: transformers as never, remainder });
      ct.fit(DF4);
      expect(ct.getFeatureNamesOut()).toEqual(expected);
    },
  );

  it.each([
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', ['a']],
      ],
      'passthrough',
      ['d', 'c', 'a', 'b'],
    ],
    [
      [
        ['bycol1', T(['a']), ['d', 'c']],
        ['bycol2', 'passthrough', ['d']],
      ],
      'drop',
      ['a', 'd'],
    ],
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'drop', ['d']],
      ],
      'passthrough',
      ['b', 'a', 'c'],
    ],
    [[['bycol1', T(['pca1', 'pca2']), ['a', 'b', 'd']]], 'passthrough', ['pca1', 'pca2', 'c']],
    [
      [
        ['bycol1', T(['a', 'c']), ['d']],
        ['bycol2', 'passthrough', ['d']],
      ],
      'drop',
      ['a', 'c', 'd'],
    ],
    [
      [
        ['bycol1', T(pca(2)), ['b']],
        ['bycol2', T(pca(2, 'kpca')), ['b']],
      ],
      'passthrough',
      ['pca0', 'pca1', 'kpca0', 'kpca1', 'a', 'c', 'd'],
    ],
    [[['bycol1', 'drop', ['d']]], 'drop', []],
    [
      [
        ['bycol1', T(), { start: 1, stop: 2 }],
        ['bycol2', 'drop', ['d']],
      ],
      'passthrough',
      ['b', 'a', 'c'],
    ],
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'drop', { start: 3, stop: 4 }],
      ],
      'passthrough',
      ['b', 'a', 'c'],
    ],
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', { start: 0, stop: 2 }],
      ],
      'drop',
      ['d', 'c', 'a', 'b'],
    ],
    [
      [
        ['bycol1', T(), { start: 'a', stop: 'b' }],
        ['bycol2', 'drop', ['d']],
      ],
      'passthrough',
      ['a', 'b', 'c'],
    ],
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'drop', { start: 'c', stop: 'd' }],
      ],
      'passthrough',
      ['b', 'a'],
    ],
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', { start: 'a', stop: 'b' }],
      ],
      'drop',
      ['d', 'c', 'a', 'b'],
    ],
    [
      [
        ['bycol1', T(), ['d', 'c']],
        ['bycol2', 'passthrough', { start: 'b', stop: 'b' }],
      ],
      'drop',
      ['d', 'c', 'b'],
    ],
  ] as const)(
    'test_column_transformer.py::test_verbose_feature_names_out_false (case %#)',
    (transformers, remainder, expected) => {
      const ct = new ColumnTransformer({
        transformers: transformers as never,
        remainder,
        verboseFeatureNamesOut: false,
      });
      ct.fit(DF4);
      expect(ct.getFeatureNamesOut()).toEqual(expected);
    },
  );

  it.each([
    [
      [
        ['bycol1', T(), ['b']],
        ['bycol2', 'passthrough', ['b']],
      ],
      'drop',
      "['b']",
    ],
    [
      [
        ['bycol1', T(['c', 'd']), ['c']],
        ['bycol2', 'passthrough', ['c']],
      ],
      'drop',
      "['c']",
    ],
    [
      [
        ['bycol1', T(['a']), ['b']],
        ['bycol2', 'passthrough', ['b']],
      ],
      'passthrough',
      "['a']",
    ],
    [
      [
        ['bycol1', T(['a']), ['b']],
        ['bycol2', 'drop', ['b']],
      ],
      'passthrough',
      "['a']",
    ],
    [
      [
        ['bycol1', T(['c', 'b']), ['b']],
        ['bycol2', 'passthrough', ['c', 'b']],
      ],
      'drop',
      "['b', 'c']",
    ],
    [
      [
        ['bycol1', T(['a']), ['b']],
        ['bycol2', 'passthrough', ['a']],
        ['bycol3', T(['a']), ['b']],
      ],
      'passthrough',
      "['a']",
    ],
    [
      [
        ['bycol1', T(['a', 'b']), ['b']],
        ['bycol2', 'passthrough', ['a']],
        ['bycol3', T(['b']), ['c']],
      ],
      'passthrough',
      "['a', 'b']",
    ],
    [
      [
        ['bycol1', T(pca(6)), ['b']],
        ['bycol2', T(pca(6)), ['b']],
      ],
      'passthrough',
      "['pca0', 'pca1', 'pca2', 'pca3', 'pca4', ...]",
    ],
    [
      [
        ['bycol1', T(['a', 'b']), { start: 1, stop: 2 }],
        ['bycol2', 'passthrough', ['a']],
        ['bycol3', T(['b']), ['c']],
      ],
      'passthrough',
      "['a', 'b']",
    ],
    [
      [
        ['bycol1', T(['a', 'b']), ['b']],
        ['bycol2', 'passthrough', { start: 0, stop: 1 }],
        ['bycol3', T(['b']), ['c']],
      ],
      'passthrough',
      "['a', 'b']",
    ],
    [
      [
        ['bycol1', T(['a', 'b']), { start: 'b', stop: 'c' }],
        ['bycol2', 'passthrough', ['a']],
        ['bycol3', T(['b']), ['c']],
      ],
      'passthrough',
      "['a', 'b']",
    ],
    [
      [
        ['bycol1', T(['a', 'b']), ['b']],
        ['bycol2', 'passthrough', { start: 'a', stop: 'a' }],
        ['bycol3', T(['b']), ['c']],
      ],
      'passthrough',
      "['a', 'b']",
    ],
  ] as const)(
    'test_column_transformer.py::test_verbose_feature_names_out_false_errors (case %#)',
    (transformers, remainder, colliding) => {
      const ct = new ColumnTransformer({
        transformers: transformers as never,
        remainder,
        verboseFeatureNamesOut: false,
      });
      ct.fit(DF4);
      expect(() => ct.getFeatureNamesOut()).toThrow(
        `Output feature names: ${colliding} are not unique. Please set verboseFeatureNamesOut=true to add prefixes to feature names`,
      );
    },
  );

  it('hands each transformer the form it takes: records, number[][], 1-D, raw rows', () => {
    const seen: Record<string, unknown> = {};
    class Spy extends BaseEstimator<{ id?: string }> {
      static override defaults = { id: '' };
      declare id: string;
      fit(X: unknown) {
        seen[this.id] = X;
        return this;
      }
      transform(X: unknown) {
        return (X as unknown[]).map(() => [0]);
      }
    }
    class RecordsSpy extends Spy {
      static override tags: Partial<EstimatorTags> = { XTypes: ['2darray', 'records'] };
    }
    const rows = [
      { age: 31, city: 'Oslo', vip: true, score: null },
      { age: 45, city: 'Bergen', vip: false, score: 2.5 },
    ];
    new ColumnTransformer({
      transformers: [
        ['records', new RecordsSpy({ id: 'records' }), ['city', 'age']],
        ['numbers', new Spy({ id: 'numbers' }), ['age', 'vip', 'score']],
        ['column', new Spy({ id: 'column' }), 'city'],
        ['raw', new Spy({ id: 'raw' }), ['age', 'city']],
      ],
    }).fit(rows);
    expect(seen.records).toEqual([
      { city: 'Oslo', age: 31 },
      { city: 'Bergen', age: 45 },
    ]);
    expect(seen.numbers).toEqual([
      [31, 1, NaN],
      [45, 0, 2.5],
    ]);
    expect(seen.column).toEqual(['Oslo', 'Bergen']);
    expect(seen.raw).toEqual([
      [31, 'Oslo'],
      [45, 'Bergen'],
    ]);
  });

  it('records with missing keys: the union of the keys, missing values are NaN in numeric columns', () => {
    const rows = [
      { a: 1, b: 'x' },
      { b: 'y', c: 3 },
      { a: 2, b: 'x', c: 5 },
    ];
    const ct = new ColumnTransformer({
      transformers: [
        ['num', 'passthrough', ['a', 'c']],
        ['cat', new OneHotEncoder(), ['b']],
      ],
    });
    expect(ct.fitTransform(rows)).toEqual([
      [1, NaN, 1, 0],
      [NaN, 3, 0, 1],
      [2, 5, 1, 0],
    ]);
    expect(ct.featureNamesIn_).toEqual(['a', 'b', 'c']);
    expect(() => ct.fit([{ a: 1 }, [1] as never])).toThrow('X mixes records and other rows');
  });
});
