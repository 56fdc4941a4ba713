// `pnpm bench`: runs every package's benchmark (packages/*/bench/run.mjs), side by side in one
// process each, prints their tables and writes the merged rows to bench/results.json.
// Each bench/run.mjs exports `async function run(): Promise<Row[]>` (see benchUtil.mjs).
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import { printTable } from './benchUtil.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const all = [];
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
    all.push(...rows.map((r) => ({ package: name, ...r })));
  }
}
mkdirSync(join(root, 'bench'), { recursive: true });
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
};
writeFileSync(
  join(root, 'bench', 'results.json'),
  JSON.stringify({ meta, rows: all }, null, 2) + '\n',
);
console.log(`\nwrote bench/results.json (${all.length} rows)`);
