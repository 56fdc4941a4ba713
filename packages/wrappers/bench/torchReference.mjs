// PyTorch and skorch reference figures for the wrappers benchmark (issue 8, bench item 4).
// Runs torchReference.py (beside this file) with /usr/bin/python3 when torch and skorch are
// importable there; otherwise reports a note instead of figures.
import { spawnSync } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';
import { pythonHas } from '../../../scripts/benchUtil.mjs';

const PY = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torchReference.py', import.meta.url));
const TIMEOUT_MS = 10 * 60 * 1000;

/** The note returned when torch or skorch cannot be imported by /usr/bin/python3. */
export const TORCH_MISSING_NOTE =
  'torch/skorch not installed for /usr/bin/python3 (apt-get install -y python3-skorch): ' +
  'PyTorch and skorch figures not measured in this run';

/**
 * Measures the PyTorch / skorch reference figures in this run.
 *
 * @param {'grid'} kind `'grid'`: skorch's NeuralNetClassifier in scikit-learn's
 *   GridSearchCV on the SKLEARN_GRID data of run.mjs (4 candidates x 3 folds + refit), with keys
 *   `grid['1']` and `grid['2']` (n_jobs 1 and 2, torch's default thread count),
 *   `grid['1_threads1']` and `grid['1_threads_all']` (n_jobs 1 after `torch.set_num_threads(1)` /
 *   `(cpu_count)`), each `{ ms, acc, best, n_jobs, torch_threads }`. (The PyTorch MLP loop of
 *   the kernels benchmark is @scikeras/tfjs-trainer's bench/torchMlp.mjs.)
 * @returns {object} The script's parsed JSON (with the `torch` and `skorch` versions);
 *   `{ missing: true, note }` when torch or skorch is not installed for /usr/bin/python3;
 *   `{ failed: true, note }` (the first 300 characters of stderr) when the script fails.
 * @throws Never: every failure is reported in the returned object.
 * @example
 * const ref = torchReference('grid');
 * if (!ref.missing && !ref.failed) console.log(ref.grid['1'].ms, ref.grid['1'].acc);
 */
export function torchReference(kind) {
  if (!pythonHas('torch', 'skorch')) return { missing: true, note: TORCH_MISSING_NOTE };
  const res = spawnSync(PY, [SCRIPT, kind], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 << 20,
  });
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
