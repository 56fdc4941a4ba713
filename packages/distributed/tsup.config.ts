import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the library; cli: the scikeras-worker command (bin: dist/cli.mjs); taskThread: the
  // worker's task-thread entry (dist/taskThread.mjs, loaded by both builds of the library)
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', taskThread: 'src/worker/taskThread.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  splitting: false,
  shims: true,
  sourcemap: true,
  target: 'node20',
  tsconfig: 'tsconfig.build.json',
});
