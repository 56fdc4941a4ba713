// Tests of the publish guard (scripts/publishGuard.cjs), run by `pnpm lint:packages` with
// `node --test`: npm refuses to publish or pack every published package; pnpm goes through.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { packageManager } = require('./publishGuard.cjs');

const root = path.resolve(__dirname, '..');
const GUARD = 'node ../../scripts/publishGuard.cjs';
const published = fs
  .readdirSync(path.join(root, 'packages'))
  .map((folder) => path.join(root, 'packages', folder))
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => pkg.private !== true);

/** Runs a client in a package folder with a clean environment (no inherited npm_* variables). */
function run(cmd, args, cwd) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_|^PNPM_/i.test(k)),
  );
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
}

test('reads the client from npm_config_user_agent', () => {
  assert.equal(packageManager('pnpm/12.4.2 npm/? node/v20.20.2 linux x64'), 'pnpm');
  assert.equal(packageManager('npm/11.6.2 node/v20.20.2 linux x64 workspaces/false'), 'npm');
  assert.equal(packageManager('yarn/4.5.0 npm/? node/v22.0.0 linux x64'), 'yarn');
  assert.equal(packageManager(undefined), '');
  assert.equal(packageManager(''), '');
});

test('every published package runs the guard before publish and pack', () => {
  assert.ok(published.length > 0);
  for (const { pkg } of published) {
    assert.equal(pkg.scripts?.prepublishOnly, GUARD, `${pkg.name} prepublishOnly`);
    assert.equal(pkg.scripts?.prepack, GUARD, `${pkg.name} prepack`);
  }
});

for (const { dir, pkg } of published) {
  test(`npm publish --dry-run of ${pkg.name} fails with the guard's message`, () => {
    const r = run('npm', ['publish', '--dry-run'], dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, new RegExp(`${pkg.name}: publish with pnpm, not npm\\.`));
    assert.match(r.stderr, /"workspace:\*" ranges that only `pnpm publish` rewrites/);
  });
}

test('npm pack fails too (a tarball packed by npm keeps workspace: ranges)', () => {
  const { dir, pkg } = published[0];
  const r = run('npm', ['pack', '--dry-run'], dir);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, new RegExp(`${pkg.name}: publish with pnpm, not npm\\.`));
});

test('pnpm publish --dry-run passes the guard', () => {
  const { dir, pkg } = published[0];
  const r = run('pnpm', ['publish', '--dry-run', '--no-git-checks'], dir);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout + r.stderr, /prepublishOnly: Done/);
  assert.match(r.stdout + r.stderr, new RegExp(`${pkg.name}@${pkg.version.replace(/\./g, '\\.')}`));
});
