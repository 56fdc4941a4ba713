// A scikeras-worker's task thread: imports the modules the worker was started with (--import),
// then runs fit-and-score tasks. It decodes with the registries those modules (and the built-in
// packages) filled, and nothing else: the module URLs a TravelSpec names are never imported.
import { parentPort, workerData } from 'node:worker_threads';
import {
  catchWarnings,
  fromTravelSpec,
  numSamples,
  toTravelSpec,
  type EstimatorLike,
  type TravelSpec,
} from '@scikeras/estimator-core';
import {
  fromTaskContextSpec,
  runTask,
  toErrorRecord,
  type LiveTaskContext,
  type TaskResult,
} from '@scikeras/model-selection';
import { unpackBlob } from '../data/dataBlob';
import {
  checkSearchContext,
  checkSearchData,
  type SearchData,
  type TaskRef,
} from '../tasks/payload';
import type { ThreadData, ThreadReply, ThreadRequest } from './threadProtocol';

const BACKEND_ENV = 'tfjs.backend';
const config = workerData as ThreadData;

/**
 * A TravelSpec as this worker decodes it: no modules to import, and without the sender's tfjs
 * backend when the worker was started with `--backend`.
 */
function sanitize(spec: TravelSpec): TravelSpec {
  const environment: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec.environment))
    if (!(config.backend && k === BACKEND_ENV)) environment[k] = v;
  return { ...spec, modules: [], environment: environment as TravelSpec['environment'] };
}

/** Bounded caches: a worker serves a few searches at a time. */
const MAX_CACHED = 4;
const contexts = new Map<string, Promise<LiveTaskContext>>();
const datas = new Map<string, Promise<SearchData>>();

function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    p.catch(() => map.delete(key));
    map.set(key, p);
    while (map.size > MAX_CACHED) map.delete(map.keys().next().value!);
  }
  return p;
}

async function liveContext(
  req: ThreadRequest,
): Promise<{ data: SearchData; live: LiveTaskContext }> {
  const data = await cached(datas, req.dataHash, async () =>
    checkSearchData(unpackBlob(req.blob), numSamples),
  );
  const live = await cached(contexts, `${req.searchKey}/${req.dataHash}`, async () => {
    const ctx = checkSearchContext(unpackBlob(req.context));
    return fromTaskContextSpec({
      estimator: sanitize(ctx.estimator),
      X: data.X,
      y: data.y,
      fitOptions: sanitize(data.fitOptions),
      scoring: ctx.scoring,
      mode: ctx.mode,
      returnTrainScore: ctx.returnTrainScore,
      returnEstimator: ctx.returnEstimator,
      errorScore: ctx.errorScore,
    });
  });
  return { data, live };
}

function hint(e: unknown): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (/not registered here/.test(err.message)) {
    err.message +=
      ` (A scikeras-worker only rebuilds classes and functions registered by the modules it imports: ` +
      `${config.imports.join(', ') || 'none'}. Start it with --import <the module that registers it>.)`;
  }
  return err;
}

async function runOne(req: ThreadRequest): Promise<TaskResult> {
  const t: TaskRef = req.task;
  try {
    const { live, data } = await liveContext(req);
    const split = data.splits[t.split];
    if (!split) throw new Error(`The task's split ${t.split} is not in the search's data.`);
    const params = t.params
      ? await fromTravelSpec<Record<string, unknown>>(sanitize(t.params))
      : null;
    const task = { ...t, params, trainIdx: split[0], testIdx: split[1] };
    const { result, warnings } = await catchWarnings(() => runTask(task, live));
    if (result.estimator) {
      const est = result.estimator as EstimatorLike & { dispose?: () => void };
      result.estimator = await toTravelSpec(est);
      est.dispose?.();
    }
    return { ...result, warnings };
  } catch (e) {
    const err = hint(e);
    return {
      taskIndex: t.taskIndex,
      candidateIndex: t.candidateIndex,
      splitIndex: t.splitIndex,
      testScores: NaN,
      fitTime: 0,
      scoreTime: 0,
      nTestSamples: 0,
      fitError: null,
      raised: toErrorRecord(err), // thrown again with its class by the client
    };
  }
}

async function init(): Promise<void> {
  for (const url of config.imports) await import(url);
  if (config.backend) {
    // the backend setting that wrappers registers (a travel environment), without importing wrappers
    await fromTravelSpec({
      format: 'scikeras-ts-travel',
      modules: [],
      environment: { [BACKEND_ENV]: config.backend },
      value: null,
      buffers: [],
    });
    const now = (await toTravelSpec(null)).environment[BACKEND_ENV];
    if (now !== config.backend)
      throw new Error(
        `--backend ${config.backend}: the tfjs backend is '${String(now ?? 'none')}'. ` +
          'The backend is set through @scikeras/wrappers: an --import module must import it (and the backend package, e.g. @tensorflow/tfjs-backend-wasm).',
      );
  }
}

const port = parentPort!;
init().then(
  () => port.postMessage({ ready: true } satisfies ThreadReply),
  (e: unknown) =>
    port.postMessage({
      initError: (e as Error)?.stack ?? String(e),
    } satisfies ThreadReply),
);
port.on('message', (req: ThreadRequest) => {
  void runOne(req).then((result) => port.postMessage({ id: req.id, result } satisfies ThreadReply));
});
