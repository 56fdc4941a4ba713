import { defineConfig } from 'tsup';

export default defineConfig({
  // worker: the worker-thread entry of WorkerPoolExecutor (dist/worker.mjs, used by both builds)
  entry: { index: 'src/index.ts', worker: 'src/execution/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // The ESM build gets __dirname from a shim that never throws, so that importing the package
  // in a browser (where import.meta.url is not a file URL) works; tsup's own shim would throw.
  esbuildOptions(options, context) {
    if (context.format === 'esm')
      options.inject = [...(options.inject ?? []), 'src/execution/esmDirnameShim.mjs'];
  },
});
