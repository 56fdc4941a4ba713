// Plain objects (records, options, `{ start, stop }` slices) as opposed to arrays, class instances
// and functions.

/** A plain object (`{}` literal or null prototype), not an array, class instance or function. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
