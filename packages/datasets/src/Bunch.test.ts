// The result types follow the options (checked by `pnpm typecheck`; the assertions run too).
import type { FrameRecord } from './Bunch';
import { loadDigits } from './loadDigits';
import { loadIris } from './loadIris';
import { makeBlobs } from './makeBlobs';
import { makeRegression } from './makeRegression';

describe('Loaded and the generator result types', () => {
  it('type a loader by its options', () => {
    const rows: number[][] = loadIris().data;
    const xy: [number[][], number[]] = loadIris({ returnXy: true });
    const records: FrameRecord[] = loadIris({ asFrame: true }).data;
    const frame: FrameRecord[] = loadIris({ asFrame: true }).frame;
    const both: [FrameRecord[], number[]] = loadIris({ asFrame: true, returnXy: true });
    const images: number[][][] = loadDigits({ nClass: 3 }).images;
    const flag = Math.random() < 2; // a boolean known only at run time
    const either = loadIris({ returnXy: flag });
    expect(Array.isArray(either)).toBe(true);
    expect([rows.length, xy[0].length, records.length, frame.length, both[0].length]).toEqual([
      150, 150, 150, 150, 150,
    ]);
    expect(images[0]).toHaveLength(8);
  });

  it('type the generators by their params', () => {
    const [, y1, c1]: [number[][], number[], number[]] = makeRegression({
      coef: true,
      nFeatures: 3,
    });
    const [, y3]: [number[][], number[][]] = makeRegression({ nTargets: 3, nFeatures: 3 });
    const [, , centers]: [number[][], number[], number[][]] = makeBlobs({ returnCenters: true });
    const two: [number[][], number[]] = makeRegression({ nSamples: 5, nFeatures: 2 });
    const blobs: [number[][], number[]] = makeBlobs({ nSamples: 10 });
    expect([y1.length, c1.length, y3[0]!.length, centers.length]).toEqual([100, 3, 3, 3]);
    expect([two.length, blobs.length]).toEqual([2, 2]);
  });
});
