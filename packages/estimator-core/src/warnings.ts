// Python-style warnings: scikit-learn warns (it does not throw) for recoverable problems.

/** The warning categories scikit-learn uses. */
export type WarningCategory =
  | 'UserWarning'
  | 'RuntimeWarning'
  | 'DataConversionWarning'
  | 'ConvergenceWarning'
  | 'FitFailedWarning'
  | 'UndefinedMetricWarning';

/** One warning as recorded by {@link catchWarnings}. */
export interface WarningRecord {
  message: string;
  category: WarningCategory;
}

// One stack per process, shared by every copy of this package (ESM and CJS builds, the
// testing entry), so catchWarnings sees warnings emitted through any of them.
const LISTENERS_KEY = Symbol.for('@scikeras/estimator-core/warnings.listeners');
const listeners: WarningRecord[][] = ((globalThis as Record<symbol, unknown>)[LISTENERS_KEY] ??=
  []) as WarningRecord[][];

/**
 * Emits a warning: recorded by the innermost {@link catchWarnings} if one is active,
 * otherwise printed through `process.emitWarning` (Node) or `console.warn` (browser).
 *
 * @param message - what happened and how to fix it, in scikit-learn's words where it has them
 * @param category - the Python warning class name
 * @example
 * ```ts
 * warn('The least populated class in y has only 1 members, which is less than nSplits=3.');
 * ```
 */
export function warn(message: string, category: WarningCategory = 'UserWarning'): void {
  const sink = listeners[listeners.length - 1];
  if (sink) {
    sink.push({ message, category });
    return;
  }
  const proc = (globalThis as { process?: { emitWarning?: (m: string, t: string) => void } })
    .process;
  if (proc?.emitWarning) proc.emitWarning(message, category);
  else console.warn(`${category}: ${message}`);
}

/**
 * Runs `fn` and collects every warning it emits instead of printing them (Python's
 * `warnings.catch_warnings(record=True)`). Works with sync and async functions.
 *
 * @param fn - the code to run
 * @returns the function's result and the recorded warnings
 * @example
 * ```ts
 * const { result, warnings } = await catchWarnings(() => new StratifiedKFold({ nSplits: 3 }).split(X, y).next());
 * ```
 */
export function catchWarnings<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; warnings: WarningRecord[] }>;
export function catchWarnings<T>(fn: () => T): { result: T; warnings: WarningRecord[] };
export function catchWarnings<T>(
  fn: () => T | Promise<T>,
): { result: T; warnings: WarningRecord[] } | Promise<{ result: T; warnings: WarningRecord[] }> {
  const sink: WarningRecord[] = [];
  listeners.push(sink);
  const pop = () => {
    const i = listeners.lastIndexOf(sink);
    if (i >= 0) listeners.splice(i, 1);
  };
  let out: T | Promise<T>;
  try {
    out = fn();
  } catch (e) {
    pop();
    throw e;
  }
  if (out instanceof Promise) {
    return out.then(
      (result) => {
        pop();
        return { result, warnings: sink };
      },
      (e: unknown) => {
        pop();
        throw e;
      },
    );
  }
  pop();
  return { result: out, warnings: sink };
}
