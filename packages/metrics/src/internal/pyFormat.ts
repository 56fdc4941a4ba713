// Python's str.format for the few specs scikit-learn's reports use.

/** `format(x, '.{digits}f')`: fixed-point with round-half-even on exact ties, as Python rounds. */
export function pyFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const s = x.toFixed(digits);
  const longer = x.toFixed(digits + 1);
  if (longer.endsWith('5') && Number(longer) === x && Math.abs(x) < 1e15) {
    // an exact tie: JavaScript rounded away from zero, Python rounds to even
    const scaled = Math.abs(x) * 10 ** digits;
    const down = Math.floor(scaled);
    const even = down % 2 === 0 ? down : down + 1;
    const v = (Math.sign(x) * even) / 10 ** digits;
    return (Object.is(v, -0) || (v === 0 && x < 0) ? '-' : '') + Math.abs(v).toFixed(digits);
  }
  return s;
}

/** Python's `repr` of a float: `4.0`, `0.5`, `1e-05`. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return Number.isInteger(x) ? `${x}.0` : String(x);
}
