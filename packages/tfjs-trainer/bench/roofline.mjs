// Where predict's products stand against PyTorch's (issue 18 goal 4): the same chains of linear
// Dense layers (no activation: the products and their bias alone) through `predictDenseChain`
// on wasm and through torch.addmm on one thread (torchRoofline.py), on the same number of rows,
// in one run. Ours: 128-bit WebAssembly SIMD (4 float32 lanes), a multiply and an add per term
// (wasm has neither wider vectors nor, before relaxed SIMD, a fused multiply-add); PyTorch: its
// BLAS's sgemm (OpenBLAS on Debian), on whatever vector width the CPU has. Their GFLOP/s bound
// what a whole inference loop can reach.
// Run alone: `node packages/tfjs-trainer/bench/roofline.mjs` (after building the package).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { pythonHas, printTable, row } from '../../../scripts/benchUtil.mjs';
import { predictDenseChain } from '../dist/index.mjs';
import { TORCH_MISSING_NOTE } from './torchMlp.mjs';

const SUITE = 'roofline';
const ROWS = 262144;
const REPS = 5;
/** name -> layer widths (torchRoofline.py is given them) */
const CHAINS = {
  '100-64-64-3': [100, 64, 64, 3],
  '256-256-256-4': [256, 256, 256, 4],
};
const PY = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torchRoofline.py', import.meta.url));

/** Floating-point operations of one pass of `rows` rows through `widths` (2 per term). */
const flops = (widths, rows) =>
  widths.slice(1).reduce((sum, units, i) => sum + 2 * rows * widths[i] * units, 0);

/** The fastest of REPS `predictDenseChain` calls on ROWS rows through a linear chain, in ms. */
function oursMs(widths) {
  const model = tf.sequential({
    layers: widths.slice(1).map((units, i) =>
      tf.layers.dense({
        units,
        activation: 'linear',
        biasInitializer: 'randomUniform',
        ...(i === 0 ? { inputShape: [widths[0]] } : {}),
      }),
    ),
  });
  const data = new Float32Array(ROWS * widths[0]);
  for (let i = 0; i < data.length; i++) data[i] = ((i * 2654435761) % 2000) / 1000 - 1;
  let best = Infinity;
  try {
    for (let r = 0; r < REPS + 1; r++) {
      const t0 = performance.now();
      const out = predictDenseChain(model, { data, shape: [ROWS, widths[0]] });
      const ms = performance.now() - t0;
      if (out === null) throw new Error('predictDenseChain did not apply to a linear Dense chain');
      if (r > 0) best = Math.min(best, ms); // the first call warms the JIT
    }
  } finally {
    model.dispose();
  }
  return best;
}

/** PyTorch's ms per chain, or `{ note }` when it cannot be measured. */
function torchMs() {
  if (!pythonHas('torch')) return { note: TORCH_MISSING_NOTE };
  const args = [SCRIPT, String(ROWS), JSON.stringify(CHAINS)];
  const res = spawnSync(PY, args, { encoding: 'utf8', timeout: 600000 });
  if (res.error || res.status !== 0) {
    return { note: (res.stderr || String(res.error?.message ?? res.status)).trim().slice(0, 300) };
  }
  const lines = res.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/**
 * Benchmark rows: for each chain, ours vs PyTorch in ms and GFLOP/s (ratio = PyTorch / ours,
 * < 1 where PyTorch is faster).
 *
 * @returns {Promise<object[]>} the rows
 * @example
 * const rows = await run();
 */
export async function run() {
  const previous = tf.getBackend();
  await tf.setBackend('wasm');
  const rows = [];
  try {
    const torch = torchMs();
    for (const [name, widths] of Object.entries(CHAINS)) {
      const ours = oursMs(widths);
      const ref = torch.ms?.[name];
      const gf = (ms) => Math.round((flops(widths, ROWS) / (ms * 1e6)) * 10) / 10;
      rows.push(
        row(SUITE, `products of a ${name} linear chain, ${ROWS} rows`, ours, ref ?? NaN, {
          ours_gflops: gf(ours),
          ...(ref === undefined
            ? { note: torch.note }
            : { ref_gflops: gf(ref), note: `GFLOP/s: ours ${gf(ours)}, PyTorch ${gf(ref)}` }),
          ref: `PyTorch ${torch.torch ?? '(not measured)'} torch.addmm, 1 thread, batches of 1024`,
        }),
      );
    }
  } finally {
    if (previous) await tf.setBackend(previous);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  tf.enableProdMode();
  printTable(await run()); // the note carries both GFLOP/s
}
