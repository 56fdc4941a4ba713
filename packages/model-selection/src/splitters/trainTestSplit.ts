// Port of scikit-learn's sklearn/model_selection/_split.py train_test_split (BSD-3-Clause).
import { ValueError, checkConsistentLength, numSamples, takeRows } from '@scikeras/estimator-core';
import type { RandomState } from '../RandomState';
import { ShuffleSplit } from './ShuffleSplit';
import { StratifiedShuffleSplit } from './StratifiedShuffleSplit';
import { validateShuffleSplit } from './validateShuffleSplit';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /**
   * Test set size: an integer is a count, a non-integer a proportion in (0, 1); when both sizes
   * are null it is 0.25. @defaultValue null
   */
  testSize?: number | null;
  /** Train set size, like `testSize`; null means the complement. @defaultValue null */
  trainSize?: number | null;
  /** Seed (or generator) of the shuffle. @defaultValue null */
  randomState?: number | RandomState | null;
  /** Shuffle before splitting; without shuffling `stratify` must be null. @defaultValue true */
  shuffle?: boolean;
  /** Class labels to stratify on. @defaultValue null */
  stratify?: unknown;
}

const OPTION_KEYS = new Set(['testSize', 'trainSize', 'randomState', 'shuffle', 'stratify']);

function isOptions(v: unknown): v is TrainTestSplitOptions {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || ArrayBuffer.isView(v))
    return false;
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  return keys.every((k) => OPTION_KEYS.has(k));
}

/**
 * Splits arrays into random train and test subsets: `[aTrain, aTest, bTrain, bTest, ...]`,
 * each in the form it came in (arrays, typed arrays, `{ data, shape }`, Matrix, tensors).
 *
 * @param args - the arrays (same number of samples), then optionally an options object
 * @returns train and test part of each array, in order
 * @throws ValueError "At least one array required as input", size errors in scikit-learn's words
 * @example
 * ```ts
 * const [XTrain, XTest, yTrain, yTest] = trainTestSplit([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]], [0, 1, 2, 3, 4], { testSize: 0.33, randomState: 42 });
 * trainTestSplit([0, 1, 2, 3, 4], { shuffle: false }); // [[0, 1, 2], [3, 4]]
 * ```
 * @remarks The last argument is read as options when it is a plain object with only option
 * keys. Sizes are scikit-learn's; shuffled indices are seeded but not numpy's. Tensors come
 * back as new tensors that the caller disposes.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.train_test_split.html
 */
export function trainTestSplit<T extends unknown[]>(
  ...args: [...T] | [...T, TrainTestSplitOptions]
): T[number][] {
  let arrays = args as unknown[];
  let options: TrainTestSplitOptions = {};
  if (arrays.length > 0 && isOptions(arrays[arrays.length - 1])) {
    options = arrays[arrays.length - 1] as TrainTestSplitOptions;
    arrays = arrays.slice(0, -1);
  }
  if (arrays.length === 0) throw new ValueError('At least one array required as input');
  checkConsistentLength(...arrays);
  const n = numSamples(arrays[0]);
  const { testSize = null, trainSize = null, randomState = null, shuffle = true } = options;
  const stratify = options.stratify ?? null;
  const [nTrain, nTest] = validateShuffleSplit(n, testSize, trainSize, 0.25);
  let train: number[];
  let test: number[];
  if (shuffle === false) {
    if (stratify !== null)
      throw new ValueError('Stratified train/test split is not implemented for shuffle=false');
    train = Array.from({ length: nTrain }, (_, i) => i);
    test = Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else {
    const Cv = stratify !== null ? StratifiedShuffleSplit : ShuffleSplit;
    const cv = new Cv({ testSize: nTest, trainSize: nTrain, randomState });
    [train, test] = cv.split(arrays[0], stratify).next().value as [number[], number[]];
  }
  return arrays.flatMap((a) => [takeRows(a, train), takeRows(a, test)]) as T[number][];
}
