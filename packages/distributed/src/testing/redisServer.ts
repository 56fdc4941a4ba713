// A real redis-server for the tests: found (or installed, as root on Debian) once by jest's
// globalSetup, then started by each test file on a free port in a temporary directory.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * The exact command that installs Redis on Debian (what the tests print when it is missing).
 *
 * @example
 * ```ts
 * console.error(`install it with: ${INSTALL_LINE}`);
 * ```
 */
export const INSTALL_LINE = 'apt-get update && apt-get install -y redis-server';

/**
 * redis-server is not there and could not be installed; the message holds {@link INSTALL_LINE}.
 *
 * @example
 * ```ts
 * try { resolveRedisServer(); } catch (e) { if (e instanceof RedisServerMissingError) console.error(e.message); }
 * ```
 */
export class RedisServerMissingError extends Error {
  override name = 'RedisServerMissingError';
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * An executable on PATH (or in /usr/bin, /usr/sbin).
 *
 * @param name - the program
 * @returns its path, or undefined
 * @example
 * ```ts
 * findOnPath('redis-server'); // '/usr/bin/redis-server'
 * ```
 */
export function findOnPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin'];
  for (const d of dirs) if (d && isExecutable(join(d, name))) return join(d, name);
  return undefined;
}

function missing(where: string): RedisServerMissingError {
  return new RedisServerMissingError(
    `redis-server was not found (${where}). The tests of @scikeras/distributed run a real Redis: install it with\n` +
      `  ${INSTALL_LINE}\n` +
      '(as root, Debian/Ubuntu), or set REDIS_SERVER to the path of a redis-server binary.',
  );
}

/**
 * Whether this process may install Debian packages (root, on Debian, with apt-get).
 *
 * @returns true when `apt-get install` can run here
 * @example
 * ```ts
 * if (!canAptInstall()) console.error(INSTALL_LINE);
 * ```
 */
export function canAptInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && !!findOnPath('apt-get');
}

function aptInstall(log: (line: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { env, stdio: 'inherit' });
  log('redis-server is missing: apt-get install -y redis-server');
  try {
    install();
  } catch {
    log('apt-get install failed: apt-get update, then again');
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
    install();
  }
}

/** Options of {@link resolveRedisServer}. */
export interface ResolveRedisServerOptions {
  /** A redis-server binary to use (else $REDIS_SERVER, else redis-server on PATH). A path that is not there is an error: nothing is installed for it. */
  binary?: string;
  /** Install Debian's redis-server when none is found and this process runs as root on Debian. @defaultValue true */
  install?: boolean;
  /** Where progress lines go (installing, ...). @defaultValue `console.error` */
  log?: (line: string) => void;
}

/**
 * The redis-server binary for the tests: the given one, else $REDIS_SERVER, else redis-server
 * on PATH; when there is none, Debian's package is installed (root only), else the error says
 * the exact line that installs it.
 *
 * @returns the binary's path
 * @throws RedisServerMissingError with {@link INSTALL_LINE}
 * @example
 * ```ts
 * const bin = resolveRedisServer(); // '/usr/bin/redis-server'
 * ```
 */
export function resolveRedisServer(options: ResolveRedisServerOptions = {}): string {
  const log = options.log ?? ((l: string) => console.error(l));
  const explicit = options.binary ?? process.env.REDIS_SERVER;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw missing(`no executable at ${explicit}`);
  }
  const found = findOnPath('redis-server');
  if (found) return found;
  if (options.install !== false && canAptInstall()) {
    aptInstall(log);
    const installed = findOnPath('redis-server');
    if (installed) return installed;
  }
  throw missing('not on PATH');
}

/**
 * A free TCP port on 127.0.0.1 (free when asked: start the server on it at once).
 *
 * @returns the port
 * @example
 * ```ts
 * const port = await freePort();
 * ```
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A running redis-server of the tests. */
export interface RedisServer {
  url: string;
  port: number;
  dir: string;
  /** Stops it (SIGTERM: Redis saves its AOF and exits). */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory (its AOF is read back). */
  restart(): Promise<void>;
  /** Stops it and deletes its directory. */
  remove(): Promise<void>;
}

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** @defaultValue $SCIKERAS_REDIS_SERVER (set by the globalSetup), else resolveRedisServer() */
  binary?: string;
  /** Persist every write to an append-only file (fsync always). @defaultValue false */
  appendOnly?: boolean;
}

function launch(binary: string, port: number, dir: string, aof: boolean): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push('--appendonly', aof ? 'yes' : 'no', '--appendfsync', 'always', '--daemonize', 'no');
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start in 15 s:\n${out}`)),
      15000,
    );
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}):\n${out}`)));
  });
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a redis-server on a free port in a new temporary directory.
 *
 * @param options - the binary, append-only persistence
 * @returns the server: its URL, stop, restart, remove
 * @throws RedisServerMissingError; an Error with Redis's output when it does not start
 * @example
 * ```ts
 * const redis = await startRedisServer({ appendOnly: true });
 * await redis.remove();
 * ```
 */
export async function startRedisServer(
  options: StartRedisServerOptions = {},
): Promise<RedisServer> {
  const binary = options.binary ?? process.env.SCIKERAS_REDIS_SERVER ?? resolveRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'scikeras-redis-'));
  const aof = options.appendOnly ?? false;
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freePort();
    child = await launch(binary, port, dir, aof).catch((e: Error) => {
      if (attempt === 4) throw e;
      return undefined;
    });
  }
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () => stopChild(child),
    restart: async () => {
      await stopChild(child);
      child = await launch(binary, port, dir, aof);
    },
    remove: async () => {
      await stopChild(child);
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
