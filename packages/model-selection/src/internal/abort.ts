// AbortSignal helpers: what an aborted search rejects with, and racing work against an abort.
import { pyRepr, typeName } from '@scikeras/estimator-core';

/**
 * What an aborted run rejects with: the signal's reason, as `fetch` does (a DOMException named
 * 'AbortError' for a plain `controller.abort()`; whatever the caller passed to `abort(reason)`).
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Throws the abort reason when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | null | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** Throws a TypeError unless `signal` is an AbortSignal (or null/undefined). */
export function checkSignal(signal: unknown, owner: string): AbortSignal | undefined {
  if (signal === undefined || signal === null) return undefined;
  const s = signal as Partial<AbortSignal>;
  if (typeof s.aborted === 'boolean' && typeof s.addEventListener === 'function')
    return signal as AbortSignal;
  throw new TypeError(
    `The 'signal' option of ${owner} must be an AbortSignal (new AbortController().signal). Got ${pyRepr(signal)} (${typeName(signal)}) instead.`,
  );
}

/**
 * `work`, or the abort: rejects with the signal's reason as soon as it fires (the work goes on
 * in the background; `onLate` gets its result if it still arrives, e.g. to dispose it).
 *
 * @param work - the promise to wait for
 * @param signal - the signal, or nothing (then `work` itself is returned)
 * @param onLate - called with the work's result when it settles after the abort
 * @returns what `work` resolves to
 */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | null | undefined,
  onLate?: (value: T) => void,
): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const onAbort = () => {
      if (done) return;
      done = true;
      work.then(onLate, () => undefined); // an error after the abort is not the caller's any more
      reject(abortReason(signal));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        if (done) return;
        done = true;
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (done) return;
        done = true;
        reject(e);
      },
    );
  });
}
