// Packs workspace packages with `pnpm pack` and installs the tarballs alone into an empty temp
// project with npm, the way a user installs only the packages they need.
//
// - As a module: the helper of every package's `src/package.test.ts` (needs the packages built).
// - As a script, the release gate (`pnpm release:dry`, run by CI and by the release workflow
//   before `pnpm publish -r`): for every published package (packages/*, not private) it packs the
//   package and its @scikeras dependencies, installs them into an empty project with the peers
//   that install from the registry, then requires and imports every subpath of its `exports`
//   (CJS and ESM must give the same export names). Exits 1 on the first failure.
//   `node scripts/packAndInstall.cjs [folder ...]` checks only the named package folders.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/**
 * Optional peers the gate does not install: their install script downloads native binaries from
 * outside the npm registry (see docs/GPU.md), and nothing imports them at load time.
 */
const NATIVE_PEERS = new Set(['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu']);

/** Every package under packages/ as `{ folder, dir, pkg }`, private ones included. */
function workspacePackages() {
  const base = path.join(root, 'packages');
  return fs
    .readdirSync(base)
    .sort()
    .filter((folder) => fs.existsSync(path.join(base, folder, 'package.json')))
    .map((folder) => ({
      folder,
      dir: path.join(base, folder),
      pkg: JSON.parse(fs.readFileSync(path.join(base, folder, 'package.json'), 'utf8')),
    }));
}

/** The workspace package whose folder or package name is `name` (`'metrics'`, `'@scikeras/metrics'`). */
function findPackage(name) {
  const found = workspacePackages().find(
    (p) => p.folder === name || p.pkg.name === name || p.pkg.name === `@scikeras/${name}`,
  );
  if (!found) throw new Error(`No package ${name} under packages/`);
  return found;
}

/** The workspace dependencies of a package, transitively, dependencies first, itself last (folders). */
function withDeps(name, seen = new Set()) {
  const { folder, pkg } = findPackage(name);
  if (seen.has(folder)) return [];
  seen.add(folder);
  const out = [];
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (dep.startsWith('@scikeras/')) out.push(...withDeps(dep, seen));
  }
  out.push(folder);
  return out;
}

/** `pnpm pack`s one package folder into `dest` and returns the tarball's absolute path. */
function pack(folder, dest) {
  const out = execFileSync('pnpm', ['pack', '--pack-destination', dest], {
    cwd: path.join(root, 'packages', folder),
    encoding: 'utf8',
  });
  const tgz = out.trim().split('\n').pop().trim();
  return path.isAbsolute(tgz) ? tgz : path.join(dest, path.basename(tgz));
}

/**
 * Packs `name` and its @scikeras dependencies, installs them into a fresh temp project with
 * `extraDeps` (e.g. { '@tensorflow/tfjs': '4.22.0' }), and returns that project's folder.
 */
function packAndInstall(name, extraDeps = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scikeras-pack-${findPackage(name).folder}-`));
  const deps = {};
  for (const folder of withDeps(name)) {
    deps[findPackage(folder).pkg.name] = `file:${pack(folder, dir)}`;
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

/**
 * Runs a script file's source with node inside `project` (`.cjs` or `.mjs`), returning stdout.
 * NODE_PATH is dropped: pnpm's bin shims export one into the workspace's store, through which
 * the child would find the repository's packages instead of the project's.
 */
function runIn(project, filename, source) {
  fs.writeFileSync(path.join(project, filename), source);
  const env = { ...process.env };
  delete env.NODE_PATH;
  return execFileSync(process.execPath, [filename], { cwd: project, encoding: 'utf8', env });
}

/** The peers the gate installs with a package: all but the native ones, at their declared range. */
function gatePeers(pkg) {
  return Object.fromEntries(
    Object.entries(pkg.peerDependencies ?? {}).filter(([n]) => !NATIVE_PEERS.has(n)),
  );
}

/** The JavaScript subpaths of a package's `exports` (`'.'`, `'./testing'`, ...). */
function jsSubpaths(pkg) {
  if (!pkg.exports) return ['.'];
  return Object.keys(pkg.exports).filter((k) => k !== './package.json' && !k.endsWith('.json'));
}

const probe = (load) => `${load}
const names = Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort();
console.log(JSON.stringify(names));`;

/** Installs one package alone and imports every subpath both ways; returns a report line. */
function gateOne({ folder, pkg }) {
  const started = Date.now();
  const peers = gatePeers(pkg);
  const project = packAndInstall(folder, peers);
  try {
    const installed = JSON.parse(
      fs.readFileSync(path.join(project, 'node_modules', pkg.name, 'package.json'), 'utf8'),
    );
    if (JSON.stringify(installed).includes('workspace:')) {
      throw new Error(`${pkg.name}: the packed package.json still holds a workspace: range`);
    }
    const parts = [];
    for (const sub of jsSubpaths(pkg)) {
      const spec = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`;
      const cjs = JSON.parse(runIn(project, 'gate.cjs', probe(`const m = require('${spec}');`)));
      const esm = JSON.parse(runIn(project, 'gate.mjs', probe(`import * as m from '${spec}';`)));
      if (cjs.length === 0) throw new Error(`${spec}: require() gives no exports`);
      if (JSON.stringify(cjs) !== JSON.stringify(esm)) {
        const only = (a, b) => a.filter((x) => !b.includes(x)).join(', ');
        throw new Error(
          `${spec}: CJS and ESM exports differ (CJS only: ${only(cjs, esm) || '-'}; ESM only: ${only(esm, cjs) || '-'})`,
        );
      }
      parts.push(`'${sub}' ${cjs.length} exports`);
    }
    const extra = Object.keys(peers).length ? ` with ${Object.keys(peers).join(', ')}` : '';
    return `ok ${pkg.name}@${pkg.version}${extra}: ${parts.join(', ')} (require = import) in ${((Date.now() - started) / 1000).toFixed(0)} s`;
  } finally {
    fs.rmSync(path.dirname(project), { recursive: true, force: true });
  }
}

function main(argv) {
  const published = workspacePackages().filter((p) => p.pkg.private !== true);
  const chosen = argv.length ? argv.map((a) => findPackage(a)) : published;
  console.log(
    `release gate: ${chosen.length} package(s), each packed and installed alone, then required and imported`,
  );
  for (const p of chosen) {
    try {
      console.log(gateOne(p));
    } catch (e) {
      const err = /** @type {Error & { stderr?: Buffer | string }} */ (e);
      console.error(`FAIL ${p.pkg.name}: ${err.message}\n${err.stderr ? String(err.stderr) : ''}`);
      process.exit(1);
    }
  }
  console.log(`release gate passed: ${chosen.map((p) => p.pkg.name).join(', ')}`);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { packAndInstall, runIn, withDeps, workspacePackages, jsSubpaths };
