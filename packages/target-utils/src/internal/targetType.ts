// Port of scikit-learn's sklearn/utils/multiclass.py type_of_target and is_multilabel on a
// LabelArray (BSD-3-Clause).
import { ValueError } from '@scikeras/estimator-core';
import type { LabelArray } from './labelArray';
import { distinctUpTo, uniqueCountUpTo } from './unique';

/** The target types of scikit-learn's `type_of_target`. */
export type TargetType =
  | 'binary'
  | 'multiclass'
  | 'multiclass-multioutput'
  | 'multilabel-indicator'
  | 'continuous'
  | 'continuous-multioutput'
  | 'unknown';

export const LEGACY_MESSAGE =
  'You appear to be using a legacy multi-label data representation. Sequence of sequences are no ' +
  'longer supported; use a binary array or sparse matrix instead - the MultiLabelBinarizer ' +
  'transformer can convert to this format.';

const TWO63 = 9223372036854775808;

/** numpy's `x.astype(int) == x` for one float (x86: NaN, inf and |x| >= 2**63 convert to INT64_MIN). */
export function isIntegral(v: number): boolean {
  return v === Math.trunc(v) && v < TWO63 && v >= -TWO63;
}

function hasNonIntegral(data: ArrayLike<number>): boolean {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v !== Math.trunc(v) || v >= TWO63 || v < -TWO63) return true;
  }
  return false;
}

/**
 * scikit-learn's `_assert_all_finite`: NaN first, then infinity.
 *
 * @throws ValueError "Input y contains NaN." / "Input y contains infinity or a value too large for dtype('float64')."
 */
export function assertFiniteLabels(a: LabelArray, inputName: string): void {
  const data = a.data as ArrayLike<number>;
  let inf = false;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v !== v) {
      throw new ValueError(`Input ${inputName ? `${inputName} ` : ''}contains NaN.`);
    }
    if (v === Infinity || v === -Infinity) inf = true;
  }
  if (inf) {
    throw new ValueError(
      `Input ${inputName ? `${inputName} ` : ''}contains infinity or a value too large for dtype('${a.float32 ? 'float32' : 'float64'}').`,
    );
  }
}

/** scikit-learn's dense `is_multilabel` on a label array. */
export function isMultilabelArray(a: LabelArray): boolean {
  if (!(a.ndim === 2 && a.shape[1]! > 1)) return false;
  if (a.kind === 'str' || a.kind === 'obj') return false;
  const distinct = distinctUpTo(a.data, 3);
  if (distinct.length >= 3) return false;
  if (a.kind === 'int' || a.kind === 'bool') return true;
  return distinct.every((v) => isIntegral(v as number));
}

/** scikit-learn's `type_of_target` on a label array. */
export function typeOfLabelArray(a: LabelArray, inputName = ''): TargetType {
  if (isMultilabelArray(a)) return 'multilabel-indicator';
  if (a.legacy) throw new ValueError(LEGACY_MESSAGE);
  if (a.ndim !== 1 && a.ndim !== 2) return 'unknown';
  if (Math.min(...a.shape) === 0) return a.ndim === 1 ? 'binary' : 'unknown';
  if (a.kind === 'obj') {
    if (typeof a.data[0] === 'string') {
      throw new TypeError(
        "'<' not supported between instances of the target's values: it mixes strings with values that are not labels (null, objects, arrays).",
      );
    }
    return 'unknown';
  }
  const multioutput = a.ndim === 2 && a.shape[1]! > 1;
  const suffix = multioutput ? '-multioutput' : '';
  if (a.kind === 'float' && hasNonIntegral(a.data as ArrayLike<number>)) {
    assertFiniteLabels(a, inputName);
    return `continuous${suffix}` as TargetType;
  }
  if (multioutput || uniqueCountUpTo(a.data, 3) > 2) return `multiclass${suffix}` as TargetType;
  return 'binary';
}
