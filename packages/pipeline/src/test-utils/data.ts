// Small deterministic data sets for the tests.
import { makeRng } from '@scikeras/estimator-core/testing';

/** Three well separated classes (0, 1, 2) in 4 features on different scales, `perClass` rows each. */
export function threeBlobs(perClass = 10, seed = 0): { X: number[][]; y: number[] } {
  const u = makeRng(seed);
  const centers = [
    [1, 10, 100, 0],
    [3, 14, 130, 1],
    [5, 18, 160, 2],
  ];
  const X: number[][] = [];
  const y: number[] = [];
  centers.forEach((c, k) => {
    for (let i = 0; i < perClass; i++) {
      X.push(c.map((v, j) => v + (u() - 0.5) * (j === 2 ? 10 : 1)));
      y.push(k);
    }
  });
  return { X, y };
}
