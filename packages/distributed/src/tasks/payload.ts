// What travels through Redis: a task's BullMQ job data, a search's context (in its meta hash) and
// data (a blob), and a task's stored result. The worker side checks every shape before use: a
// payload is data from the network, never trusted.
import { ValueError, type TravelSpec } from '@scikeras/estimator-core';
import type { TaskResult } from '@scikeras/model-selection';
import { SEARCH_ID } from '../redis/keys';

/** A task as a BullMQ job carries it: which search, and the task with its params' TravelSpec. */
export interface TaskJobData {
  v: 1;
  searchId: string;
  /** The search's generation: a task of an earlier run of the same id is skipped. */
  generation: string;
  /** The content hash of the search's data blob. */
  dataHash: string;
  task: TaskRef;
}

/** One task: its indices, the split it uses (an index into the data's splits) and its params. */
export interface TaskRef {
  taskIndex: number;
  candidateIndex: number;
  splitIndex: number;
  /** Index into {@link SearchData.splits}. */
  split: number;
  params: TravelSpec | null;
}

/** What a search's tasks share besides the data (stored once, in the search's meta hash). */
export interface SearchContext {
  /** The unfitted estimator's TravelSpec (its `environment`, e.g. the tfjs backend, is restored). */
  estimator: TravelSpec;
  scoring: null | string | string[] | Record<string, string>;
  mode: 'score' | 'predict' | 'predictProba';
  returnTrainScore: boolean;
  returnEstimator: boolean;
  errorScore: 'raise' | number;
}

/** A search's data blob: samples, target, fit options and the distinct splits. */
export interface SearchData {
  X: unknown;
  y: unknown;
  /** The fit options' TravelSpec (without modules or environment). */
  fitOptions: TravelSpec;
  /** `[trainIdx, testIdx]` per distinct split. */
  splits: [number[], number[]][];
}

/**
 * Where a task ran (in the result a worker stores and QueueExecutor's `onTask`).
 *
 * @example
 * ```ts
 * const where = `${info.id} (${info.host}, pid ${info.pid}, thread ${info.thread})`;
 * ```
 */
export interface WorkerInfo {
  /** The worker's name (`--name`, else host:pid). */
  id: string;
  host: string;
  pid: number;
  /** The worker thread (0-based) that ran it. */
  thread: number;
}

/** A task's result as stored in the search's results hash. */
export interface StoredResult {
  result: TaskResult;
  worker: WorkerInfo;
}

const HASH = /^[0-9a-f]{64}$/;
const GENERATION = /^[0-9a-f]{32}$/;
const MODES = ['score', 'predict', 'predictProba'] as const;

function refuse(what: string): ValueError {
  return new ValueError(`Refused a task: ${what}.`);
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function onlyKeys(o: Record<string, unknown>, keys: readonly string[], what: string): void {
  for (const k of Object.keys(o))
    if (!keys.includes(k)) throw refuse(`${what} has an unexpected key ${JSON.stringify(k)}`);
}

function index(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw refuse(`${what} is not a non-negative integer`);
  return v;
}

/**
 * Checks that a value has a TravelSpec's shape (not what it encodes: decoding does that).
 *
 * @param v - the value
 * @param what - its name in the message
 * @returns the spec
 * @throws ValueError "Refused a task: ..." otherwise
 * @example
 * ```ts
 * checkTravelSpecShape(job.data.task.params, 'the params');
 * ```
 */
export function checkTravelSpecShape(v: unknown, what: string): TravelSpec {
  if (!isPlain(v) || v.format !== 'scikeras-ts-travel') throw refuse(`${what} is not a TravelSpec`);
  onlyKeys(v, ['format', 'modules', 'environment', 'value', 'buffers'], what);
  if (!Array.isArray(v.modules) || !v.modules.every((m) => typeof m === 'string'))
    throw refuse(`${what} has bad modules`);
  if (!isPlain(v.environment)) throw refuse(`${what} has a bad environment`);
  if (!Array.isArray(v.buffers) || !v.buffers.every((b) => typeof b === 'string'))
    throw refuse(`${what} has bad buffers`);
  if (!('value' in v)) throw refuse(`${what} has no value`);
  return v as unknown as TravelSpec;
}

/**
 * Checks a BullMQ job's data: exactly the keys and types of {@link TaskJobData}.
 *
 * @param data - `job.data`
 * @returns the data
 * @throws ValueError "Refused a task: ..." for anything else
 * @example
 * ```ts
 * const { searchId, task } = parseTaskJobData(job.data);
 * ```
 */
export function parseTaskJobData(data: unknown): TaskJobData {
  if (!isPlain(data)) throw refuse('the job data is not an object');
  onlyKeys(data, ['v', 'searchId', 'generation', 'dataHash', 'task'], 'the job data');
  if (data.v !== 1) throw refuse(`unknown payload version ${JSON.stringify(data.v)}`);
  if (typeof data.searchId !== 'string' || !SEARCH_ID.test(data.searchId))
    throw refuse('the search id is malformed');
  if (typeof data.generation !== 'string' || !GENERATION.test(data.generation))
    throw refuse('the generation is malformed');
  if (typeof data.dataHash !== 'string' || !HASH.test(data.dataHash))
    throw refuse('the data hash is malformed');
  const t = data.task;
  if (!isPlain(t)) throw refuse('the task is not an object');
  onlyKeys(t, ['taskIndex', 'candidateIndex', 'splitIndex', 'split', 'params'], 'the task');
  return {
    v: 1,
    searchId: data.searchId,
    generation: data.generation,
    dataHash: data.dataHash,
    task: {
      taskIndex: index(t.taskIndex, 'taskIndex'),
      candidateIndex: index(t.candidateIndex, 'candidateIndex'),
      splitIndex: index(t.splitIndex, 'splitIndex'),
      split: index(t.split, 'split'),
      params: t.params === null ? null : checkTravelSpecShape(t.params, 'the params'),
    },
  };
}

function checkScoring(v: unknown): SearchContext['scoring'] {
  if (v === null || typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v;
  if (isPlain(v) && Object.values(v).every((s) => typeof s === 'string'))
    return v as Record<string, string>;
  throw refuse('the scoring is not scorer names');
}

/**
 * Checks a search context read from Redis.
 *
 * @param v - the unpacked context
 * @returns the context
 * @throws ValueError "Refused a task: ..." for a bad shape or an unknown mode
 * @example
 * ```ts
 * const ctx = checkSearchContext(unpackBlob(bytes));
 * ```
 */
export function checkSearchContext(v: unknown): SearchContext {
  if (!isPlain(v)) throw refuse('the search context is not an object');
  const keys = [
    'estimator',
    'scoring',
    'mode',
    'returnTrainScore',
    'returnEstimator',
    'errorScore',
  ];
  onlyKeys(v, keys, 'the search context');
  if (!MODES.includes(v.mode as never)) throw refuse(`the mode ${JSON.stringify(v.mode)}`);
  if (typeof v.returnTrainScore !== 'boolean' || typeof v.returnEstimator !== 'boolean')
    throw refuse('a return flag is not a boolean');
  if (v.errorScore !== 'raise' && typeof v.errorScore !== 'number')
    throw refuse('the errorScore is neither raise nor a number');
  return {
    estimator: checkTravelSpecShape(v.estimator, 'the estimator'),
    scoring: checkScoring(v.scoring),
    mode: v.mode as SearchContext['mode'],
    returnTrainScore: v.returnTrainScore,
    returnEstimator: v.returnEstimator,
    errorScore: v.errorScore as SearchContext['errorScore'],
  };
}

function checkIndices(a: unknown, n: number, what: string): number[] {
  if (!Array.isArray(a) || !a.every((i) => Number.isInteger(i) && i >= 0 && i < n))
    throw refuse(`${what} has indices outside [0, ${n})`);
  return a as number[];
}

/**
 * Checks a search's data blob once unpacked.
 *
 * @param v - the unpacked blob
 * @param nSamples - a function giving the number of samples of X (throws for bad X)
 * @returns the data
 * @throws ValueError "Refused a task: ..." for a bad shape or split indices out of range
 * @example
 * ```ts
 * const data = checkSearchData(unpackBlob(bytes), numSamples);
 * ```
 */
export function checkSearchData(v: unknown, nSamples: (X: unknown) => number): SearchData {
  if (!isPlain(v)) throw refuse('the data is not an object');
  onlyKeys(v, ['X', 'y', 'fitOptions', 'splits'], 'the data');
  const n = nSamples(v.X);
  if (!Array.isArray(v.splits)) throw refuse('the data has no splits');
  const splits = v.splits.map((s, i) => {
    if (!Array.isArray(s) || s.length !== 2) throw refuse(`split ${i} is not [train, test]`);
    return [checkIndices(s[0], n, `split ${i}`), checkIndices(s[1], n, `split ${i}`)] as [
      number[],
      number[],
    ];
  });
  return {
    X: v.X,
    y: v.y,
    fitOptions: checkTravelSpecShape(v.fitOptions, 'the fit options'),
    splits,
  };
}
