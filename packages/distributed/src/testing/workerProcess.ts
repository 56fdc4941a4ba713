// Real scikeras-worker processes (the built dist/cli.mjs) for tests, benchmarks and demos, their
// output kept line by line.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built `scikeras-worker` command (dist/cli.mjs) of this package.
 *
 * @returns its path
 * @throws Error when the package is not built
 * @example
 * ```ts
 * spawn(process.execPath, [workerCli(), '--help']);
 * ```
 */
export function workerCli(): string {
  // __dirname: tsup's shim in the ESM build
  const here = __dirname;
  // dist/testing/ (built), or src/testing/ (the sources under ts-jest)
  for (const c of [join(here, '..', 'cli.mjs'), join(here, '..', '..', 'dist', 'cli.mjs')])
    if (existsSync(c)) return c;
  throw new Error(
    `The scikeras-worker command (dist/cli.mjs) is missing: build @scikeras/distributed first.`,
  );
}

/** A running scikeras-worker. */
export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  /** Every line it printed so far (stdout and stderr). */
  lines: string[];
  /** Resolves with the first line (already printed or to come) matching `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when it has exited. */
  exited: Promise<number | null>;
}

/** Options of {@link startWorker}. */
export interface StartWorkerOptions {
  /** Redis URL. */
  url: string;
  queue: string;
  /** `--name`. */
  name: string;
  /** Modules to `--import`. */
  imports: string[];
  /** @defaultValue 1 */
  concurrency?: number;
  /** More flags. */
  args?: string[];
  /** @defaultValue true: wait for the "ready" line */
  waitReady?: boolean;
}

/**
 * Starts one scikeras-worker process and (by default) waits until it is ready.
 *
 * @param o - Redis URL, queue, name, imports, concurrency, more flags
 * @returns the process, its lines, `waitFor` and `exited`
 * @throws Error when the package is not built, or the worker exits before it is ready
 * @example
 * ```ts
 * const w = await startWorker({ url: redis.url, queue: 'q', name: 'w0', imports: ['./models.mjs'] });
 * ```
 */
export async function startWorker(o: StartWorkerOptions): Promise<WorkerProcess> {
  const args = [workerCli(), '--redis', o.url, '--queue', o.queue, '--name', o.name];
  for (const m of o.imports) args.push('--import', m);
  args.push('--concurrency', String(o.concurrency ?? 1), ...(o.args ?? []));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const watchers: { re: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (buf: Buffer, rest: { s: string }) => {
    rest.s += buf.toString();
    const parts = rest.s.split('\n');
    rest.s = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of [...watchers])
        if (w.re.test(line)) {
          watchers.splice(watchers.indexOf(w), 1);
          w.resolve(line);
        }
    }
  };
  const out = { s: '' };
  const err = { s: '' };
  child.stdout!.on('data', (b: Buffer) => onData(b, out));
  child.stderr!.on('data', (b: Buffer) => onData(b, err));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const w: WorkerProcess = {
    name: o.name,
    child,
    lines,
    exited,
    waitFor: (re, timeoutMs = 60000) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `${o.name}: no line matching ${re} in ${timeoutMs} ms:\n${lines.join('\n')}`,
              ),
            ),
          timeoutMs,
        );
        watchers.push({
          re,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(
            new Error(
              `${o.name} exited (${code}) before a line matching ${re}:\n${lines.join('\n')}`,
            ),
          );
        });
      });
    },
  };
  if (o.waitReady !== false) await w.waitFor(/ready: queue/);
  return w;
}

/**
 * Starts `n` workers named `<namePrefix>0` to `<namePrefix>{n-1}`.
 *
 * @returns the processes
 * @example
 * ```ts
 * const ws = await startWorkers(2, { url, queue: 'q', imports: ['./models.mjs'] });
 * ```
 */
export function startWorkers(
  n: number,
  o: Omit<StartWorkerOptions, 'name'> & { namePrefix?: string },
): Promise<WorkerProcess[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) => startWorker({ ...o, name: `${o.namePrefix ?? 'w'}${i}` })),
  );
}

/**
 * Stops workers: SIGTERM (they finish their running task), SIGKILL after 10 s.
 *
 * @example
 * ```ts
 * await stopWorkers(ws);
 * ```
 */
export async function stopWorkers(ws: WorkerProcess[]): Promise<void> {
  await Promise.all(
    ws.map(async (w) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return;
      const timer = setTimeout(() => w.child.kill('SIGKILL'), 10000);
      w.child.kill('SIGTERM');
      await w.exited;
      clearTimeout(timer);
    }),
  );
}

/**
 * The task lines the workers printed for a search: one per fit that ran to its end.
 *
 * @example
 * ```ts
 * taskLines(ws, 'grid-1').length; // fits run
 * ```
 */
export function taskLines(ws: WorkerProcess[], searchId: string): string[] {
  return ws.flatMap((w) => w.lines.filter((l) => l.includes(` search ${searchId}: candidate `)));
}
