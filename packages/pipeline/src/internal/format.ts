// Python-like reprs for messages, and the registered class name of an estimator.

/**
 * The registered name of an object's class: the class's own `static estimatorName` (safe from
 * minifiers), else `constructor.name`.
 */
export function className(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return typeof value;
  const ctor = (value as object).constructor as
    { estimatorName?: unknown; name?: string } | undefined;
  if (ctor && Object.prototype.hasOwnProperty.call(ctor, 'estimatorName')) {
    const n = ctor.estimatorName;
    if (typeof n === 'string' && n.length > 0) return n;
  }
  return ctor?.name || 'Object';
}

/** Python's repr of a value in messages: strings single-quoted, estimators by their toString. */
export function repr(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (typeof value === 'function') return value.name ? `[Function ${value.name}]` : '[Function]';
  if (typeof value === 'object') {
    const s = String(value);
    return s.startsWith('[object') ? `${className(value)}()` : s;
  }
  return String(value);
}

/** Python's repr of a list: `['a', 'b']`. */
export function pyList(items: readonly unknown[]): string {
  return `[${items.map(repr).join(', ')}]`;
}

/** Python's repr of a set of strings (sorted, for stable messages): `{'a', 'c'}`. */
export function pySet(items: Iterable<string>): string {
  return `{${[...new Set(items)].sort().map(repr).join(', ')}}`;
}

/** A plain object (`{}` literal or null prototype), not an array, class instance or function. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
