// Shared helpers for the package benchmarks run by `pnpm bench` (scripts/bench.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Times `fn` (sync or async): one warm-up call, then the median of `repeat` calls, in ms.
 */
export async function timeIt(fn, { repeat = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const PY = '/usr/bin/python3';

/** Whether /usr/bin/python3 can import every module named. */
export function pythonHas(...modules) {
  if (!existsSync(PY)) return false;
  try {
    execFileSync(PY, ['-c', modules.map((m) => `import ${m}`).join('; ')], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs Python source with /usr/bin/python3 and parses the last stdout line as JSON.
 * The script should time its own work and print e.g. `json.dumps({"ms": ...})`.
 */
export function runPython(source, { timeoutMs = 600000 } = {}) {
  const out = execFileSync(PY, ['-c', source], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/**
 * A result row: { suite, name, ours_ms, ref_ms?, ref?: 'scikit-learn 1.2.1', ratio?, note? }.
 * ratio = ref_ms / ours_ms (> 1 means we are faster) unless given.
 */
export function row(suite, name, ours_ms, ref_ms, extra = {}) {
  const r = { suite, name, ours_ms: round(ours_ms) };
  if (ref_ms !== undefined && ref_ms !== null) {
    r.ref_ms = round(ref_ms);
    r.ratio = round(ref_ms / ours_ms, 2);
  }
  return { ...r, ...extra };
}

function round(x, d = 1) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Prints rows as an aligned text table. */
export function printTable(
  rows,
  columns = ['suite', 'name', 'ours_ms', 'ref_ms', 'unit', 'ratio', 'note'],
) {
  const cols = columns.filter((c) => rows.some((r) => r[c] !== undefined));
  const cell = (r, c) => (r[c] === undefined ? '' : String(r[c]));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (vals) => vals.map((v, i) => v.padEnd(widths[i])).join(' | ');
  console.log(line(cols));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(cols.map((c) => cell(r, c))));
}
