// `pnpm run docs` (plain `pnpm docs` is a pnpm built-in): the API reference, a TypeDoc site of every published package, into docs/api/
// (gitignored; the GitHub Pages workflow .github/workflows/docs.yml publishes it).
// The entry points are the packages' `exports` maps, subpaths included (`@scikeras/x/testing`,
// `@scikeras/model-selection/node`): each `types` target `./dist/<path>.d.mts` is documented from
// `src/<path>.ts`, as a module named by its import specifier. Every `@scikeras/*` import resolves
// to its source, so types shared across packages link to their own page.
// Warnings are errors: an undocumented export (validation.notDocumented), a type referenced but
// not exported (validation.notExported) or a broken {@link} fails the build. Exits 1 on any.
//   node scripts/docs.mjs [--out <dir>] [--members]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Application, LogLevel } from 'typedoc';
import { publishedPackages, ROOT } from './publishedPackages.mjs';

/** `[{ specifier, file }]`: one per `exports` entry of a published package (package.json left out). */
export function docEntries() {
  const out = [];
  for (const { dir, pkg } of publishedPackages()) {
    for (const [key, target] of Object.entries(pkg.exports ?? {})) {
      if (key === './package.json') continue;
      const types = typeof target === 'string' ? target : target.import?.types;
      const m = /^\.\/dist\/(.+)\.d\.mts$/.exec(types ?? '');
      if (!m) throw new Error(`${pkg.name} exports["${key}"]: no ./dist/*.d.mts types to map`);
      const file = join(dir, 'src', `${m[1]}.ts`);
      if (!existsSync(file)) throw new Error(`${pkg.name} exports["${key}"]: ${file} is missing`);
      out.push({ specifier: `${pkg.name}${key.slice(1)}`, file });
    }
  }
  return out;
}

const REPO = 'https://github.com/scikeras-ts/scikeras-ts';

/**
 * The root README as the site's front page: its relative links (folders, docs/*.md, images) made
 * absolute links into the repository, since the site holds none of those files.
 */
export function frontPage(readmePath) {
  const base = dirname(readmePath);
  return readFileSync(readmePath, 'utf8').replace(
    /(\]\()(?!https?:|#|mailto:)([^)\s#]+)(#[^)\s]*)?\)/g,
    (_, open, target, hash = '') => {
      const abs = resolve(base, target);
      if (!existsSync(abs)) throw new Error(`${readmePath}: link ${target} points at nothing`);
      const kind = statSync(abs).isDirectory()
        ? 'tree'
        : /\.(png|jpe?g|gif|svg)$/.test(target)
          ? 'raw'
          : 'blob';
      return `${open}${REPO}/${kind}/main/${relative(ROOT, abs)}${hash})`;
    },
  );
}

/** The reflection kinds of an export (what `import { X }` names). */
const EXPORT_KINDS = [
  'Module',
  'Namespace',
  'Enum',
  'Variable',
  'Function',
  'Class',
  'Interface',
  'TypeAlias',
];

const argOut = process.argv.indexOf('--out');
const outDir = argOut > 0 ? process.argv[argOut + 1] : join(ROOT, 'docs', 'api');
const entries = docEntries();
const started = performance.now();
const tmp = mkdtempSync(join(tmpdir(), 'scikeras-docs-'));
const readme = join(tmp, 'README.md');
writeFileSync(readme, frontPage(join(ROOT, 'README.md')));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const app = await Application.bootstrapWithPlugins({
  name: 'scikeras-ts',
  entryPoints: entries.map((e) => e.file),
  entryPointStrategy: 'resolve',
  tsconfig: join(ROOT, 'tsconfig.docs.json'),
  compilerOptions: {
    // every @scikeras/* import (subpaths too) resolves to its source, relative to the root
    baseUrl: ROOT,
    paths: Object.fromEntries(entries.map((e) => [e.specifier, [relative(ROOT, e.file)]])),
  },
  readme,
  out: outDir,
  excludePrivate: true,
  excludeProtected: false,
  excludeInternal: true,
  excludeExternals: true,
  externalPattern: ['**/node_modules/**'],
  // the packages are ours; their sources' git links point at the repository's main branch
  gitRevision: 'main',
  sourceLinkTemplate:
    'https://github.com/scikeras-ts/scikeras-ts/blob/{gitRevision}/{path}#L{line}',
  disableGit: true,
  navigation: { includeCategories: false, includeGroups: true, includeFolders: false },
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  // TypeDoc checks only the root package's symbols by default: every published one must be
  packagesRequiringDocumentation: publishedPackages().map(({ pkg }) => pkg.name),
  // Every export must be documented. Members (interface/class properties, interface methods) are
  // checked too with --members: 491 of them lack a comment today, reported as not yet required.
  requiredToBeDocumented: process.argv.includes('--members')
    ? [...EXPORT_KINDS, 'Property', 'Method', 'Accessor', 'Constructor']
    : EXPORT_KINDS,
  logLevel: LogLevel.Info,
});

const project = await app.convert();
if (!project || app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error(`✗ pnpm docs: TypeDoc reported problems (${entries.length} entry points)`);
  process.exit(1);
}
app.validate(project);
if (app.logger.hasErrors() || app.logger.hasWarnings()) {
  console.error('✗ pnpm docs: validation failed (see the warnings above)');
  process.exit(1);
}
await app.generateDocs(project, outDir);
if (app.logger.hasErrors() || app.logger.hasWarnings()) process.exit(1);
const s = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `✓ pnpm docs: ${entries.length} entry points (${entries.map((e) => e.specifier).join(', ')}) -> ${relative(ROOT, outDir)}/ in ${s} s, 0 warnings`,
);
