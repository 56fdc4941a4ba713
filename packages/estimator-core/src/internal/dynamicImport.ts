// Loads a module by URL from either build: `require` where it exists (the CommonJS build, jest),
// else `import()`. The CommonJS build must not rely on `import()` alone: jest and other vm-based
// runners reject it without --experimental-vm-modules. Specifiers are never string literals
// here, so bundlers leave them alone.
import { fileUrlToPath } from '../registry/moduleUrl';

function requireUnsupported(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  return (
    err?.code === 'ERR_REQUIRE_ESM' ||
    err?.code === 'ERR_REQUIRE_ASYNC_MODULE' ||
    // esbuild's `__require` shim in an ES module build
    /Dynamic require of .* is not supported/.test(String(err?.message))
  );
}

/**
 * Imports a module: `require` first when available (falling back to `import()` for ES modules
 * that `require` cannot load), `import()` otherwise.
 *
 * @param url - a `file://` URL (or another URL `import()` takes)
 * @returns the module namespace
 */
export async function dynamicImport(url: string): Promise<unknown> {
  const req = typeof require === 'function' ? require : undefined;
  if (req && url.startsWith('file://')) {
    try {
      return req(fileUrlToPath(url));
    } catch (e) {
      if (!requireUnsupported(e)) throw e;
    }
  }
  return import(/* @vite-ignore */ url);
}
