// Reads the golden fixtures written by scripts/fixtures/gen_preprocessing.py and compares our
// results with scikit-learn's (numbers to 1e-9 relative).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catchWarnings } from '@scikeras/estimator-core';

/** scikit-learn's outcome of one call. */
export interface Outcome {
  value?: any;
  error?: string;
  message?: string;
  warnings?: string[];
}

/** One fixture case (see the generator's docstring). */
export interface FixtureCase {
  name: string;
  params: Record<string, any>;
  X: any;
  Xt: any;
  fit: { error?: string; message?: string; warnings?: string[] };
  fitKwargs?: Record<string, any>;
  attrs?: Record<string, any>;
  transform?: Outcome;
  inverse?: Outcome;
  /** What inverseTransform gets, when not transform's output. */
  inverseInput?: any;
  names?: Outcome;
  partial?: number[];
  partialAttrs?: Record<string, any>;
}

/** Decodes tagged JSON: `{ $num }` non-finite numbers, `{ $f64 }` float rows. */
export function decode(v: any): any {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    if ('$num' in v) return Number(v.$num);
    if ('$f64' in v) return (v.$f64 as any[][]).map((r) => Float64Array.from(r.map(decode)));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** The decoded cases of one fixture file in src/__fixtures__. */
export function loadCases(name: string): FixtureCase[] {
  const raw = JSON.parse(
    readFileSync(join(__dirname, '..', '__fixtures__', `${name}.json`), 'utf8'),
  );
  return (raw.cases as any[]).map((c) => decode(c) as FixtureCase);
}

let compared = 0;

/** How many scalar values {@link expectClose} compared so far in this test file. */
export function comparedCount(): number {
  return compared;
}

function close(a: number, b: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
}

function toPlainArray(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

/**
 * Throws with the path of the first difference between `actual` and scikit-learn's
 * `expected`: numbers within `rtol` (relative) + `atol`, NaN equal to NaN, everything else equal.
 */
export function expectClose(
  actual: unknown,
  expected: unknown,
  path = '$',
  rtol = 1e-9,
  atol = 1e-12,
): void {
  const a = toPlainArray(actual);
  const e = toPlainArray(expected);
  if (Array.isArray(e)) {
    if (!Array.isArray(a))
      throw new Error(`${path}: expected an array of ${e.length}, got ${String(a)}`);
    if (a.length !== e.length) throw new Error(`${path}: length ${a.length}, expected ${e.length}`);
    for (let i = 0; i < e.length; i++) expectClose(a[i], e[i], `${path}[${i}]`, rtol, atol);
    return;
  }
  compared++;
  if (typeof e === 'number' && typeof a === 'number') {
    if (!close(a, e, rtol, atol)) throw new Error(`${path}: ${a}, expected ${e} (scikit-learn)`);
    return;
  }
  if (a !== e && !(a === undefined && e === null)) {
    throw new Error(`${path}: ${JSON.stringify(a)}, expected ${JSON.stringify(e)} (scikit-learn)`);
  }
}

/** Runs `fn` and returns its outcome (value or error) with the warnings it emitted. */
export function outcomeOf(fn: () => unknown): Outcome {
  try {
    const { result, warnings } = catchWarnings(fn);
    const out: Outcome = { value: result };
    if (warnings.length > 0) out.warnings = warnings.map((w) => w.message);
    return out;
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

/**
 * Compares our outcome with scikit-learn's: the same error class and message (after
 * `translate`), or close values and the same warnings.
 */
export function expectSameOutcome(
  ours: Outcome,
  theirs: Outcome | undefined,
  what: string,
  translate: (msg: string) => string = (m) => m,
): void {
  if (theirs === undefined) return;
  if (theirs.error !== undefined) {
    expect({ what, error: ours.error, message: ours.message }).toEqual({
      what,
      error: theirs.error,
      message: translate(theirs.message!),
    });
    return;
  }
  if (ours.error !== undefined) throw new Error(`${what}: threw ${ours.error}: ${ours.message}`);
  expectClose(ours.value, theirs.value, what);
  expect({ what, warnings: ours.warnings ?? [] }).toEqual({
    what,
    warnings: (theirs.warnings ?? []).map(translate),
  });
}

/**
 * Translates scikit-learn's messages to ours: the named snake_case params camelCased
 * (`with_mean` -> `withMean`), `np.nan` as `NaN`, `drop=None` as `drop=null`, the boolean
 * constraint in JavaScript's words, and option sets sorted.
 */
export function translator(snakeParams: readonly string[]): (msg: string) => string {
  const camel = (s: string) => s.replace(/_([a-z])/g, (_x, c: string) => c.toUpperCase());
  return (msg) => {
    let out = msg.replace(
      "an instance of 'bool', an instance of 'numpy.bool_' or an instance of 'int'",
      "an instance of 'bool'",
    );
    // our messages name params as we spell them
    for (const p of snakeParams) out = out.replace(new RegExp(`\\b${p}\\b`, 'g'), camel(p));
    out = out.replace(/\bnp\.nan\b/g, 'NaN').replace('drop=None', 'drop=null');
    // Python prints a set in hash order; we list the options sorted
    out = out.replace(
      /among \{([^}]*)\}/g,
      (_m, items: string) => `among {${items.split(', ').sort().join(', ')}}`,
    );
    // estimator-core's shorter advice after "Input X contains NaN." (no scikit-learn estimator list)
    out = out.replace(
      / does not accept missing values encoded as NaN natively\. For supervised learning.*$/s,
      ' does not accept missing values encoded as NaN natively. Preprocess the data, for instance by imputing or dropping samples with missing values.',
    );
    return out;
  };
}
