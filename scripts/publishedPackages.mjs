// The packages we publish: every packages/* folder with a package.json that is not private.
// Every release check (metadata, notices, publint, attw, release:dry) iterates over this list,
// so a new package is checked the moment it exists.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `[{ dir, folder, pkg }]` for every published package, sorted by folder name. */
export function publishedPackages() {
  const base = join(ROOT, 'packages');
  return readdirSync(base)
    .sort()
    .map((folder) => ({ folder, dir: join(base, folder) }))
    .filter(({ dir }) => existsSync(join(dir, 'package.json')))
    .map(({ folder, dir }) => ({
      folder,
      dir,
      pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => pkg.private !== true);
}
