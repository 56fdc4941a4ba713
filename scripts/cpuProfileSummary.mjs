// Where a process's CPU time went, from a V8 CPU profile: self time by package (or wasm module,
// node internals) and the top functions. Used for the profile summaries in BENCHMARKS.md.
// Usage:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof packages/model-selection/bench/gridChild.mjs <data.json> 1 3
//   node scripts/cpuProfileSummary.mjs /tmp/prof [topFunctions=25]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [dir, topArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/cpuProfileSummary.mjs <dir with one .cpuprofile> [top]');
  process.exit(2);
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) {
  console.error(`no .cpuprofile in ${dir}`);
  process.exit(2);
}
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTime = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i];
  selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
  total += dt;
});

/** The package (pnpm store entry or workspace package), wasm module or node area of a URL. */
function area(url) {
  if (url.startsWith('wasm:')) return 'wasm';
  const store = /node_modules\/\.pnpm\/([^/]+)\//.exec(url);
  if (store) return store[1].replace(/_.*$/, '');
  const ws = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (ws) return `@scikeras/${ws[2]}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url === '' ? '(native, GC, idle)' : url;
}

const byArea = new Map();
const byFunction = new Map();
for (const [id, t] of selfTime) {
  const { callFrame } = nodes.get(id);
  const a = area(callFrame.url);
  byArea.set(a, (byArea.get(a) ?? 0) + t);
  const where = callFrame.url.split('/').slice(-1)[0];
  const key = `${callFrame.functionName || '(anonymous)'} ${a} ${where}:${callFrame.lineNumber}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + t);
}
const lines = (map, n) =>
  [...map]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(
      ([k, t]) =>
        `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`,
    )
    .join('\n');
console.log(
  `${file}: ${(total / 1000).toFixed(0)} ms sampled\n\nby package:\n${lines(byArea, 20)}`,
);
console.log(`\ntop functions (self time):\n${lines(byFunction, Number(topArg ?? 25))}`);
