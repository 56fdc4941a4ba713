import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  // No code splitting: dist/index.mjs is the module that registers every class (its module URL
  // is what worker threads import).
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
