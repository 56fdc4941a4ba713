// pnpm demo: the scikeras-ts tour in the terminal.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import cliProgress from 'cli-progress';
import { loadEstimator, saveEstimator, useBackend } from '@scikeras/wrappers';
import { loadDatasets } from './data/loadDatasets';
import { nodeReadText } from './data/nodeReadText';
import { formatTable } from './format';
import { registerDemoModels } from './models';
import { USAGE, parseArgs } from './parseArgs';
import { renderReport } from './report/renderReport';
import { runTour, selectSections } from './runTour';
import { SECTIONS } from './sections';
import type { Progress, TourContext } from './types';

const out = (s = '') => process.stdout.write(`${s}\n`);

/** A terminal progress bar on stderr (nothing when stderr is not a terminal). */
function progressBar(label: string, total: number): Progress {
  if (!process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${label} [{bar}] {value}/{total} {status}`,
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { status: '' });
  return {
    tick: (n = 1, status = '') => bar.increment(n, { status }),
    stop: () => bar.stop(),
  };
}

/** Where the user typed the command (pnpm runs scripts in the package folder; INIT_CWD keeps it). */
const USER_CWD = process.env.INIT_CWD ?? process.cwd();
function userCwd(): string {
  return USER_CWD;
}

function dataDir(): string {
  const candidates = [join(__dirname, '..', 'data'), join(__dirname, '..', '..', 'data')];
  return candidates.find((d) => existsSync(join(d, 'iris.csv'))) ?? candidates[0]!;
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (opts.help) {
    out(USAGE);
    return 0;
  }
  const sections = (() => {
    try {
      return selectSections(SECTIONS, opts.only);
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return null;
    }
  })();
  if (!sections) return 2;

  tf.enableProdMode();
  try {
    await useBackend(opts.backend);
  } catch (e) {
    process.stderr.write(`--backend ${opts.backend}: ${(e as Error).message}\n`);
    return 1;
  }
  // Worker threads (nJobs) import the modules the classes and build functions were registered
  // from, by resolved URL (whatever the current directory): the wrappers' package and this file.
  const modelsModule = join(__dirname, 'models.js');
  registerDemoModels(existsSync(modelsModule) ? modelsModule : undefined);
  const backend = tf.getBackend();
  const nJobsUnavailable =
    opts.jobs <= 1 || existsSync(modelsModule)
      ? undefined
      : 'not available: dist/models.js is missing (run the built CLI)';
  const nJobs = opts.jobs > 1 && nJobsUnavailable === undefined ? opts.jobs : null;
  out(
    `scikeras-ts tour: backend ${backend}${opts.backend === 'auto' ? ' (auto)' : ''}, ${opts.quick ? '--quick' : 'full tour'}, ${sections.length} section(s), nJobs ${nJobs ?? 1}`,
  );
  if (nJobsUnavailable)
    out(`nJobs ${opts.jobs} ${nJobsUnavailable}; the searches run in this thread.`);

  const ctx: TourContext = {
    quick: opts.quick,
    env: 'node',
    backend,
    data: loadDatasets(nodeReadText(dataDir())),
    nJobs,
    nJobsUnavailable,
    progress: progressBar,
    epochCallback(label, epochs) {
      let bar: Progress | null = null;
      return {
        onTrainBegin() {
          bar = progressBar(label, epochs);
        },
        onEpochEnd(_epoch: number, logs?: Record<string, number>) {
          bar?.tick(1, logs?.loss === undefined ? '' : `loss ${logs.loss.toFixed(4)}`);
        },
        onTrainEnd() {
          bar?.stop();
          bar = null;
        },
      };
    },
    async saveAndLoad(est) {
      const dir = mkdtempSync(join(tmpdir(), 'scikeras-demo-'));
      try {
        await saveEstimator(est as never, dir);
        return {
          loaded: await loadEstimator(dir),
          where: `${dir} (estimator.json + weights.bin, removed)`,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };

  const baseline = tf.memory().numTensors;
  const t0 = Date.now();
  const outcomes = await runTour(sections, ctx, {
    onStart(s, i, n) {
      out(`\n[${i + 1}/${n}] ${s.title}`);
    },
    onEnd(o) {
      if (o.result) {
        out(formatTable(o.result.headers, o.result.rows));
        for (const note of o.result.notes ?? []) out(`  ${note}`);
        out(
          `  => ${o.result.scoreName}: ${o.result.score.toFixed(3)} (bound ${o.result.bound}) ${o.passed ? 'ok' : 'BELOW BOUND'}, ${o.seconds.toFixed(1)} s`,
        );
      } else {
        out(`  FAILED: ${o.error}`);
      }
      if (o.leakedTensors !== 0) out(`  warning: ${o.leakedTensors} tfjs tensor(s) left behind`);
    },
  });
  const totalSeconds = (Date.now() - t0) / 1000;
  const leaked = tf.memory().numTensors - baseline;

  out('\nSummary');
  out(
    formatTable(
      ['section', 'score', 'value', 'bound', 'ok', 'time s'],
      [
        ...outcomes.map((o) => [
          o.name,
          o.result?.scoreName ?? 'error',
          o.result ? o.result.score.toFixed(3) : '',
          o.result ? o.result.bound : '',
          o.passed ? 'yes' : 'NO',
          o.seconds.toFixed(1),
        ]),
        [
          'total',
          '',
          '',
          '',
          outcomes.every((o) => o.passed) ? 'yes' : 'NO',
          totalSeconds.toFixed(1),
        ],
      ],
    ),
  );
  out(`tfjs tensors left after the tour: ${leaked}`);

  if (opts.report) {
    const file = resolve(userCwd(), opts.report);
    writeFileSync(
      file,
      renderReport(outcomes, {
        backend,
        quick: opts.quick,
        date: new Date().toISOString(),
        totalSeconds,
        env: `Node ${process.version}`,
      }),
    );
    out(`report written to ${file}`);
  }
  if (opts.json) {
    writeFileSync(
      resolve(userCwd(), opts.json),
      JSON.stringify(
        { backend, quick: opts.quick, totalSeconds, leakedTensors: leaked, outcomes },
        null,
        2,
      ),
    );
  }
  return outcomes.every((o) => o.passed) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
