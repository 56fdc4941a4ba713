import {
  InvalidParameterError,
  NotFittedError,
  TerminatedWorkerError,
  TimeoutError,
  ValueError,
} from '@scikeras/estimator-core';
import { fromErrorRecord, toErrorRecord } from './errorRecord';

describe('toErrorRecord / fromErrorRecord', () => {
  it.each([
    [new NotFittedError('a'), NotFittedError],
    [new InvalidParameterError('b'), InvalidParameterError],
    [new TimeoutError('c'), TimeoutError],
    [new TerminatedWorkerError('d'), TerminatedWorkerError],
    [new TypeError('e'), TypeError],
    [new RangeError('f'), RangeError],
    [new Error('g'), Error],
  ])('round-trips %p with its class, name, message and stack', (e, Klass) => {
    const back = fromErrorRecord(structuredClone(toErrorRecord(e)), 'in worker thread 7');
    expect(back).toBeInstanceOf(Klass);
    expect(back.constructor).toBe(Klass);
    expect(back.name).toBe(e.name);
    expect(back.message).toBe(e.message);
    expect(back.stack).toBe(`${e.stack}\n    (in worker thread 7)`);
  });

  it('keeps a subclass as its nearest known class, with its own name', () => {
    class BadInput extends ValueError {}
    const back = fromErrorRecord(toErrorRecord(new BadInput('x')));
    expect(back).toBeInstanceOf(ValueError);
    expect(back.name).toBe('BadInput');
  });

  it("matches by the prototype chain's names an error of another copy of a class", () => {
    // e.g. thrown by estimator-core's CommonJS build in a thread that loaded its ESM build
    class ValueErrorCopy extends Error {}
    Object.defineProperty(ValueErrorCopy, 'name', { value: 'ValueError' });
    class NotFittedCopy extends ValueErrorCopy {}
    Object.defineProperty(NotFittedCopy, 'name', { value: 'NotFittedError' });
    const e = new NotFittedCopy('not fitted');
    e.name = 'NotFittedError';
    expect(toErrorRecord(e).kind).toBe('NotFittedError');
    expect(fromErrorRecord(toErrorRecord(e))).toBeInstanceOf(NotFittedError);
  });

  it('turns anything thrown into an Error, and keeps a Node error code', () => {
    expect(toErrorRecord('plain string')).toEqual({
      name: 'Error',
      message: 'plain string',
      kind: 'Error',
    });
    const coded = Object.assign(new Error('out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    const back = fromErrorRecord(toErrorRecord(coded)) as Error & { code?: string };
    expect(back.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
  });
});
