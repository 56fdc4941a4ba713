// Injected into the ESM build only (tsup.config.ts): `__dirname` for the worker path, computed
// so that it never throws. In a browser import.meta.url is not a file URL (and node:url may be an
// empty stand-in): __dirname is then '' and only the Node-only worker pool needs it.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

function moduleDirname() {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return '';
  }
}

export const __dirname = moduleDirname();
