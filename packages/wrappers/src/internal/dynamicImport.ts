// Loads a module by specifier from either build: `require` where it exists (the CommonJS build,
// jest), else `import()`. The CommonJS build must not rely on `import()` alone: jest and other
// vm-based runners reject it without --experimental-vm-modules.

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
 * that `require` cannot load, and in ES module builds), `import()` otherwise.
 *
 * @param specifier - a package name, an absolute path or a `file://` URL
 * @returns the module namespace
 */
export async function dynamicImport(specifier: string): Promise<unknown> {
  const req = typeof require === 'function' ? require : undefined;
  if (req) {
    try {
      const target = specifier.startsWith('file://')
        ? (req('node:url') as typeof import('node:url')).fileURLToPath(specifier)
        : specifier;
      return req(target);
    } catch (e) {
      if (!requireUnsupported(e)) throw e;
    }
  }
  return import(/* @vite-ignore */ specifier);
}
