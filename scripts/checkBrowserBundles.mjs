// Bundles every universal entry of every package (each `exports` entry but the Node-only ones,
// e.g. `./node`) for the browser with esbuild: nothing marked external, and no error or warning
// allowed (a Node built-in reached from a universal entry fails here). Runs after the packages
// are built, as part of `pnpm test`. Exits 1 on any error or warning.
//   node scripts/checkBrowserBundles.mjs [package ...]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

/** The universal entries of a package: `exports` keys with an ESM target, Node-only ones left out. */
function universalEntries(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const out = [];
  // a Node-only package (e.g. @scikeras/distributed: Redis, worker threads) has no universal entry
  if (pkg.scikeras?.nodeOnly) return out;
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (key === './package.json' || /(^|\/)node$/.test(key)) continue;
    const file = typeof target === 'string' ? target : (target.import?.default ?? target.import);
    if (typeof file === 'string' && file.endsWith('.mjs'))
      out.push({ name: `${pkg.name}${key.slice(1)}`, file: join(dir, file) });
  }
  return out;
}

const packagesDir = join(root, 'packages');
const entries = readdirSync(packagesDir)
  .filter((d) => existsSync(join(packagesDir, d, 'package.json')))
  .filter((d) => only.length === 0 || only.includes(d))
  .flatMap((d) => universalEntries(join(packagesDir, d)));

let failed = 0;
for (const { name, file } of entries) {
  if (!existsSync(file)) {
    console.log(`✗ ${name}: ${file} is missing (build the package first)`);
    failed++;
    continue;
  }
  const started = performance.now();
  let result;
  try {
    result = await build({
      entryPoints: [file],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
  } catch (e) {
    result = { errors: e.errors ?? [{ text: String(e) }], warnings: e.warnings ?? [] };
  }
  const problems = [...result.errors, ...result.warnings];
  const ms = Math.round(performance.now() - started);
  if (problems.length === 0) {
    const bytes = result.outputFiles?.reduce((a, f) => a + f.contents.byteLength, 0) ?? 0;
    const inputs = Object.keys(result.metafile?.inputs ?? {}).length;
    console.log(
      `✓ ${name}: ${inputs} modules, ${(bytes / 1024).toFixed(0)} KiB, no warning (${ms} ms)`,
    );
  } else {
    failed++;
    console.log(`✗ ${name}: ${result.errors.length} errors, ${result.warnings.length} warnings`);
    for (const p of problems.slice(0, 30))
      console.log(`    ${p.text}${p.location ? ` (${p.location.file}:${p.location.line})` : ''}`);
  }
}
console.log(
  `Browser bundles: ${entries.length - failed} of ${entries.length} universal entries bundle with no error or warning.`,
);
process.exit(failed > 0 ? 1 : 0);
