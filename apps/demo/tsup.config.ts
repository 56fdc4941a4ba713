import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['cjs'],
  clean: true,
  sourcemap: true,
  target: 'node20',
});
