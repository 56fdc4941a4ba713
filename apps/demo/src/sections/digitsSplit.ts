// The digits train/test split shared by several sections (pixels scaled to [0, 1]).
import { trainTestSplit } from '@scikeras/model-selection';
import type { TourContext } from '../types';

/** Digits split 75/25, stratified, seeded. */
export interface DigitsSplit {
  Xtr: number[][];
  Xte: number[][];
  ytr: number[];
  yte: number[];
}

/**
 * Loads digits and splits it (pixels / 16).
 *
 * @param ctx - the tour context
 * @returns the split
 */
export async function digitsSplit(ctx: TourContext): Promise<DigitsSplit> {
  const { X, y } = await ctx.data.digits();
  const Xs = X.map((r) => r.map((v) => v / 16));
  const [Xtr, Xte, ytr, yte] = trainTestSplit(Xs, y, {
    testSize: 0.25,
    randomState: 0,
    stratify: y,
  }) as [number[][], number[][], number[], number[]];
  return { Xtr, Xte, ytr, yte };
}
