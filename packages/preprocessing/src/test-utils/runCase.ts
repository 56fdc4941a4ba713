// Runs one golden fixture case against our transformer: fit, fitted attributes, transform,
// inverseTransform, getFeatureNamesOut and partialFit, each compared with scikit-learn's, in both
// output containers of setOutput ('default' rows and 'array2d').
import { isArray2D, type TransformOutput } from '@scikeras/estimator-core';
import {
  expectClose,
  expectSameOutcome,
  outcomeOf,
  type FixtureCase,
  type Outcome,
} from './fixtures';

type AnyTransformer = Record<string, any>;

/** Options of {@link checkCase}. */
export interface CheckCaseOptions {
  /** scikit-learn's message -> ours. */
  translate?: (msg: string) => string;
  /** Maps an attribute name of the fixture to ours when it differs. */
  attrName?: (name: string) => string;
  /** Compares an inverse transform result (default: expectClose). */
  inverse?: (ours: unknown, theirs: unknown) => void;
}

/** Whether a value is rows of numbers only (what 'array2d' must have turned into an Array2D). */
function isNumericRows(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))
  );
}

/**
 * A transform outcome as rows: with 'array2d', numeric output must be one Float64Array with its
 * shape (turned into rows here to compare); output holding strings stays rows.
 */
function asRows(o: Outcome, output: TransformOutput, what: string, strict = true): Outcome {
  if (o.error !== undefined || output === 'default') return o;
  const v: unknown = o.value;
  if (strict && isNumericRows(v))
    throw new Error(`${what}: numeric rows returned with setOutput 'array2d'`);
  if (!isArray2D(v)) return o;
  if (!(v.data instanceof Float64Array))
    throw new Error(
      `${what}: an Array2D of ${Object.prototype.toString.call(v.data).slice(8, -1)}`,
    );
  const [n, d] = v.shape;
  const rows = Array.from({ length: n }, (_, i) => Array.from(v.data.subarray(i * d, (i + 1) * d)));
  return { ...o, value: rows };
}

/**
 * Fits `make(params)` on the case's X and compares everything scikit-learn recorded, once with
 * each output container (`setOutput({ transform })`).
 */
export function checkCase(
  c: FixtureCase,
  make: (params: Record<string, any>) => AnyTransformer,
  options: CheckCaseOptions = {},
): void {
  for (const output of ['default', 'array2d'] as const) checkCaseWith(c, make, options, output);
}

function checkCaseWith(
  c: FixtureCase,
  make: (params: Record<string, any>) => AnyTransformer,
  options: CheckCaseOptions,
  output: TransformOutput,
): void {
  const t = options.translate ?? ((m: string) => m);
  const est = make(c.params);
  if (output === 'array2d') est.setOutput({ transform: 'array2d' });
  const sw = c.fitKwargs?.sampleWeight;
  const fit = outcomeOf(() => (sw === undefined ? est.fit(c.X) : est.fit(c.X, undefined, sw)));
  expectSameOutcome(
    { ...fit, value: undefined },
    { ...c.fit, value: undefined },
    `${c.name}: fit`,
    t,
  );
  if (c.fit.error !== undefined) return;
  for (const [k, v] of Object.entries(c.attrs ?? {}))
    expectClose(est[options.attrName?.(k) ?? k], v, `${c.name}: ${k}`);
  expectSameOutcome(
    asRows(
      outcomeOf(() => est.transform(c.Xt)),
      output,
      `${c.name}: transform`,
    ),
    c.transform,
    `${c.name}: transform (${output})`,
    t,
  );
  if (c.inverse !== undefined) {
    // inverseTransform is not wrapped (scikit-learn); a FunctionTransformer's inverse may return
    // the Array2D it was given
    const ours = asRows(
      outcomeOf(() =>
        est.inverseTransform(c.inverseInput !== undefined ? c.inverseInput : est.transform(c.Xt)),
      ),
      output,
      `${c.name}: inverseTransform`,
      false,
    );
    if (options.inverse && c.inverse.value !== undefined && ours.error === undefined)
      options.inverse(ours.value, c.inverse.value);
    else expectSameOutcome(ours, c.inverse, `${c.name}: inverseTransform (${output})`, t);
  }
  if (c.names !== undefined)
    expectSameOutcome(
      outcomeOf(() => est.getFeatureNamesOut()),
      c.names,
      `${c.name}: names`,
      t,
    );
  if (c.partial !== undefined) {
    const p = make(c.params);
    let start = 0;
    for (const size of c.partial) {
      p.partialFit(c.X.slice(start, start + size));
      start += size;
    }
    for (const [k, v] of Object.entries(c.partialAttrs ?? {}))
      expectClose(p[options.attrName?.(k) ?? k], v, `${c.name}: partialFit ${k}`);
  }
}
