// Parity with scikit-learn 1.2.1's ColumnTransformer on mixed data (golden fixture from
// scripts/fixtures/gen_pipeline.py): outputs to 1e-9, feature names, output indices, remainder.
import { ColumnTransformer } from './ColumnTransformer';
import { makeColumnTransformer } from './makeColumnTransformer';
import golden from './__fixtures__/column_transformer.json';
import { expectClose } from './test-utils/expectClose';
import { OneHotEncoder, StandardScaler } from './test-utils/twins';
import type { ColumnTransformerEntry, StepEstimator } from './types';

type Case = (typeof golden.cases)[number];
const COLUMNS = golden.columns;

function transformerOf(kind: string): StepEstimator | 'drop' | 'passthrough' {
  if (kind === 'scaler') return new StandardScaler();
  if (kind === 'onehot') return new OneHotEncoder();
  if (kind === 'onehot-ignore') return new OneHotEncoder({ handleUnknown: 'ignore' });
  return kind as 'drop' | 'passthrough';
}

function records(rows: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(COLUMNS.map((c, j) => [c, r[j]])));
}

function build(c: Case, byName: boolean): ColumnTransformer {
  const cols = (names: string[]) => (byName ? names : names.map((n) => COLUMNS.indexOf(n)));
  const remainder =
    c.remainder === 'scaler' ? new StandardScaler() : (c.remainder as 'drop' | 'passthrough');
  if ('make' in c && c.make)
    return makeColumnTransformer(
      ...c.transformers.map(
        ([, kind, names]) => [transformerOf(kind as string), cols(names as string[])] as const,
      ),
      { remainder },
    );
  return new ColumnTransformer({
    transformers: c.transformers.map(
      ([name, kind, names]) =>
        [name, transformerOf(kind as string), cols(names as string[])] as ColumnTransformerEntry,
    ),
    remainder,
    verboseFeatureNamesOut: c.verboseFeatureNamesOut,
    transformerWeights:
      'transformerWeights' in c ? (c.transformerWeights as Record<string, number>) : null,
  });
}

describe('ColumnTransformer parity with scikit-learn 1.2.1 (golden fixture)', () => {
  describe.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const testRows = 'testRows' in c && c.testRows === 'unknown' ? golden.testUnknown : golden.test;
    it.each([
      ['arrays of records, columns by name', true],
      ['rows of mixed values, columns by position', false],
    ])('%s', (_l, byName) => {
      const ct = build(c, byName);
      const train = byName ? records(golden.train) : golden.train;
      const test = byName ? records(testRows) : testRows;
      expectClose(ct.fitTransform(train) as unknown[][], c.fitTransform);
      expectClose(ct.transform(test) as unknown[][], c.transform);
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
      expectClose((ct.fit(train) as ColumnTransformer).transform(test) as unknown[][], c.transform);
    });
  });
});
