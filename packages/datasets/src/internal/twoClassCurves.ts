// The parts scikit-learn's make_moons and make_circles share (sklearn/datasets/_samples_generator.py, BSD-3-Clause).
import { checkRandomState, type RandomStateLike, ValueError } from '@scikeras/estimator-core';
import { shuffleRows } from './shuffleRows';

/** `[outer, inner]` from an int (outer = floor(n / 2)) or a two-element array. */
export function splitSamples(
  nSamples: number | [number, number],
  message: string,
): [number, number] {
  if (typeof nSamples === 'number') {
    const out = Math.floor(nSamples / 2);
    return [out, nSamples - out];
  }
  const [out, inn] = nSamples;
  if (!Number.isInteger(out) || !Number.isInteger(inn) || out! < 0 || inn! < 0)
    throw new ValueError(message);
  return [out!, inn!];
}

/**
 * Stacks the outer (class 0) and inner (class 1) points, shuffles them, then adds N(0, noise)
 * to every coordinate, in scikit-learn's order.
 */
export function finishCurves(
  outer: [number[], number[]],
  inner: [number[], number[]],
  shuffle: boolean,
  noise: number | null,
  randomState: RandomStateLike,
): [number[][], number[]] {
  const rng = checkRandomState(randomState);
  let X = [
    ...outer[0].map((x, i) => [x, outer[1][i]!]),
    ...inner[0].map((x, i) => [x, inner[1][i]!]),
  ];
  let y = [...outer[0].map(() => 0), ...inner[0].map(() => 1)];
  if (shuffle) [X, y] = shuffleRows(rng, X, y);
  if (noise !== null) X = X.map(([a, b]) => [a! + rng.normal(0, noise), b! + rng.normal(0, noise)]);
  return [X, y];
}
