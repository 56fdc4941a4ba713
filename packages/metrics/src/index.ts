/**
 * scikit-learn's metrics (accuracy, r2, mse/rmse/mae, f1, logLoss, rocAuc, ...) and scorers
 * (`getScorer`, `makeScorer`).
 *
 * @packageDocumentation
 * @module \@scikeras/metrics
 */
export { accuracyScore, type AccuracyScoreOptions } from './accuracyScore';
export { balancedAccuracyScore, type BalancedAccuracyScoreOptions } from './balancedAccuracyScore';
export { confusionMatrix, type ConfusionMatrixOptions } from './confusionMatrix';
export {
  precisionRecallFscoreSupport,
  type PrecisionRecallFscoreSupportOptions,
  type PrfOptions,
  type PrfResult,
  type Average,
  type ZeroDivision,
} from './precisionRecallFscoreSupport';
export { precisionScore } from './precisionScore';
export { recallScore } from './recallScore';
export { f1Score } from './f1Score';
export { fbetaScore, type FbetaScoreOptions } from './fbetaScore';
export { logLoss, type LogLossOptions } from './logLoss';
export { rocAucScore, type RocAucScoreOptions } from './rocAucScore';
export {
  classificationReport,
  type ClassificationReportOptions,
  type ClassificationReportDict,
  type ReportRow,
} from './classificationReport';
export {
  meanSquaredError,
  type MeanSquaredErrorOptions,
  type RegressionLossOptions,
} from './meanSquaredError';
export { rootMeanSquaredError } from './rootMeanSquaredError';
export { meanAbsoluteError } from './meanAbsoluteError';
export { r2Score, type R2ScoreOptions } from './r2Score';
export type { Multioutput } from './internal/checkRegTargets';
export {
  makeScorer,
  isScorer,
  type Scorer,
  type ScorableEstimator,
  type ScoreFunction,
  type MakeScorerOptions,
} from './Scorer';
export { getScorer, getScorerNames } from './getScorer';
export {
  checkScoring,
  type Scoring,
  type ScorerFunction,
  type MultimetricScoring,
} from './checkScoring';
export { checkMultimetricScoring } from './checkMultimetricScoring';
