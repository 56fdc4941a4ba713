/**
 * `checkEstimator`: the TypeScript port of scikit-learn's estimator checks, to run on your own
 * estimators (in jest: `describeEstimatorChecks`).
 *
 * @packageDocumentation
 * @module \@scikeras/estimator-core/testing
 */
export {
  checkEstimator,
  runCheck,
  planChecks,
  assertAllPassed,
  type PlannedCheck,
} from './checkEstimator';
export { describeEstimatorChecks } from './describeEstimatorChecks';
export { CHECK_NAMES, SKLEARN_CHECKS } from './checkList';
export { setRandomState } from './context';
export { makeRng } from './datasets';
export { CheckFailure } from './assertions';
export type {
  CheckableEstimator,
  CheckEstimatorOptions,
  CheckReport,
  CheckResult,
  CheckStatus,
} from './types';
