// Port of scikit-learn's sklearn/pipeline.py FeatureUnion (BSD-3-Clause).
import {
  DEFAULT_TAGS,
  ValueError,
  isFitted,
  numSamples,
  type EstimatorTags,
  type EstimatorType,
  type Params,
  typeName,
  pyList,
  pyRepr,
  checkFeatureNamesIn,
  registerEstimator,
  getOutputConfig,
  safeSetOutput,
  setOutputConfig,
  type Array2D,
  type OutputConfig,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { BaseComposition } from './BaseComposition';
import { timed } from './internal/elapsed';
import { addPrefix } from './internal/addPrefix';
import { scaleOutput, stackOutputs } from './internal/outputs';
import { callFit, fitTransformOne, transformOne } from './internal/stepCalls';
import { isArrowTable } from './internal/arrow';
import { toTable, matrixOf, selectMatrix } from './internal/table';
import { andThen, mapMaybe, type MaybePromise } from './maybeAsync';
import type { StepEstimator, UnionTransformer, WithOutput } from './types';

/** Params of {@link FeatureUnion}. */
export interface FeatureUnionParams {
  /** `[name, transformer | 'drop' | 'passthrough']` pairs, each applied to the whole X. @defaultValue [] */
  transformerList?: UnionTransformer[];
  /** Accepted for scikit-learn parity; transformers run one after the other. @defaultValue null */
  nJobs?: number | null;
  /** Multiplies each transformer's output by `weights[name]`. @defaultValue null */
  transformerWeights?: Record<string, number> | null;
  /** Print the time each transformer took to fit. @defaultValue false */
  verbose?: boolean;
  /**
   * Prefix every output feature name with its transformer's name (`pca__pca0`); false:
   * unprefixed names, which must be unique. @defaultValue true
   */
  verboseFeatureNamesOut?: boolean;
}

type Item = StepEstimator | 'drop' | 'passthrough';

function has(est: unknown, name: string): boolean {
  return typeof (est as Record<string, unknown> | null)?.[name] === 'function';
}

export interface FeatureUnion extends Required<FeatureUnionParams> {}

/**
 * Concatenates the outputs of several transformers applied to the same X, scikit-learn's
 * `FeatureUnion`. A transformer may be `'drop'` (ignored) or `'passthrough'` (X unchanged).
 *
 * @example
 * ```ts
 * const union = new FeatureUnion({ transformerList: [['scaled', new StandardScaler()], ['raw', 'passthrough']] });
 * union.fitTransform([[1], [3]]); // [[-1, 1], [1, 3]]
 * ```
 * @remarks Transformers run one after the other (`nJobs` is accepted, not used); the output
 *   is a dense `number[][]`. `verboseFeatureNamesOut` is scikit-learn 1.5's option.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.pipeline.FeatureUnion.html
 */
export class FeatureUnion extends BaseComposition<FeatureUnionParams> {
  static estimatorName = 'FeatureUnion';
  static override defaults: Readonly<Params> = {
    transformerList: [],
    nJobs: null,
    transformerWeights: null,
    verbose: false,
    verboseFeatureNamesOut: true,
  } satisfies Required<FeatureUnionParams>;

  protected override get itemsParam(): string {
    return 'transformerList';
  }

  protected override replaceItem(name: string, value: unknown): void {
    this.transformerList = this.transformerList.map((t): UnionTransformer =>
      t[0] === name ? [name, value as Item] : t,
    );
  }

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  /** The transformers by name (scikit-learn's `named_transformers`). */
  get namedTransformers(): Record<string, Item> {
    return Object.fromEntries(this.transformerList.map(([n, t]) => [n, t]));
  }

  /**
   * The transformer named `name` (scikit-learn 1.3's `union['name']`).
   *
   * @param name - a transformer name
   * @returns the transformer, `'drop'` or `'passthrough'`
   * @throws RangeError when no transformer has that name
   * @example
   * ```ts
   * union.get('scaled');
   * ```
   */
  get(name: string): Item {
    const t = this.transformerList.find(([n]) => n === name);
    if (!t)
      throw new RangeError(
        `No transformer named '${name}': the names are ${pyList(this.transformerList.map(([n]) => n))}.`,
      );
    return t[1];
  }

  /** The transformers that take X (not `'drop'`, not `'passthrough'`). */
  private estimators(): StepEstimator[] {
    return this.transformerList
      .map(([, t]) => t)
      .filter((t): t is StepEstimator => t !== 'drop' && t !== 'passthrough');
  }

  /** The number of features of X, delegated to the first transformer that is an estimator. */
  get nFeaturesIn_(): number | undefined {
    return (this.estimators()[0] as { nFeaturesIn_?: number } | undefined)?.nFeaturesIn_;
  }

  /** The feature names of X, delegated like `nFeaturesIn_`. */
  get featureNamesIn_(): string[] | undefined {
    return (this.estimators()[0] as { featureNamesIn_?: string[] } | undefined)?.featureNamesIn_;
  }

  /** Fitted when every transformer is (`'passthrough'` needs no fit). */
  isFitted(): boolean {
    return this.estimators().every((t) => isFitted(t as object));
  }

  /** A transformer; accepts NaN when every transformer does. */
  override getTags(): EstimatorTags {
    const list = Array.isArray(this.transformerList) ? this.estimators() : [];
    const allowNan = list.every(
      (t) => ({ ...DEFAULT_TAGS, ...(has(t, 'getTags') ? t.getTags!() : {}) }).allowNan,
    );
    return { ...super.getTags(), requiresY: false, allowNan };
  }

  private validateTransformers(): void {
    const list = this.transformerList as unknown;
    if (
      !Array.isArray(list) ||
      list.some((t) => !Array.isArray(t) || t.length !== 2 || typeof t[0] !== 'string')
    )
      throw new TypeError(
        `transformerList should be a list of [name, transformer] pairs with string names; got ${pyRepr(list)}.`,
      );
    this.validateNames(this.transformerList.map(([n]) => n));
    for (const [, t] of this.transformerList) {
      if (t === 'drop' || t === 'passthrough') continue;
      if (!(has(t, 'fit') || has(t, 'fitTransform')) || !has(t, 'transform'))
        throw new TypeError(
          `All estimators should implement fit and transform. ${pyRepr(t)} (type ${typeName(t)}) doesn't`,
        );
    }
    const names = new Set(this.transformerList.map(([n]) => n));
    for (const name of Object.keys(this.transformerWeights ?? {})) {
      if (!names.has(name))
        throw new ValueError(
          `Attempting to weight transformer "${name}", but it is not present in transformerList.`,
        );
    }
  }

  /** The `[name, transformer, weight]` of each transformer that runs. */
  private iter(): [string, StepEstimator | 'passthrough', number | undefined][] {
    const w = this.transformerWeights ?? {};
    const out: [string, StepEstimator | 'passthrough', number | undefined][] = [];
    for (const [n, t] of this.transformerList) if (t !== 'drop') out.push([n, t, w[n]]);
    return out;
  }

  private logMessage(name: string, idx: number, total: number): string | null {
    return this.verbose ? `(step ${idx} of ${total}) Processing ${name}` : null;
  }

  /** Fits every transformer on X, returning their outputs when `withOutput` is true. */
  private run(
    X: unknown,
    y: unknown,
    params: Record<string, unknown> | undefined,
    withOutput: boolean,
  ): MaybePromise<unknown[]> {
    this.validateTransformers();
    const items = this.iter();
    return mapMaybe(items, ([name, t, weight], i) =>
      timed('FeatureUnion', this.logMessage(name, i + 1, items.length), () => {
        if (t === 'passthrough') return withOutput ? this.#passthrough(X, weight) : null;
        if (!withOutput)
          return andThen(callFit(t, X, y, params) as MaybePromise<unknown>, () => null);
        return andThen(fitTransformOne(t, X, y, weight, params), ([Xt]) => Xt);
      }),
    );
  }

  /**
   * Fits every transformer on X (fit options go to every transformer, as in scikit-learn).
   *
   * @param X - the data every transformer gets
   * @param y - targets, passed to every transformer
   * @param params - fit options, passed to every transformer's `fit`
   * @returns this (a Promise of it when a transformer is async)
   * @throws TypeError for a transformer without fit/transform; ValueError for a weight of an unknown name
   * @example
   * ```ts
   * await makeUnion(new StandardScaler(), 'passthrough').fit(X);
   * ```
   */
  fit(X: unknown, y?: unknown, params?: Record<string, unknown>): MaybePromise<this> {
    return andThen(this.run(X, y, params, false), () => this);
  }

  /**
   * Fits every transformer and returns their outputs side by side.
   *
   * @param X - the data every transformer gets
   * @param y - targets, passed to every transformer
   * @param params - fit options, passed to every transformer
   * @returns `number[][]` (a Promise of it when a transformer is async)
   * @throws as `fit`, and ValueError when an output is not 2-D
   * @example
   * ```ts
   * makeUnion(new StandardScaler(), 'passthrough').fitTransform([[1], [3]]); // [[-1, 1], [1, 3]]
   * ```
   */
  fitTransform(
    X: unknown,
    y?: unknown,
    params?: Record<string, unknown>,
  ): MaybePromise<number[][]> {
    return andThen(this.run(X, y, params, true), (outs) => this.stack(outs, X));
  }

  /**
   * Transforms X by each transformer and concatenates the outputs.
   *
   * @param X - the data every transformer gets
   * @returns `number[][]` (a Promise of it when a transformer is async)
   * @throws NotFittedError (from the transformers) before `fit`
   * @example
   * ```ts
   * union.transform([[2]]);
   * ```
   */
  transform(X: unknown): MaybePromise<number[][]> {
    const outs = mapMaybe(this.iter(), ([, t, weight]) =>
      t === 'passthrough'
        ? this.#passthrough(X, weight)
        : transformOne(t as StepEstimator, X, weight),
    );
    return andThen(outs, (o) => this.stack(o, X));
  }

  /** X as a `'passthrough'` hands it on: rows, or (with setOutput's 'array2d') one typed matrix when numeric. */
  #passthrough(X: unknown, weight: number | undefined): unknown {
    const table = toTable(X, 'FeatureUnion');
    const all = Array.from({ length: table.nCols }, (_, j) => j);
    const typed = this.#typed() ? selectMatrix(table, all) : null;
    return scaleOutput(typed ?? matrixOf(table), weight);
  }

  /** Whether setOutput asked for one Float64Array. */
  #typed(): boolean {
    return getOutputConfig(this).transform === 'array2d';
  }

  /**
   * Chooses what `transform` and `fitTransform` return (scikit-learn's `set_output`), for this
   * FeatureUnion and every transformer in it: `'default'`, `number[][]`, or `'array2d'`, one
   * row-major `{ data: Float64Array, shape }` (the outputs stacked without per-row arrays).
   *
   * @param config - `{ transform: 'default' | 'array2d' }`; `transform` null or absent changes nothing
   * @returns this
   * @throws ValueError "Unable to configure output for T() because `setOutput` is not available." for a transformer without `setOutput`
   * @example
   * ```ts
   * makeUnion(new StandardScaler(), 'passthrough').setOutput({ transform: 'array2d' }).fitTransform([[1], [3]]);
   * // { data: Float64Array [-1, 1, 1, 3], shape: [2, 2] }
   * ```
   * @see https://scikit-learn.org/1.2/modules/generated/sklearn.pipeline.FeatureUnion.html#sklearn.pipeline.FeatureUnion.set_output
   */
  setOutput(config: { transform: 'array2d' }): WithOutput<this, Array2D | unknown[][]>;
  setOutput(config?: OutputConfig): this;
  setOutput(config: OutputConfig = {}): this {
    setOutputConfig(this, config);
    for (const [, t] of Array.isArray(this.transformerList) ? this.transformerList : []) {
      if (t !== 'passthrough' && t !== 'drop') safeSetOutput(t, config);
    }
    return this;
  }

  private stack(outs: unknown[], X: unknown): number[][] {
    const names = this.iter().map(([n]) => n);
    const nRows = outs.length === 0 ? (isArrowTable(X) ? X.numRows : numSamples(X)) : 0;
    return stackOutputs(outs, names, nRows, this.#typed()).X as number[][];
  }

  /**
   * Output feature names: each transformer's names prefixed with its name (`pca__pca0`).
   *
   * @param inputFeatures - names of the input features (for `'passthrough'`)
   * @returns the names
   * @throws TypeError "Transformer tr1 (type Transf) does not provide getFeatureNamesOut."
   * @example
   * ```ts
   * const union = makeUnion(new StandardScaler(), 'passthrough');
   * union.fit([[1], [3]]);
   * union.getFeatureNamesOut(['a']); // ['standardscaler__a', 'passthrough__a']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    const parts: [string, string[]][] = [];
    for (const [name, t] of this.iter()) {
      if (t === 'passthrough') {
        parts.push([name, checkFeatureNamesIn(this, inputFeatures)!]);
        continue;
      }
      if (!has(t, 'getFeatureNamesOut'))
        throw new TypeError(
          `Transformer ${name} (type ${typeName(t)}) does not provide getFeatureNamesOut.`,
        );
      parts.push([
        name,
        Array.from(t.getFeatureNamesOut!(inputFeatures ?? undefined) as Iterable<string>),
      ]);
    }
    return addPrefix(parts, this.verboseFeatureNamesOut);
  }

  /** Frees the resources of every transformer that has a `dispose` method. */
  dispose(): void {
    for (const t of Array.isArray(this.transformerList) ? this.estimators() : [])
      if (has(t, 'dispose')) t.dispose!();
  }
}
registerEstimator(FeatureUnion, { module: MODULE_URL });
