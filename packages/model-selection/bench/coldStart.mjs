// Where the time of a cold nJobs: 2 search goes (issue 18). Two views, each in a new process:
//   node coldStart.mjs steps <data.json> <threads>   one worker thread's start step by step
//     (coldStartSteps.mjs), in <threads> threads at once (2: as the pool starts them) or 0 (in the
//     main thread); durations per step, thread CPU and run-queue wait (/proc/thread-self/schedstat)
//   node coldStart.mjs search <data.json> [nJobs]      the reference search (gridChild.mjs's) with
//     the pool's messages timed from the calling thread: spawn, context and task posts (bytes,
//     serialisation time), 'started' and 'result' per task, per worker; the process's CPU time.
// Prints JSON. The data file is nJobs.mjs's (make_classification, { X, y }).
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout } from 'node:timers';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';

const [mode, file, arg] = process.argv.slice(2);
const here = (f) => new URL(f, import.meta.url);
const now = () => performance.timeOrigin + performance.now();
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function steps() {
  const threads = Number(arg ?? 2);
  const t0 = now();
  const runs =
    threads === 0
      ? [import(here('./coldStartSteps.mjs').href).then(() => null)]
      : Array.from(
          { length: threads },
          () =>
            new Promise((resolve, reject) => {
              const w = new Worker(fileURLToPath(here('./coldStartSteps.mjs')), {
                workerData: { file },
              });
              w.on('message', (m) => resolve(m) || void w.terminate());
              w.on('error', reject);
            }),
        );
  const outs = await Promise.all(runs);
  return outs.map((o) => {
    if (!o) return 'see stdout (main thread)';
    let prev = { t: t0, runMs: 0, waitMs: 0, procCpuMs: 0 };
    const rows = o.marks.map((m, i) => {
      const r = {
        step: m.step,
        atMs: Math.round(m.t - t0),
        wallMs: Math.round(m.t - prev.t),
        threadCpuMs: Math.round(m.runMs - (i === 0 ? 0 : prev.runMs)),
        runQueueWaitMs: Math.round(m.waitMs - (i === 0 ? 0 : prev.waitMs)),
        processCpuMs: Math.round(m.procCpuMs - prev.procCpuMs),
      };
      prev = m;
      return r;
    });
    return { rows, wasm: o.wasm, numTensors: o.numTensors };
  });
}

/** CPU time (ms) of every thread of this process, by tid. */
function allThreads() {
  const out = new Map();
  for (const tid of readdirSync('/proc/self/task'))
    try {
      out.set(
        Number(tid),
        Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6,
      );
    } catch {
      // ended meanwhile
    }
  return out;
}

function threadSched() {
  const [run, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
  return { runMs: run / 1e6, waitMs: wait / 1e6 };
}

/** A worker's marks as rows: when (ms after fit was called), and its CPU time and run-queue wait since the previous mark. */
function workerRows(marks, s0) {
  let prev = { runMs: 0, waitMs: 0 };
  const rows = marks.map((m) => {
    const r = {
      at: Math.round(m.t - s0),
      what: m.what,
      cpuMs: Math.round(m.runMs - prev.runMs),
      waitMs: Math.round(m.waitMs - prev.waitMs),
    };
    prev = m;
    return r;
  });
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  return { threadCpuMs: sum('cpuMs'), runQueueWaitMs: sum('waitMs'), rows };
}

async function search() {
  const nJobs = Number(arg ?? 2);
  const events = [];
  const traces = {};
  const t0 = now();
  const ids = new Map();
  const id = (w) => {
    if (!ids.has(w)) ids.set(w, ids.size + 1);
    return ids.get(w);
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, ...rest) {
    const a = now();
    post.call(this, m, ...rest);
    const b = now();
    const bytes = serialize(m).length; // outside the timed part
    events.push({
      w: id(this),
      at: a - t0,
      what: `post ${m.type}`,
      ms: b - a,
      bytes,
      pos: m.position,
    });
  };
  const emit = Worker.prototype.emit;
  Worker.prototype.emit = function (name, m, ...rest) {
    if (name === 'online') events.push({ w: id(this), at: now() - t0, what: 'online' });
    if (name === 'message' && m.type === 'trace')
      traces[id(this)] = [...(traces[id(this)] ?? []), ...m.marks];
    else if (name === 'message')
      events.push({ w: id(this), at: now() - t0, what: `got ${m.type}`, pos: m.position });
    return emit.call(this, name, m, ...rest);
  };

  const wrappersDist = here('../../wrappers/dist/index.mjs');
  const tf = createRequire(wrappersDist)('@tensorflow/tfjs');
  const { KerasClassifier, useBackend } = await import(wrappersDist.href);
  const { referenceSearch } = await import(here('../../wrappers/bench/referenceSearch.mjs').href);
  const { GridSearchCV } = await import(here('../dist/index.mjs').href);
  const { X, y } = JSON.parse(readFileSync(file, 'utf8'));
  tf.enableProdMode();
  await useBackend('wasm');
  const threads0 = allThreads();
  const cpu0 = cpuMs();
  const caller0 = threadSched();
  const s0 = now();
  events.push({ at: s0 - t0, what: 'fit called' });
  const gs = referenceSearch(
    { GridSearchCV, KerasClassifier },
    { nJobs: nJobs === 1 ? null : nJobs },
  );
  await gs.fit(X, y);
  const s1 = now();
  events.push({ at: s1 - t0, what: 'fit returned' });
  const caller1 = threadSched();
  await new Promise((r) => setTimeout(r, 300)); // the refit worker's last trace
  const threads1 = allThreads();
  const workerTids = new Set(Object.values(traces).map((m) => m[0]?.tid));
  const byKind = { caller: 0, workerJsThreads: 0, otherThreads: 0 };
  for (const [tid, ms] of threads1) {
    const d = ms - (threads0.get(tid) ?? 0);
    if (tid === process.pid) byKind.caller += d;
    else if (workerTids.has(tid)) byKind.workerJsThreads += d;
    else byKind.otherThreads += d;
  }
  const fitTimes = gs.cvResults_.meanFitTime.map((v) => Math.round(v * 1000));
  gs.dispose();
  return {
    searchMs: Math.round(s1 - s0),
    processCpuMs: Math.round(cpuMs() - cpu0),
    meanFitTimeMs: fitTimes,
    refitMs: Math.round(gs.refitTime_ * 1000),
    callerThreadCpuMs: Math.round(caller1.runMs - caller0.runMs),
    cpuMsByThread: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, Math.round(v)])),
    workers: Object.fromEntries(
      Object.entries(traces).map(([w, marks]) => [w, workerRows(marks, s0)]),
    ),
    load: loadavg()
      .map((v) => v.toFixed(2))
      .join(' '),
    events: events.map((e) => ({
      ...e,
      at: Math.round(e.at - (s0 - t0)),
      ...(e.ms === undefined ? {} : { ms: +e.ms.toFixed(2) }),
    })),
  };
}

const out = mode === 'steps' ? await steps() : await search();
// one line per step or event
const lines = (k, v) =>
  Array.isArray(v) && v.every((e) => typeof e === 'object') ? v.map((e) => JSON.stringify(e)) : v;
console.log(JSON.stringify({ load: loadavg().map((v) => +v.toFixed(2)), out }, lines, 1));
