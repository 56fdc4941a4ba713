// Port of scikeras's scikeras/utils/transformers.py ClassifierLabelEncoder (MIT), with scikit-learn's
// OrdinalEncoder/OneHotEncoder messages from sklearn/preprocessing/_encoders.py (BSD-3-Clause).
import { MODULE_URL } from './internal/moduleUrl';
import {
  BaseEstimator,
  checkIsFitted,
  ValueError,
  type EstimatorTags,
  type EstimatorType,
  type Label,
  registerEstimator,
} from '@scikeras/estimator-core';
import { columnCategories, toColumns } from './internal/columns';
import { isArrayLike, toLabelArray, type LabelArray } from './internal/labelArray';
import { coerceLabels, kindOfClasses } from './internal/labels1d';
import {
  argmaxRows,
  roundHalfEven,
  sigmoidToTwoColumns,
  toNumericMatrix,
  toRows,
} from './internal/numericMatrix';
import { pyList, pyRepr } from '@scikeras/estimator-core';
import { typeOfLabelArray } from './internal/targetType';
import { encodeLabels, sortedLabels } from './internal/unique';
import { isCategoricalCrossentropy } from './isCategoricalCrossentropy';
import { typeOfTarget } from './typeOfTarget';

/** The target types a {@link ClassifierLabelEncoder} handles. */
export type ClassifierTargetType =
  'binary' | 'multiclass' | 'multiclass-onehot' | 'multilabel-indicator' | 'multiclass-multioutput';

/** Params of {@link ClassifierLabelEncoder}. */
export interface ClassifierLabelEncoderParams {
  /**
   * The Keras loss: one-hot encode binary/multiclass targets when it is categorical
   * crossentropy ('categorical_crossentropy', 'categoricalCrossentropy', 'CategoricalCrossentropy',
   * 'cce', or a function or loss object named like it).
   * @defaultValue null
   */
  loss?: unknown;
  /**
   * All the categories of the target, one array per output column, or 'auto' to take them
   * from the data passed to `fit`.
   * @defaultValue 'auto'
   */
  categories?: 'auto' | Label[][];
}

/** Options of {@link ClassifierLabelEncoder.inverseTransform}. */
export interface ClassifierInverseOptions {
  /** Return the class probabilities instead of the labels. @defaultValue false */
  returnProba?: boolean;
}

/** What the wrapper copies from a fitted {@link ClassifierLabelEncoder}. */
export interface ClassifierMetadata {
  classes_: Label[] | Label[][];
  nClasses_: number | number[];
  nOutputs_: number;
  nOutputsExpected_: number;
  targetType_: ClassifierTargetType;
}

const HELP =
  '\n\nFor information on sklearn target types, see:' +
  ' * https://scikit-learn.org/stable/modules/generated/sklearn.utils.multiclass.type_of_target.html' +
  ' * https://scikit-learn.org/stable/modules/multiclass.html' +
  '\n\nFor information on the SciKeras data transformation interface, see:' +
  ' * https://www.adriangb.com/scikeras/stable/advanced.html#data-transformers';

function unknownCategories(values: Label[], column: number, when: 'fit' | 'transform'): ValueError {
  return new ValueError(
    `Found unknown categories ${pyList(sortedLabels(values))} in column ${column} during ${when}`,
  );
}

/** One column of a label array as a 1-D label array. */
function column(a: LabelArray, j: number): LabelArray {
  if (a.ndim === 1) return a;
  const [n, m] = a.shape as [number, number];
  if (m === 1) return { ...a, ndim: 1, shape: [n] };
  const data = new Array<unknown>(n);
  for (let i = 0; i < n; i++) data[i] = a.data[i * m + j];
  return { ...a, ndim: 1, shape: [n], data };
}

export interface ClassifierLabelEncoder extends Required<ClassifierLabelEncoderParams> {}

/**
 * The default target encoder of `KerasClassifier` (scikeras's `ClassifierLabelEncoder`): turns
 * labels into what a Keras model trains on, and model outputs back into labels.
 *
 * - 'binary' / 'multiclass': ordinal codes (one column), or one-hot columns when `loss` is
 *   categorical crossentropy.
 * - 'multiclass-onehot' (a one-hot y) and 'multilabel-indicator': passed through as numbers.
 * - 'multiclass-multioutput': one ordinal column per output (one softmax head per column).
 *
 * @example
 * ```ts
 * const enc = new ClassifierLabelEncoder().fit(['cat', 'dog', 'cat']);
 * enc.transform(['dog', 'cat']); // [[1], [0]]
 * enc.inverseTransform([[0.2, 0.8], [0.9, 0.1]]); // ['dog', 'cat']
 * enc.inverseTransform([[0.8], [0.3]], { returnProba: true }); // [[0.2, 0.8], [0.7, 0.3]] (approximately)
 * ```
 * @remarks Under categorical crossentropy binary targets are one-hot encoded too (2 columns,
 * what a 2-unit softmax trains on); scikeras one-hot encodes only 'multiclass' targets.
 * 'multiclass-multioutput' targets are encoded (one ordinal column per output,
 * `nOutputsExpected_` = number of columns, predictions by argmax per output): a deliberate
 * extension over scikeras 0.13, which passes them through and cannot predict them.
 * `classes_`/`nClasses_` are one entry per output for 'multiclass-multioutput' and
 * 'multilabel-indicator' (each `[0, 1]`) where scikeras has `None` / `arange(k)`. Encoded
 * targets are `number[][]` (scikeras returns float32 arrays). Given a single column for more
 * than two classes, `inverseTransform` reads it as ordinal codes (what `transform` returns), so
 * `inverseTransform(transform(y))` gives y back; scikeras would predict the first class for every
 * sample. Columns of a 'multiclass-multioutput' plain array are typed one by one (a numeric
 * column stays numeric next to a string column), as scikit-learn's encoders do for lists.
 * @see https://www.adriangb.com/scikeras/stable/generated/scikeras.utils.transformers.ClassifierLabelEncoder.html
 */
export class ClassifierLabelEncoder extends BaseEstimator<ClassifierLabelEncoderParams> {
  static estimatorName = 'ClassifierLabelEncoder';
  static override defaults = {
    loss: null,
    categories: 'auto',
  } satisfies Required<ClassifierLabelEncoderParams>;
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };

  /** Target type seen in `fit` ('multiclass-onehot' for a one-hot y). */
  declare targetType_?: ClassifierTargetType;
  /** The classes: `Label[]`, or one array per output for 'multiclass-multioutput' and 'multilabel-indicator'. */
  declare classes_?: Label[] | Label[][];
  /** Number of classes (per output where `classes_` is per output). */
  declare nClasses_?: number | number[];
  /** Number of target columns the encoder represents (1, or m for 'multiclass-multioutput'). */
  declare nOutputs_?: number;
  /** Number of outputs the Keras model must have. */
  declare nOutputsExpected_?: number;
  /** Shape of the y passed to `fit`. */
  declare yShape_?: number[];

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  #oneHot(): boolean {
    return isCategoricalCrossentropy(this.loss);
  }

  #categoriesFor(j: number, m: number): Label[] | undefined {
    if (this.categories === 'auto') return undefined;
    if (!Array.isArray(this.categories) || this.categories.length !== m) {
      throw new ValueError(
        'Shape mismatch: if categories is an array, it has to be of shape (n_features,).',
      );
    }
    return this.categories[j];
  }

  #fitColumn(col: LabelArray, j: number, m: number, raw?: ArrayLike<unknown>): Label[] {
    const given = this.#categoriesFor(j, m);
    if (given === undefined) return columnCategories(col, raw);
    const cats = [...given];
    if (cats.length > 0 && typeof cats[0] !== 'string') {
      for (let i = 1; i < cats.length; i++) {
        if ((cats[i] as number) < (cats[i - 1] as number)) {
          throw new ValueError('Unsorted categories are not supported for numerical categories');
        }
      }
    }
    const { unseen } = encodeLabels(
      cats.length ? coerceLabels(col, kindOfClasses(cats)) : col,
      cats,
    );
    if (unseen.length > 0) throw unknownCategories(unseen, j, 'fit');
    return cats;
  }

  /**
   * Fits the encoder to the target: finds the target type and the classes.
   *
   * @param y - the classification target
   * @returns this encoder
   * @throws ValueError "Unknown label type: continuous. ..." for targets that are not classification targets
   * @throws ValueError "Found unknown categories [...] in column 0 during fit" when `categories` misses labels of y
   * @example
   * ```ts
   * new ClassifierLabelEncoder({ loss: 'categoricalCrossentropy' }).fit([1, 2, 3]).nClasses_; // 3
   * ```
   */
  fit(y: unknown): this {
    if (!isArrayLike(y)) {
      throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
    }
    const a = toLabelArray(y);
    let targetType: string = typeOfLabelArray(a, 'y');
    if (targetType === 'binary' && this.categories !== 'auto') {
      targetType = typeOfTarget((this.categories as Label[][])[0]);
    }
    if (
      !['binary', 'multiclass', 'multiclass-multioutput', 'multilabel-indicator'].includes(
        targetType,
      )
    ) {
      throw new ValueError(
        `Unknown label type: ${targetType}.` +
          '\n\nTo implement support, subclass KerasClassifier and override' +
          ' `targetEncoder` with a transformer that supports this label type.' +
          HELP,
      );
    }
    this.yShape_ = [...a.shape];
    let nOutputs = 1;
    let nOutputsExpected = 1;
    if (targetType === 'binary' || targetType === 'multiclass') {
      const classes = this.#fitColumn(column(a, 0), 0, 1);
      this.classes_ = classes;
      this.nClasses_ = classes.length;
    } else if (targetType === 'multilabel-indicator') {
      const [n, k] = a.shape as [number, number];
      const vals = a.data;
      let min = Infinity;
      for (let i = 0; i < vals.length; i++) if (Number(vals[i]) < min) min = Number(vals[i]);
      let oneHot = n > 0 && min === 0;
      for (let i = 0; i < n && oneHot; i++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += Number(vals[i * k + j]);
        oneHot = s === 1;
      }
      if (oneHot) {
        targetType = 'multiclass-onehot';
        this.classes_ = Array.from({ length: k }, (_, i) => i);
        this.nClasses_ = k;
      } else {
        this.classes_ = Array.from({ length: k }, () => [0, 1]);
        this.nClasses_ = Array.from({ length: k }, () => 2);
      }
    } else {
      const m = a.shape[1]!;
      // columns are read one by one (a column of numbers next to one of strings stays numeric)
      const cols = toColumns(y, 'y');
      const classes = cols.cols.map((col, j) => this.#fitColumn(col, j, m, cols.raws[j]));
      this.classes_ = classes;
      this.nClasses_ = classes.map((c) => c.length);
      nOutputs = m;
      nOutputsExpected = m;
    }
    this.targetType_ = targetType as ClassifierTargetType;
    this.nOutputs_ = nOutputs;
    this.nOutputsExpected_ = nOutputsExpected;
    return this;
  }

  /**
   * Transforms the target to what the Keras model trains on.
   *
   * @param y - the classification target (same type as in `fit`)
   * @returns n rows: one ordinal code, k one-hot columns (categorical crossentropy), the indicator
   *   columns (passthrough), or one code per output ('multiclass-multioutput')
   * @throws NotFittedError before `fit`
   * @throws ValueError "Found unknown categories ['x'] in column 0 during transform"
   * @example
   * ```ts
   * new ClassifierLabelEncoder({ loss: 'cce' }).fit(['a', 'b', 'c']).transform(['c']); // [[0, 0, 1]]
   * ```
   */
  transform(y: unknown): number[][] {
    checkIsFitted(this);
    if (!isArrayLike(y)) {
      throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
    }
    const a = toLabelArray(y);
    const type = this.targetType_!;
    if (type === 'binary' || type === 'multiclass') {
      const codes = this.#singleCodes(a);
      if (this.#oneHot()) {
        const k = (this.classes_ as Label[]).length;
        return Array.from(codes, (c) => {
          const row = new Array<number>(k).fill(0);
          row[c] = 1;
          return row;
        });
      }
      return Array.from(codes, (c) => [c]);
    }
    const m = a.ndim === 2 ? a.shape[1]! : 1;
    if (type === 'multiclass-multioutput') {
      const classes = this.classes_ as Label[][];
      if (a.ndim !== 2 || m !== classes.length) {
        throw new ValueError(
          `y has ${a.ndim === 2 ? m : 1} columns, but this ClassifierLabelEncoder was fitted with ${classes.length} outputs.`,
        );
      }
      const n = a.shape[0]!;
      const cols = toColumns(y, 'y').cols;
      const out = Array.from({ length: n }, () => new Array<number>(m));
      for (let j = 0; j < m; j++) {
        const codes = this.#encodeColumn(cols[j]!, classes[j]!, j);
        for (let i = 0; i < n; i++) out[i]![j] = codes[i]!;
      }
      return out;
    }
    const k = this.yShape_![1]!;
    if (a.ndim !== 2 || m !== k) {
      throw new ValueError(
        `y has ${a.ndim === 2 ? m : 1} columns, but this ClassifierLabelEncoder was fitted with ${k} columns (${type}).`,
      );
    }
    const n = a.shape[0]!;
    const out: number[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(k);
      for (let j = 0; j < k; j++) row[j] = Number(a.data[i * k + j]);
      out[i] = row;
    }
    return out;
  }

  /**
   * {@link ClassifierLabelEncoder.transform}'s values as one float32 matrix, row-major, without
   * making a row array per sample (what a model trains on; at 1M labels the rows alone take
   * about 64 MB).
   *
   * @param y - the classification target (same type as in `fit`)
   * @returns `{ data, shape: [n, k] }`: the values `transform(y)` gives, as float32
   * @throws NotFittedError before `fit`
   * @throws ValueError as {@link ClassifierLabelEncoder.transform}
   * @example
   * ```ts
   * new ClassifierLabelEncoder().fit(['a', 'b']).transformMatrix(['b', 'a']); // { data: Float32Array [1, 0], shape: [2, 1] }
   * ```
   */
  transformMatrix(y: unknown): { data: Float32Array; shape: [number, number] } {
    const type = this.targetType_;
    if ((type === 'binary' || type === 'multiclass') && isArrayLike(y)) {
      const codes = this.#singleCodes(toLabelArray(y));
      const n = codes.length;
      if (!this.#oneHot()) return { data: Float32Array.from(codes), shape: [n, 1] };
      const k = (this.classes_ as Label[]).length;
      const data = new Float32Array(n * k);
      for (let i = 0; i < n; i++) data[i * k + codes[i]!] = 1;
      return { data, shape: [n, k] };
    }
    const rows = this.transform(y);
    const k = rows[0]?.length ?? 0;
    const data = new Float32Array(rows.length * k);
    rows.forEach((r, i) => data.set(r, i * k));
    return { data, shape: [rows.length, k] };
  }

  /** The ordinal codes of a 'binary' or 'multiclass' target (one column). */
  #singleCodes(a: LabelArray): number[] {
    if (a.ndim > 2 || (a.ndim === 2 && a.shape[1] !== 1)) {
      throw new ValueError(
        `y should be a 1d array, got an array of shape (${a.shape.join(', ')}) instead.`,
      );
    }
    return this.#encodeColumn(column(a, 0), this.classes_ as Label[], 0);
  }

  #encodeColumn(col: LabelArray, classes: Label[], j: number): number[] {
    const c = classes.length > 0 ? coerceLabels(col, kindOfClasses(classes)) : col;
    const { codes, unseen } = encodeLabels(c, classes);
    if (unseen.length > 0) throw unknownCategories(unseen, j, 'transform');
    return codes;
  }

  /**
   * Fits the encoder and transforms y (scikit-learn's `fit_transform`).
   *
   * @param y - the target
   * @returns the encoded target, as {@link ClassifierLabelEncoder.transform}
   * @throws ValueError as {@link ClassifierLabelEncoder.fit}
   * @example
   * ```ts
   * new ClassifierLabelEncoder().fitTransform(['b', 'a']); // [[1], [0]]
   * ```
   */
  fitTransform(y: unknown): number[][] {
    return this.fit(y).transform(y);
  }

  /**
   * Turns model outputs back into labels (or class probabilities).
   *
   * @param yPred - the model output: n x k probabilities (k = 1 for a single sigmoid), or one
   *   n x k_i matrix per output when `nOutputsExpected_ > 1`
   * @param options - `returnProba` to get probabilities instead of labels
   * @returns labels (`Label[]`; n rows of labels for 'multilabel-indicator', 'multiclass-multioutput'
   *   and one-hot rows for 'multiclass-onehot'), or probabilities (`number[][]`, one `number[][]` per
   *   output for 'multiclass-multioutput'); a single sigmoid column p becomes `[1 - p, p]`
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * const enc = new ClassifierLabelEncoder().fit([false, true]);
   * enc.inverseTransform([[0.1], [0.7]]); // [false, true]
   * ```
   */
  inverseTransform(yPred: unknown, options: { returnProba: true }): number[][] | number[][][];
  inverseTransform(yPred: unknown, options?: { returnProba?: false }): Label[] | Label[][];
  inverseTransform(
    yPred: unknown,
    options?: ClassifierInverseOptions,
  ): Label[] | Label[][] | number[][] | number[][][];
  inverseTransform(
    yPred: unknown,
    options: ClassifierInverseOptions = {},
  ): Label[] | Label[][] | number[][] | number[][][] {
    checkIsFitted(this);
    const returnProba = options.returnProba ?? false;
    const type = this.targetType_!;
    if (type === 'multiclass-multioutput') {
      const classes = this.classes_ as Label[][];
      if (!Array.isArray(yPred) || yPred.length !== classes.length) {
        throw new ValueError(
          `Expected one prediction array per output (${classes.length} outputs), got ${
            Array.isArray(yPred) ? `${yPred.length}` : typeof yPred
          }.`,
        );
      }
      const mats = yPred.map((p, j) => toNumericMatrix(p, `yPred[${j}]`));
      if (returnProba) return mats.map(toRows);
      const n = mats[0]!.rows;
      const out = Array.from({ length: n }, () => new Array<Label>(classes.length));
      mats.forEach((mat, j) => {
        const idx = argmaxRows(mat);
        for (let i = 0; i < n; i++) out[i]![j] = classes[j]![idx[i]!]!;
      });
      return out;
    }
    let m = toNumericMatrix(yPred, 'yPred');
    if (type === 'binary' && (m.ndim === 1 || (m.cols === 1 && this.nClasses_ === 2))) {
      m = sigmoidToTwoColumns(m);
    }
    if (returnProba) return toRows(m);
    if (type === 'binary' || type === 'multiclass') {
      const classes = this.classes_ as Label[];
      if (m.cols === 1 && classes.length > 2) {
        // one column for more than two classes cannot be probabilities: ordinal codes (what
        // transform returns), rounded and clipped to the classes
        return Array.from(
          m.data,
          (v) => classes[Math.min(Math.max(Math.round(v), 0), classes.length - 1)]!,
        );
      }
      const idx = argmaxRows(m);
      // a loop, not Array.from(idx, fn): that goes through the iterator protocol (~150 ns a row)
      const labels = new Array<Label>(idx.length);
      for (let i = 0; i < idx.length; i++) labels[i] = classes[idx[i]!]!;
      return labels;
    }
    if (type === 'multiclass-onehot') {
      const idx = argmaxRows(m);
      return Array.from(idx, (c) => {
        const row = new Array<number>(m.cols).fill(0);
        row[c] = 1;
        return row;
      });
    }
    // multilabel-indicator
    return toRows({ ...m, data: Array.from(m.data, roundHalfEven) });
  }

  /**
   * The metadata the wrapper copies onto itself after fitting (scikeras's `get_metadata`).
   *
   * @returns `classes_`, `nClasses_`, `nOutputs_`, `nOutputsExpected_`, `targetType_`
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new ClassifierLabelEncoder().fit([0, 1, 2]).getMetadata().nClasses_; // 3
   * ```
   */
  getMetadata(): ClassifierMetadata {
    checkIsFitted(this);
    return {
      classes_: this.classes_!,
      nClasses_: this.nClasses_!,
      nOutputs_: this.nOutputs_!,
      nOutputsExpected_: this.nOutputsExpected_!,
      targetType_: this.targetType_!,
    };
  }
}
registerEstimator(ClassifierLabelEncoder, { module: MODULE_URL });
