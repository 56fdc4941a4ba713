// Parity with scikit-learn 1.2.1's ColumnTransformer on mixed data (golden fixture from
// scripts/fixtures/gen_pipeline.py): outputs to 1e-9, feature names, output indices, remainder;
// with this package's test twins, and with @scikeras/preprocessing's transformers in both output
// containers of setOutput ('default' rows and 'array2d').
import { isArray2D, type Array2D } from '@scikeras/estimator-core';
import * as preprocessing from '@scikeras/preprocessing';
import { ColumnTransformer } from './ColumnTransformer';
import { makeColumnTransformer } from './makeColumnTransformer';
import golden from './__fixtures__/column_transformer.json';
import { expectClose } from './test-utils/expectClose';
import * as twins from './test-utils/twins';
import type { ColumnTransformerEntry, StepEstimator } from './types';

type Case = (typeof golden.cases)[number];
const COLUMNS = golden.columns;

type Source = 'twins' | 'preprocessing';
type Output = 'default' | 'array2d';

function transformerOf(kind: string, source: Source): StepEstimator | 'drop' | 'passthrough' {
  const { StandardScaler, OneHotEncoder } = source === 'twins' ? twins : preprocessing;
  if (kind === 'scaler') return new StandardScaler();
  if (kind === 'onehot') return new OneHotEncoder();
  if (kind === 'onehot-ignore') return new OneHotEncoder({ handleUnknown: 'ignore' });
  return kind as 'drop' | 'passthrough';
}

/** The output as rows to compare: with 'array2d', numeric output must be one Float64Array. */
function rowsOf(out: unknown, output: Output): unknown[][] {
  if (!isArray2D(out)) {
    if (output === 'array2d')
      expect((out as unknown[][]).some((r) => r.some((v) => typeof v !== 'number'))).toBe(true);
    return out as unknown[][];
  }
  expect(output).toBe('array2d');
  expect(out.data).toBeInstanceOf(Float64Array);
  const [n, d] = (out as Array2D).shape;
  return Array.from({ length: n }, (_, i) => Array.from(out.data.subarray(i * d, (i + 1) * d)));
}

function records(rows: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(COLUMNS.map((c, j) => [c, r[j]])));
}

function build(c: Case, byName: boolean, source: Source): ColumnTransformer {
  const cols = (names: string[]) => (byName ? names : names.map((n) => COLUMNS.indexOf(n)));
  const remainder =
    c.remainder === 'scaler'
      ? (transformerOf('scaler', source) as StepEstimator)
      : (c.remainder as 'drop' | 'passthrough');
  if ('make' in c && c.make)
    return makeColumnTransformer(
      ...c.transformers.map(
        ([, kind, names]) =>
          [transformerOf(kind as string, source), cols(names as string[])] as const,
      ),
      { remainder },
    );
  return new ColumnTransformer({
    transformers: c.transformers.map(
      ([name, kind, names]) =>
        [
          name,
          transformerOf(kind as string, source),
          cols(names as string[]),
        ] as ColumnTransformerEntry,
    ),
    remainder,
    verboseFeatureNamesOut: c.verboseFeatureNamesOut,
    transformerWeights:
      'transformerWeights' in c ? (c.transformerWeights as Record<string, number>) : null,
  });
}

describe.each([
  ['twins', 'default'],
  ['preprocessing', 'default'],
  ['preprocessing', 'array2d'],
] as [Source, Output][])(
  'ColumnTransformer parity with scikit-learn 1.2.1 (golden fixture), %s transformers, %s output',
  (source, output) => {
    describe.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const testRows =
        'testRows' in c && c.testRows === 'unknown' ? golden.testUnknown : golden.test;
      it.each([
        ['arrays of records, columns by name', true],
        ['rows of mixed values, columns by position', false],
      ])('%s', (_l, byName) => {
        const ct = build(c, byName, source);
        if (output === 'array2d') ct.setOutput({ transform: 'array2d' });
        const train = byName ? records(golden.train) : golden.train;
        const test = byName ? records(testRows) : testRows;
        expectClose(rowsOf(ct.fitTransform(train), output), c.fitTransform);
        expectClose(rowsOf(ct.transform(test), output), c.transform);
        expect(byName ? ct.getFeatureNamesOut() : ct.getFeatureNamesOut(COLUMNS)).toEqual(
          c.featureNamesOut,
        );
        expect(
          Object.fromEntries(
            Object.entries(ct.outputIndices_!).map(([k, s]) => [k, [s.start, s.stop]]),
          ),
        ).toEqual(c.outputIndices);
        expect(Object.keys(ct.outputIndices_!)).toEqual(Object.keys(c.outputIndices));
        expect(ct.transformers_!.map(([n]) => n)).toEqual(c.transformerNames);
        const rem = ct.transformers_!.find(([n]) => n === 'remainder');
        expect(rem ? (rem[2] as number[]).map((j) => COLUMNS[j]) : []).toEqual(c.remainderColumns);
        // a second fit on the same data gives the same output (no state leaks between fits)
        expectClose(
          rowsOf((ct.fit(train) as ColumnTransformer).transform(test), output),
          c.transform,
        );
      });
    });
  },
);
