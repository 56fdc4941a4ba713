import { defineConfig } from 'tsup';

// dist/cli.js is the CLI; dist/models.js registers the tour's build functions when a worker
// thread of GridSearchCV (nJobs > 1) imports it. Only these are cleaned: dist/web is Vite's.
export default defineConfig({
  entry: { cli: 'src/cli.ts', models: 'src/modelsEntry.ts' },
  format: ['cjs'],
  clean: ['!web/**'],
  sourcemap: true,
  target: 'node20',
});
