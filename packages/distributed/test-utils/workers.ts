// Real scikeras-worker processes for the tests (the built dist/cli.mjs), their output kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built worker command. */
export const CLI = join(__dirname, '..', 'dist', 'cli.mjs');
/** The test models module (build functions and estimator classes, registered). */
export const MODELS = join(__dirname, 'models.cjs');

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
  url: string;
  queue: string;
  name: string;
  imports?: string[];
  concurrency?: number;
  /** More flags. */
  args?: string[];
  /** @defaultValue true: wait for the "ready" line */
  waitReady?: boolean;
}

/**
 * Starts one scikeras-worker process (with short BullMQ lock and stalled-check times, so a
 * killed worker's task is retaken within seconds).
 */
export async function startWorker(o: StartWorkerOptions): Promise<WorkerProcess> {
  if (!existsSync(CLI)) throw new Error(`Build the package first: ${CLI} is missing.`);
  const args = [CLI, '--redis', o.url, '--queue', o.queue, '--name', o.name];
  for (const m of o.imports ?? [MODELS]) args.push('--import', m);
  args.push('--concurrency', String(o.concurrency ?? 1));
  args.push('--lock-duration', '3000', '--stalled-interval', '1000', ...(o.args ?? []));
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
          () => reject(new Error(`${o.name}: no line matching ${re} in ${timeoutMs} ms:\n${lines.join('\n')}`)),
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
          reject(new Error(`${o.name} exited (${code}) before a line matching ${re}:\n${lines.join('\n')}`));
        });
      });
    },
  };
  if (o.waitReady !== false) await w.waitFor(/ready: queue/);
  return w;
}

/** Starts `n` workers named `<prefix>0..n-1`. */
export function startWorkers(
  n: number,
  o: Omit<StartWorkerOptions, 'name'> & { namePrefix?: string },
): Promise<WorkerProcess[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) => startWorker({ ...o, name: `${o.namePrefix ?? 'w'}${i}` })),
  );
}

/** Stops workers (SIGTERM, then SIGKILL after 10 s). */
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

/** The task lines workers printed for a search (one per fit that ran to its end). */
export function taskLines(ws: WorkerProcess[], searchId: string): string[] {
  return ws.flatMap((w) => w.lines.filter((l) => l.includes(` search ${searchId}: candidate `)));
}
