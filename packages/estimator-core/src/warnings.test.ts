import { catchWarnings, warn } from './warnings';

describe('warn', () => {
  it('prints through process.emitWarning when nothing catches', () => {
    const spy = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      warn('careful', 'RuntimeWarning');
      warn('default category');
      expect(spy.mock.calls).toEqual([
        ['careful', 'RuntimeWarning'],
        ['default category', 'UserWarning'],
      ]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('catchWarnings', () => {
  it('records warnings of a sync function and returns its result', () => {
    const out = catchWarnings(() => {
      warn('a');
      warn('b', 'ConvergenceWarning');
      return 42;
    });
    expect(out).toEqual({
      result: 42,
      warnings: [
        { message: 'a', category: 'UserWarning' },
        { message: 'b', category: 'ConvergenceWarning' },
      ],
    });
  });

  it('records warnings of an async function across awaits', async () => {
    const out = await catchWarnings(async () => {
      await new Promise((r) => setTimeout(r, 1));
      warn('late', 'FitFailedWarning');
      return 'done';
    });
    expect(out).toEqual({
      result: 'done',
      warnings: [{ message: 'late', category: 'FitFailedWarning' }],
    });
  });

  it('lets the innermost catcher record, and restores the outer one', () => {
    const outer = catchWarnings(() => {
      const inner = catchWarnings(() => warn('inner'));
      warn('outer');
      return inner.warnings;
    });
    expect(outer.result).toEqual([{ message: 'inner', category: 'UserWarning' }]);
    expect(outer.warnings).toEqual([{ message: 'outer', category: 'UserWarning' }]);
  });

  it('stops catching when the function throws or rejects', async () => {
    expect(() =>
      catchWarnings(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    await expect(catchWarnings(async () => Promise.reject(new Error('later')))).rejects.toThrow(
      'later',
    );
    const spy = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      warn('after');
      expect(spy).toHaveBeenCalledWith('after', 'UserWarning');
    } finally {
      spy.mockRestore();
    }
  });

  it('shares one registry per process (a second copy of the module sees the same catcher)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const other = require('./warnings') as typeof import('./warnings');
      const { warnings } = catchWarnings(() => other.warn('from another copy'));
      expect(warnings).toEqual([{ message: 'from another copy', category: 'UserWarning' }]);
    });
  });
});
