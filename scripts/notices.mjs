// Writes each published package's LICENSE (a copy of the repository's) and NOTICE (the projects
// its source files are ported from, with their copyright notices and licenses), found from the
// provenance comment every ported file starts with. `--check` only compares and exits 1 when a
// file is missing or stale (`pnpm lint:packages` runs it). See docs/PUBLISHING.md.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publishedPackages, ROOT } from './publishedPackages.mjs';

const licenseText = (name) => readFileSync(join(ROOT, 'scripts', 'licenses', name), 'utf8');

/** The projects we port from: how a provenance comment names them, and their notices. */
export const ORIGINS = [
  {
    id: 'scikit-learn',
    test: /scikit-learn|sklearn\//,
    title: 'scikit-learn (https://github.com/scikit-learn/scikit-learn), BSD 3-Clause License',
    copyright: 'Copyright (c) 2007-2023 The scikit-learn developers.\nAll rights reserved.',
    license: 'BSD-3-Clause.txt',
  },
  {
    id: 'scikeras',
    test: /scikeras's/,
    title: 'SciKeras (https://github.com/adriangb/scikeras), MIT License',
    copyright: 'Copyright (c) 2020, Adrian Garcia Badaracco',
    license: 'MIT.txt',
  },
  {
    id: 'numpy',
    test: /numpy's/,
    title: 'NumPy (https://github.com/numpy/numpy), BSD 3-Clause License',
    copyright: 'Copyright (c) 2005-2023, NumPy Developers.\nAll rights reserved.',
    license: 'BSD-3-Clause.txt',
  },
  {
    id: 'keras',
    test: /Keras's/,
    title: 'Keras (https://github.com/keras-team/keras), Apache License 2.0',
    copyright: 'Copyright The Keras authors (Google LLC and the respective contributors).',
    license: 'Apache-2.0.txt',
  },
  {
    id: 'tfjs',
    test: /tfjs[-a-z]*( 4\.22)?'s|tfjs-(core|layers)\b/,
    title: 'TensorFlow.js (https://github.com/tensorflow/tfjs), Apache License 2.0',
    copyright: 'Copyright 2018 Google LLC. All Rights Reserved.',
    license: 'Apache-2.0.txt',
  },
];

const LICENSE_MARK = /BSD-3-Clause|\(MIT\)|Apache-2\.0/;

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '__fixtures__' && name !== 'test-utils') out.push(...sourceFiles(p));
    } else if (/\.(ts|mts|cts)$/.test(name) && !/\.test\.ts$|\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** The leading `//` comment lines of a file that name a license. */
function provenance(file) {
  const lines = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line);
  }
  const block = lines.join(' ');
  return LICENSE_MARK.test(block) ? block : '';
}

/** The origins one package's sources are ported from, each with the files that name it. */
export function originsOf(pkgDir) {
  const found = new Map();
  for (const file of sourceFiles(join(pkgDir, 'src'))) {
    const block = provenance(file);
    if (!block) continue;
    for (const o of ORIGINS) {
      if (!o.test.test(block)) continue;
      if (!found.has(o.id)) found.set(o.id, { origin: o, files: [] });
      found.get(o.id).files.push(relative(pkgDir, file));
    }
  }
  return ORIGINS.filter((o) => found.has(o.id)).map((o) => found.get(o.id));
}

/** The NOTICE text of one package. */
export function noticeOf(pkg, pkgDir) {
  const rule = '-'.repeat(78);
  const parts = [
    `${pkg.name}\nCopyright (c) 2026 The scikeras-ts authors. MIT License (see LICENSE).`,
  ];
  // NOTICE.data: what a package ships besides code (e.g. the data sets of @scikeras/datasets)
  const extra = join(pkgDir, 'NOTICE.data');
  if (existsSync(extra)) parts.push(readFileSync(extra, 'utf8').trim());
  const origins = originsOf(pkgDir);
  if (origins.length > 0) {
    parts.push(
      'This package contains TypeScript ports of code from the projects below. Each ported\n' +
        'source file names its origin in its first line. Their notices and licenses follow.',
    );
    const printed = new Map();
    for (const { origin } of origins) {
      const text = printed.has(origin.license)
        ? `Licensed under the same license as ${printed.get(origin.license)}, whose text is above.`
        : licenseText(origin.license).trim();
      if (!printed.has(origin.license)) printed.set(origin.license, origin.title.split(' (')[0]);
      parts.push(`${rule}\n${origin.title}\n\n${origin.copyright}\n\n${text}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

function main() {
  const check = process.argv.includes('--check');
  const rootLicense = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  const stale = [];
  for (const { dir, pkg } of publishedPackages()) {
    const want = { LICENSE: rootLicense, NOTICE: noticeOf(pkg, dir) };
    for (const [file, text] of Object.entries(want)) {
      const path = join(dir, file);
      const have = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (have === text) continue;
      if (check) stale.push(relative(ROOT, path));
      else {
        writeFileSync(path, text);
        console.log(`wrote ${relative(ROOT, path)}`);
      }
    }
  }
  if (stale.length > 0) {
    console.error(`Missing or stale (run \`pnpm notices\`): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
