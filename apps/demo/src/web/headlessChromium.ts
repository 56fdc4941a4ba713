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
}

/**
 * Flags of `chromium.args` we leave out: `--disable-web-security` switches off the COOP/COEP
 * checks, so the page is never `crossOriginIsolated` and tfjs's wasm backend gets no threads.
 */
const DROPPED_ARGS = ['--disable-web-security'];

const SCRIPT = `import chromium from '@sparticuz/chromium';
const executablePath = await chromium.executablePath();
process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));`;

/**
 * Unpacks @sparticuz/chromium's brotli-compressed Chromium into the temp folder (once; later
 * calls reuse it) and returns its path and flags. The package is an ES module with top-level
 * state, so it runs in a child Node process: jest's CommonJS runtime cannot import it.
 *
 * @param cwd - a folder from which `@sparticuz/chromium` resolves (the demo app)
 * @returns the binary's path and the flags to launch it with
 * @throws Error when the package is missing or cannot unpack its browser
 * @example
 * ```ts
 * const { executablePath, args } = headlessChromium(APP);
 * await chromium.launchPersistentContext(dir, { executablePath, args, headless: true });
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
  const found = JSON.parse(out) as HeadlessChromium;
  return { ...found, args: found.args.filter((a) => !DROPPED_ARGS.includes(a)) };
}
