// Resolving `scoring` like scikit-learn's check_scoring / _check_multimetric_scoring, through @scikeras/metrics.
import { ValueError } from '@scikeras/estimator-core';
import { checkMultimetricScoring, checkScoring, type Scorer } from '@scikeras/metrics';

/** What `scoring` accepts: nothing (the estimator's `score`), a scorer name or function, or several. */
export type Scoring =
  | undefined
  | null
  | string
  | ((estimator: any, X: unknown, y: unknown) => number | Promise<number>)
  | readonly string[]
  | Record<string, string | Scorer>;

/** One scorer, or several by name. */
export type ResolvedScoring =
  { multimetric: false; scorer: Scorer } | { multimetric: true; scorers: Record<string, Scorer> };

/** Whether `scoring` asks for several metrics. */
export function isMultimetric(scoring: Scoring): boolean {
  return typeof scoring === 'object' && scoring !== null;
}

/** Resolves `scoring` for an estimator. */
export function resolveScoring(estimator: unknown, scoring: Scoring): ResolvedScoring {
  if (isMultimetric(scoring)) {
    const scorers = checkMultimetricScoring(estimator as never, scoring as never) as Record<
      string,
      Scorer
    >;
    return { multimetric: true, scorers };
  }
  return {
    multimetric: false,
    scorer: checkScoring(estimator as never, (scoring ?? undefined) as never) as Scorer,
  };
}

/** The scorer names, or null for single-metric scoring. */
export function scorerNames(r: ResolvedScoring): string[] | null {
  return r.multimetric ? Object.keys(r.scorers) : null;
}

/** `scoring` as plain data for another thread; functions cannot travel. */
export function scoringForTravel(scoring: Scoring): unknown {
  const fail = (what: string) =>
    new ValueError(
      `Cannot send scoring to a worker thread (nJobs > 1): ${what} is a function, which cannot travel. Use scorer names (e.g. 'accuracy', 'neg_mean_squared_error') or nJobs: 1.`,
    );
  if (typeof scoring === 'function') throw fail('scoring');
  if (scoring && typeof scoring === 'object' && !Array.isArray(scoring)) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(scoring)) {
      if (typeof v !== 'string') {
        const name = (v as { scoreFuncName?: string })?.scoreFuncName;
        throw fail(`scoring['${k}']${name ? ` (${name})` : ''}`);
      }
      out[k] = v;
    }
    return out;
  }
  return scoring ?? null;
}
