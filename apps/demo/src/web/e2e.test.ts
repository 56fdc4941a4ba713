// pnpm demo:web end to end: builds the page with Vite, serves it with COOP/COEP on 127.0.0.1,
// and drives it in headless Chromium (the npm package @sparticuz/chromium, so every machine runs the
// same browser and none needs one installed) through the quick tour on webgl, then on (threaded)
// wasm; asserts the scores and a clean console, and saves screenshots (docs/ with UPDATE_SCREENSHOTS=1).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SECTIONS } from '../sections';
import { headlessChromium } from './headlessChromium';

const APP = join(__dirname, '..', '..');
// Screenshots go to test-output/ (ignored by git); UPDATE_SCREENSHOTS=1 writes the docs/ copies
// that the READMEs show.
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(APP, '..', '..', 'docs')
  : join(APP, 'test-output');
// Flags on top of @sparticuz/chromium's own: no traffic to Google's services during the test.
// The tour on webgl (SwiftShader, software) takes 2-3 minutes on a busy 2-core machine.
const TOUR_MS = 400_000;
const EXTRA_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface PageState {
  done: boolean;
  backend: string | null;
  wasmThreads: boolean | null;
  error: string | null;
  outcomes: {
    name: string;
    passed: boolean;
    error?: string;
    result?: { score: number; bound: number };
  }[];
}

describe('pnpm demo:web (headless Chromium)', () => {
  let server: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let url = '';
  const problems: string[] = [];
  const userDataDir = mkdtempSync(join(tmpdir(), 'scikeras-demo-chromium-'));

  beforeAll(async () => {
    const browser = headlessChromium(APP);
    execFileSync(
      process.execPath,
      [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build'],
      {
        cwd: APP,
        stdio: 'pipe',
      },
    );
    server = spawn(process.execPath, [join(APP, 'src', 'web', 'serve.mjs'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      server!.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
      server!.stdout!.on('data', (d: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
        if (m) resolve(m[0]);
      });
    });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: browser.executablePath,
      headless: true,
      args: [...browser.args, ...EXTRA_ARGS],
      env: browser.env,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  async function runTour(backend: 'webgl' | 'wasm'): Promise<PageState> {
    await page.goto(url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.selectOption('#backend', backend);
    await page.check('#quick');
    await page.click('#run');
    await page.waitForFunction(() => window.__tour.done, null, { timeout: TOUR_MS, polling: 500 });
    return page.evaluate(() => JSON.parse(JSON.stringify(window.__tour)) as PageState);
  }

  function expectScores(state: PageState, backend: string): void {
    expect(state.error).toBeNull();
    expect(state.backend).toBe(backend);
    expect(state.outcomes.map((o) => o.name)).toEqual(SECTIONS.map((s) => s.name));
    for (const o of state.outcomes) {
      expect({ section: o.name, error: o.error }).toEqual({ section: o.name, error: undefined });
      expect(o.result!.score).toBeGreaterThanOrEqual(o.result!.bound);
    }
  }

  it(
    'runs the quick tour on webgl with every score bound met',
    async () => {
      expectScores(await runTour('webgl'), 'webgl');
      expect(problems).toEqual([]);
    },
    TOUR_MS + 20_000,
  );

  it(
    'runs the quick tour on threaded wasm (cross-origin isolated) and saves a screenshot',
    async () => {
      const state = await runTour('wasm');
      expectScores(state, 'wasm');
      expect(state.wasmThreads).toBe(true);
      expect(await page.locator('#summary table tr').count()).toBe(SECTIONS.length + 2);
      expect(await page.locator('#live svg').count()).toBe(1);
      expect(problems).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      const shot = join(SHOTS, 'demo-web.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
    },
    TOUR_MS + 20_000,
  );

  it('the CLI report opens offline in Chromium; screenshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scikeras-demo-report-'));
    try {
      const file = join(dir, 'report.html');
      const cli = join(APP, 'dist', 'cli.js');
      if (!existsSync(cli)) {
        execFileSync(
          process.execPath,
          [join(require.resolve('tsup'), '..', 'cli-default.js'), '--silent'],
          { cwd: APP },
        );
      }
      spawnSync(process.execPath, [cli, '--quick', '--jobs', '1', '--report', file], {
        cwd: APP,
        timeout: 100_000,
      });
      const requests: string[] = [];
      const report = await context!.newPage();
      report.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await report.goto(`file://${file}`);
      expect(await report.locator('figure.plot svg').count()).toBeGreaterThanOrEqual(5);
      expect(requests).toEqual([]);
      mkdirSync(SHOTS, { recursive: true });
      const shot = join(SHOTS, 'demo-report.png');
      await report.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      await report.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
