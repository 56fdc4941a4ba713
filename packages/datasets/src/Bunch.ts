// The shapes of scikit-learn's sklearn/datasets/_base.py load_* results (Bunch, BSD-3-Clause), camelCased.
import type { Flag } from './internal/Flag';

/** One sample as a record: feature name -> value (and `target` in a `frame`). */
export type FrameRecord = Record<string, number>;

/** The options every loader takes (scikit-learn's `return_X_y` and `as_frame`). */
export interface LoadOptions {
  /**
   * Return `[data, target]` instead of the bunch (scikit-learn's `return_X_y`).
   * @defaultValue false
   */
  returnXy?: boolean;
  /**
   * Give `data` as records keyed by feature name and add `frame`, the records with `target`
   * (scikit-learn's `as_frame`, with an array of records as the JavaScript data frame).
   * @defaultValue false
   */
  asFrame?: boolean;
}

/**
 * What a classification loader returns (scikit-learn's `Bunch`, camelCased): the features, the
 * integer class of each sample, the names, and scikit-learn's description.
 */
export interface Bunch {
  /** `nSamples x nFeatures` values (records keyed by feature name with `asFrame`). */
  data: number[][];
  /** The class index of each sample (a value for regression data). */
  target: number[];
  /** With `asFrame` only: one record per sample, the features and `target`. */
  frame?: FrameRecord[];
  /** The name of each feature (column of `data`). */
  featureNames: string[];
  /** The name of each class: `targetNames[target[i]]` is sample i's class. */
  targetNames: string[];
  /** scikit-learn's description of the data set (its `.rst` file). */
  DESCR: string;
}

/** What {@link loadDiabetes} returns: a regression target, so no `targetNames`. */
export type DiabetesBunch = Omit<Bunch, 'targetNames'>;

/** What {@link loadDigits} returns: the classes are the digits, and the 8x8 images. */
export interface DigitsBunch extends Omit<Bunch, 'targetNames'> {
  /** The digits `[0, 1, ..., 9]` (scikit-learn's `np.arange(10)`, whatever `nClass`). */
  targetNames: number[];
  /** Each sample's 64 pixels as 8 rows of 8 (scikit-learn's `images`). */
  images: number[][][];
}

/** The type of `data` for the options `O`: rows, or records with `asFrame: true`. */
export type LoadedData<O> = {
  yes: FrameRecord[];
  no: number[][];
  maybe: FrameRecord[] | number[][];
}[Flag<O, 'asFrame'>];

type FramePart<O> = {
  yes: { frame: FrameRecord[] };
  no: unknown;
  maybe: { frame?: FrameRecord[] };
}[Flag<O, 'asFrame'>];

type BunchFor<B, O> = Omit<B, 'data' | 'frame'> & { data: LoadedData<O> } & FramePart<O>;

/** What a loader returns for the options `O`: the bunch `B`, or `[data, target]` with `returnXy`. */
export type Loaded<B, O> = {
  yes: [LoadedData<O>, number[]];
  no: BunchFor<B, O>;
  maybe: [LoadedData<O>, number[]] | BunchFor<B, O>;
}[Flag<O, 'returnXy'>];
