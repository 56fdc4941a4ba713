// Module URLs as the TravelSpec carries them: resolved where a class or function is registered,
// so that a receiving thread imports exactly that file, whatever its current directory.
import { InvalidParameterError } from '../errors';
import { pyRepr } from '../repr';

/** A URL with a scheme (`file:`, `http:`, `https:`, `data:`, `blob:`, ...). */
const URL_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

function pathToFileUrl(path: string): string {
  let p = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) p = `/${p}`;
  return `file://${encodeURI(p).replace(/[?#]/g, (c) => encodeURIComponent(c))}`;
}

/**
 * The URL a module is imported by: `import.meta.url` as it is, an absolute file path (CommonJS's
 * `__filename`) as a `file://` URL.
 *
 * @param fileOrUrl - `import.meta.url`, `__filename`, or another absolute path or URL
 * @param what - how the value is named in the error, e.g. `"the 'module' option of registerEstimator"`
 * @returns the URL
 * @throws InvalidParameterError for a relative path or a bare package name (a receiving thread
 *   would resolve it from another folder)
 * @example
 * ```ts
 * moduleUrl('/app/models.cjs'); // 'file:///app/models.cjs'
 * moduleUrl(import.meta.url); // unchanged
 * ```
 */
export function moduleUrl(fileOrUrl: string, what = 'the module'): string {
  if (typeof fileOrUrl === 'string' && URL_RE.test(fileOrUrl)) return fileOrUrl;
  if (
    typeof fileOrUrl === 'string' &&
    (fileOrUrl.startsWith('/') || /^[A-Za-z]:[\\/]/.test(fileOrUrl))
  )
    return pathToFileUrl(fileOrUrl);
  throw new InvalidParameterError(
    `${what} must be import.meta.url, __filename or another absolute path or URL. Got ${pyRepr(fileOrUrl)} instead. ` +
      'A package name or relative path would be resolved from another folder in a worker thread.',
  );
}

/**
 * The URL under which a package registers its classes: the built module itself, or, while the
 * package's TypeScript sources run under ts-jest (a `.ts` file under `src/`), the package's
 * built ESM entry `dist/index.mjs` (worker threads cannot import TypeScript).
 *
 * @param fileOrUrl - the registering module's `import.meta.url` or `__filename`
 * @returns the URL a receiving thread imports
 * @example
 * ```ts
 * // in a package's src/internal/moduleUrl.ts
 * export const MODULE_URL = packageModuleUrl(typeof __scikerasModuleUrl === 'string' ? __scikerasModuleUrl : __filename);
 * ```
 */
export function packageModuleUrl(fileOrUrl: string): string {
  const url = moduleUrl(fileOrUrl);
  const source = /^(.*)\/src\/.*\.tsx?$/.exec(url);
  return source ? `${source[1]}/dist/index.mjs` : url;
}

/**
 * {@link packageModuleUrl} for a package's own `src/internal/moduleUrl.ts`: `undefined` where
 * the running build has no module URL (`fileOrUrl` absent, or not a path or URL, as in some
 * bundles), whose classes then do not travel to worker threads.
 *
 * @param fileOrUrl - the ESM build's injected `import.meta.url`, else `__filename`, else undefined
 * @returns the URL a receiving thread imports, or undefined
 * @example
 * ```ts
 * declare const __scikerasModuleUrl: string | undefined; // injected by the ESM build
 * export const MODULE_URL = optionalPackageModuleUrl(
 *   typeof __scikerasModuleUrl === 'string' ? __scikerasModuleUrl : typeof __filename === 'string' ? __filename : undefined,
 * );
 * ```
 */
export function optionalPackageModuleUrl(fileOrUrl: string | undefined): string | undefined {
  if (fileOrUrl === undefined) return undefined;
  try {
    return packageModuleUrl(fileOrUrl);
  } catch {
    return undefined;
  }
}

/**
 * A `file://` URL as a path (for CommonJS `require`); other URLs unchanged.
 *
 * @internal
 */
export function fileUrlToPath(url: string): string {
  if (!url.startsWith('file://')) return url;
  const path = decodeURIComponent(new URL(url).pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}
