import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the library; testing/index: real Redis and worker processes for tests; cli: the scikeras-worker command (bin: dist/cli.mjs); taskThread: the
  // worker's task-thread entry (dist/taskThread.mjs, loaded by both builds of the library)
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    cli: 'src/cli.ts',
    taskThread: 'src/worker/taskThread.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } },
  clean: true,
  splitting: false,
  shims: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
