// One broken estimator per sample-weight, multilabel, save/load and partialFit check.
import type { Label } from '../../types';
import type { CheckEstimatorOptions } from '../types';
import { LabelwiseCentroid, WeightedCentroid, jsonRoundTrip } from './weightedToys';

type Weighted = { sampleWeight?: unknown };

class ArrayOnlyWeights extends WeightedCentroid {
  override async fit(X: unknown, y: unknown, o: Weighted = {}): Promise<this> {
    if (o.sampleWeight && !Array.isArray(o.sampleWeight))
      throw new TypeError('sampleWeight must be an Array');
    return super.fit(X, y, o);
  }
}

class TypedOnlyWeights extends WeightedCentroid {
  override async fit(X: unknown, y: unknown, o: Weighted = {}): Promise<this> {
    if (Array.isArray(o.sampleWeight)) throw new TypeError('sampleWeight must be a Float64Array');
    return super.fit(X, y, o);
  }
}

class UncheckedWeights extends WeightedCentroid {
  override async fit(X: unknown, y: unknown, o: Weighted = {}): Promise<this> {
    const n = (y as unknown[]).length;
    const w = o.sampleWeight ? Array.from(o.sampleWeight as ArrayLike<number>).slice(0, n) : null;
    return super.fit(X, y, { sampleWeight: w?.map((v) => (Number.isFinite(v) ? v : 1)) });
  }
}

class NormalizesWeightsInPlace extends WeightedCentroid {
  override async fit(X: unknown, y: unknown, o: Weighted = {}): Promise<this> {
    const w = o.sampleWeight as number[] | undefined;
    if (w) {
      const s = Array.from(w).reduce((a, b) => a + b, 0);
      for (let i = 0; i < w.length; i++) w[i] = w[i]! / s;
    }
    return super.fit(X, y, o);
  }
}

class ShiftsWhenWeighted extends WeightedCentroid {
  override async fit(X: unknown, y: unknown, o: Weighted = {}): Promise<this> {
    await super.fit(X, y, o);
    if (o.sampleWeight) this.centroids_ = this.centroids_!.map((c) => c.map((v) => v + 0.1));
    return this;
  }
}

class IgnoresWeights extends WeightedCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    return super.fit(X, y);
  }
}

class TransposedMultilabel extends LabelwiseCentroid {
  override async predict(X: unknown): Promise<Label[][]> {
    const rows = (await super.predict(X)) as Label[][];
    return rows[0]!.map((_, j) => rows.map((r) => r[j]!));
  }
}

class UnscaledMultilabelProba extends LabelwiseCentroid {
  override async predictProba(X: unknown): Promise<number[][]> {
    return (await super.predictProba(X)).map((r) => r.map((p) => 2 * p));
  }
}

class TypedRowsDiffer extends LabelwiseCentroid {
  #typed = false;
  override async fit(X: unknown, y: unknown): Promise<this> {
    this.#typed = ArrayBuffer.isView((y as unknown[])[0]);
    return super.fit(X, y);
  }
  override async predict(X: unknown): Promise<Label[][]> {
    const rows = (await super.predict(X)) as number[][];
    return this.#typed ? rows.map((r) => r.map((v) => 1 - v)) : rows;
  }
}

class PartialFitNoCheck extends WeightedCentroid {
  override async partialFit(X: unknown, y: unknown, o: Weighted = {}): Promise<this> {
    const d = (X as number[][])[0]!.length;
    if (this.nFeaturesIn_ !== undefined && d !== this.nFeaturesIn_) return this;
    return super.partialFit(X, y, o);
  }
}

/** A save/load that rounds the fitted numbers to two decimals. */
function lossyRoundTrip(est: object): WeightedCentroid {
  const copy = jsonRoundTrip(est);
  copy.centroids_ = copy.centroids_!.map((c) => c.map((v) => Math.round(v * 100) / 100 + 0.3));
  return copy;
}

/** `[title, check, factory, message, options]` for brokenEstimators.test.ts. */
export const BROKEN_WEIGHTED_CASES: [
  string,
  string,
  () => object,
  string | RegExp,
  CheckEstimatorOptions?,
][] = [
  [
    'a fit that takes only Array sample weights',
    'checkSampleWeightsNotAnArray',
    () => new ArrayOnlyWeights(),
    'sampleWeight must be an Array',
  ],
  [
    'a fit that takes only typed-array sample weights',
    'checkSampleWeightsList',
    () => new TypedOnlyWeights(),
    'sampleWeight must be a Float64Array',
  ],
  [
    'a fit that does not check the length of the sample weights',
    'checkSampleWeightsShape',
    () => new UncheckedWeights(),
    'UncheckedWeights.fit does not raise a ValueError for sample weights of length 32 for 16 samples. Nothing was raised.',
  ],
  [
    'a fit that normalizes the sample weights in place',
    'checkSampleWeightsNotOverwritten',
    () => new NormalizesWeightsInPlace(),
    /^NormalizesWeightsInPlace overwrote the original `sample_weight` given during fit: \[0\.4, /,
  ],
  [
    'a fit that moves when given unit weights',
    'checkSampleWeightsInvariance',
    () => new ShiftsWhenWeighted(),
    /^For ShiftsWhenWeighted sample_weight=None is not equivalent to sample_weight=ones \(predictProba: element 0 differs: /,
  ],
  [
    'a fit that ignores the sample weights',
    'checkSampleWeightsInvarianceZeros',
    () => new IgnoresWeights(),
    /^For IgnoresWeights, a zero sample_weight is not equivalent to removing the sample \(/,
  ],
  [
    'a multilabel predict that returns labels x samples',
    'checkClassifiersMultilabelOutputFormatPredict',
    () => new TransposedMultilabel(),
    'TransposedMultilabel.predict outputs an array of shape (5, 25) instead of (25, 5).',
  ],
  [
    'a multilabel predictProba with values above 1',
    'checkClassifiersMultilabelOutputFormatPredictProba',
    () => new UnscaledMultilabelProba(),
    /^When UnscaledMultilabelProba\.predictProba returns an array, the expected values are probabilities \(i\.e\. between 0 and 1\)\. Got /,
  ],
  [
    'a multilabel classifier that reads typed-array rows differently',
    'checkClassifiersMultilabelRepresentationInvariance',
    () => new TypedRowsDiffer(),
    /^TypedRowsDiffer\.predict differs when the multilabel y is given as an array of typed-array rows instead of an array of arrays: element 0 differs: /,
  ],
  [
    'a save/load that changes the fitted state',
    'checkEstimatorsPickle',
    () => new WeightedCentroid(),
    /^WeightedCentroid\.predictProba differs after saving and loading the estimator: element 0 differs: /,
    { roundTrip: lossyRoundTrip },
  ],
  [
    'a partialFit that accepts a changed number of features',
    'checkPartialFitNFeatures',
    () => new PartialFitNoCheck(),
    'The estimator PartialFitNoCheck does not raise an error when the number of features changes between calls to partialFit. Nothing was raised.',
  ],
];
