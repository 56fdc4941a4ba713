// Runs one golden fixture case against our transformer: fit, fitted attributes, transform,
// inverseTransform, getFeatureNamesOut and partialFit, each compared with scikit-learn's.
import { expectClose, expectSameOutcome, outcomeOf, type FixtureCase } from './fixtures';

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

/**
 * Fits `make(params)` on the case's X and compares everything scikit-learn recorded.
 */
export function checkCase(
  c: FixtureCase,
  make: (params: Record<string, any>) => AnyTransformer,
  options: CheckCaseOptions = {},
): void {
  const t = options.translate ?? ((m: string) => m);
  const est = make(c.params);
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
    outcomeOf(() => est.transform(c.Xt)),
    c.transform,
    `${c.name}: transform`,
    t,
  );
  if (c.inverse !== undefined) {
    const ours = outcomeOf(() =>
      est.inverseTransform(c.inverseInput !== undefined ? c.inverseInput : est.transform(c.Xt)),
    );
    if (options.inverse && c.inverse.value !== undefined && ours.error === undefined)
      options.inverse(ours.value, c.inverse.value);
    else expectSameOutcome(ours, c.inverse, `${c.name}: inverseTransform`, t);
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
