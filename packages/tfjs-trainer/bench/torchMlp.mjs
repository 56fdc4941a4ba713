// The PyTorch reference figure of the kernels benchmark: runs torchMlp.py (beside this file) with
// /usr/bin/python3 when torch is importable there; otherwise reports a note instead of figures.
import { spawnSync } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';
import { pythonHas } from '../../../scripts/benchUtil.mjs';

const PY = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torchMlp.py', import.meta.url));
const TIMEOUT_MS = 10 * 60 * 1000;

/** The note returned when torch cannot be imported by /usr/bin/python3. */
export const TORCH_MISSING_NOTE =
  'torch not installed for /usr/bin/python3 (apt-get install -y python3-torch): ' +
  'PyTorch figures not measured in this run';

/**
 * Times a plain PyTorch loop fitting a 100-256-256-3 MLP (5 epochs, batch 64, 10,000 x 100).
 *
 * @returns {object} `{ torch, mlp: { ms_default_threads, ms_threads1, ms_threads_all,
 *   threads_default, threads_all } }`; `{ missing: true, note }` when torch is not installed for
 *   /usr/bin/python3; `{ failed: true, note }` (the first 300 characters of stderr) when the
 *   script fails.
 * @throws Never: every failure is reported in the returned object.
 * @example
 * const ref = torchMlp();
 * if (ref.mlp) console.log(ref.mlp.ms_threads1);
 */
export function torchMlp() {
  if (!pythonHas('torch')) return { missing: true, note: TORCH_MISSING_NOTE };
  const res = spawnSync(PY, [SCRIPT], { encoding: 'utf8', timeout: TIMEOUT_MS });
  const stderr = (res.stderr ?? '').trim();
  if (res.error || res.status !== 0) {
    const why = stderr || String(res.error?.message ?? `exit status ${res.status}`);
    return { failed: true, note: why.slice(0, 300) };
  }
  try {
    const lines = (res.stdout ?? '').trim().split('\n');
    return JSON.parse(lines[lines.length - 1]);
  } catch (e) {
    return { failed: true, note: `unparsable output: ${String(e?.message ?? e)}`.slice(0, 300) };
  }
}
