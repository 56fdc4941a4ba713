#!/usr/bin/env node
// Turns scikit-learn's data files in the repo's data/ folder into the embedded modules of
// src/data/ (one per data set), so that the universal entry needs no fs, path or zlib.
//
//   node packages/datasets/scripts/embedData.cjs          writes src/data/*.ts and prints sizes
//
// Format (decoded by src/internal/decodeTable.ts): a table of nRows x nCols non-negative numbers,
// row-major. Column j holds integers scaled by 10^decimals[j]: int / 10^decimals === the number
// the file's text parses to, for every value but the few listed exactly in `exceptions` as
// [index, value]; the decimals are those that take the fewest characters. Each integer is
// written as base64 digits of 5 bits, least significant first, with the 6th bit set on every
// digit but the last. A table whose integers are all below 32 (digits's pixels) is written
// `small`: one character per value, and one per run of 2-33 zeros. The script checks that
// decoding gives every value back (Object.is) and refuses otherwise.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DATA = path.join(ROOT, 'data');
const OUT = path.resolve(__dirname, '..', 'src', 'data');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function readText(file) {
  const buf = fs.readFileSync(path.join(DATA, file));
  return (file.endsWith('.gz') ? zlib.gunzipSync(buf) : buf).toString('utf8');
}

/** Lines of numbers split on `sep` (a regex for whitespace-separated files). */
function parseRows(text, sep) {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(sep).map(Number));
}

const roundTrips = (x, d) =>
  Number.isSafeInteger(Math.round(x * POW10[d])) && Math.round(x * POW10[d]) / POW10[d] === x;

/**
 * The decimals that store column j in the fewest characters: the values these decimals do not
 * give back (diabetes's raw s5 holds a few numbers such as 5.3660000000000005, one ulp off their
 * short decimal; wine's color_intensity one 9.899999) are stored exactly in `exceptions`.
 */
function columnDecimals(rows, j) {
  const cost = POW10.map((_, d) =>
    rows.reduce(
      (sum, r, i) =>
        sum +
        (roundTrips(r[j], d)
          ? encodeInt(Math.round(r[j] * POW10[d])).length
          : 1 + JSON.stringify([i * rows[0].length + j, r[j]]).length),
      0,
    ),
  );
  return cost.indexOf(Math.min(...cost));
}

function encodeInt(v) {
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`cannot encode ${v}`);
  let s = '';
  while (v >= 32) {
    s += ALPHABET[32 + (v % 32)];
    v = Math.floor(v / 32);
  }
  return s + ALPHABET[v];
}

/**
 * The `small` encoding, for tables whose integers are all below 32 (digits): one character per
 * value, and one character for each run of 2 to 33 zeros (ALPHABET[30 + run]).
 */
function encodeSmall(ints) {
  let s = '';
  for (let i = 0; i < ints.length;) {
    let run = 0;
    while (i + run < ints.length && ints[i + run] === 0 && run < 33) run++;
    if (run >= 2) {
      s += ALPHABET[30 + run];
      i += run;
    } else {
      s += ALPHABET[ints[i]];
      i++;
    }
  }
  return s;
}

/** Encodes a table and checks that decoding it gives every value back. */
function encodeTable(rows) {
  const nCols = rows[0].length;
  if (rows.some((r) => r.length !== nCols || r.some((x) => !Number.isFinite(x))))
    throw new Error('ragged or non-finite table');
  const decimals = Array.from({ length: nCols }, (_, j) => columnDecimals(rows, j));
  let values = '';
  const exceptions = [];
  rows.forEach((r, i) => {
    for (let j = 0; j < nCols; j++) {
      const ok = roundTrips(r[j], decimals[j]);
      values += encodeInt(ok ? Math.round(r[j] * POW10[decimals[j]]) : 0);
      if (!ok) exceptions.push([i * nCols + j, r[j]]);
    }
  });
  const ints =
    values.length === rows.length * nCols ? [...values].map((c) => ALPHABET.indexOf(c)) : null;
  if (ints) values = encodeSmall(ints); // every integer below 32: one character each, zero runs
  const table = { nRows: rows.length, nCols, decimals, small: ints !== null, values, exceptions };
  const back = decode(table);
  rows.forEach((r, i) =>
    r.forEach((x, j) => {
      if (!Object.is(back[i * nCols + j], x)) throw new Error(`row ${i} col ${j}: ${x}`);
    }),
  );
  return table;
}

/** The same algorithm as src/internal/decodeTable.ts, for the round-trip check. */
function decode({ nRows, nCols, decimals, small, values, exceptions }) {
  const out = new Float64Array(nRows * nCols);
  let k = 0;
  if (small) {
    for (let i = 0; i < values.length; i++) {
      const c = ALPHABET.indexOf(values[i]);
      if (c >= 32) k += c - 30;
      else {
        out[k] = c / POW10[decimals[k % nCols]];
        k++;
      }
    }
    values = '';
  }
  let v = 0;
  let scale = 1;
  for (let i = 0; i < values.length; i++) {
    const c = ALPHABET.indexOf(values[i]);
    v += (c % 32) * scale;
    if (c >= 32) scale *= 32;
    else {
      out[k] = v / POW10[decimals[k % nCols]];
      k++;
      v = 0;
      scale = 1;
    }
  }
  if (k !== nRows * nCols) throw new Error(`decoded ${k} values, expected ${nRows * nCols}`);
  for (const [index, x] of exceptions) out[index] = x;
  return out;
}

/** scikit-learn's load_csv_data: header `n_samples,n_features,name0,name1,...`, target last. */
function csvDataset(file) {
  const [header, ...body] = readText(file).split('\n');
  const [nSamples, nFeatures, ...targetNames] = header.trim().split(',');
  const rows = parseRows(body.join('\n'), ',');
  if (rows.length !== Number(nSamples) || rows[0].length !== Number(nFeatures) + 1)
    throw new Error(`${file}: header says ${nSamples} x ${nFeatures}`);
  return { table: encodeTable(rows), targetNames };
}

const DATASETS = [
  { name: 'iris', sources: ['iris.csv'], descr: 'iris.rst', build: () => csvDataset('iris.csv') },
  {
    name: 'breastCancer',
    sources: ['breast_cancer.csv'],
    descr: 'breast_cancer.rst',
    build: () => csvDataset('breast_cancer.csv'),
  },
  {
    name: 'wine',
    sources: ['wine_data.csv'],
    descr: 'wine_data.rst',
    build: () => csvDataset('wine_data.csv'),
  },
  {
    // load_diabetes: np.loadtxt of the space-separated raw features and of the target
    name: 'diabetes',
    sources: ['diabetes_data_raw.csv.gz', 'diabetes_target.csv.gz'],
    descr: 'diabetes.rst',
    build: () => {
      const X = parseRows(readText('diabetes_data_raw.csv.gz'), /\s+/);
      const y = parseRows(readText('diabetes_target.csv.gz'), /\s+/);
      if (X.length !== y.length) throw new Error('diabetes: X and y lengths differ');
      return { table: encodeTable(X.map((r, i) => [...r, y[i][0]])) };
    },
  },
  {
    // load_digits: np.loadtxt(delimiter=","), 64 pixels then the digit
    name: 'digits',
    sources: ['digits.csv.gz'],
    descr: 'digits.rst',
    build: () => ({ table: encodeTable(parseRows(readText('digits.csv.gz'), ',')) }),
  },
];

function moduleText({ name, sources, descr }, { table, targetNames }) {
  const lines = [
    `// Generated by packages/datasets/scripts/embedData.cjs from scikit-learn's ${sources
      .map((s) => `data/${s}`)
      .join(' and ')} and data/descr/${descr} (BSD-3-Clause, see NOTICE): do not edit.`,
    `import type { EmbeddedDataset } from '../internal/EmbeddedDataset';`,
    '',
    `export const ${name}: EmbeddedDataset = {`,
    `  nRows: ${table.nRows},`,
    `  nCols: ${table.nCols},`,
    `  decimals: ${JSON.stringify(table.decimals)},`,
    `  exceptions: ${JSON.stringify(table.exceptions)},`,
    ...(table.small ? ['  small: true,'] : []),
    ...(targetNames ? [`  targetNames: ${JSON.stringify(targetNames)},`] : []),
    `  values: ${JSON.stringify(table.values)},`,
    `  descr: ${JSON.stringify(fs.readFileSync(path.join(DATA, 'descr', descr), 'utf8'))},`,
    '};',
    '',
  ];
  return lines.join('\n');
}

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const written = [];
  for (const ds of DATASETS) {
    const file = path.join(OUT, `${ds.name}.ts`);
    fs.writeFileSync(file, moduleText(ds, ds.build()));
    written.push(file);
  }
  // the repo's prettier settings decide the layout (long string literals stay on one line)
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prettier'), ['--write', ...written], {
    stdio: 'ignore',
  });
  for (const file of written) {
    const text = fs.readFileSync(file);
    console.log(
      `${path.relative(ROOT, file)}: ${text.length} bytes, ${zlib.gzipSync(text, { level: 9 }).length} gzipped`,
    );
  }
}

if (require.main === module) main();

module.exports = { encodeTable, decode, ALPHABET, POW10 };
