// Every ```ts block of every README (the root one, packages/*/README.md, apps/demo/README.md) is
// typechecked strictly (tsconfig.base.json's options, module NodeNext: `@scikeras/*` resolve to
// the built packages through their `exports`) and run with Node, against the built packages.
// Runs after the packages are built, as part of `pnpm test`. Exits 1 on any failure.
//
// A marker line (an HTML comment, invisible on GitHub and npm) right before a block says how to
// treat it:
//   <!-- example: throws ValueError -->  the block must throw an error of that class (its name or
//                                         an ancestor's)
//   <!-- example: continues -->          the block goes on from the README's previous block: both
//                                         are one program (each block is counted once)
//   <!-- example: no-run <reason> -->    typechecked only (it needs Redis, a browser, jest, ...);
//                                         the reason is printed
//   <!-- example: continues no-run <reason> -->  typechecked after the previous block, not run
// A ```js block whose first line names a file (`// models.mjs: ...`) is written beside the
// examples, for a block that imports it.
//   node scripts/readmeExamples.mjs [README ...]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PKG = join(ROOT, 'scripts', 'readme-examples'); // the package whose node_modules they import
const OUT = join(PKG, '.out');
const MARKER =
  /^<!--\s*example:\s*(throws\s+(\w+)|continues(?:\s+no-run\s+(.+?))?|no-run\s+(.+?))\s*-->$/;

/** Every README the test covers, relative to the root. */
export function readmes() {
  const list = ['README.md'];
  for (const base of ['packages', 'apps'])
    for (const d of readdirSync(join(ROOT, base)).sort())
      if (existsSync(join(ROOT, base, d, 'README.md'))) list.push(`${base}/${d}/README.md`);
  return list;
}

/** The ```js blocks that name their file on their first line (`// models.mjs: ...`): `{ name: code }`. */
export function sideFilesOf(readme) {
  const files = {};
  const re = /^```js\n\/\/ ([\w.-]+\.mjs):[^\n]*\n([\s\S]*?)^```$/gm;
  for (const m of readFileSync(join(ROOT, readme), 'utf8').matchAll(re)) files[m[1]] = m[2];
  return files;
}

/**
 * The ```ts blocks of one README, grouped into programs: `[{ blocks, code, throws, noRun }]`.
 * A `continues` block joins the previous program; its marker must follow a block.
 */
export function programsOf(readme) {
  const lines = readFileSync(join(ROOT, readme), 'utf8').split('\n');
  const programs = [];
  let marker = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = MARKER.exec(line.trim());
    if (m) {
      marker = m;
      continue;
    }
    if (line.startsWith('```ts')) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end].startsWith('```')) end++;
      const code = lines.slice(start, end).join('\n');
      const where = `${readme}:${start}`;
      if (marker?.[1].startsWith('continues')) {
        const prev = programs.at(-1);
        if (!prev) throw new Error(`${where}: "continues" with no block before it`);
        if (marker[3]) {
          // typechecked after the previous program, which runs alone
          const joined = `${prev.code}\n// ${where}\n${code}`;
          programs.push({ blocks: [where], code: joined, throws: null, noRun: marker[3] });
        } else {
          prev.blocks.push(where);
          prev.code += `\n// ${where}\n${code}`;
        }
      } else {
        programs.push({
          blocks: [where],
          code: `// ${where}\n${code}`,
          throws: marker?.[2] ?? null,
          noRun: marker?.[4] ?? null,
        });
      }
      marker = null;
      i = end;
    } else if (line.trim() !== '') marker = null;
  }
  return programs;
}

/** `README.md` -> `root`, `packages/metrics/README.md` -> `metrics`. */
const slug = (readme) => (readme === 'README.md' ? 'root' : readme.split('/')[1]);

function typecheck(files) {
  const tsc = join(PKG, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(
    process.execPath,
    [tsc, '-p', join(PKG, 'tsconfig.json'), '--pretty', 'false'],
    {
      encoding: 'utf8',
    },
  );
  const out = `${r.stdout}${r.stderr}`;
  const failed = new Set(files.filter((f) => out.includes(`${relative(PKG, f)}(`)));
  return { ok: r.status === 0, out, failed };
}

/** Runs one compiled program in its own Node process; resolves to an error line, or null. */
function run(file, throws) {
  const driver = [
    `const want = ${JSON.stringify(throws)};`,
    `import(${JSON.stringify(`file://${file}`)}).then(`,
    `  () => { if (want) { console.error('did not throw ' + want); process.exit(3); } },`,
    `  (e) => {`,
    `    const names = [];`,
    `    for (let c = e?.constructor; c && c !== Object; c = Object.getPrototypeOf(c)) names.push(c.name);`,
    `    if (want && names.includes(want)) { console.log('threw ' + e.name + ': ' + e.message); return; }`,
    `    console.error(e); process.exit(2);`,
    `  });`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', driver], {
    cwd: OUT, // what an example writes (e.g. ./models) lands in .out/
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
  });
  if (r.status === 0) return { error: null, out: r.stdout };
  return { error: `exit ${r.status ?? r.signal}\n${r.stdout}${r.stderr}`.trim(), out: '' };
}

const only = process.argv.slice(2);
const list = readmes().filter((r) => only.length === 0 || only.includes(r));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'src'), { recursive: true });
const units = [];
for (const readme of list) {
  // a block may import a file an earlier ```js block of its README shows (`import ... from './models.mjs'`)
  for (const [name, code] of Object.entries(sideFilesOf(readme)))
    writeFileSync(join(OUT, 'src', name), code);
  programsOf(readme).forEach((p, k) => {
    const name = `${slug(readme)}-${k + 1}`;
    const src = join(OUT, 'src', `${name}.mts`);
    // `export {}`: a block with no import is still a module of its own
    writeFileSync(src, `${p.code}\nexport {};\n`);
    units.push({ ...p, readme, name, src, js: join(OUT, 'js', `${name}.mjs`) });
  });
}

let failures = 0;
const started = performance.now();
const tc = typecheck(units.map((u) => u.src));
if (!tc.ok) {
  console.log(tc.out.trim());
  console.log(`✗ typecheck failed (${tc.failed.size} program(s)); nothing was run`);
  process.exit(1);
}
const counts = new Map(list.map((r) => [r, { typechecked: 0, ran: 0, noRun: 0 }]));
for (const u of units) {
  const c = counts.get(u.readme);
  c.typechecked += u.blocks.length;
  if (u.noRun) {
    c.noRun += u.blocks.length;
    console.log(`- ${u.blocks.join(' + ')}: typechecked, not run (${u.noRun})`);
    continue;
  }
  const t0 = performance.now();
  const { error, out } = run(u.js, u.throws);
  const ms = Math.round(performance.now() - t0);
  if (error) {
    failures++;
    console.log(`✗ ${u.blocks.join(' + ')} (${ms} ms)\n${error}`);
  } else {
    c.ran += u.blocks.length;
    const note = u.throws ? ` ${out.trim().split('\n').at(-1)}` : '';
    console.log(`✓ ${u.blocks.join(' + ')} (${ms} ms)${note}`);
  }
}
let tcTotal = 0;
let ranTotal = 0;
for (const [readme, c] of counts) {
  tcTotal += c.typechecked;
  ranTotal += c.ran;
  console.log(
    `  ${readme}: ${c.typechecked} typechecked, ${c.ran} run${c.noRun ? `, ${c.noRun} not run` : ''}`,
  );
}
const s = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `README examples: ${tcTotal} blocks typechecked, ${ranTotal} run, ${failures} failed (${s} s)`,
);
process.exit(failures > 0 || tcTotal === 0 ? 1 : 0);
