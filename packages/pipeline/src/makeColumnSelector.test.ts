// Ports of scikit-learn's sklearn/compose/tests/test_column_transformer.py make_column_selector tests (1.2.1).
import { clone, decodeValue, encodeValue } from '@scikeras/estimator-core';
import { ColumnTransformer } from './ColumnTransformer';
import {
  ColumnSelector,
  makeColumnSelector,
  type ColumnSelectorOptions,
} from './makeColumnSelector';
import { Trans } from './test-utils/toys';

const DF = [
  { col_int: 0, col_float: 0.5, col_str: 'one' },
  { col_int: 1, col_float: 1.5, col_str: 'two' },
  { col_int: 2, col_float: 2.5, col_str: 'three' },
];

describe('makeColumnSelector', () => {
  it.each([
    [['col_int', 'col_float'], { dtypeInclude: 'number' }],
    [['col_int', 'col_float'], { dtypeExclude: 'string' }],
    [['col_str'], { dtypeInclude: ['string'] }],
    [['col_str'], { dtypeInclude: 'string' }],
    [['col_float'], { pattern: 'at$', dtypeInclude: ['number'] }],
    [['col_int'], { pattern: '^col_int', dtypeInclude: ['number'] }],
    [['col_float', 'col_str'], { pattern: 'float|str' }],
    [['col_str'], { pattern: '^col_s', dtypeExclude: ['number'] }],
    [[], { pattern: 'str$', dtypeInclude: 'number' }],
    [['col_int', 'col_float', 'col_str'], { dtypeInclude: ['number', 'string'] }],
    [['col_str'], { pattern: /STR/i }],
  ] as [string[], ColumnSelectorOptions][])(
    'test_column_transformer.py::test_make_column_selector_with_select_dtypes (%j, %j)',
    (cols, options) => {
      expect(makeColumnSelector(options).select(DF)).toEqual(cols);
    },
  );

  it('test_column_transformer.py::test_make_column_selector_error (pattern needs names; dtypes work by position)', () => {
    const X = [[0.1, 0.2]];
    expect(() => makeColumnSelector({ pattern: 'a', dtypeInclude: 'number' }).select(X)).toThrow(
      'makeColumnSelector can only select by pattern in data with column names (arrays of records or Arrow tables).',
    );
    expect(makeColumnSelector({ dtypeInclude: 'number' }).select(X)).toEqual([0, 1]);
    expect(makeColumnSelector({ dtypeInclude: 'string' }).select([[1, 'a', true]])).toEqual([1]);
    expect(() => makeColumnSelector({ dtypeInclude: 'float' as never }).select(DF)).toThrow(
      "dtypeInclude must name dtypes among ['number', 'string', 'boolean', 'object']; got ['float'].",
    );
  });

  it('test_column_transformer.py::test_make_column_selector_pickle (JSON, clone and the codec round trips)', async () => {
    const selector = makeColumnSelector({ dtypeInclude: ['string'] });
    const back = new ColumnSelector(JSON.parse(JSON.stringify(selector)) as ColumnSelectorOptions);
    expect(back.select(DF)).toEqual(selector.select(DF));
    // the one repr of estimator-core (was JSON's double quotes: makeColumnSelector({ dtypeInclude: ["string"] }))
    expect(String(selector)).toBe("ColumnSelector({ dtypeInclude: ['string'] })");
    expect(String(makeColumnSelector({ pattern: /STR/i }))).toBe(
      'ColumnSelector({ pattern: /STR/i })',
    );
    const ct = new ColumnTransformer({ transformers: [['t', new Trans(), selector]] });
    const c = clone(ct);
    // scikit-learn's clone deep-copies the selector (copy.deepcopy); ours clones it
    expect(c.transformers[0]![2]).not.toBe(selector);
    expect(c.transformers[0]![2]).toBeInstanceOf(ColumnSelector);
    expect((c.transformers[0]![2] as ColumnSelector).getParams()).toEqual(selector.getParams());
    expect(c.fitTransform(DF)).toEqual(DF.map((r) => [r.col_str]));
    for (const s of [selector, makeColumnSelector({ pattern: /STR/i, dtypeExclude: 'number' })]) {
      for (const mode of ['save', 'travel'] as const) {
        const enc = await encodeValue(s, { mode });
        const dec = (await decodeValue(enc.value, { mode, where: 'test' })) as ColumnSelector;
        expect(dec).toBeInstanceOf(ColumnSelector);
        expect(String(dec)).toBe(String(s));
        expect(dec.select(DF)).toEqual(s.select(DF));
      }
    }
  });

  it('reports a corrupted regular expression', async () => {
    const enc = await encodeValue(makeColumnSelector({ pattern: /a/ }), { mode: 'save' });
    const bad = JSON.parse(JSON.stringify(enc.value).replace('"flags":""', '"flags":"zz"'));
    await expect(decodeValue(bad, { mode: 'save', where: 'The saved estimator' })).rejects.toThrow(
      "The saved estimator is corrupted or was modified after it was saved: parameter 'pattern' is an invalid regular expression",
    );
  });

  it("classifies record columns: numbers (with missing values), strings, booleans, mixed as 'object'", () => {
    const rows = [
      { n: 1, s: 'a', b: true, m: 1, z: null },
      { n: null, s: 'b', b: false, m: 'x', z: null },
    ];
    expect(makeColumnSelector({ dtypeInclude: 'number' }).select(rows)).toEqual(['n']);
    expect(makeColumnSelector({ dtypeInclude: 'boolean' }).select(rows)).toEqual(['b']);
    expect(makeColumnSelector({ dtypeInclude: 'object' }).select(rows)).toEqual(['m', 'z']);
  });
});
