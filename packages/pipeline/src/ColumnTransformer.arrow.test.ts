// ColumnTransformer and makeColumnSelector on Apache Arrow tables (apache-arrow is an optional peer;
// this package never imports it: tables are recognised by their shape).
import { tableFromArrays, tableFromJSON } from 'apache-arrow';
import { ColumnTransformer } from './ColumnTransformer';
import { makeColumnTransformer } from './makeColumnTransformer';
import { makeColumnSelector } from './makeColumnSelector';
import { makePipeline } from './makePipeline';
import { CentroidClassifier, OneHotEncoder, StandardScaler } from './test-utils/twins';

const records = [
  { age: 31, city: 'Oslo', visits: 3, vip: true },
  { age: 45, city: 'Bergen', visits: 1, vip: false },
  { age: 23, city: 'Oslo', visits: 7, vip: false },
  { age: 52, city: 'Trondheim', visits: 2, vip: true },
];

function arrowOf(rows: typeof records) {
  return tableFromArrays({
    age: Float64Array.from(rows.map((r) => r.age)),
    city: rows.map((r) => r.city),
    visits: BigInt64Array.from(rows.map((r) => BigInt(r.visits))), // Int64: bigints in Arrow JS
    vip: rows.map((r) => r.vip),
  });
}

describe('ColumnTransformer on Apache Arrow tables', () => {
  it('selects columns by name and gives the same output and names as the records', () => {
    const make = () =>
      new ColumnTransformer({
        transformers: [
          ['num', new StandardScaler(), ['age', 'visits']],
          ['cat', new OneHotEncoder(), ['city']],
        ],
        remainder: 'passthrough',
      });
    const fromRecords = make();
    const fromArrow = make();
    const expected = fromRecords.fitTransform(records);
    expect(fromArrow.fitTransform(arrowOf(records))).toEqual(expected);
    expect(fromArrow.featureNamesIn_).toEqual(['age', 'city', 'visits', 'vip']);
    expect(fromArrow.getFeatureNamesOut()).toEqual(fromRecords.getFeatureNamesOut());
    expect(fromArrow.getFeatureNamesOut()).toEqual([
      'num__age',
      'num__visits',
      'cat__city_Bergen',
      'cat__city_Oslo',
      'cat__city_Trondheim',
      'remainder__vip',
    ]);
    // a table whose columns come in another order is matched by name
    const reordered = tableFromArrays({
      vip: records.map((r) => r.vip),
      city: records.map((r) => r.city),
      age: Float64Array.from(records.map((r) => r.age)),
      visits: BigInt64Array.from(records.map((r) => BigInt(r.visits))),
    });
    expect(fromArrow.transform(reordered)).toEqual(expected);
    expect(fromArrow.transform(records)).toEqual(expected);
  });

  it('reads dtypes from the schema for makeColumnSelector (dictionary strings, Int64, Bool)', () => {
    const t = tableFromJSON(records); // strings become Dictionary<Int32, Utf8>
    expect(makeColumnSelector({ dtypeInclude: 'number' }).select(t)).toEqual(['age', 'visits']);
    expect(makeColumnSelector({ dtypeInclude: 'string' }).select(t)).toEqual(['city']);
    expect(makeColumnSelector({ dtypeInclude: 'boolean' }).select(t)).toEqual(['vip']);
    expect(makeColumnSelector({ dtypeInclude: 'number' }).select(arrowOf(records))).toEqual([
      'age',
      'visits',
    ]);
    const ct = makeColumnTransformer(
      [new StandardScaler(), makeColumnSelector({ dtypeInclude: 'number' })],
      [new OneHotEncoder(), makeColumnSelector({ dtypeInclude: 'string' })],
    );
    expect(ct.fitTransform(t)).toEqual(
      new ColumnTransformer({
        transformers: [
          ['s', new StandardScaler(), ['age', 'visits']],
          ['o', new OneHotEncoder(), ['city']],
        ],
      }).fitTransform(records),
    );
  });

  it('feeds a Pipeline: ColumnTransformer then a classifier', () => {
    const pipe = makePipeline(
      makeColumnTransformer(
        [new StandardScaler(), ['age', 'visits']],
        [new OneHotEncoder(), ['city']],
      ),
      new CentroidClassifier(),
    );
    const y = [1, 0, 1, 0];
    pipe.fit(arrowOf(records), y);
    expect(pipe.featureNamesIn_).toEqual(['age', 'city', 'visits', 'vip']);
    expect(pipe.predict(arrowOf(records))).toEqual(pipe.predict(records));
  });

  it('nulls in an Arrow column are missing values (NaN) in numeric columns', () => {
    const t = tableFromJSON([
      { a: 1, b: 'x' },
      { a: null, b: 'y' },
    ]);
    const ct = new ColumnTransformer({ transformers: [['a', 'passthrough', ['a']]] });
    expect(ct.fitTransform(t)).toEqual([[1], [NaN]]);
  });
});
