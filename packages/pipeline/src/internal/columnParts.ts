// Port of the column handling of scikit-learn's sklearn/compose/_column_transformer.py (BSD-3-Clause).
import { ValueError } from '@scikeras/estimator-core';
import type { ColumnSelectorLike, ColumnSpec, OutputSlice, StepEstimator } from '../types';
import { getColumnIndices, isEmptySelection } from './columnIndices';
import { selectColumn, selectMatrix, selectRecords, selectRows, type Table } from './table';

/** A transformer of a ColumnTransformer as it runs: name, transformer, resolved columns, weight. */
export interface ColumnEntry {
  name: string;
  trans: StepEstimator | 'drop' | 'passthrough';
  /** The resolved column spec (a callable's result; the remainder's positions). */
  columns: unknown;
  weight: number | undefined;
}

/** scikit-learn's message when a transformer rejects the 1-D column it got for a scalar spec. */
export const ERR_MSG_1DCOLUMN =
  '1D data passed to a transformer that expects 2D data. Try to specify the column selection as a list of one item instead of a scalar.';

function isSelector(spec: unknown): spec is ColumnSelectorLike {
  return (
    typeof spec === 'object' &&
    spec !== null &&
    typeof (spec as ColumnSelectorLike).select === 'function'
  );
}

/** A column spec with a callable or a selector replaced by what it returns for X. */
export function resolveSpec(spec: ColumnSpec, X: unknown): unknown {
  if (typeof spec === 'function') return spec(X);
  if (isSelector(spec)) return spec.select(X);
  return spec;
}

/** A scalar spec (one position or name): the transformer gets a 1-D column. */
export function isScalarSpec(spec: unknown): spec is number | string {
  return typeof spec === 'number' || typeof spec === 'string';
}

/** Whether a transformer takes arrays of records (its `XTypes` tag lists `'records'`). */
export function takesRecords(trans: unknown): boolean {
  const getTags = (trans as { getTags?: () => { XTypes?: readonly string[] } } | null)?.getTags;
  if (typeof getTags !== 'function') return false;
  return getTags.call(trans).XTypes?.includes('records') ?? false;
}

/**
 * What a transformer gets of X: one column (1-D) for a scalar spec; records when X has names
 * and the transformer takes records; else rows (`number[][]` for numeric columns), or with
 * `typed` (setOutput's 'array2d') numeric columns as one `{ data: Float64Array, shape }`.
 */
export function subX(
  table: Table,
  indices: readonly number[],
  spec: unknown,
  trans: unknown,
  typed = false,
): unknown {
  if (isScalarSpec(spec)) return selectColumn(table, indices[0]!);
  if (trans !== 'passthrough' && table.names && takesRecords(trans))
    return selectRecords(table, indices);
  if (typed) {
    const m = selectMatrix(table, indices);
    if (m !== null) return m;
  }
  return selectRows(table, indices);
}

/** Whether a transformer entry runs (scikit-learn's `replace_strings`: no 'drop', no empty selection). */
export function runs(e: ColumnEntry): boolean {
  return e.trans !== 'drop' && !isEmptySelection(e.columns);
}

/**
 * Resolves each transformer's columns on X (callables and selectors called), with the
 * positions they select (scikit-learn's `_validate_column_callables`).
 */
export function resolveColumns(
  transformers: readonly (readonly [string, unknown, ColumnSpec])[],
  table: Table,
  X: unknown,
): { columns: unknown[]; toIndices: Record<string, number[]> } {
  const columns: unknown[] = [];
  const toIndices: Record<string, number[]> = {};
  for (const [name, , spec] of transformers) {
    const resolved = resolveSpec(spec, X);
    columns.push(resolved);
    toIndices[name] = getColumnIndices(table, resolved);
  }
  return { columns, toIndices };
}

/** Checks `remainder` and returns the positions no transformer selected (scikit-learn's `_validate_remainder`). */
export function remainingColumns(
  remainder: unknown,
  nCols: number,
  toIndices: Record<string, number[]>,
): number[] {
  const has = (m: string) =>
    typeof (remainder as Record<string, unknown> | null)?.[m] === 'function';
  const isTransformer = (has('fit') || has('fitTransform')) && has('transform');
  if (remainder !== 'drop' && remainder !== 'passthrough' && !isTransformer) {
    throw new ValueError(
      `The remainder keyword needs to be one of 'drop', 'passthrough', or estimator. '${String(remainder)}' was passed instead`,
    );
  }
  const used = new Set(Object.values(toIndices).flat());
  const out: number[] = [];
  for (let j = 0; j < nCols; j++) if (!used.has(j)) out.push(j);
  return out;
}

/**
 * The fitted `transformers_`: each entry with its fitted transformer (`'drop'` and
 * `'passthrough'` kept as strings, an empty selection keeps the unfitted transformer).
 */
export function fittedTransformers(
  entries: readonly ColumnEntry[],
  fitted: readonly unknown[],
): [string, StepEstimator | 'drop' | 'passthrough', unknown][] {
  let k = 0;
  return entries.map((e) => {
    if (!runs(e) || e.trans === 'passthrough') {
      if (runs(e)) k++;
      return [e.name, e.trans, e.columns];
    }
    return [e.name, fitted[k++] as StepEstimator, e.columns];
  });
}

/**
 * Which output columns each transformer produced (`outputIndices_`); transformers without
 * output (and `remainder`) get `{ start: 0, stop: 0 }`.
 */
export function outputIndices(
  ran: readonly string[],
  widths: readonly number[],
  allNames: readonly string[],
): Record<string, OutputSlice> {
  const out: Record<string, OutputSlice> = {};
  let idx = 0;
  ran.forEach((name, i) => {
    out[name] = { start: idx, stop: idx + widths[i]! };
    idx += widths[i]!;
  });
  for (const name of [...allNames, 'remainder'])
    if (!(name in out)) out[name] = { start: 0, stop: 0 };
  return out;
}
