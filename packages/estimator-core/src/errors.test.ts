import {
  InvalidParameterError,
  NotFittedError,
  NotImplementedError,
  RuntimeError,
  ScikerasError,
  TerminatedWorkerError,
  TimeoutError,
  ValueError,
} from './errors';

describe('errors', () => {
  it.each([
    [ValueError, [ScikerasError]],
    [InvalidParameterError, [ValueError, ScikerasError]],
    [NotFittedError, [ValueError, ScikerasError]],
    [NotImplementedError, [ScikerasError]],
    [RuntimeError, [ScikerasError]],
    [TimeoutError, [ScikerasError]],
    [TerminatedWorkerError, [RuntimeError, ScikerasError]],
  ] as const)('%p has scikit-learn hierarchy, its name and message', (Klass, parents) => {
    const e = new Klass('msg');
    expect(e).toBeInstanceOf(Error);
    for (const P of parents) expect(e).toBeInstanceOf(P);
    expect(e.name).toBe(Klass.name);
    expect(e.message).toBe('msg');
    expect(String(e)).toBe(`${Klass.name}: msg`);
  });

  it('keeps NotImplementedError and RuntimeError out of ValueError', () => {
    expect(new NotImplementedError('x')).not.toBeInstanceOf(ValueError);
    expect(new RuntimeError('x')).not.toBeInstanceOf(ValueError);
  });
});
