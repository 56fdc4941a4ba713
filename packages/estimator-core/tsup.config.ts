import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // one shared chunk for both entries in ESM and CJS: the testing entry uses the same
  // error classes and warning registry as the main one
  splitting: true,
  tsconfig: 'tsconfig.build.json',
});
