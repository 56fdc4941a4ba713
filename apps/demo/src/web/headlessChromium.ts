// Locates the headless Chromium of the npm package @sparticuz/chromium for the browser test.
import { execFileSync } from 'node:child_process';

/** Where the browser binary is and the flags it needs. */
export interface HeadlessChromium {
  /** Absolute path of the unpacked `chromium` binary (under the OS temp folder). */
  executablePath: string;
  /**
   * The package's recommended flags (headless shell, no sandbox, WebGL 2 on SwiftShader) but
   * `--disable-web-security`.
   */
  args: string[];
  /**
   * The environment to launch it with: `LD_LIBRARY_PATH` starts with the package's own NSS,
   * NSPR and expat libraries (its `al2023.tar.br`), the only shared libraries the binary needs
   * beyond glibc, so a machine without a browser's system packages runs it too.
   */
  env: Record<string, string>;
}

/**
 * Flags of `chromium.args` we leave out: `--disable-web-security` switches off the COOP/COEP
 * checks, so the page is never `crossOriginIsolated` and tfjs's wasm backend gets no threads.
 */
const DROPPED_ARGS = ['--disable-web-security'];

const SCRIPT = `import chromium, { inflate } from '@sparticuz/chromium';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const executablePath = await chromium.executablePath();
const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
const libDir = join(await inflate(join(bin, 'al2023.tar.br')), 'lib');
process.stdout.write(JSON.stringify({ executablePath, args: chromium.args, libDir }));`;

/**
 * Unpacks @sparticuz/chromium's brotli-compressed Chromium and its libraries into the temp
 * folder (once; later calls reuse them) and returns its path, flags and environment. The
 * package is an ES module with top-level state, so it runs in a child Node process: jest's
 * CommonJS runtime cannot import it.
 *
 * @param cwd - a folder from which `@sparticuz/chromium` resolves (the demo app)
 * @returns the binary's path, and the flags and environment to launch it with
 * @throws Error when the package is missing or cannot unpack its browser
 * @example
 * ```ts
 * const { executablePath, args, env } = headlessChromium(APP);
 * await chromium.launchPersistentContext(dir, { executablePath, args, env, headless: true });
 * ```
 * @remarks The package declares Node >= 22.17 in `engines`, yet runs on Node 20.19+ (verified
 * on 20.20): pnpm-workspace.yaml sets `engineStrict: false` so pnpm installs it there.
 */
export function headlessChromium(cwd: string): HeadlessChromium {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const found = JSON.parse(out) as { executablePath: string; args: string[]; libDir: string };
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env['LD_LIBRARY_PATH'] = [found.libDir, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':');
  return {
    executablePath: found.executablePath,
    args: found.args.filter((a) => !DROPPED_ARGS.includes(a)),
    env,
  };
}
