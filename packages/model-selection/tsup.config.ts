import { defineConfig } from 'tsup';

export default defineConfig({
  // worker: the worker-thread entry of WorkerPoolExecutor (dist/worker.mjs, used by both builds)
  entry: { index: 'src/index.ts', worker: 'src/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  shims: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
