// An error as data, to cross a thread or process boundary and be thrown again with its class.
// Universal (no Node built-ins): the worker pool uses it, and so can a distributed executor.
import {
  InvalidParameterError,
  NotFittedError,
  NotImplementedError,
  RuntimeError,
  ScikerasError,
  TerminatedWorkerError,
  TimeoutError,
  ValueError,
} from '@scikeras/estimator-core';

/** An error as plain data (structured clone and JSON keep it). */
export interface ErrorRecord {
  /** The error's `name` (e.g. `'ValueError'`, or a subclass's own name). */
  name: string;
  message: string;
  /** The stack where it was thrown (in the worker), when there is one. */
  stack?: string;
  /** Node's error code (e.g. `'ERR_WORKER_OUT_OF_MEMORY'`), when there is one. */
  code?: string;
  /**
   * The most specific class of the known estimator-core errors (`ValueError`, `NotFittedError`, ...) the error is an instance of (e.g.
   * `'ValueError'` for a user's `class BadInput extends ValueError`): the class it is thrown
   * again with on the other side.
   */
  kind: string;
}

type ErrorClass = new (message: string) => Error;

/**
 * The classes an error keeps across threads, most specific first: estimator-core's and
 * JavaScript's built-in ones. Keys are stable names (a minifier renames classes).
 */
const KNOWN_ERRORS: ReadonlyArray<readonly [string, ErrorClass]> = [
  ['NotFittedError', NotFittedError],
  ['InvalidParameterError', InvalidParameterError],
  ['ValueError', ValueError],
  ['NotImplementedError', NotImplementedError],
  ['TimeoutError', TimeoutError],
  ['TerminatedWorkerError', TerminatedWorkerError],
  ['RuntimeError', RuntimeError],
  ['ScikerasError', ScikerasError],
  ['TypeError', TypeError],
  ['RangeError', RangeError],
  ['SyntaxError', SyntaxError],
  ['ReferenceError', ReferenceError],
  ['EvalError', EvalError],
  ['URIError', URIError],
  ['Error', Error],
];

/** The names on an object's prototype chain (for an error from another copy of estimator-core, e.g. its CommonJS build). */
function chainNames(e: object): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(e) as object | null; p; p = Object.getPrototypeOf(p)) {
    const ctor = (p as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === 'string') names.push(ctor.name);
  }
  return names;
}

/**
 * An error as data: its name, message, stack and the most specific known class it belongs to.
 *
 * @param e - anything thrown
 * @returns the record
 * @example
 * ```ts
 * toErrorRecord(new NotFittedError('not fitted')); // { name: 'NotFittedError', kind: 'NotFittedError', ... }
 * ```
 */
export function toErrorRecord(e: unknown): ErrorRecord {
  if (!(e instanceof Error) && (typeof e !== 'object' || e === null))
    return { name: 'Error', message: String(e), kind: 'Error' };
  const err = e as Partial<Error> & { code?: unknown };
  let kind = KNOWN_ERRORS.find(([, K]) => e instanceof K)?.[0];
  // instanceof fails for an error of another copy of a class: match the chain's names then
  const names = chainNames(e);
  const byName = KNOWN_ERRORS.find(([k]) => names.includes(k))?.[0];
  if (kind === undefined || kind === 'Error') kind = byName ?? 'Error';
  return {
    name: typeof err.name === 'string' ? err.name : 'Error',
    message: typeof err.message === 'string' ? err.message : String(e),
    ...(typeof err.stack === 'string' ? { stack: err.stack } : {}),
    ...(typeof err.code === 'string' ? { code: err.code } : {}),
    kind,
  };
}

/**
 * The error back from its record: an instance of its known class (so `instanceof ValueError`
 * holds for a ValueError thrown in a worker), with its name and message, and the stack of
 * where it was thrown.
 *
 * @param record - from {@link toErrorRecord}
 * @param where - appended to the stack, e.g. `'in worker thread 3'`
 * @returns the error, to throw
 * @example
 * ```ts
 * throw fromErrorRecord(result.raised, 'in worker thread 3');
 * ```
 */
export function fromErrorRecord(record: ErrorRecord, where?: string): Error {
  const Klass = KNOWN_ERRORS.find(([k]) => k === record.kind)?.[1] ?? Error;
  const e = new Klass(record.message);
  if (e.name !== record.name)
    Object.defineProperty(e, 'name', { value: record.name, writable: true, configurable: true });
  if (record.stack) e.stack = where ? `${record.stack}\n    (${where})` : record.stack;
  if (record.code !== undefined) (e as Error & { code?: string }).code = record.code;
  return e;
}
