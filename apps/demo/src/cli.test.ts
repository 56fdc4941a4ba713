// The CLI's --quick tour, end to end: every section meets its score bound, no tfjs tensor is
// left behind, and the HTML report holds its plots.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECTIONS } from './sections';

const APP = join(__dirname, '..');
const CLI = join(APP, 'dist', 'cli.js');

interface Outcome {
  name: string;
  passed: boolean;
  error?: string;
  leakedTensors: number;
  result?: { score: number; bound: number; scoreName: string };
}

describe('pnpm demo (CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scikeras-demo-test-'));
  let run: ReturnType<typeof spawnSync>;
  let json: { backend: string; leakedTensors: number; outcomes: Outcome[]; totalSeconds: number };

  beforeAll(() => {
    execFileSync(
      process.execPath,
      [join(require.resolve('tsup'), '..', 'cli-default.js'), '--silent'],
      {
        cwd: APP,
        stdio: 'pipe',
      },
    );
    run = spawnSync(
      process.execPath,
      [CLI, '--quick', '--report', join(dir, 'report.html'), '--json', join(dir, 'out.json')],
      { cwd: APP, encoding: 'utf8', timeout: 110_000 },
    );
    json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every section on wasm (auto) and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(json.backend).toBe('wasm');
    expect(json.outcomes.map((o) => o.name)).toEqual(SECTIONS.map((s) => s.name));
    expect(run.status).toBe(0);
  });

  it.each(SECTIONS.map((s) => s.name))('section %s meets its score bound', (name) => {
    const o = json.outcomes.find((x) => x.name === name)!;
    expect(o.error).toBeUndefined();
    expect(o.result!.score).toBeGreaterThanOrEqual(o.result!.bound);
    expect(o.passed).toBe(true);
  });

  it('leaves no tfjs tensor behind', () => {
    expect(json.outcomes.map((o) => [o.name, o.leakedTensors])).toEqual(
      SECTIONS.map((s) => [s.name, 0]),
    );
    expect(json.leakedTensors).toBe(0);
  });

  it('prints a table per section and the summary with times', () => {
    const stdout = String(run.stdout);
    for (const s of SECTIONS) expect(stdout).toContain(s.title);
    expect(stdout).toMatch(/Summary\n\s+section\s+score\s+value\s+bound\s+ok\s+time s/);
    expect(stdout).toMatch(/total\s+yes\s+\d+\.\d/);
    // the searches ran on worker threads (the default --jobs 2), pipelines included
    // gridsearch: 2 scaler steps x 2 hidden x 3 folds; mixed: 2 scalers x 2 hidden x 3 folds
    expect(stdout.match(/12 fits, nJobs = 2/g)).toHaveLength(2);
    // the mixed-data section one-hot encodes the sex column chosen by name from records
    expect(stdout).toContain(
      'features out: num__age, num__bmi, num__bp, num__s1, num__s2, num__s3, num__s4, num__s5, num__s6, cat__sex_1, cat__sex_2',
    );
  });

  it('writes a self-contained report with its plots as inline SVG', () => {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const plots = [...html.matchAll(/<figure class="plot" data-plot="(\w+)"><svg/g)].map(
      (m) => m[1],
    );
    expect(plots.filter((k) => k === 'lines').length).toBeGreaterThanOrEqual(2);
    expect(plots.filter((k) => k === 'heatmap')).toHaveLength(3); // grid search, mixed data, confusion matrix
    expect(plots).toContain('scatter');
    expect(html).toContain('Learning curves per fold');
    expect(html).toContain('Mixed data: mean CV R²');
    expect(html).toContain('Confusion matrix');
    expect(html).toContain('predicted vs true');
    // nothing fetched at view time: no scripts, no external src/href
    expect(html).not.toMatch(/<script|src="http|href="http|@import|url\(http/);
  });
});

describe('CLI flags', () => {
  it("--backend tensorflow without tfjs-node stops with useBackend's message", () => {
    const r = spawnSync(process.execPath, [CLI, '--backend', 'tensorflow', '--quick'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "--backend tensorflow: The 'tensorflow' backend needs the native TensorFlow binding, which is not installed. Add it with `npm i @tensorflow/tfjs-node` (CPU) or `npm i @tensorflow/tfjs-node-gpu` (CUDA GPU)",
    );
  });

  it('--only with an unknown section lists the valid ones', () => {
    const r = spawnSync(process.execPath, [CLI, '--only', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `Unknown section 'nope' for --only. Valid sections are: ${SECTIONS.map((s) => s.name).join(', ')}.\n`,
    );
  });
});
