// Python-style formatting of labels for error messages (scikit-learn prints numpy values with repr/str).

/**
 * Python's `str()` of a number as numpy stores it: integral values below 1e16 print as ints ('3'),
 * others with Python's shortest float repr ('0.5', '1e-05', '1.5e+16'), 'nan', 'inf'.
 *
 * @param n - the number
 * @returns Python's text of it
 * @example
 * ```ts
 * pyNumStr(3); // '3'
 * pyNumStr(1e-5); // '1e-05'
 * ```
 */
export function pyNumStr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  // integral values below 1e16 print as Python ints; larger ones as Python floats ('1e+16')
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n === 0 ? 0 : n);
  // shortest round-trip digits, then Python's layout: fixed for 1e-4 <= |n| < 1e16
  const [mant, expStr] = n.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  if (exp >= -4 && exp < 16) return String(n);
  const sign = exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  return `${mant}e${sign}${e < 10 ? '0' : ''}${e}`;
}

/**
 * Python's `repr()` of one label: `'a'`, `3`, `0.5`, `True`, `None` for null.
 *
 * @param v - the value
 * @returns the repr text for messages
 * @example
 * ```ts
 * pyRepr('a'); // "'a'"
 * pyRepr(true); // 'True'
 * ```
 */
export function pyRepr(v: unknown): string {
  if (typeof v === 'string')
    return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') return pyNumStr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return pyList(Array.from(v as ArrayLike<unknown>));
  if (v instanceof Set) return v.size === 0 ? 'set()' : `{${[...v].map(pyRepr).join(', ')}}`;
  if (v instanceof Map)
    return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  if (typeof v === 'function') return `<function ${v.name || '<lambda>'}>`;
  if (typeof v === 'object') {
    const ctor = (v as object).constructor;
    if (ctor && ctor !== Object) return `<${ctor.name} object>`;
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
      .join(', ')}}`;
  }
  return String(v);
}

/**
 * Python's `str()` of a list: `[1, 2]`, `['a', 'b']`.
 *
 * @param values - the items
 * @returns the list text for messages
 * @example
 * ```ts
 * pyList(['a', 1]); // "['a', 1]"
 * ```
 */
export function pyList(values: readonly unknown[]): string {
  if (values.length > 1000) {
    // numpy abbreviates arrays past 1000 items
    const head = values.slice(0, 3).map(pyRepr);
    const tail = values.slice(-3).map(pyRepr);
    return `[${[...head, '...', ...tail].join(', ')}]`;
  }
  return `[${values.map(pyRepr).join(', ')}]`;
}

/** numpy's `str()` of a 1-D array: `[1 2]`, `['a' 'b']` (space separated). */
export function npArrayStr(values: readonly unknown[]): string {
  return `[${values.map(pyRepr).join(' ')}]`;
}

/** A shape as Python prints a tuple: `(3,)`, `(3, 2)`. */
export function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
