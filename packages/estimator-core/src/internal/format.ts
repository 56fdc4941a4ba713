/**
 * Python-like repr of a value for error messages: strings quoted, arrays bracketed, objects as
 * JSON, null and NaN as JavaScript writes them.
 *
 * @param v - the value
 * @param maxItems - array items shown before `...`
 * @returns the text
 * @example
 * ```ts
 * formatValue('3'); // "'3'"
 * formatValue([1, 2]); // '[1, 2]'
 * ```
 */
export function formatValue(v: unknown, maxItems = 10): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return v.name ? `[Function ${v.name}]` : '[Function]';
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const arr = Array.from(v as ArrayLike<unknown>);
    const shown = arr.slice(0, maxItems).map((x) => formatValue(x, maxItems));
    if (arr.length > maxItems) shown.push('...');
    return `[${shown.join(', ')}]`;
  }
  if (typeof v === 'object') {
    const ctor = (v as object).constructor;
    if (ctor && ctor !== Object) {
      const s = String(v);
      return s.startsWith('[object') ? ctor.name : s;
    }
    try {
      return JSON.stringify(v);
    } catch {
      return '[object]';
    }
  }
  return String(v);
}

/** `typeof`-like type name of a value, in the words of a Python user where it helps. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'Object';
  return typeof v;
}
