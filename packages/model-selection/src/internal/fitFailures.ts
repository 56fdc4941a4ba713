// Port of scikit-learn's sklearn/model_selection/_validation.py _warn_or_raise_about_fit_failures (BSD-3-Clause).
import { ValueError, warn } from '@scikeras/estimator-core';
import type { TaskResult } from '../execution/FitTask';

/** Throws when every fit failed, warns (FitFailedWarning) when some did. */
export function warnOrRaiseAboutFitFailures(
  results: TaskResult[],
  errorScore: 'raise' | number,
): void {
  const errors = results.map((r) => r.fitError).filter((e): e is string => e !== null);
  if (errors.length === 0) return;
  const counter = new Map<string, number>();
  for (const e of errors) counter.set(e, (counter.get(e) ?? 0) + 1);
  const delimiter = '-'.repeat(80) + '\n';
  const summary = [...counter]
    .map(([e, n]) => `${delimiter}${n} fits failed with the following error:\n${e}`)
    .join('\n');
  if (errors.length === results.length) {
    throw new ValueError(
      `\nAll the ${results.length} fits failed.\nIt is very likely that your model is misconfigured.\n` +
        `You can try to debug the error by setting errorScore='raise'.\n\nBelow are more details about the failures:\n${summary}`,
    );
  }
  warn(
    `\n${errors.length} fits failed out of a total of ${results.length}.\n` +
      `The score on these train-test partitions for these parameters will be set to ${errorScore}.\n` +
      `If these failures are not expected, you can try to debug them by setting errorScore='raise'.\n\n` +
      `Below are more details about the failures:\n${summary}`,
    'FitFailedWarning',
  );
}

/** Throws unless errorScore is 'raise' or a number (scikit-learn's check in _fit_and_score). */
export function checkErrorScore(errorScore: unknown): 'raise' | number {
  if (errorScore === 'raise' || typeof errorScore === 'number') return errorScore;
  throw new ValueError(
    "errorScore must be the string 'raise' or a numeric value. (Hint: if using 'raise', please make sure that it has been spelled correctly.)",
  );
}
