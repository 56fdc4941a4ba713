// Port of scikit-learn's sklearn/compose/_column_transformer.py make_column_selector (BSD-3-Clause).
import {
  BaseEstimator,
  ValueError,
  pyList,
  registerEstimator,
  type Params,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { registerRegExpCodec } from './internal/regExpCodec';
import { toTable, type ColumnDtype } from './internal/table';
import type { ColumnSelectorLike } from './types';

/** Options of {@link makeColumnSelector}: every given criterion must hold. */
export interface ColumnSelectorOptions {
  /** Select columns whose name matches this regular expression (searched, not anchored). @defaultValue null */
  pattern?: string | RegExp | null;
  /** Select columns of these dtypes: `'number'`, `'string'`, `'boolean'`, `'object'` (mixed or other values). @defaultValue null */
  dtypeInclude?: ColumnDtype | readonly ColumnDtype[] | null;
  /** Leave out columns of these dtypes. @defaultValue null */
  dtypeExclude?: ColumnDtype | readonly ColumnDtype[] | null;
}

const DTYPES: readonly ColumnDtype[] = ['number', 'string', 'boolean', 'object'];

function dtypeList(
  v: ColumnDtype | readonly ColumnDtype[] | null | undefined,
  name: string,
): ColumnDtype[] | null {
  if (v === null || v === undefined) return null;
  const list = typeof v === 'string' ? [v] : [...v];
  const bad = list.filter((d) => !DTYPES.includes(d));
  if (bad.length > 0)
    throw new ValueError(`${name} must name dtypes among ${pyList(DTYPES)}; got ${pyList(bad)}.`);
  return list;
}

export interface ColumnSelector extends Required<ColumnSelectorOptions> {}

/**
 * Selects the columns of X by name pattern and dtype, for a `ColumnTransformer`:
 * scikit-learn's `make_column_selector`. An estimator-like object of params only (no fit), so a
 * transformer that holds one can be cloned, saved (`saveEstimator`) and sent to worker threads.
 *
 * @example
 * ```ts
 * const numeric = new ColumnSelector({ dtypeInclude: 'number' });
 * numeric.select([{ age: 31, city: 'Oslo' }]); // ['age']
 * String(numeric); // "ColumnSelector({ dtypeInclude: 'number' })"
 * ```
 * @remarks scikit-learn's `make_column_selector` is a plain class (its `clone` deep-copies it);
 * here it keeps the params protocol so that the codec finds it by its registered name.
 */
export class ColumnSelector
  extends BaseEstimator<ColumnSelectorOptions>
  implements ColumnSelectorLike
{
  /** The registered name of this class (minifiers rename classes; a codec finds it by this name). */
  static estimatorName = 'ColumnSelector';
  static override defaults: Readonly<Params> = {
    pattern: null,
    dtypeInclude: null,
    dtypeExclude: null,
  } satisfies Required<ColumnSelectorOptions>;

  /**
   * The columns of X that match: names for arrays of records and Arrow tables; positions
   * for other X (by dtype only).
   *
   * @param X - the data the `ColumnTransformer` is fitted on
   * @returns the selected column names (or positions)
   * @throws ValueError when `pattern` is given for X without column names, or for an unknown dtype
   * @example
   * ```ts
   * new ColumnSelector({ pattern: '^a' }).select([{ age: 1, city: 'Oslo' }]); // ['age']
   * ```
   */
  select(X: unknown): string[] | number[] {
    const include = dtypeList(this.dtypeInclude, 'dtypeInclude');
    const exclude = dtypeList(this.dtypeExclude, 'dtypeExclude');
    const table = toTable(X, 'makeColumnSelector');
    if (this.pattern !== null && !table.names)
      throw new ValueError(
        'makeColumnSelector can only select by pattern in data with column names (arrays of records or Arrow tables).',
      );
    const re =
      this.pattern === null
        ? null
        : typeof this.pattern === 'string'
          ? new RegExp(this.pattern)
          : new RegExp(this.pattern.source, this.pattern.flags.replace(/[gy]/g, ''));
    const keep: number[] = [];
    for (let j = 0; j < table.nCols; j++) {
      const d = table.dtype(j);
      if (include && !include.includes(d)) continue;
      if (exclude && exclude.includes(d)) continue;
      if (re && !re.test(table.names![j]!)) continue;
      keep.push(j);
    }
    return table.names ? keep.map((j) => table.names![j]!) : keep;
  }
}
registerEstimator(ColumnSelector, { module: MODULE_URL });
registerRegExpCodec();

/**
 * A column selector for `ColumnTransformer` (scikit-learn's `make_column_selector`): the
 * columns whose name matches `pattern` and whose dtype is in `dtypeInclude` and not in
 * `dtypeExclude`. Dtypes of arrays of records are read from the values (`'number'` for
 * numbers and missing values, `'string'`, `'boolean'`, `'object'` for mixed columns); of
 * Arrow tables from the schema.
 *
 * @param options - `pattern`, `dtypeInclude`, `dtypeExclude`
 * @returns the selector, to use as the columns of a transformer
 * @example
 * ```ts
 * const ct = makeColumnTransformer(
 *   [new StandardScaler(), makeColumnSelector({ dtypeInclude: 'number' })],
 *   [new OneHotEncoder(), makeColumnSelector({ dtypeInclude: 'string' })],
 * );
 * ```
 * @remarks scikit-learn selects with pandas' `select_dtypes`; without a DataFrame we name the
 *   four kinds of values a JavaScript column holds. Positional X (no names) is accepted when
 *   selecting by dtype only (scikit-learn requires a DataFrame). `pattern` is a JavaScript
 *   regular expression.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.compose.make_column_selector.html
 */
export function makeColumnSelector(options: ColumnSelectorOptions = {}): ColumnSelector {
  return new ColumnSelector(options);
}
