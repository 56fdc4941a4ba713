// Port of scikit-learn's sklearn/preprocessing/_label.py MultiLabelBinarizer (BSD-3-Clause)
import { MODULE_URL } from './internal/moduleUrl';
import {
  BaseEstimator,
  checkIsFitted,
  InvalidParameterError,
  NotImplementedError,
  ValueError,
  warn,
  type EstimatorTags,
  type EstimatorType,
  type Label,
  registerEstimator,
} from '@scikeras/estimator-core';
import { toNumericMatrix } from './internal/numericMatrix';
import { npArrayStr, pyList, pyRepr } from '@scikeras/estimator-core';
import { numpyNumStr } from './internal/numpyStr';
import { sortNumbers, sortStrings } from './internal/unique';

/** Params of {@link MultiLabelBinarizer}. */
export interface MultiLabelBinarizerParams {
  /** The label of each column, in order; null to use the sorted labels seen in `fit`. @defaultValue null */
  classes?: Label[] | null;
  /** Sparse CSR output: not supported (must stay false). @defaultValue false */
  sparseOutput?: boolean;
}

export interface MultiLabelBinarizer extends Required<MultiLabelBinarizerParams> {}

function pyTypeName(v: unknown): string {
  return typeof v === 'number'
    ? Number.isInteger(v)
      ? 'int'
      : 'float'
    : typeof v === 'string'
      ? 'str'
      : typeof v === 'boolean'
        ? 'bool'
        : 'object';
}

/** Python's `sorted()` of labels (numbers and booleans together, or strings). */
function pySorted(values: Label[]): Label[] {
  const strs = values.filter((v) => typeof v === 'string');
  if (strs.length > 0 && strs.length < values.length) {
    const other = values.find((v) => typeof v !== 'string');
    throw new TypeError(`'<' not supported between instances of '${pyTypeName(other)}' and 'str'`);
  }
  if (strs.length > 0) return sortStrings(strs as string[]);
  if (values.every((v) => typeof v === 'boolean'))
    return [...values].sort((a, b) => Number(a) - Number(b));
  return sortNumbers(values as number[]);
}

function iterableRows(y: unknown): Iterable<unknown>[] {
  if (
    y === null ||
    y === undefined ||
    typeof y === 'string' ||
    typeof (y as Iterable<unknown>)[Symbol.iterator] !== 'function'
  ) {
    throw new ValueError(
      `MultiLabelBinarizer expects an iterable of iterables of labels (e.g. [[1, 2], [3]]), got ${pyRepr(y)}.`,
    );
  }
  const rows = [...(y as Iterable<unknown>)];
  rows.forEach((r, i) => {
    if (
      r === null ||
      r === undefined ||
      typeof r === 'string' ||
      typeof (r as Iterable<unknown>)[Symbol.iterator] !== 'function'
    ) {
      throw new ValueError(
        `MultiLabelBinarizer expects each sample to be an iterable of labels, but y[${i}] is ${pyRepr(r)}. Wrap single labels in an array: [[label], ...].`,
      );
    }
  });
  return rows as Iterable<unknown>[];
}

/**
 * Transforms between iterables of label sets and a multilabel indicator matrix.
 *
 * @example
 * ```ts
 * const mlb = new MultiLabelBinarizer();
 * mlb.fitTransform([[1, 2], [3]]); // [[1, 1, 0], [0, 0, 1]]
 * mlb.classes_; // [1, 2, 3]
 * mlb.inverseTransform([[1, 0, 1]]); // [[1, 3]]
 * new MultiLabelBinarizer().fit([new Set(['sci-fi', 'thriller']), ['comedy']]).classes_; // ['comedy', 'sci-fi', 'thriller']
 * ```
 * @remarks Dense output only (`sparseOutput: true` throws NotImplementedError). Samples may be
 * arrays or Sets; `inverseTransform` returns arrays (scikit-learn returns tuples).
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.MultiLabelBinarizer.html
 */
export class MultiLabelBinarizer extends BaseEstimator<MultiLabelBinarizerParams> {
  static estimatorName = 'MultiLabelBinarizer';
  static override defaults = {
    classes: null,
    sparseOutput: false,
  } satisfies Required<MultiLabelBinarizerParams>;
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };

  /** The label of each indicator column. */
  declare classes_?: Label[];

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  #validateParams(): void {
    if (this.classes !== null && !Array.isArray(this.classes)) {
      throw new InvalidParameterError(
        `The 'classes' parameter of MultiLabelBinarizer must be an array-like or None. Got ${pyRepr(this.classes)} instead.`,
      );
    }
    if (typeof this.sparseOutput !== 'boolean') {
      throw new InvalidParameterError(
        `The 'sparseOutput' parameter of MultiLabelBinarizer must be an instance of 'bool'. Got ${pyRepr(this.sparseOutput)} instead.`,
      );
    }
    if (this.sparseOutput) {
      throw new NotImplementedError(
        'sparseOutput=true is not supported: scikeras-ts has no sparse matrices. Use sparseOutput=false (dense number[][]).',
      );
    }
  }

  /**
   * Stores the classes: the given `classes` param, or the sorted labels of all samples.
   *
   * @param y - an iterable of iterables of labels (arrays or Sets)
   * @returns this binarizer
   * @throws ValueError "The classes argument contains duplicate classes. Remove these duplicates before passing them to MultiLabelBinarizer."
   * @throws TypeError when labels mix strings and numbers (they cannot be sorted)
   * @example
   * ```ts
   * new MultiLabelBinarizer().fit([['b'], ['a', 'b']]).classes_; // ['a', 'b']
   * ```
   */
  fit(y: unknown): this {
    this.#validateParams();
    if (this.classes === null) {
      const set = new Set<Label>();
      for (const row of iterableRows(y)) for (const l of row) set.add(l as Label);
      this.classes_ = pySorted([...set]);
    } else {
      if (new Set(this.classes).size < this.classes.length) {
        throw new ValueError(
          'The classes argument contains duplicate classes. Remove these duplicates before passing them to MultiLabelBinarizer.',
        );
      }
      this.classes_ = [...this.classes];
    }
    return this;
  }

  /**
   * Turns label sets into indicator rows; unknown labels are ignored with a warning.
   *
   * @param y - an iterable of iterables of labels
   * @returns n rows of `classes_.length` zeros and ones
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new MultiLabelBinarizer().fit([[1, 2], [3]]).transform([[3, 1]]); // [[1, 0, 1]]
   * ```
   */
  transform(y: unknown): number[][] {
    checkIsFitted(this);
    const classes = this.classes_!;
    const index = new Map<Label, number>();
    classes.forEach((c, i) => index.set(c, i));
    const unknown = new Set<Label>();
    const out = iterableRows(y).map((row) => {
      const r = new Array<number>(classes.length).fill(0);
      for (const l of row) {
        const i = index.get(l as Label);
        if (i === undefined) unknown.add(l as Label);
        else r[i] = 1;
      }
      return r;
    });
    if (unknown.size > 0) {
      const str = (v: Label) => (typeof v === 'number' ? numpyNumStr(v) : String(v));
      const sorted = [...unknown].sort((a, b) => {
        const sa = str(a);
        const sb = str(b);
        return sa < sb ? -1 : sa > sb ? 1 : 0;
      });
      warn(`unknown class(es) ${pyList(sorted)} will be ignored`, 'UserWarning');
    }
    return out;
  }

  /**
   * Fits and transforms.
   *
   * @param y - an iterable of iterables of labels
   * @returns the indicator rows
   * @throws ValueError as {@link MultiLabelBinarizer.fit}
   * @example
   * ```ts
   * new MultiLabelBinarizer().fitTransform([['b'], ['a']]); // [[0, 1], [1, 0]]
   * ```
   */
  fitTransform(y: unknown): number[][] {
    const rows = iterableRows(y);
    return this.fit(rows).transform(rows);
  }

  /**
   * Turns indicator rows back into label sets.
   *
   * @param yt - n rows of 0/1 with `classes_.length` columns
   * @returns one array of labels per row, in `classes_` order
   * @throws NotFittedError before `fit`
   * @throws ValueError "Expected indicator for 3 classes, but got 2" / "Expected only 0s and 1s in label indicator. Also got [2]"
   * @example
   * ```ts
   * new MultiLabelBinarizer().fit([[1, 2], [3]]).inverseTransform([[0, 1, 1]]); // [[2, 3]]
   * ```
   */
  inverseTransform(yt: unknown): Label[][] {
    checkIsFitted(this);
    const classes = this.classes_!;
    const m = toNumericMatrix(yt, 'yt');
    if (m.cols !== classes.length) {
      throw new ValueError(`Expected indicator for ${classes.length} classes, but got ${m.cols}`);
    }
    const unexpected = new Set<number>();
    for (let i = 0; i < m.data.length; i++) {
      const v = m.data[i]!;
      if (v !== 0 && v !== 1) unexpected.add(v);
    }
    if (unexpected.size > 0) {
      throw new ValueError(
        `Expected only 0s and 1s in label indicator. Also got ${npArrayStr(sortNumbers([...unexpected]))}`,
      );
    }
    const out: Label[][] = [];
    for (let i = 0; i < m.rows; i++) {
      const r: Label[] = [];
      for (let j = 0; j < m.cols; j++) if (m.data[i * m.cols + j] === 1) r.push(classes[j]!);
      out.push(r);
    }
    return out;
  }
}
registerEstimator(MultiLabelBinarizer, { module: MODULE_URL });
