// Port of scikit-learn's sklearn/model_selection/_split.py _validate_shuffle_split (BSD-3-Clause).
import { ValueError, pyRepr } from '@scikeras/estimator-core';

type Kind = 'i' | 'f' | 'none' | 'other';

// A JavaScript number is a count when it is an integer, a proportion otherwise.
function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'none';
  if (typeof v !== 'number' || Number.isNaN(v)) return 'other';
  return Number.isInteger(v) ? 'i' : 'f';
}

/** The train and test sizes for `nSamples`, checked with scikit-learn's messages. */
export function validateShuffleSplit(
  nSamples: number,
  testSize: number | null | undefined,
  trainSize: number | null | undefined,
  defaultTestSize?: number,
): [nTrain: number, nTest: number] {
  if (
    (testSize === null || testSize === undefined) &&
    (trainSize === null || trainSize === undefined)
  )
    testSize = defaultTestSize;
  const tk = kindOf(testSize);
  const rk = kindOf(trainSize);
  const ts = testSize as number;
  const rs = trainSize as number;
  if ((tk === 'i' && (ts >= nSamples || ts <= 0)) || (tk === 'f' && (ts <= 0 || ts >= 1))) {
    throw new ValueError(
      `testSize=${ts} should be either positive and smaller than the number of samples ${nSamples} or a float in the (0, 1) range`,
    );
  }
  if ((rk === 'i' && (rs >= nSamples || rs <= 0)) || (rk === 'f' && (rs <= 0 || rs >= 1))) {
    throw new ValueError(
      `trainSize=${rs} should be either positive and smaller than the number of samples ${nSamples} or a float in the (0, 1) range`,
    );
  }
  if (rk === 'other') throw new ValueError(`Invalid value for trainSize: ${pyRepr(trainSize)}`);
  if (tk === 'other') throw new ValueError(`Invalid value for testSize: ${pyRepr(testSize)}`);
  if (rk === 'f' && tk === 'f' && rs + ts > 1) {
    throw new ValueError(
      `The sum of testSize and trainSize = ${rs + ts}, should be in the (0, 1) range. Reduce testSize and/or trainSize.`,
    );
  }
  let nTest = tk === 'f' ? Math.ceil(ts * nSamples) : tk === 'i' ? ts : NaN;
  let nTrain = rk === 'f' ? Math.floor(rs * nSamples) : rk === 'i' ? rs : NaN;
  if (rk === 'none') nTrain = nSamples - nTest;
  else if (tk === 'none') nTest = nSamples - nTrain;
  if (nTrain + nTest > nSamples) {
    throw new ValueError(
      `The sum of trainSize and testSize = ${Math.trunc(nTrain + nTest)}, should be smaller than the number of samples ${nSamples}. Reduce testSize and/or trainSize.`,
    );
  }
  nTrain = Math.trunc(nTrain);
  nTest = Math.trunc(nTest);
  if (nTrain === 0) {
    throw new ValueError(
      `With nSamples=${nSamples}, testSize=${testSize ?? null} and trainSize=${trainSize ?? null}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`,
    );
  }
  return [nTrain, nTest];
}
