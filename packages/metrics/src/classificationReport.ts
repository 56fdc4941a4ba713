// Port of scikit-learn's sklearn/metrics/_classification.py classification_report (BSD-3-Clause).
import { ValueError, warn, type Label } from '@scikeras/estimator-core';
import { uniqueLabels } from '@scikeras/target-utils';
import { precisionRecallFscoreSupport } from './precisionRecallFscoreSupport';
import { checkTargets } from './internal/checkTargets';
import { labelKey } from './internal/labels';
import { pyFixed, pyFloat } from './internal/pyFormat';
import type { ZeroDivision } from './internal/zeroDivision';

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /** The labels to report, in order. @defaultValue every label present, sorted */
  labels?: readonly Label[] | null;
  /** Display names of the labels. @defaultValue the labels as strings */
  targetNames?: readonly string[] | null;
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /** Digits of the text report. @defaultValue 2 */
  digits?: number;
  /** Return an object instead of text. @defaultValue false */
  outputDict?: boolean;
  /** As in {@link precisionScore}. @defaultValue 'warn' */
  zeroDivision?: ZeroDivision;
}

/** One row of the object report. */
export interface ReportRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/** The object report: one row per label and per average, and `accuracy` when it applies. */
export type ClassificationReportDict = Record<string, ReportRow | number>;

/**
 * Text (or object) report of precision, recall, F1 and support per class, with the accuracy
 * and the macro / weighted (/ micro, samples) averages.
 *
 * @param yTrue - true labels or a label-indicator matrix
 * @param yPred - predicted labels, same form
 * @param options - `labels`, `targetNames`, `sampleWeight`, `digits`, `outputDict`, `zeroDivision`
 * @returns the report text, or the object with `outputDict: true`
 * @throws ValueError "Number of classes, 3, does not match size of targetNames, 2. Try specifying the labels parameter"
 * @example
 * ```ts
 * console.log(classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ['class 0', 'class 1', 'class 2'] }));
 * ```
 * @remarks In the object form, keys that look like integers ("0", "1") come first in
 * JavaScript's property order whatever their place in `labels`.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.classification_report.html
 */
export function classificationReport(
  yTrue: unknown,
  yPred: unknown,
  options: ClassificationReportOptions & { outputDict: true },
): ClassificationReportDict;
export function classificationReport(
  yTrue: unknown,
  yPred: unknown,
  options?: ClassificationReportOptions,
): string;
export function classificationReport(
  yTrue: unknown,
  yPred: unknown,
  options: ClassificationReportOptions = {},
): string | ClassificationReportDict {
  const digits = options.digits ?? 2;
  const zeroDivision = options.zeroDivision ?? 'warn';
  const targets = checkTargets(yTrue, yPred);
  const yType = targets.yType;
  const present = (): Label[] =>
    yType === 'multilabel-indicator'
      ? Array.from({ length: targets.yTrue.cols }, (_, j) => j)
      : uniqueLabels(targets.yTrue as ArrayLike<Label>, targets.yPred as ArrayLike<Label>);
  const labelsGiven = options.labels !== undefined && options.labels !== null;
  const labels: readonly Label[] = labelsGiven ? options.labels! : present();
  const microIsAccuracy =
    (yType === 'multiclass' || yType === 'binary') && (!labelsGiven || sameSet(labels, present()));
  let targetNames = options.targetNames ?? null;
  if (targetNames !== null && labels.length !== targetNames.length) {
    if (labelsGiven) {
      warn(
        `labels size, ${labels.length}, does not match size of targetNames, ${targetNames.length}`,
        'UserWarning',
      );
    } else {
      throw new ValueError(
        `Number of classes, ${labels.length}, does not match size of targetNames, ${targetNames.length}. Try specifying the labels parameter`,
      );
    }
  }
  if (targetNames === null) targetNames = labels.map((l) => String(l));
  const common = { labels, sampleWeight: options.sampleWeight, zeroDivision };
  const [p, r, f1, s] = precisionRecallFscoreSupport(yTrue, yPred, {
    ...common,
    average: null,
  }) as [number[], number[], number[], number[]];
  const weighted = options.sampleWeight !== undefined && options.sampleWeight !== null;
  const supportText = (v: number) => (weighted ? pyFloat(v) : String(v));
  const n = Math.min(targetNames.length, p.length);
  const averages: ('micro' | 'macro' | 'weighted' | 'samples')[] =
    yType === 'multilabel-indicator'
      ? ['micro', 'macro', 'weighted', 'samples']
      : ['micro', 'macro', 'weighted'];
  const totalSupport = s.reduce((a, b) => a + b, 0);
  const avgRows = averages.map((average) => {
    const heading = average === 'micro' && microIsAccuracy ? 'accuracy' : `${average} avg`;
    const [ap, ar, af] = precisionRecallFscoreSupport(yTrue, yPred, { ...common, average }) as [
      number,
      number,
      number,
      null,
    ];
    return { heading, row: { precision: ap, recall: ar, 'f1-score': af, support: totalSupport } };
  });
  if (options.outputDict) {
    const out: ClassificationReportDict = {};
    for (let i = 0; i < n; i++) {
      out[targetNames[i]!] = {
        precision: p[i]!,
        recall: r[i]!,
        'f1-score': f1[i]!,
        support: s[i]!,
      };
    }
    for (const { heading, row } of avgRows)
      out[heading] = heading === 'accuracy' ? row.precision : row;
    return out;
  }
  const headers = ['precision', 'recall', 'f1-score', 'support'];
  const nameWidth = Math.max(...targetNames.map((t) => t.length));
  const width = Math.max(nameWidth, 'weighted avg'.length, digits);
  let report = ''.padStart(width) + ' ' + headers.map((h) => ' ' + h.padStart(9)).join('') + '\n\n';
  const rowText = (name: string, row: ReportRow) =>
    name.padStart(width) +
    ' ' +
    [row.precision, row.recall, row['f1-score']]
      .map((v) => ' ' + pyFixed(v, digits).padStart(9))
      .join('') +
    ' ' +
    supportText(row.support).padStart(9) +
    '\n';
  for (let i = 0; i < n; i++) {
    report += rowText(targetNames[i]!, {
      precision: p[i]!,
      recall: r[i]!,
      'f1-score': f1[i]!,
      support: s[i]!,
    });
  }
  report += '\n';
  for (const { heading, row } of avgRows) {
    if (heading === 'accuracy') {
      report +=
        heading.padStart(width) +
        ' ' +
        ' '.padEnd(10) +
        ' '.padEnd(10) +
        ' ' +
        pyFixed(row['f1-score'], digits).padStart(9) +
        ' ' +
        supportText(row.support).padStart(9) +
        '\n';
    } else report += rowText(heading, row);
  }
  return report;
}

function sameSet(a: readonly Label[], b: readonly Label[]): boolean {
  const sa = new Set(a.map(labelKey));
  const sb = new Set(b.map(labelKey));
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}
