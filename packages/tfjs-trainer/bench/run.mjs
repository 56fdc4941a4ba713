// The trainer benchmark (`node scripts/bench.mjs tfjs-trainer`): the matMul kernels, stock vs
// ours, on wasm and cpu, and one fit of a 100-256-256-3 MLP three ways (stock tfjs, our kernels
// with model.fit, the lean loop) next to PyTorch (bench/kernels.mjs).
// Imports the built package (../dist). TRAINER_BENCH_PARTS=kernels (the default) picks parts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { run as runKernels } from './kernels.mjs';

const PARTS = (process.env.TRAINER_BENCH_PARTS ?? 'kernels').split(',');

export async function run() {
  tf.enableProdMode();
  await tf.setBackend('wasm');
  const rows = PARTS.includes('kernels') ? await runKernels({ fit: true }) : [];
  for (const r of rows) r.backend = 'wasm';
  return rows;
}
