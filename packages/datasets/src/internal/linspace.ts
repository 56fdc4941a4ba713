// Port of numpy's numpy/core/function_base.py linspace (BSD-3-Clause), for 1-D float ranges.

/**
 * `num` evenly spaced numbers from `start` to `stop` (included with `endpoint`), computed as
 * numpy does (`i * step + start`, the last one set to `stop`), so the values match numpy's.
 *
 * @param start - the first value
 * @param stop - the last value (or the end of the interval without `endpoint`)
 * @param num - how many values
 * @param endpoint - whether `stop` is the last value
 * @returns the values
 */
export function linspace(start: number, stop: number, num: number, endpoint = true): number[] {
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const y = Array.from({ length: num }, (_, i) => i);
  if (div > 0) {
    const step = delta / div;
    for (let i = 0; i < num; i++) y[i] = step === 0 ? (y[i]! / div) * delta : y[i]! * step;
  } else {
    for (let i = 0; i < num; i++) y[i] = y[i]! * delta;
  }
  for (let i = 0; i < num; i++) y[i] = y[i]! + start;
  if (endpoint && num > 1) y[num - 1] = stop;
  return y;
}
