// Port of scikit-learn's sklearn/utils/estimator_checks.py check_estimator (BSD-3-Clause).
import { messageOf } from './assertions';
import { ALL_CHECKS, CHECK_NAMES } from './checkList';
import { makeContext, type CheckContext, type EstimatorCheck } from './context';
import type { CheckableEstimator, CheckEstimatorOptions, CheckReport, CheckResult } from './types';

/** One planned check: run it (`run`, maybe as an expected failure) or skip it with a reason. */
export interface PlannedCheck {
  check: string;
  action: 'run' | 'xfail' | 'skip';
  reason?: string;
}

function validateNames(options: CheckEstimatorOptions, xfail: Record<string, string>): void {
  const names = [
    ...Object.keys(options.skip ?? {}),
    ...(options.only ?? []),
    ...Object.keys(xfail),
  ];
  const unknown = names.filter((n) => !CHECK_NAMES.includes(n));
  if (unknown.length > 0) {
    throw new TypeError(
      `Unknown estimator check name(s) ${unknown.map((n) => `'${n}'`).join(', ')} in skip/only/xfailChecks. Known checks: ${CHECK_NAMES.join(', ')}.`,
    );
  }
}

/**
 * The checks that will run for this estimator, synchronously (what `describeEstimatorChecks`
 * registers): each one `run`, `xfail` (tagged `xfailChecks`) or `skip` with the reason.
 *
 * @param factory - makes a new, unfitted estimator
 * @param options - skip/only/tags
 * @returns one entry per known check, in run order
 * @throws TypeError for an unknown check name in `skip`, `only` or the `xfailChecks` tag
 * @example
 * ```ts
 * planChecks(() => new LabelEncoder()).filter((p) => p.action === 'run').map((p) => p.check);
 * ```
 */
export function planChecks(
  factory: () => object,
  options: CheckEstimatorOptions = {},
): PlannedCheck[] {
  const { ctx } = setup(factory, options);
  return plan(ctx, options);
}

function setup(factory: () => object, options: CheckEstimatorOptions) {
  const f = factory as () => CheckableEstimator;
  const probe = f();
  if (probe === null || typeof probe !== 'object' || typeof probe.getParams !== 'function') {
    throw new TypeError(
      `checkEstimator needs a factory that returns a new estimator (an object with getParams, setParams and fit), got ${String(probe)}.`,
    );
  }
  return { ctx: makeContext(f, probe, options) };
}

function plan(ctx: CheckContext, options: CheckEstimatorOptions): PlannedCheck[] {
  const xfail = { ...(ctx.tags.xfailChecks ?? {}) };
  validateNames(options, xfail);
  return ALL_CHECKS.map((c): PlannedCheck => {
    const skipReason = options.skip?.[c.name];
    if (skipReason !== undefined) return { check: c.name, action: 'skip', reason: skipReason };
    if (options.only && !options.only.includes(c.name))
      return { check: c.name, action: 'skip', reason: 'not in options.only' };
    const applies = c.applies(ctx);
    if (applies !== true) return { check: c.name, action: 'skip', reason: applies };
    const xr = xfail[c.name];
    if (xr !== undefined) return { check: c.name, action: 'xfail', reason: xr };
    return { check: c.name, action: 'run' };
  });
}

async function runOne(c: EstimatorCheck, ctx: CheckContext, p: PlannedCheck): Promise<CheckResult> {
  if (p.action === 'skip')
    return { check: c.name, status: 'skipped', reason: p.reason, durationMs: 0 };
  const t0 = Date.now();
  let error: string | undefined;
  try {
    await c.run(ctx);
  } catch (e) {
    error = messageOf(e) || String(e);
  } finally {
    ctx.disposeFitted();
  }
  const durationMs = Date.now() - t0;
  if (p.action === 'xfail') {
    return error === undefined
      ? { check: c.name, status: 'xpass', reason: p.reason, durationMs }
      : { check: c.name, status: 'xfail', reason: p.reason, error, durationMs };
  }
  return error === undefined
    ? { check: c.name, status: 'passed', durationMs }
    : { check: c.name, status: 'failed', error, durationMs };
}

/**
 * Runs one check by name against an estimator.
 *
 * @param checkName - one of {@link CHECK_NAMES}
 * @param factory - makes a new, unfitted estimator
 * @param options - data overrides, skip/only/tags
 * @returns the check's result
 * @throws TypeError for an unknown check name
 * @example
 * ```ts
 * const r = await runCheck('checkFitIdempotent', () => new MyRegressor());
 * r.status; // 'passed'
 * ```
 */
export async function runCheck(
  checkName: string,
  factory: () => object,
  options: CheckEstimatorOptions = {},
): Promise<CheckResult> {
  const c = ALL_CHECKS.find((x) => x.name === checkName);
  if (!c)
    throw new TypeError(
      `Unknown estimator check '${checkName}'. Known checks: ${CHECK_NAMES.join(', ')}.`,
    );
  const { ctx } = setup(factory, options);
  const p = plan(ctx, options).find((x) => x.check === checkName)!;
  return runOne(c, ctx, p);
}

/**
 * Runs the TypeScript port of scikit-learn's estimator checks against an estimator and
 * reports each one: the params protocol, clone, fit and fitted state, input validation, and
 * the classifier, regressor and transformer checks that apply (chosen from `estimatorType`
 * and `getTags()`).
 *
 * @param factory - makes a new, unfitted estimator (called once per check, like sklearn's `clone`)
 * @param options - `X`/`y` data overrides, `skip` (name -> reason), `only`, `tags` overrides
 * @returns the report: one result per known check (`passed`, `failed` with the error,
 *   `skipped` with the reason, `xfail`/`xpass` for checks tagged `xfailChecks`)
 * @throws TypeError when the factory does not return an estimator or a check name is unknown
 * @example
 * ```ts
 * const report = await checkEstimator(() => new LabelEncoder());
 * assertAllPassed(report);
 * ```
 * @remarks Checks run one after the other; estimator methods may be sync or async (always
 *   awaited). Unlike scikit-learn's `check_estimator`, it never throws on the first failure:
 *   it reports every check, and `assertAllPassed` throws with all failures at once.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.estimator_checks.check_estimator.html
 */
export async function checkEstimator(
  factory: () => object,
  options: CheckEstimatorOptions = {},
): Promise<CheckReport> {
  const { ctx } = setup(factory, options);
  const planned = plan(ctx, options);
  const results: CheckResult[] = [];
  for (const c of ALL_CHECKS)
    results.push(
      await runOne(
        c,
        ctx,
        planned.find((p) => p.check === c.name)!,
      ),
    );
  return { estimator: ctx.name, results };
}

/**
 * Throws one error listing every failed check of a report (with its message); `xfail`,
 * `xpass` and `skipped` do not fail.
 *
 * @param report - what `checkEstimator` returned
 * @throws Error "2 estimator checks failed for Foo:\n- checkFit1d: ..."
 * @example
 * ```ts
 * assertAllPassed(await checkEstimator(() => new Ridge()));
 * ```
 */
export function assertAllPassed(report: CheckReport): void {
  const failed = report.results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return;
  throw new Error(
    `${failed.length} estimator check${failed.length === 1 ? '' : 's'} failed for ${report.estimator}:\n` +
      failed.map((r) => `- ${r.check}: ${r.error}`).join('\n'),
  );
}
