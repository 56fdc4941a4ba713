// The URL a worker thread imports this package from: the module that registers its estimator
// classes (registerEstimator's `module`), resolved here so that it never depends on the
// receiving thread's current directory.
import { optionalPackageModuleUrl } from '@scikeras/estimator-core';

/** The ESM build's `import.meta.url`, injected by tsup.config.ts (esmModuleUrl.mjs); absent in CommonJS. */
declare const __scikerasModuleUrl: string | undefined;

/** This package's module URL (`undefined` where a bundle has none). */
export const MODULE_URL: string | undefined = optionalPackageModuleUrl(
  typeof __scikerasModuleUrl === 'string'
    ? __scikerasModuleUrl
    : typeof __filename === 'string'
      ? __filename
      : undefined,
);
