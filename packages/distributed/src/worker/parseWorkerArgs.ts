// The scikeras-worker command line.
import { InvalidParameterError } from '@scikeras/estimator-core';
import type { ScikerasWorkerOptions } from './ScikerasWorker';

/**
 * The usage text of `scikeras-worker` (`--help`).
 *
 * @example
 * ```ts
 * console.log(WORKER_USAGE);
 * ```
 */
export const WORKER_USAGE = `Usage: scikeras-worker --redis URL --queue NAME --import MODULE [--import MODULE ...] [options]

Runs the fit-and-score tasks of scikeras-ts searches (QueueExecutor) from a BullMQ queue on Redis.

  --redis URL             redis://[user:pass@]host:port[/db], rediss:// for TLS (or $SCIKERAS_REDIS_URL)
  --queue NAME            the queue of the QueueExecutor
  --import MODULE         a module that registers build functions and estimator classes
                          (registerModel / registerFunction / registerEstimator); a path, file: URL
                          or package name. Repeat for several. Nothing else is ever imported.
  --concurrency N         tasks at once, one thread each (default 1)
  --backend NAME          tfjs backend of every task (e.g. wasm); default: each search's
  --name NAME             this worker's name in logs and placements (default host:pid)
  --prefix PREFIX         BullMQ key prefix (default bull)
  --lock-duration MS      BullMQ lock duration: a dead worker's task is retaken after about this (default 30000)
  --stalled-interval MS   BullMQ stalled-job check interval (default 30000)
  --max-stalled N         times a task may be retaken after its worker died (default 2)
  --help                  this text`;

const NUMERIC = {
  '--concurrency': 'concurrency',
  '--lock-duration': 'lockDuration',
  '--stalled-interval': 'stalledInterval',
  '--max-stalled': 'maxStalledCount',
} as const;
const TEXT = {
  '--queue': 'queue',
  '--backend': 'backend',
  '--name': 'name',
  '--prefix': 'prefix',
} as const;

/**
 * Parses `scikeras-worker`'s arguments.
 *
 * @param argv - the arguments (without node and the script)
 * @param env - the environment (`SCIKERAS_REDIS_URL`)
 * @returns the worker options, or `'help'`
 * @throws InvalidParameterError naming the bad or missing flag
 * @example
 * ```ts
 * parseWorkerArgs(['--redis', 'redis://h:6379', '--queue', 'q', '--import', './m.mjs']);
 * ```
 */
export function parseWorkerArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Omit<ScikerasWorkerOptions, 'log' | 'cwd'> | 'help' {
  const out: Record<string, unknown> = { imports: [] as string[] };
  let redis = env.SCIKERAS_REDIS_URL;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') return 'help';
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new InvalidParameterError(`${flag} needs a value.`);
    i++;
    if (flag === '--redis') redis = value;
    else if (flag === '--import') (out.imports as string[]).push(value);
    else if (flag in NUMERIC) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        throw new InvalidParameterError(`${flag} must be a positive integer, got '${value}'.`);
      out[NUMERIC[flag as keyof typeof NUMERIC]] = n;
    } else if (flag in TEXT) out[TEXT[flag as keyof typeof TEXT]] = value;
    else throw new InvalidParameterError(`Unknown option '${flag}'. See scikeras-worker --help.`);
  }
  if (!redis) throw new InvalidParameterError('--redis URL is required (or SCIKERAS_REDIS_URL).');
  if (!out.queue) throw new InvalidParameterError('--queue NAME is required.');
  if ((out.imports as string[]).length === 0)
    throw new InvalidParameterError(
      '--import MODULE is required: the module that registers your build functions and estimator classes.',
    );
  return { ...(out as Omit<ScikerasWorkerOptions, 'connection'>), connection: redis };
}
