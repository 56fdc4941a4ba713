// Test helper: packs workspace packages with `pnpm pack` and installs the tarballs alone into an
// empty temp project with npm, the way a user installs only the packages they need.
// Used by every package's `src/package.test.ts`. Needs the packages built (turbo's `build`).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** The @scikeras dependencies of a package, transitively, dependencies first, itself last. */
function withDeps(name, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  const pkg = JSON.parse(
    fs.readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'),
  );
  const out = [];
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (dep.startsWith('@scikeras/')) out.push(...withDeps(dep.slice('@scikeras/'.length), seen));
  }
  out.push(name);
  return out;
}

/**
 * Packs `name` and its @scikeras dependencies, installs them into a fresh temp project with
 * `extraDeps` (e.g. { '@tensorflow/tfjs': '4.22.0' }), and returns that project's folder.
 */
function packAndInstall(name, extraDeps = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scikeras-pack-${name}-`));
  const deps = {};
  for (const n of withDeps(name)) {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
      cwd: path.join(root, 'packages', n),
      encoding: 'utf8',
    });
    const tgz = out.trim().split('\n').pop().trim();
    deps[`@scikeras/${n}`] =
      `file:${path.isAbsolute(tgz) ? tgz : path.join(dir, path.basename(tgz))}`;
  }
  const project = path.join(dir, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify(
      {
        name: 'consumer',
        version: '1.0.0',
        private: true,
        dependencies: { ...deps, ...extraDeps },
        overrides: deps,
      },
      null,
      2,
    ),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'],
    {
      cwd: project,
      stdio: 'pipe',
    },
  );
  return project;
}

/** Runs a script file's source with node inside `project` (`.cjs` or `.mjs`), returning stdout. */
function runIn(project, filename, source) {
  fs.writeFileSync(path.join(project, filename), source);
  return execFileSync(process.execPath, [filename], { cwd: project, encoding: 'utf8' });
}

module.exports = { packAndInstall, runIn, withDeps };
