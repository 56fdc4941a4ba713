// `pnpm bench`: runs every package's benchmark (packages/*/bench/run.mjs), side by side in one
// process each, prints their tables and merges the rows into bench/results.json.
// `node scripts/bench.mjs preprocessing pipeline` runs only those packages: their rows replace
// their previous rows in bench/results.json, every other package's rows are kept.
// Each bench/run.mjs exports `async function run(): Promise<Row[]>` (see benchUtil.mjs).
//
// Memory pages: numpy asks Linux for transparent huge pages on its large buffers (madvise, numpy
// >= 1.16); Node's ArrayBuffers come from glibc malloc, which asks only with the tunable
// glibc.malloc.hugetlb=1. Without it the first writes to a fresh 160 MB output fault in 4 KiB
// pages, which costs more than the arithmetic of a 1e6-row transform. The bench measures what a
// user's process gets, Node's default pages; SCIKERAS_BENCH_THP=1 re-runs it on Linux with that
// tunable (Python, started from it, gets it too) to show the difference. Which one ran is recorded
// in bench/results.json (meta.runs[package].malloc).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import { printTable } from './benchUtil.mjs';

const THP = 'glibc.malloc.hugetlb=1';
const tunables = process.env.GLIBC_TUNABLES;
if (
  process.platform === 'linux' &&
  process.env.SCIKERAS_BENCH_THP === '1' &&
  !tunables?.includes('glibc.malloc.hugetlb')
) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [...process.execArgv, self, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES: tunables ? `${tunables}:${THP}` : THP },
  });
  process.exit(r.status ?? 1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const all = [];
const ran = [];
for (const dir of ['packages', 'apps']) {
  const base = join(root, dir);
  if (!existsSync(base)) continue;
  for (const name of readdirSync(base)) {
    const file = join(base, name, 'bench', 'run.mjs');
    if (!existsSync(file) || (only.length && !only.includes(name))) continue;
    console.log(`\n## ${name}\n`);
    const { run } = await import(pathToFileURL(file).href);
    const rows = await run();
    printTable(rows);
    ran.push(name);
    for (const r of rows) all.push({ package: name, ...r });
  }
}
mkdirSync(join(root, 'bench'), { recursive: true });
const file = join(root, 'bench', 'results.json');
const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { rows: [] };
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  malloc: process.env.GLIBC_TUNABLES ?? 'default',
};
const date = new Date().toISOString();
// when each package's rows were measured (rows of packages not run now keep their date)
const runs = { ...(previous.meta?.runs ?? {}) };
for (const name of ran) runs[name] = { date, ...machine };
const kept = (previous.rows ?? []).filter((r) => !ran.includes(r.package));
for (const r of kept) {
  if (runs[r.package] || !previous.meta?.date) continue;
  const { date: d, node, cpus, cpu } = previous.meta; // a file written before per-package dates
  runs[r.package] = { date: d, node, cpus, cpu };
}
const merged = [...kept, ...all].sort((a, b) =>
  a.package < b.package ? -1 : a.package > b.package ? 1 : 0,
);
writeFileSync(
  file,
  JSON.stringify({ meta: { date, ...machine, runs }, rows: merged }, null, 2) + '\n',
);
console.log(
  `\nwrote bench/results.json (${all.length} rows of ${ran.join(', ') || 'no package'} merged with ${kept.length} kept rows)`,
);
