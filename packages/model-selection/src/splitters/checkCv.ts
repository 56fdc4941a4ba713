// Port of scikit-learn's sklearn/model_selection/_split.py check_cv (BSD-3-Clause).
import { ValueError, pyRepr } from '@scikeras/estimator-core';
import { typeOfTarget } from '@scikeras/target-utils';
import type { CrossValidator, Split } from './BaseCrossValidator';
import { KFold } from './KFold';
import { StratifiedKFold } from './StratifiedKFold';

/** What every `cv` param accepts: a number of folds, a splitter, or an iterable of splits. */
export type CvLike = number | null | undefined | CrossValidator | Iterable<Split>;

/** A fixed list of splits used as a splitter (scikit-learn's `_CVIterableWrapper`). */
class CvIterableWrapper implements CrossValidator {
  readonly cv: Split[];
  constructor(cv: Iterable<Split>) {
    this.cv = [...cv].map(([tr, te]) => [Array.from(tr), Array.from(te)]);
  }
  getNSplits(): number {
    return this.cv.length;
  }
  *split(): Generator<Split> {
    for (const [tr, te] of this.cv) yield [tr, te];
  }
}

/**
 * Turns a `cv` param into a splitter: `null`/`undefined` means 5 folds; an integer means
 * StratifiedKFold for a classifier with a binary or multiclass `y`, KFold otherwise; a
 * splitter is returned unchanged; an iterable of `[train, test]` becomes a fixed splitter.
 *
 * @param cv - the cv param
 * @param y - the target
 * @param classifier - whether the estimator is a classifier
 * @returns a splitter
 * @throws ValueError for anything else, in scikit-learn's words
 * @example
 * ```ts
 * checkCv(3, [0, 1, 0, 1, 0, 1], true); // StratifiedKFold({ nSplits: 3 })
 * checkCv(3, [0.5, 1.5, 2.5], false); // KFold({ nSplits: 3 })
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.check_cv.html
 */
export function checkCv(cv: CvLike = 5, y?: unknown, classifier = false): CrossValidator {
  const c = cv ?? 5;
  if (typeof c === 'number' && Number.isInteger(c)) {
    if (classifier && y !== undefined && y !== null) {
      const t = typeOfTarget(y as never, { inputName: 'y' });
      if (t === 'binary' || t === 'multiclass') return new StratifiedKFold({ nSplits: c });
    }
    return new KFold({ nSplits: c });
  }
  if (
    typeof c === 'object' &&
    c !== null &&
    typeof (c as CrossValidator).split === 'function' &&
    typeof (c as CrossValidator).getNSplits === 'function'
  ) {
    return c as CrossValidator;
  }
  if (typeof c === 'object' && c !== null && Symbol.iterator in c) {
    return new CvIterableWrapper(c as Iterable<Split>);
  }
  throw new ValueError(
    `Expected cv as an integer, cross-validation object (from @scikeras/model-selection) or an iterable. Got ${pyRepr(c)}.`,
  );
}
