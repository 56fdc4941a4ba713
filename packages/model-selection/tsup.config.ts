import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the universal entry; node: the Node-only worker pool (@scikeras/model-selection/node,
  // loaded by nJobs > 1); worker: the worker-thread entry of the pool (dist/worker.mjs, used by
  // both builds). No code splitting: each entry's module URL is the file that registers its classes.
  entry: { index: 'src/index.ts', node: 'src/node.ts', worker: 'src/execution/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts' } },
  clean: true,
  splitting: false,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
  // The ESM build gets its own URL for src/internal/moduleUrl.ts (registered classes' module).
  esbuildOptions(options, context) {
    if (context.format === 'esm')
      options.inject = [...(options.inject ?? []), 'src/internal/esmModuleUrl.mjs'];
  },
});
