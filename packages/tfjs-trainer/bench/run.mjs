// The trainer benchmark (`node scripts/bench.mjs tfjs-trainer`): the matMul kernels, stock vs
// ours, on wasm and cpu, and one fit of a 100-256-256-3 MLP three ways (stock tfjs, our kernels
// with model.fit, the lean loop) next to PyTorch (bench/kernels.mjs); predict's products against
// PyTorch's, in GFLOP/s (bench/roofline.mjs).
// Imports the built package (../dist). TRAINER_BENCH_PARTS=kernels,roofline (the default) picks
// parts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { run as runKernels } from './kernels.mjs';
import { run as runRoofline } from './roofline.mjs';

const PARTS = (process.env.TRAINER_BENCH_PARTS ?? 'kernels,roofline').split(',');

export async function run() {
  tf.enableProdMode();
  await tf.setBackend('wasm');
  const rows = PARTS.includes('kernels') ? await runKernels({ fit: true }) : [];
  if (PARTS.includes('roofline')) rows.push(...(await runRoofline()));
  for (const r of rows) r.backend = 'wasm';
  return rows;
}
