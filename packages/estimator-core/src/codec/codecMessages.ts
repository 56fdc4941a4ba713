// The codec's messages: paths as they read in a message, and the one "corrupted" error.
import { ValueError } from '../errors';

/** The tag key of encoded values that are not plain JSON. */
export const TAG = '$scikeras';

/** How deep a value may nest (arrays, objects, estimators): deeper is a cycle or a crafted file. */
export const MAX_DEPTH = 200;

/**
 * How a value's path reads in a message: `parameter 'callbacks[0]'`, `fitted attribute
 * 'history_.loss'` (fitted names end with `_`, params never do); text with a space stays as it is.
 *
 * @param path - e.g. `'model'`, `'history_.loss'`, `'estimator.cv'`
 * @returns the phrase
 * @example
 * ```ts
 * describePath('classes_'); // "fitted attribute 'classes_'"
 * ```
 */
export function describePath(path: string): string {
  if (path === '') return 'value';
  if (path.includes(' ')) return path;
  const head = /^[^.[]*/.exec(path)?.[0] ?? path;
  return head.endsWith('_') ? `fitted attribute '${path}'` : `parameter '${path}'`;
}

/**
 * The error for data that cannot be what the codec wrote (a file edited by hand, truncated, or
 * crafted): `"<where> is corrupted or was modified after it was saved: <what>."`.
 *
 * @param where - the source, e.g. `"The saved estimator '/tmp/clf/estimator.json'"`
 * @param what - what is wrong
 * @returns the ValueError
 * @example
 * ```ts
 * throw corruptedError('The estimator artifact', "'sha256' is missing");
 * ```
 */
export function corruptedError(where: string, what: string): ValueError {
  return new ValueError(`${where} is corrupted or was modified after it was saved: ${what}.`);
}

/** A path cut to its first 60 characters (for values nested very deep). */
export function shortPath(path: string): string {
  return path.length > 60 ? `${path.slice(0, 60)}...` : path;
}

/** `a.b` / `b` for a key under a path. */
export function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
