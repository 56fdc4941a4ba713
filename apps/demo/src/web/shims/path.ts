// Browser stand-in for Node's `path` built-in (POSIX subset), for the same import-time shim as
// ./url.ts; the worker-thread code that would use the paths never runs in the page.

/**
 * The folder part of a path.
 *
 * @param p - a path
 * @returns everything before the last `/`
 */
export function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

/**
 * Joins path segments with `/`.
 *
 * @param parts - segments
 * @returns the joined path
 */
export function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/').replace(/\/+/g, '/');
}

export const sep = '/';
export default { dirname, join, sep };
