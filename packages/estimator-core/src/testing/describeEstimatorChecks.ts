// A jest (or vitest/mocha-style) front end for checkEstimator: one test per check.
import { planChecks, runCheck } from './checkEstimator';
import type { CheckEstimatorOptions } from './types';

type TestFn = (name: string, fn: () => Promise<void>, timeout?: number) => void;

/**
 * Registers a `describe(name)` block with one `it` per check that applies to the estimator
 * (checks that do not apply, or are in `options.skip`, are not registered). A check tagged
 * `xfailChecks` becomes a test named `"<check> (xfail: reason)"` that passes whether the
 * check fails or not; an unexpected pass prints an `XPASS` warning (with `strictXfail`, it
 * fails the test).
 * Uses the test framework's global `describe` and `it` at call time.
 *
 * @param name - the describe block's title
 * @param factory - makes a new, unfitted estimator
 * @param options - as for `checkEstimator`, plus `timeoutMs` and `strictXfail`
 * @throws Error when no global `describe`/`it` exists (not inside a test file)
 * @example
 * ```ts
 * describeEstimatorChecks('LabelEncoder', () => new LabelEncoder());
 * ```
 */
export function describeEstimatorChecks(
  name: string,
  factory: () => object,
  options: CheckEstimatorOptions = {},
): void {
  const g = globalThis as { describe?: (n: string, fn: () => void) => void; it?: TestFn };
  const describe = g.describe;
  const it = g.it;
  if (typeof describe !== 'function' || typeof it !== 'function') {
    throw new Error(
      'describeEstimatorChecks must be called in a test file (it needs the global describe and it of jest, vitest or mocha).',
    );
  }
  const planned = planChecks(factory, options);
  const timeout = options.timeoutMs ?? 60000;
  describe(name, () => {
    for (const p of planned) {
      if (p.action === 'skip') continue;
      const title = p.action === 'xfail' ? `${p.check} (xfail: ${p.reason})` : p.check;
      it(
        title,
        async () => {
          const r = await runCheck(p.check, factory, options);
          if (r.status === 'failed') throw new Error(`${p.check}: ${r.error}`);
          if (r.status === 'xpass') {
            const msg = `${p.check} is tagged xfail (${p.reason}) but passed; remove it from xfailChecks.`;
            if (options.strictXfail) throw new Error(msg);
            console.warn(`XPASS ${name}: ${msg}`);
          }
        },
        timeout,
      );
    }
  });
}
