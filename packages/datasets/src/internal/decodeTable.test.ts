// The embedded modules hold exactly the numbers of scikit-learn's data files in the repo's data/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { breastCancer } from '../data/breastCancer';
import { diabetes } from '../data/diabetes';
import { digits } from '../data/digits';
import { iris } from '../data/iris';
import { wine } from '../data/wine';
import { decodeTable } from './decodeTable';
import type { EmbeddedDataset } from './EmbeddedDataset';

const DATA = join(__dirname, '..', '..', '..', '..', 'data');

function read(file: string): string {
  const buf = readFileSync(join(DATA, file));
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** The numbers of a text table as JavaScript parses them (the same doubles numpy parses). */
function parse(text: string, sep: string | RegExp): number[][] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(sep).map(Number));
}

function expectExactly(ds: EmbeddedDataset, rows: number[][]): void {
  const flat = decodeTable(ds);
  expect(flat).toHaveLength(rows.length * rows[0]!.length);
  let mismatches = 0;
  rows.forEach((row, i) =>
    row.forEach((x, j) => {
      if (!Object.is(flat[i * ds.nCols + j], x)) mismatches++;
    }),
  );
  expect(mismatches).toBe(0);
}

describe('decodeTable', () => {
  it.each([
    ['iris.csv', iris],
    ['breast_cancer.csv', breastCancer],
    ['wine_data.csv', wine],
  ] as const)('gives back every number of data/%s and its class names', (file, ds) => {
    const [header, ...body] = read(file).split('\n');
    expectExactly(ds, parse(body.join('\n'), ','));
    expect(ds.targetNames).toEqual(header!.trim().split(',').slice(2));
  });

  it('gives back every number of the raw diabetes features and target', () => {
    const X = parse(read('diabetes_data_raw.csv.gz'), /\s+/);
    const y = parse(read('diabetes_target.csv.gz'), /\s+/);
    expectExactly(
      diabetes,
      X.map((row, i) => [...row, y[i]![0]!]),
    );
    // the few values one ulp off a short decimal are kept exactly
    expect(diabetes.exceptions.length).toBeGreaterThan(0);
  });

  it('gives back every pixel and digit of data/digits.csv.gz (the run-length form)', () => {
    expect(digits.small).toBe(true);
    expectExactly(digits, parse(read('digits.csv.gz'), ','));
  });

  it("embeds scikit-learn's descriptions verbatim", () => {
    expect(iris.descr).toBe(read('descr/iris.rst'));
    expect(breastCancer.descr).toBe(read('descr/breast_cancer.rst'));
    expect(wine.descr).toBe(read('descr/wine_data.rst'));
    expect(diabetes.descr).toBe(read('descr/diabetes.rst'));
    expect(digits.descr).toBe(read('descr/digits.rst'));
  });

  it('decodes multi-digit integers, decimals and exceptions', () => {
    // 'gB' = 0 + 1 * 32 = 32 -> 3.2 with one decimal; 'F' = 5; index 1 replaced by 0.1 + 0.2
    const ds: EmbeddedDataset = {
      nRows: 1,
      nCols: 3,
      decimals: [1, 0, 0],
      exceptions: [[1, 0.30000000000000004]],
      values: 'gBFA',
      descr: '',
    };
    expect(Array.from(decodeTable(ds))).toEqual([3.2, 0.30000000000000004, 0]);
  });

  it('refuses a corrupt or truncated string', () => {
    const base = { nRows: 1, nCols: 2, decimals: [0, 0], exceptions: [], descr: '' };
    expect(() => decodeTable({ ...base, values: 'A*' })).toThrow(
      'corrupt embedded data at character 1',
    );
    expect(() => decodeTable({ ...base, values: 'A' })).toThrow(
      'embedded data holds 1 values, not 2',
    );
  });
});
