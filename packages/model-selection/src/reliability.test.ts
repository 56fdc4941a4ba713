// Searches that can be bounded (timeout), stopped (signal) and survive their fits (a worker that
// dies), errors that keep their class across threads, unknown option names. Runs the BUILT worker
// (dist/worker.mjs): `pnpm --filter @scikeras/model-selection build` first.
// No assertion here depends on which worker wins a race; the only clock assertion is the abort's
// "within a second", checked with a margin (see there).
import { execFileSync } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import {
  InvalidParameterError,
  NotFittedError,
  TerminatedWorkerError,
  TimeoutError,
  ValueError,
  catchWarnings,
} from '@scikeras/estimator-core';
import fixture from './__fixtures__/search.json';
import { MisbehavingEstimator, Ridge1D } from './__fixtures__/estimators.cjs';
import { WorkerPoolExecutor } from './execution/WorkerPoolExecutor';
import { GridSearchCV } from './search/GridSearchCV';
import { RandomizedSearchCV } from './search/RandomizedSearchCV';
import { crossValPredict } from './validation/crossValPredict';
import { crossValScore } from './validation/crossValScore';
import { crossValidate } from './validation/crossValidate';

const { X, yr } = fixture.data;

const search = (paramGrid: Record<string, unknown[]>, params: Record<string, unknown> = {}) =>
  new GridSearchCV({
    estimator: new MisbehavingEstimator(),
    paramGrid,
    cv: 3,
    refit: false,
    ...params,
  });

const scoresOf = (gs: GridSearchCV, candidate: number) =>
  [0, 1, 2].map((s) => (gs.cvResults_![`split${s}TestScore`] as number[])[candidate]);

afterAll(() => WorkerPoolExecutor.closeIdlePool());

describe('timeout (issue 13 item 9)', () => {
  it('stops a fit past the timeout, scores it errorScore and names candidate, fold and timeout (nJobs 2)', async () => {
    // timeout 2 s: the quick candidate's fits stay under it on a loaded machine
    const gs = search({ how: ['none', 'sleep'], ms: [60_000] }, { nJobs: 2, timeout: 2 });
    const { warnings } = await catchWarnings(() => gs.fit(X, yr));
    expect(scoresOf(gs, 1)).toEqual([NaN, NaN, NaN]);
    for (const s of scoresOf(gs, 0)) expect(s).not.toBe(threadId); // fitted in a worker
    const failed = warnings.filter((w) => w.category === 'FitFailedWarning');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('3 fits failed out of a total of 6.');
    for (const fold of [0, 1, 2])
      expect(failed[0]!.message).toContain(
        `TimeoutError: The fit of candidate 1 (how=sleep, ms=60000), fold ${fold} ran longer than timeout=2 s and was stopped: its worker thread was terminated.`,
      );
  }, 30_000);

  it('throws a TimeoutError with errorScore raise', async () => {
    const gs = search(
      { how: ['sleep'], ms: [60_000] },
      { nJobs: 2, timeout: 0.3, errorScore: 'raise' },
    );
    const err = await gs.fit(X, yr).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(
      /^The fit of candidate 0 \(how=sleep, ms=60000\), fold [012] ran longer than timeout=0.3 s and was stopped: its worker thread was terminated.$/,
    );
  }, 30_000);

  it('with nJobs null runs the fits on one worker thread, which it can stop', async () => {
    const gs = search({ how: ['none', 'sleep'], ms: [60_000] }, { timeout: 2 });
    await catchWarnings(() => gs.fit(X, yr));
    expect(scoresOf(gs, 1)).toEqual([NaN, NaN, NaN]);
    const threads = new Set(scoresOf(gs, 0));
    expect(threads.size).toBe(1);
    expect(threads.has(threadId)).toBe(false);
  }, 30_000);

  it('bounds RandomizedSearchCV and the cross-validation functions too', async () => {
    const rs = new RandomizedSearchCV({
      estimator: new MisbehavingEstimator({ how: 'sleep', ms: 60_000 }),
      paramDistributions: { code: [1, 2] },
      nIter: 1,
      cv: 2,
      timeout: 0.3,
      refit: false,
      randomState: 0,
    });
    await expect(rs.fit(X, yr)).rejects.toThrow('All the 2 fits failed.');
    const est = new MisbehavingEstimator({ how: 'sleep', ms: 60_000 });
    const { result, warnings } = await catchWarnings(() =>
      crossValidate(new MisbehavingEstimator({ how: 'sleep', ms: 10 }), X, yr, {
        cv: 2,
        timeout: 30,
        nJobs: 2,
      }),
    );
    expect(result.testScore!.every((t) => t !== threadId)).toBe(true);
    expect(warnings).toEqual([]);
    await expect(crossValScore(est, X, yr, { cv: 2, timeout: 0.3, nJobs: 2 })).rejects.toThrow(
      'TimeoutError: The fit of fold 0 ran longer than timeout=0.3 s',
    );
    await expect(crossValPredict(est, X, yr, { cv: 2, timeout: 0.3 })).rejects.toThrow(
      /^The fit of fold [01] ran longer than timeout=0.3 s/,
    );
  }, 60_000);

  it.each([0, -1, Infinity, '1', NaN])('rejects timeout=%p', async (timeout) => {
    const gs = search({ how: ['none'] }, { timeout });
    await expect(gs.fit(X, yr)).rejects.toThrow(InvalidParameterError);
    await expect(gs.fit(X, yr)).rejects.toThrow(
      "The 'timeout' parameter of GridSearchCV must be a float in the range (0, inf) or null. Got",
    );
  });
});

describe('signal (issue 13 item 9)', () => {
  it('rejects at once with an AbortError when the signal has already fired, fitting nothing', async () => {
    const fits: unknown[] = [];
    class Counting extends Ridge1D {
      override async fit(Xf: unknown, yf: unknown) {
        fits.push(Xf);
        return super.fit(Xf, yf);
      }
    }
    const ctrl = new AbortController();
    ctrl.abort();
    const gs = new GridSearchCV({ estimator: new Counting(), paramGrid: { alpha: [1] }, cv: 2 });
    const err = await gs.fit(X, yr, { signal: ctrl.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
    await expect(crossValidate(new Counting(), X, yr, { signal: ctrl.signal })).rejects.toBe(
      ctrl.signal.reason,
    );
    expect(fits).toEqual([]);
  });

  it('ends the running fits of nJobs 2 and rejects within a second', async () => {
    await WorkerPoolExecutor.closeIdlePool();
    const gs = search({ how: ['sleep'], ms: [60_000], code: [1, 2, 3] }, { nJobs: 2 });
    const ctrl = new AbortController();
    const running = gs.fit(X, yr, { signal: ctrl.signal });
    // abort once both workers have started (their contexts are rebuilt): after 1.5 s
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = performance.now();
    ctrl.abort();
    const err = await running.catch((e: unknown) => e);
    const elapsed = performance.now() - t0;
    expect((err as Error).name).toBe('AbortError');
    // The bound is 1 s (a failed job waits at most 1 s for its workers to stop, ~40 ms here);
    // the margin is for this test process's own event loop on a loaded 2-core machine.
    expect(elapsed).toBeLessThan(3000);
    // both workers were running a 60 s fit: both were terminated, none is kept
    expect(WorkerPoolExecutor.idleThreadIds()).toEqual([]);
    expect(getEventListeners(ctrl.signal, 'abort')).toHaveLength(0);
  }, 30_000);

  it('never passes the signal to the estimator, and leaves no listener on it', async () => {
    const seen: Record<string, unknown>[] = [];
    class Recording extends Ridge1D {
      override async fit(Xf: unknown, yf: unknown, options: Record<string, unknown> = {}) {
        seen.push(options);
        return super.fit(Xf, yf);
      }
    }
    const ctrl = new AbortController();
    const gs = new GridSearchCV({
      estimator: new Recording(),
      paramGrid: { alpha: [1, 2] },
      cv: 2,
    });
    await gs.fit(X, yr, { signal: ctrl.signal, tag: 'kept' });
    await crossValidate(new Recording(), X, yr, { cv: 2, signal: ctrl.signal });
    expect(seen).toHaveLength(4 + 1 + 2);
    for (const o of seen) expect(o).not.toHaveProperty('signal');
    expect(seen.slice(0, 5).every((o) => o.tag === 'kept')).toBe(true);
    expect(getEventListeners(ctrl.signal, 'abort')).toHaveLength(0);
  });

  it('with nJobs null rejects while an async fit runs, starts no other fit, disposes the late result', async () => {
    const events: string[] = [];
    class Slow extends Ridge1D {
      override async fit(Xf: unknown, yf: unknown) {
        events.push('fit');
        await new Promise((r) => setTimeout(r, 300));
        return super.fit(Xf, yf);
      }
      dispose() {
        events.push('dispose');
      }
    }
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const err = await crossValidate(new Slow(), X, yr, {
      cv: 3,
      returnEstimator: true,
      signal: ctrl.signal,
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(events).toEqual(['fit']); // rejected before the running fit ended
    await new Promise((r) => setTimeout(r, 500));
    expect(events).toEqual(['fit', 'dispose']); // that fit finished, was dropped and disposed
  });

  it('rejects during the refit and disposes the refitted estimator when it ends', async () => {
    const events: string[] = [];
    class SlowRefit extends Ridge1D {
      override async fit(Xf: unknown, yf: unknown) {
        if ((Xf as unknown[]).length === X.length) {
          events.push('refit');
          await new Promise((r) => setTimeout(r, 300));
        }
        return super.fit(Xf, yf);
      }
      dispose() {
        events.push('dispose');
      }
    }
    const ctrl = new AbortController();
    const gs = new GridSearchCV({ estimator: new SlowRefit(), paramGrid: { alpha: [1] }, cv: 2 });
    const running = gs.fit(X, yr, { signal: ctrl.signal });
    while (!events.includes('refit')) await new Promise((r) => setTimeout(r, 5));
    ctrl.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(gs.bestEstimator_).toBeUndefined();
    const refit = events.indexOf('refit'); // the folds' estimators were disposed before it
    expect(events.slice(refit)).toEqual(['refit']);
    await new Promise((r) => setTimeout(r, 500));
    expect(events.slice(refit)).toEqual(['refit', 'dispose']);
  });

  it('rejects a signal that is not an AbortSignal', async () => {
    await expect(crossValScore(new Ridge1D(), X, yr, { signal: 'stop' as never })).rejects.toThrow(
      "The 'signal' option of crossValidate must be an AbortSignal (new AbortController().signal). Got 'stop' (string) instead.",
    );
  });
});

/** Runs an ES module in a new Node process (the built package), returning its last stdout line as JSON. */
function runChild(body: string): { out: Record<string, unknown>; ms: number } {
  const dist = pathToFileURL(join(__dirname, '..', 'dist', 'index.mjs')).href;
  const fixtures = join(__dirname, '__fixtures__', 'estimators.cjs');
  const source = `
    import { createRequire } from 'node:module';
    import { GridSearchCV } from ${JSON.stringify(dist)};
    const { MisbehavingEstimator } = createRequire(import.meta.url)(${JSON.stringify(fixtures)});
    const X = Array.from({ length: 30 }, (_, i) => [i % 7, i]);
    const y = X.map(([a]) => a * 2);
    ${body}`;
  const t0 = performance.now();
  // exits by itself or fails: a dangling handle (a worker still fitting for 60 s) would hit the timeout
  // (--input-type=module is in the parent's execArgv, which worker threads inherit: the pool drops
  // it; then --expose-gc, which Node refuses in an explicit execArgv, is dropped too)
  const stdout = execFileSync(
    process.execPath,
    ['--expose-gc', '--input-type=module', '-e', source],
    {
      encoding: 'utf8',
      timeout: 40_000,
      stdio: ['ignore', 'pipe', 'pipe'], // the FitFailedWarning goes to its stderr
    },
  );
  return { out: JSON.parse(stdout.trim().split('\n').pop()!), ms: performance.now() - t0 };
}

describe('the process exits by itself (issue 13 item 9)', () => {
  it('after aborting a search whose fits would run for 60 s more', () => {
    const { out, ms } = runChild(`
      const ctrl = new AbortController();
      const gs = new GridSearchCV({ estimator: new MisbehavingEstimator({ how: 'sleep', ms: 60000 }),
        paramGrid: { code: [1, 2, 3] }, cv: 3, nJobs: 2 });
      setTimeout(() => ctrl.abort(), 1500);
      const t0 = performance.now();
      const err = await gs.fit(X, y, { signal: ctrl.signal }).catch((e) => e);
      console.log(JSON.stringify({ name: err.name, afterAbort: performance.now() - t0 - 1500 }));`);
    expect(out.name).toBe('AbortError');
    expect(out.afterAbort).toBeLessThan(3000); // 1 s bound; margin as in 'within a second' above
    // 60 s fits were running: the process ended long before they could have (40 s timeout)
    expect(ms).toBeLessThan(40_000);
  }, 60_000);

  it('after a search in which a fit called process.exit', () => {
    const { out } = runChild(`
      const gs = await new GridSearchCV({ estimator: new MisbehavingEstimator(),
        paramGrid: { how: ['none', 'exit'] }, cv: 3, nJobs: 2, refit: false }).fit(X, y);
      console.log(JSON.stringify({ scores: gs.cvResults_.meanTestScore.map(String) }));`);
    expect((out.scores as string[])[1]).toBe('NaN');
    expect((out.scores as string[])[0]).not.toBe('NaN');
  }, 60_000);
});

describe('no fit on the calling thread with nJobs > 1 (issue 13 item 9)', () => {
  it.each([
    [
      'exit',
      'A worker thread exited with code 3 while fitting candidate 1 (how=exit, ms=30000), fold',
    ],
    [
      'throwLater',
      'A worker thread exited with code 1 while fitting candidate 1 (how=throwLater, ms=30000), fold',
    ],
  ])(
    'survives a fit that ends its thread (%s), applies errorScore, names candidate and fold',
    async (how, message) => {
      const gs = search({ how: ['none', how], ms: [30_000] }, { nJobs: 2 });
      const { warnings } = await catchWarnings(() => gs.fit(X, yr));
      expect(scoresOf(gs, 1)).toEqual([NaN, NaN, NaN]);
      for (const s of scoresOf(gs, 0)) expect(s).not.toBe(threadId);
      const failed = warnings.find((w) => w.category === 'FitFailedWarning')!;
      expect(failed.message).toContain('3 fits failed out of a total of 6.');
      expect(failed.message).toContain(`TerminatedWorkerError: ${message}`);
      if (how === 'throwLater')
        expect(failed.message).toContain('Error: thrown from a timer inside fit');
    },
    60_000,
  );

  it('throws a TerminatedWorkerError with errorScore raise', async () => {
    const gs = search({ how: ['exit'] }, { nJobs: 2, errorScore: 'raise' });
    const err = await gs.fit(X, yr).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerminatedWorkerError);
    expect((err as Error).message).toMatch(
      /^A worker thread exited with code 3 while fitting candidate 0 \(how=exit\), fold [012] /,
    );
  }, 30_000);

  it('refits the best candidate on a worker thread too: its crash never ends the caller', async () => {
    const ok = await search({ how: ['none'] }, { nJobs: 2, refit: true }).fit(X, yr);
    const best = ok.bestEstimator_ as unknown as InstanceType<typeof MisbehavingEstimator>;
    expect(best).toBeInstanceOf(MisbehavingEstimator); // back through its TravelSpec
    expect(best.threadId_).not.toBe(threadId);
    expect(ok.refitTime_).toBeGreaterThan(0);
    const gs = search({ how: ['exit'], minRows: [X.length] }, { nJobs: 2, refit: true });
    const err = await gs.fit(X, yr).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerminatedWorkerError);
    expect((err as Error).message).toMatch(
      /^A worker thread exited with code 3 while fitting candidate 0 \(how=exit, minRows=\d+\), the refit on all the data /,
    );
    expect(gs.bestEstimator_).toBeUndefined();
  }, 30_000);

  it('survives a fit that runs its worker out of memory', async () => {
    const gs = search(
      { how: ['none', 'oom'] },
      {
        nJobs: new WorkerPoolExecutor({
          nJobs: 2,
          resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
        }),
      },
    );
    const { warnings } = await catchWarnings(() => gs.fit(X, yr));
    expect(scoresOf(gs, 1)).toEqual([NaN, NaN, NaN]);
    const failed = warnings.find((w) => w.category === 'FitFailedWarning')!;
    expect(failed.message).toContain('while fitting candidate 1 (how=oom), fold');
    expect(failed.message).toContain(
      '(ERR_WORKER_OUT_OF_MEMORY): Error: Worker terminated due to reaching memory limit: JS heap out of memory',
    );
  }, 60_000);
});

describe('errors from workers keep their class (issue 13 item 9)', () => {
  it.each([
    ['ValueError', 'ValueError', ValueError],
    ['NotFittedError', 'NotFittedError', NotFittedError],
    ['InvalidParameterError', 'InvalidParameterError', InvalidParameterError],
    ['CustomValueError', 'ValueError (keeping its name)', ValueError],
    ['TypeError', 'TypeError', TypeError],
    ['RangeError', 'RangeError', RangeError],
  ] as const)(
    '%s thrown in a worker reaches the caller as an instance of %s',
    async (how, _, Klass) => {
      const gs = search({ how: [how] }, { nJobs: 2, errorScore: 'raise' });
      const err = (await gs.fit(X, yr).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(Klass);
      expect(err.name).toBe(how);
      expect(err.message).toBe(`${how} raised in fit`);
      expect(err.stack).toMatch(new RegExp(`^${how}: ${how} raised in fit\\n`));
      expect(err.stack).toContain('estimators.cjs'); // the worker's frames
      expect(err.stack).toMatch(/\(in worker thread \d+\)$/);
    },
    30_000,
  );
});

describe('unknown option names (issue 13 item 4)', () => {
  it.each([
    ['crossValidate', crossValidate, { n_job: 2 }, "'n_job'. Did you mean 'nJobs'?"],
    ['crossValScore', crossValScore, { scorng: 'r2' }, "'scorng'. Did you mean 'scoring'?"],
    ['crossValPredict', crossValPredict, { methd: 'predict' }, "'methd'. Did you mean 'method'?"],
    ['crossValidate', crossValidate, { timeOut: 2 }, "'timeOut'. Did you mean 'timeout'?"],
    ['crossValScore', crossValScore, { returnTrainScore: true }, "'returnTrainScore'."],
    ['crossValPredict', crossValPredict, { errorScore: 0 }, "'errorScore'."],
    ['crossValidate', crossValidate, { preDispatch: 2 }, "'preDispatch'."],
  ] as const)('%s() rejects the options %j', async (name, fn, options, tail) => {
    const run = fn as (...args: unknown[]) => Promise<unknown>;
    const err = (await run(new Ridge1D(), X, yr, options).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe(`${name}() got an unexpected keyword argument ${tail}`);
  });
});
