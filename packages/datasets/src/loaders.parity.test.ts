// Every loader against scikit-learn 1.2.1 itself (scripts/fixtures/gen_datasets.py).
import { createHash } from 'node:crypto';
import fixture from './__fixtures__/loaders.json';
import { loadBreastCancer } from './loadBreastCancer';
import { loadDiabetes } from './loadDiabetes';
import { loadDigits } from './loadDigits';
import { loadIris } from './loadIris';
import { loadWine } from './loadWine';

type Case = (typeof fixture.cases)[number];

const LOADERS: Record<string, () => Record<string, any>> = {
  iris: () => loadIris(),
  breastCancer: () => loadBreastCancer(),
  wine: () => loadWine(),
  diabetes: () => loadDiabetes(),
  diabetesRaw: () => loadDiabetes({ scaled: false }),
  digits: () => loadDigits(),
  digits3: () => loadDigits({ nClass: 3 }),
};

// scikit-learn's keys that name the files it read: our data is embedded, so they are left out
const FILE_KEYS = ['filename', 'data_module', 'data_filename', 'target_filename'];
const camel = (k: string) =>
  k === 'DESCR' ? k : k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * 1e-12 absolute for values up to 1 and relative above: the fixture's sums are math.fsum's
 * exactly rounded ones; ours add at most a few thousand positive terms in order, so their
 * relative error is below n * 2^-53 < 1e-12. The scaled diabetes columns sum to about 1e-16,
 * where only an absolute bound means anything.
 */
function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

function columnSums(X: number[][], f: (x: number, i: number) => number): number[] {
  return X[0]!.map((_, j) => X.reduce((s, row, i) => s + f(row[j]!, i), 0));
}

describe.each(fixture.cases.map((c) => [c.name, c] as [string, Case]))('%s', (name, c) => {
  const bunch = LOADERS[name]!();
  const X = bunch.data as number[][];
  const y = bunch.target as number[];

  it('has scikit-learn shape, names and description', () => {
    expect([X.length, X[0]!.length]).toEqual(c.shape);
    expect(X.every((r) => r.length === c.shape[1])).toBe(true);
    expect(y).toHaveLength(c.shape[0]!);
    expect(bunch.featureNames).toEqual(c.featureNames);
    if (c.targetNames === null) expect(bunch).not.toHaveProperty('targetNames');
    else expect(bunch.targetNames).toEqual(c.targetNames);
    expect(bunch.DESCR).toHaveLength(c.descrLength);
    expect(createHash('sha256').update(bunch.DESCR, 'utf8').digest('hex')).toBe(c.descrSha256);
  });

  it("has scikit-learn's keys, camelCased, without the file names and the unset frame", () => {
    const expected = c.keys.filter((k) => !FILE_KEYS.includes(k) && k !== 'frame').map(camel);
    expect(Object.keys(bunch).sort()).toEqual(expected.sort());
  });

  it('holds the same values (column sums, squares, row-weighted sums, first and last rows)', () => {
    columnSums(X, (x) => x).forEach((s, j) => close(s, c.colSum[j]!));
    columnSums(X, (x) => x * x).forEach((s, j) => close(s, c.colSumSq[j]!));
    columnSums(X, (x, i) => (i + 1) * x).forEach((s, j) => close(s, c.colWeightedSum[j]!));
    c.firstRows.forEach((row, i) => row.forEach((v, j) => close(X[i]![j]!, v)));
    c.lastRow.forEach((v, j) => close(X.at(-1)![j]!, v));
  });

  it('holds the same target', () => {
    close(
      y.reduce((s, t) => s + t, 0),
      c.targetSum,
    );
    close(
      y.reduce((s, t) => s + t * t, 0),
      c.targetSumSq,
    );
    close(
      y.reduce((s, t, i) => s + (i + 1) * t, 0),
      c.targetWeightedSum,
    );
    expect(y.slice(0, 3)).toEqual(c.targetFirst);
    expect(y.at(-1)).toBe(c.targetLast);
    if (c.targetCounts) {
      const counts: Record<string, number> = {};
      for (const t of y) counts[String(t)] = (counts[String(t)] ?? 0) + 1;
      expect(counts).toEqual(c.targetCounts);
    }
  });

  it("has scikit-learn's frame columns with asFrame", () => {
    const loader = name.startsWith('diabetes')
      ? () => loadDiabetes({ asFrame: true, scaled: name === 'diabetes' })
      : name.startsWith('digits')
        ? () => loadDigits({ asFrame: true, nClass: name === 'digits3' ? 3 : 10 })
        : () =>
            ({ iris: loadIris, breastCancer: loadBreastCancer, wine: loadWine })[name as 'iris']({
              asFrame: true,
            });
    const framed = loader();
    expect(Object.keys(framed.frame[0]!)).toEqual(c.frameColumns);
    expect(framed.frame).toHaveLength(c.shape[0]!);
    expect(framed.frame.at(-1)!.target).toBe(c.targetLast);
  });

  if ('imagesShape' in c) {
    it('has the 8x8 images of the rows', () => {
      const images = bunch.images as number[][][];
      expect([images.length, images[0]!.length, images[0]![0]!.length]).toEqual(c.imagesShape);
      expect(images.map((im) => im.flat())).toEqual(X);
    });
  }
});
