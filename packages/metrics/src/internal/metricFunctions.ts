// The metric functions of this package, so that checkScoring can tell a metric from a scorer.
import { accuracyScore } from '../accuracyScore';
import { balancedAccuracyScore } from '../balancedAccuracyScore';
import { classificationReport } from '../classificationReport';
import { confusionMatrix } from '../confusionMatrix';
import { f1Score } from '../f1Score';
import { fbetaScore } from '../fbetaScore';
import { logLoss } from '../logLoss';
import { meanAbsoluteError } from '../meanAbsoluteError';
import { meanSquaredError } from '../meanSquaredError';
import { precisionRecallFscoreSupport } from '../precisionRecallFscoreSupport';
import { precisionScore } from '../precisionScore';
import { r2Score } from '../r2Score';
import { recallScore } from '../recallScore';
import { rocAucScore } from '../rocAucScore';
import { rootMeanSquaredError } from '../rootMeanSquaredError';

/** Every metric function exported by @scikeras/metrics, by its exported name. */
export const METRICS_BY_NAME = {
  accuracyScore,
  balancedAccuracyScore,
  classificationReport,
  confusionMatrix,
  f1Score,
  fbetaScore,
  logLoss,
  meanAbsoluteError,
  meanSquaredError,
  precisionRecallFscoreSupport,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
  rootMeanSquaredError,
} as const;

/** Every metric function exported by @scikeras/metrics. */
export const METRIC_FUNCTIONS: ReadonlySet<unknown> = new Set<unknown>(
  Object.values(METRICS_BY_NAME),
);
