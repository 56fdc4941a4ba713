// Prints one closing line for the whole monorepo's tests ("Tests: N passed, N failed, N skipped"),
// summed over the per-package files written by scripts/jestSummaryReporter.cjs.
// `--reset` clears them before a run. Exits 1 if any test failed or was skipped, or none ran.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  '.cache',
  'scikeras-test-summary',
);
if (process.argv.includes('--reset')) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const rows = existsSync(dir)
  ? readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of rows) {
  console.log(`  ${r.package}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  passed += r.passed;
  failed += r.failed + r.suitesFailed;
  skipped += r.skipped;
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || skipped > 0 || passed === 0 ? 1 : 0);
