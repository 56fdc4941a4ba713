// Loads a module by specifier from either build: `require` where it exists (the CommonJS build,
// jest), else `import()`. The CommonJS build must not rely on `import()` alone: jest and other
// vm-based runners reject it without --experimental-vm-modules.

/**
 * Imports a module: `require` first when available (falling back to `import()` for ES modules
 * that `require` cannot load), `import()` otherwise.
 *
 * @param specifier - a package name, an absolute path or a `file://` URL
 * @returns the module namespace
 */
export async function dynamicImport(specifier: string): Promise<unknown> {
  const req = typeof require === 'function' ? require : undefined;
  if (req) {
    let target = specifier;
    if (specifier.startsWith('file://')) {
      const urlSpec = 'node:url';
      target = (req(urlSpec) as typeof import('node:url')).fileURLToPath(specifier);
    }
    try {
      return req(target);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const esmOnly =
        err.code === 'ERR_REQUIRE_ESM' ||
        err.code === 'ERR_REQUIRE_ASYNC_MODULE' ||
        /Dynamic require of .* is not supported/.test(String(err.message));
      if (!esmOnly) throw e;
    }
  }
  return import(/* @vite-ignore */ specifier);
}
