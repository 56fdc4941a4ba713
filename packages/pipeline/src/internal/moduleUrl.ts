// The URL a worker thread imports this package from: the module that registers its estimator
// classes (registerEstimator's `module`), resolved here so that it never depends on the
// receiving thread's current directory.
import { packageModuleUrl } from '@scikeras/estimator-core';

/** The ESM build's `import.meta.url`, injected by tsup.config.ts (esmModuleUrl.mjs); absent in CommonJS. */
declare const __scikerasModuleUrl: string | undefined;

function here(): string | undefined {
  if (typeof __scikerasModuleUrl === 'string') return __scikerasModuleUrl;
  if (typeof __filename === 'string') return __filename;
  return undefined;
}

function resolve(): string | undefined {
  try {
    const file = here();
    return file === undefined ? undefined : packageModuleUrl(file);
  } catch {
    return undefined; // a bundle without a module URL: its classes do not travel to workers
  }
}

/** This package's module URL (`undefined` where a bundle has none). */
export const MODULE_URL: string | undefined = resolve();
