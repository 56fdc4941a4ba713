// `pnpm lint:packages`: checks every published package (packages/*, not private) the way npm
// users will meet it. Needs the packages built. Exits 1 on any problem; prints one line per check.
//   1. metadata: the conventions of docs/PUBLISHING.md (engines, publishConfig, repository,
//      homepage, bugs, keywords, license, files, typesVersions for subpaths, the publish guard)
//   2. LICENSE and NOTICE are present and current (scripts/notices.mjs)
//   3. every relative link of a shipped Markdown file points at a shipped file
//   4. publint (all levels, suggestions included) on what `pnpm pack` ships
//   5. @arethetypeswrong/cli on the packed tarball: node10, node16 (CJS and ESM) and bundler
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { noticeOf } from './notices.mjs';
import { publishedPackages, ROOT } from './publishedPackages.mjs';

const REPO = 'https://github.com/scikeras-ts/scikeras-ts';
const GUARD = 'node ../../scripts/publishGuard.cjs';
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The conventions every published package.json keeps (docs/PUBLISHING.md). */
export function metadataProblems({ folder, dir, pkg }) {
  const p = [];
  const want = (ok, msg) => ok || p.push(msg);
  want(pkg.name === `@scikeras/${folder}`, `name should be @scikeras/${folder}`);
  want(/^\d+\.\d+\.\d+/.test(pkg.version ?? ''), 'version should be semver');
  want(typeof pkg.description === 'string' && pkg.description.length > 20, 'description missing');
  want(pkg.license === 'MIT', 'license should be MIT');
  want(pkg.type === 'commonjs', 'type should be "commonjs" (dist/*.js is CJS, dist/*.mjs ESM)');
  want(
    pkg.engines?.node === rootPkg.engines.node,
    `engines.node should be ${rootPkg.engines.node}, as in the root package.json`,
  );
  want(pkg.publishConfig?.access === 'public', 'publishConfig.access should be "public"');
  want(pkg.publishConfig?.provenance === true, 'publishConfig.provenance should be true');
  want(
    pkg.repository?.type === 'git' &&
      pkg.repository?.url === `git+${REPO}.git` &&
      pkg.repository?.directory === `packages/${folder}`,
    `repository should be { type: git, url: git+${REPO}.git, directory: packages/${folder} }`,
  );
  want(
    pkg.homepage === `${REPO}/tree/main/packages/${folder}#readme`,
    `homepage should be ${REPO}/tree/main/packages/${folder}#readme`,
  );
  want(pkg.bugs?.url === `${REPO}/issues`, `bugs.url should be ${REPO}/issues`);
  want(
    Array.isArray(pkg.keywords) &&
      pkg.keywords.length >= 3 &&
      pkg.keywords.includes('scikit-learn'),
    'keywords should hold at least 3 words, scikit-learn among them',
  );
  want(
    typeof pkg.sideEffects === 'boolean' || Array.isArray(pkg.sideEffects),
    'sideEffects missing',
  );
  for (const f of ['dist', 'README.md', 'LICENSE', 'NOTICE', 'CHANGELOG.md']) {
    want(pkg.files?.includes(f), `files should include ${f}`);
    if (f !== 'dist') want(existsSync(join(dir, f)), `${f} is missing`);
  }
  want(pkg.scripts?.prepublishOnly === GUARD, `scripts.prepublishOnly should be "${GUARD}"`);
  want(pkg.scripts?.prepack === GUARD, `scripts.prepack should be "${GUARD}"`);
  const subpaths = Object.keys(pkg.exports ?? {}).filter(
    (k) => k !== '.' && k !== './package.json',
  );
  for (const sub of subpaths) {
    const types = pkg.exports[sub]?.require?.types;
    want(
      JSON.stringify(pkg.typesVersions?.['*']?.[sub.slice(2)]) === JSON.stringify([types]),
      `typesVersions["*"]["${sub.slice(2)}"] should be ["${types}"] (TypeScript's node10 resolution ignores exports)`,
    );
  }
  want(
    pkg.exports?.['./package.json'] === './package.json',
    'exports should expose ./package.json',
  );
  return p;
}

function markdownFiles(dir, pkg) {
  const out = [];
  const walk = (p) => {
    if (statSync(p).isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else if (p.endsWith('.md')) out.push(p);
  };
  for (const f of pkg.files ?? []) if (existsSync(join(dir, f))) walk(join(dir, f));
  return out;
}

/** Relative links of shipped Markdown that leave the shipped files (they break on npmjs.com). */
export function linkProblems({ dir, pkg }) {
  const shipped = (pkg.files ?? []).map((f) => resolve(dir, f));
  const p = [];
  for (const file of markdownFiles(dir, pkg)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z]+:/i.test(target)) continue;
      const abs = resolve(dirname(file), target);
      const ok = shipped.some((s) => abs === s || abs.startsWith(`${s}/`)) && existsSync(abs);
      if (!ok) {
        p.push(
          `${relative(ROOT, file)}: link ${m[1]} points outside the package (use ${REPO}/blob/main/...)`,
        );
      }
    }
  }
  return p;
}

async function publintProblems({ dir, pkg }) {
  const { messages } = await publint({
    pkgDir: dir,
    level: 'suggestion',
    strict: true,
    pack: 'pnpm',
  });
  return messages.map((m) => `publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
}

function attwProblems({ dir }) {
  const tmp = mkdtempSync(join(tmpdir(), 'scikeras-attw-'));
  try {
    const out = execFileSync('pnpm', ['pack', '--pack-destination', tmp], {
      cwd: dir,
      encoding: 'utf8',
    });
    const tgz = out.trim().split('\n').pop().trim();
    const bin = join(ROOT, 'node_modules', '.bin', 'attw');
    try {
      execFileSync(bin, [tgz, '--format', 'ascii'], { encoding: 'utf8', stdio: 'pipe' });
      return [];
    } catch (e) {
      return [`attw:\n${e.stdout}${e.stderr}`];
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const packages = publishedPackages();
  const rootLicense = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  let failed = 0;
  for (const p of packages) {
    const problems = [
      ...metadataProblems(p),
      ...(readFileSync(join(p.dir, 'LICENSE'), 'utf8') === rootLicense
        ? []
        : ['LICENSE differs from the root LICENSE (run pnpm notices)']),
      ...(existsSync(join(p.dir, 'NOTICE')) &&
      readFileSync(join(p.dir, 'NOTICE'), 'utf8') === noticeOf(p.pkg, p.dir)
        ? []
        : ['NOTICE is missing or stale (run pnpm notices)']),
      ...linkProblems(p),
      ...(await publintProblems(p)),
      ...attwProblems(p),
    ];
    if (problems.length === 0) {
      console.log(`ok ${p.pkg.name}: metadata, LICENSE/NOTICE, links, publint, attw`);
    } else {
      failed++;
      console.log(`FAIL ${p.pkg.name}:\n  - ${problems.join('\n  - ')}`);
    }
  }
  console.log(`${packages.length - failed}/${packages.length} packages pass the package checks`);
  if (failed > 0) process.exit(1);
}

main();
