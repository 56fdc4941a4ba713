// Port of scikit-learn's sklearn/compose/_column_transformer.py ColumnTransformer (BSD-3-Clause).
import {
  DEFAULT_TAGS,
  ValueError,
  checkIsFitted,
  checkNFeatures,
  clone,
  type EstimatorTags,
  type EstimatorType,
  type Params,
  typeName,
  pySet,
  pyRepr,
  checkFeatureNamesIn,
  getOutputConfig,
  hasTransformInto,
  registerEstimator,
  safeSetOutput,
  setOutputConfig,
  type Array2D,
  type OutputConfig,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { BaseComposition } from './BaseComposition';
import { isEmptySelection } from './internal/columnIndices';
import {
  ERR_MSG_1DCOLUMN,
  fittedTransformers,
  outputIndices,
  remainingColumns,
  resolveColumns,
  runs,
  subX,
  type ColumnEntry,
} from './internal/columnParts';
import { getColumnIndices } from './internal/columnIndices';
import { timed } from './internal/elapsed';
import { addPrefix } from './internal/addPrefix';
import { scaleOutput, stackOutputs, type Stacked } from './internal/outputs';
import type { WithOutput } from './types';
import {
  fitIntoOne,
  fitTransformOne,
  rethrowAs,
  transformIntoOne,
  transformOne,
} from './internal/stepCalls';
import { toTable, type Table } from './internal/table';
import { andThen, mapMaybe, type MaybePromise } from './maybeAsync';
import type { ColumnTransformerEntry, OutputSlice, StepEstimator } from './types';

/** Params of {@link ColumnTransformer}. */
export interface ColumnTransformerParams {
  /** `[name, transformer | 'drop' | 'passthrough', columns]` triples. @defaultValue [] */
  transformers?: ColumnTransformerEntry[];
  /** What happens to the columns no transformer selected: `'drop'`, `'passthrough'` or a transformer. @defaultValue 'drop' */
  remainder?: 'drop' | 'passthrough' | StepEstimator;
  /** Accepted for scikit-learn parity; the output is always dense. @defaultValue 0.3 */
  sparseThreshold?: number;
  /** Accepted for scikit-learn parity; transformers run one after the other. @defaultValue null */
  nJobs?: number | null;
  /** Multiplies each transformer's output by `weights[name]`. @defaultValue null */
  transformerWeights?: Record<string, number> | null;
  /** Print the time each transformer took to fit. @defaultValue false */
  verbose?: boolean;
  /** Prefix output feature names with the transformer's name (`num__age`). @defaultValue true */
  verboseFeatureNamesOut?: boolean;
}

type Fitted = [string, StepEstimator | 'drop' | 'passthrough', unknown];

function has(est: unknown, name: string): boolean {
  return typeof (est as Record<string, unknown> | null)?.[name] === 'function';
}

function oneD(e: unknown): unknown {
  const msg = (e as { message?: unknown })?.message;
  if (typeof msg === 'string' && msg.includes('Expected 2D array, got 1D array instead')) {
    const err = new ValueError(ERR_MSG_1DCOLUMN);
    (err as { cause?: unknown }).cause = e;
    return err;
  }
  return e;
}

export interface ColumnTransformer extends Required<ColumnTransformerParams> {}

/**
 * Applies transformers to columns of X and concatenates their outputs, scikit-learn's
 * `ColumnTransformer`. Columns are chosen by position, name (arrays of records, Apache Arrow
 * tables), boolean mask, `{ start, stop }` slice, `makeColumnSelector`, or a function of X.
 * Each transformer gets its columns as `number[][]` (numeric columns), rows of raw values
 * (strings), records (when its `XTypes` tag lists `'records'` and X has names) or one 1-D
 * column (scalar spec); the outputs are stacked into one `number[][]`.
 *
 * @example
 * ```ts
 * const ct = new ColumnTransformer({
 *   transformers: [['num', new StandardScaler(), ['age']], ['cat', new OneHotEncoder(), ['city']]],
 *   remainder: 'passthrough',
 * });
 * ct.fitTransform([{ age: 31, city: 'Oslo', id: 1 }, { age: 45, city: 'Bergen', id: 2 }]);
 * ct.getFeatureNamesOut(); // ['num__age', 'cat__city_Bergen', 'cat__city_Oslo', 'remainder__id']
 * ```
 * @remarks Dense output only: `sparseThreshold` is accepted and `sparseOutput_` is false.
 *   `nJobs` is accepted; transformers run one after the other (parallelism belongs to
 *   model-selection's executors). scikit-learn's `AttributeError`s are `TypeError`s here.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.compose.ColumnTransformer.html
 */
export class ColumnTransformer extends BaseComposition<ColumnTransformerParams> {
  static estimatorName = 'ColumnTransformer';
  static override defaults: Readonly<Params> = {
    transformers: [],
    remainder: 'drop',
    sparseThreshold: 0.3,
    nJobs: null,
    transformerWeights: null,
    verbose: false,
    verboseFeatureNamesOut: true,
  } satisfies Required<ColumnTransformerParams>;

  /** The fitted transformers: `[name, fitted | 'drop' | 'passthrough', columns]`, then `['remainder', ..., positions]` when columns remain. */
  declare transformers_?: Fitted[];
  /** The number of columns of the X seen in `fit`. */
  declare nFeaturesIn_?: number;
  /** The column names of the X seen in `fit` (arrays of records, Arrow tables). */
  declare featureNamesIn_?: string[];
  /** Output columns of each transformer: `{ start, stop }` (stop excluded), by name. */
  declare outputIndices_?: Record<string, OutputSlice>;
  /** Always false: the output is dense. */
  declare sparseOutput_?: boolean;
  /** The input positions of each transformer (and `remainder`), by name. */
  declare transformerToInputIndices_?: Record<string, number[]>;

  protected override get itemsParam(): string {
    return 'transformers';
  }

  protected override toNamedItems(value: unknown): unknown {
    if (Array.isArray(value) && value.every((t) => Array.isArray(t) && t.length === 3))
      return value.map(([n, t]) => [n, t]);
    return value;
  }

  protected override replaceItem(name: string, value: unknown): void {
    this.transformers = this.transformers.map((t): ColumnTransformerEntry =>
      t[0] === name ? [name, value as StepEstimator, t[2]] : t,
    );
  }

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  /** The fitted transformers by name (scikit-learn's `named_transformers_`); undefined before `fit`. */
  get namedTransformers_(): Record<string, StepEstimator | 'drop' | 'passthrough'> | undefined {
    return this.transformers_ && Object.fromEntries(this.transformers_.map(([n, t]) => [n, t]));
  }

  override getTags(): EstimatorTags {
    const items = [
      ...(Array.isArray(this.transformers) ? this.transformers.map((t) => t?.[1]) : []),
      this.remainder,
    ];
    const allowNan = items.every(
      (t) =>
        t === 'drop' ||
        t === 'passthrough' ||
        !has(t, 'getTags') ||
        { ...DEFAULT_TAGS, ...(t as StepEstimator).getTags!() }.allowNan,
    );
    return { ...super.getTags(), requiresY: false, allowNan, XTypes: ['2darray', 'records'] };
  }

  private validateTransformers(): void {
    const list = this.transformers as unknown;
    if (
      !Array.isArray(list) ||
      list.some((t) => !Array.isArray(t) || t.length !== 3 || typeof t[0] !== 'string')
    )
      throw new TypeError(
        `transformers should be a list of [name, transformer, columns] triples with string names; got ${pyRepr(list)}.`,
      );
    if (list.length === 0) return;
    this.validateNames(this.transformers.map(([n]) => n));
    for (const [, t] of this.transformers) {
      if (t === 'drop' || t === 'passthrough') continue;
      if (!(has(t, 'fit') || has(t, 'fitTransform')) || !has(t, 'transform'))
        throw new TypeError(
          `All estimators should implement fit and transform, or can be 'drop' or 'passthrough' specifiers. ${pyRepr(t)} (type ${typeName(t)}) doesn't.`,
        );
    }
  }

  private logMessage(name: string, idx: number, total: number): string | null {
    return this.verbose ? `(${idx} of ${total}) Processing ${name}` : null;
  }

  /** One transformer's output on its columns (fitting a clone when `fit` is true). */
  private runOne(
    e: ColumnEntry,
    table: Table,
    indices: number[],
    y: unknown,
    fit: boolean,
  ): MaybePromise<[unknown, unknown]> {
    const X = subX(table, indices, e.columns, e.trans, this.#typed());
    if (e.trans === 'passthrough') return [scaleOutput(X, e.weight), 'passthrough'];
    const t = e.trans as StepEstimator;
    // one Float64Array out: a transformer with the transformInto hook writes into it directly
    const into = this.#typed() && e.weight == null && hasTransformInto(t);
    return rethrowAs(() => {
      if (fit) return into ? fitIntoOne(clone(t), X, y) : fitTransformOne(clone(t), X, y, e.weight);
      const out = into ? transformIntoOne(t, X) : transformOne(t, X, e.weight);
      return andThen(out, (o) => [o, t] as [unknown, unknown]);
    }, oneD);
  }

  /** Whether setOutput asked for one Float64Array. */
  #typed(): boolean {
    return getOutputConfig(this).transform === 'array2d';
  }

  /**
   * Chooses what `transform` and `fitTransform` return (scikit-learn's `set_output`), for this
   * ColumnTransformer and every transformer in it (`transformers`, the fitted `transformers_`,
   * and a `remainder` estimator): `'default'`, `number[][]`, or `'array2d'`, one row-major
   * `{ data: Float64Array, shape }`. With `'array2d'`, each transformer gets its numeric
   * columns as such an Array2D and the outputs are stacked without per-row arrays.
   *
   * @param config - `{ transform: 'default' | 'array2d' }`; `transform` null or absent changes nothing
   * @returns this
   * @throws ValueError "Unable to configure output for T() because `setOutput` is not available." for a transformer without `setOutput`
   * @example
   * ```ts
   * const ct = makeColumnTransformer([new StandardScaler(), [0, 1]]).setOutput({ transform: 'array2d' });
   * ct.fitTransform({ data: Float64Array.of(1, 2, 3, 4), shape: [2, 2] }); // { data: Float64Array [...], shape: [2, 2] }
   * ```
   * @remarks Output with strings (a passed-through text column) stays rows: an Array2D holds
   * numbers only.
   * @see https://scikit-learn.org/1.2/modules/generated/sklearn.compose.ColumnTransformer.html#sklearn.compose.ColumnTransformer.set_output
   */
  setOutput(config: { transform: 'array2d' }): WithOutput<this, Array2D | unknown[][]>;
  setOutput(config?: OutputConfig): this;
  setOutput(config: OutputConfig = {}): this {
    setOutputConfig(this, config);
    const all = [
      ...(Array.isArray(this.transformers) ? this.transformers : []),
      ...(this.transformers_ ?? []),
    ];
    for (const entry of all) {
      const t = entry?.[1];
      if (t !== 'passthrough' && t !== 'drop') safeSetOutput(t, config);
    }
    if (this.remainder !== 'passthrough' && this.remainder !== 'drop')
      safeSetOutput(this.remainder, config);
    return this;
  }

  /** Checks every output is 2-D and stacks them (zero outputs: `nRows` empty rows). */
  private stack(outs: unknown[], ran: readonly ColumnEntry[], nRows: number): Stacked {
    return stackOutputs(
      outs,
      ran.map((e) => e.name),
      nRows,
      this.#typed(),
    );
  }

  /**
   * Fits a clone of each transformer on its columns and returns the stacked outputs.
   *
   * @param X - number[][] (or any 2-D form), rows with strings, an array of records or an Arrow table
   * @param y - targets, passed to every transformer
   * @returns the transformed X as `number[][]` (a Promise of it when a transformer is async)
   * @throws ValueError for invalid columns, remainder, or a transformer output that is not 2-D
   * @throws TypeError for a transformer without fit/transform
   * @example
   * ```ts
   * ct.fitTransform([{ age: 31, city: 'Oslo' }, { age: 45, city: 'Bergen' }]);
   * ```
   */
  fitTransform(X: unknown, y?: unknown): MaybePromise<number[][]> {
    const table = toTable(X, 'ColumnTransformer');
    this.validateTransformers();
    const { columns, toIndices } = resolveColumns(this.transformers, table, X);
    const remaining = remainingColumns(this.remainder, table.nCols, toIndices);
    const w = this.transformerWeights ?? {};
    const entries: ColumnEntry[] = this.transformers.map(([name, trans], i) => ({
      name,
      trans,
      columns: columns[i],
      weight: w[name],
    }));
    if (remaining.length > 0)
      entries.push({
        name: 'remainder',
        trans: this.remainder,
        columns: remaining,
        weight: w.remainder,
      });
    toIndices.remainder = remaining;
    const ran = entries.filter(runs);
    const results = mapMaybe(ran, (e, i) =>
      timed('ColumnTransformer', this.logMessage(e.name, i + 1, ran.length), () =>
        this.runOne(e, table, toIndices[e.name]!, y, true),
      ),
    );
    return andThen(results, (res) => {
      const { widths, X: out } = this.stack(
        res.map(([o]) => o),
        ran,
        table.nRows,
      );
      this.transformers_ = fittedTransformers(
        entries,
        res.map(([, t]) => t),
      );
      this.nFeaturesIn_ = table.nCols;
      if (table.names) this.featureNamesIn_ = [...table.names];
      else delete this.featureNamesIn_;
      this.transformerToInputIndices_ = toIndices;
      this.sparseOutput_ = false;
      this.outputIndices_ = outputIndices(
        ran.map((e) => e.name),
        widths,
        this.transformers.map(([n]) => n),
      );
      return out as number[][];
    });
  }

  /**
   * Fits a clone of each transformer on its columns (and computes the output, as scikit-learn does).
   *
   * @param X - the data (see `fitTransform`)
   * @param y - targets, passed to every transformer
   * @returns this (a Promise of it when a transformer is async)
   * @throws as `fitTransform`
   * @example
   * ```ts
   * await ct.fit(rows);
   * ct.transformers_; // [['num', StandardScaler(), ['age']], ...]
   * ```
   */
  fit(X: unknown, y?: unknown): MaybePromise<this> {
    return andThen(this.fitTransform(X, y), () => this);
  }

  /**
   * Transforms each transformer's columns with the fitted transformers and stacks the outputs.
   * X with names is matched by name (columns may come in another order; extra ones are
   * ignored); other X by position.
   *
   * @param X - data of the form seen in `fit`
   * @returns `number[][]` (a Promise of it when a transformer is async)
   * @throws NotFittedError before `fit`; ValueError "columns are missing: {'c'}" or "X has 3 features, but ColumnTransformer is expecting 2 features as input."
   * @example
   * ```ts
   * ct.transform([{ city: 'Oslo', age: 52 }]); // matched by name
   * ```
   */
  transform(X: unknown): MaybePromise<number[][]> {
    checkIsFitted(this);
    const table = toTable(X, 'ColumnTransformer');
    const fitted = this.transformers_!.map(([name, trans, columns]): ColumnEntry => ({
      name,
      trans,
      columns,
      weight: this.transformerWeights?.[name],
    }));
    const byName = this.featureNamesIn_ !== undefined && table.names !== undefined;
    const indicesOf = (e: ColumnEntry): number[] =>
      byName
        ? this.transformerToInputIndices_![e.name]!.map((i) =>
            table.names!.indexOf(this.featureNamesIn_![i]!),
          )
        : getColumnIndices(table, e.columns);
    if (byName) {
      const wanted = fitted
        .filter(runs)
        .flatMap((e) =>
          this.transformerToInputIndices_![e.name]!.map((i) => this.featureNamesIn_![i]!),
        );
      const missing = wanted.filter((n) => !table.names!.includes(n));
      if (missing.length > 0) throw new ValueError(`columns are missing: ${pySet(missing)}`);
    } else {
      checkNFeatures(this, table.nCols, false);
    }
    const ran = fitted.filter(runs);
    const outs = mapMaybe(ran, (e) =>
      andThen(this.runOne(e, table, indicesOf(e), undefined, false), ([o]) => o),
    );
    return andThen(outs, (o) => this.stack(o, ran, table.nRows).X as number[][]);
  }

  /**
   * Output feature names: each transformer's `getFeatureNamesOut` of its input names, passed
   * through names for `'passthrough'`, prefixed `name__` when `verboseFeatureNamesOut`.
   *
   * @param inputFeatures - input names (default: `featureNamesIn_`, else `x0, x1, ...`)
   * @returns the output names, in output column order
   * @throws NotFittedError before fit; TypeError "Transformer trans (type Trans) does not provide getFeatureNamesOut."; ValueError for non-unique names without prefixes
   * @example
   * ```ts
   * ct.getFeatureNamesOut(); // ['num__age', 'cat__city_Bergen', 'cat__city_Oslo']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    const parts: [string, string[]][] = [];
    for (const [name, trans, column] of this.transformers_!) {
      if (trans === 'drop' || isEmptySelection(column)) continue;
      const own = this.transformerToInputIndices_![name]!.map((i) => names[i]!);
      if (trans === 'passthrough') {
        parts.push([name, own]);
        continue;
      }
      if (!has(trans, 'getFeatureNamesOut'))
        throw new TypeError(
          `Transformer ${name} (type ${typeName(trans)}) does not provide getFeatureNamesOut.`,
        );
      parts.push([name, Array.from(trans.getFeatureNamesOut!(own) as Iterable<string>)]);
    }
    return addPrefix(parts, this.verboseFeatureNamesOut);
  }

  /** Frees the resources of every fitted transformer that has a `dispose` method. */
  dispose(): void {
    for (const [, t] of this.transformers_ ?? [])
      if (has(t, 'dispose')) (t as StepEstimator).dispose!();
  }
}
registerEstimator(ColumnTransformer, { module: MODULE_URL });
