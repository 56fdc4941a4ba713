// Port of scikit-learn's sklearn/utils/__init__.py _message_with_time / _print_elapsed_time (BSD-3-Clause).
import { andThen, type MaybePromise } from '../maybeAsync';

function fixed(v: number, width: number, digits: number): string {
  return v.toFixed(digits).padStart(width);
}

/**
 * One log line, scikit-learn's `_message_with_time`:
 * `[Pipeline] ............ (step 1 of 2) Processing transf, total=   0.0s`.
 */
export function messageWithTime(source: string, message: string, seconds: number): string {
  const start = `[${source}] `;
  const time = seconds > 60 ? `${fixed(seconds / 60, 4, 1)}min` : ` ${fixed(seconds, 5, 1)}s`;
  const end = ` ${message}, total=${time}`;
  const dots = Math.max(0, 70 - start.length - end.length);
  return `${start}${'.'.repeat(dots)}${end}`;
}

/**
 * Runs `fn` and, when `message` is given, prints the time it took with `console.log`
 * once it has finished (also when it returns a Promise), scikit-learn's `_print_elapsed_time`.
 */
export function timed<T>(
  source: string,
  message: string | null,
  fn: () => MaybePromise<T>,
): MaybePromise<T> {
  if (message === null) return fn();
  const t0 = performance.now();
  return andThen(fn(), (v) => {
    console.log(messageWithTime(source, message, (performance.now() - t0) / 1000));
    return v;
  });
}
