// Helpers for the parity tests against the golden fixtures of scripts/fixtures/gen_metrics.py.
import { catchWarnings, type WarningRecord } from '@scikeras/estimator-core';

/** One fixture case as gen_metrics.py writes it. */
export interface FixtureCase {
  fn: string;
  yTrue: unknown;
  yPred: unknown;
  options: Record<string, unknown>;
  expected?: unknown;
  error?: { type: string; message: string };
  warnings: { category: string; message: string }[];
}

/** Reads the JSON's "NaN" / "Infinity" strings back as numbers. */
export function revive(v: unknown): unknown {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  }
  return v;
}

/**
 * scikit-learn's message in our words: the argument names we spell in camelCase, and
 * JavaScript's null for Python's None.
 */
export function ourWords(message: string): string {
  return message
    .replace(/zero_division/g, 'zeroDivision')
    .replace(/pos_label/g, 'posLabel')
    .replace(/multi_class/g, 'multiClass')
    .replace(/target_names/g, 'targetNames')
    .replace(/\bNone\b/g, 'null');
}

/** Deep equality with numbers equal to `tol` (relative above 1), NaN equal to NaN. */
export function closeTo(actual: unknown, expected: unknown, tol = 1e-9, path = '$'): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number')
      return `${path}: expected number ${expected}, got ${String(actual)}`;
    if (Number.isNaN(expected))
      return Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
    if (actual === expected) return null;
    return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected))
      ? null
      : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const e = closeTo(actual[i], expected[i], tol, `${path}[${i}]`);
      if (e) return e;
    }
    return null;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object')
      return `${path}: expected object, got ${String(actual)}`;
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (JSON.stringify(ek) !== JSON.stringify(ak))
      return `${path}: keys ${ak.join(',')} != ${ek.join(',')}`;
    for (const k of ek) {
      const e = closeTo(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        tol,
        `${path}.${k}`,
      );
      if (e) return e;
    }
    return null;
  }
  return actual === expected
    ? null
    : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Runs a case and reports the first difference from scikit-learn (null when none). */
export function runCase(
  fn: (yTrue: unknown, yPred: unknown, options: Record<string, unknown>) => unknown,
  c: FixtureCase,
): string | null {
  let result: unknown;
  let error: unknown;
  let warnings: WarningRecord[] = [];
  try {
    ({ result, warnings } = catchWarnings(() =>
      fn(revive(c.yTrue), revive(c.yPred), revive(c.options) as Record<string, unknown>),
    ));
  } catch (e) {
    error = e;
  }
  if (c.error) {
    if (!(error instanceof Error))
      return `expected ${c.error.type} "${c.error.message}", got ${JSON.stringify(result)}`;
    const want = ourWords(c.error.message);
    if (error.message !== want) return `expected message "${want}", got "${error.message}"`;
    if (
      c.error.type === 'ValueError' &&
      error.name !== 'ValueError' &&
      error.name !== 'InvalidParameterError'
    ) {
      return `expected a ValueError, got ${error.name}`;
    }
    return null;
  }
  if (error) return `unexpected error: ${String(error)}`;
  const diff = closeTo(result, revive(c.expected));
  if (diff) return diff;
  const want = c.warnings.map((w) => `${w.category}: ${ourWords(w.message)}`);
  const got = warnings
    .filter((w) => w.category === 'UndefinedMetricWarning' || w.category === 'UserWarning')
    .map((w) => `${w.category}: ${w.message}`);
  if (JSON.stringify(want) !== JSON.stringify(got)) {
    return `warnings differ:\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`;
  }
  return null;
}
