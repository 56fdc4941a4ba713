import { describeEstimatorChecks } from './describeEstimatorChecks';
import { CHECK_NAMES } from './checkList';
import { LeastSquares, NearestCentroid, TinyLabelEncoder } from './test-utils/toys';

// The real use: one jest test per applicable check.
describeEstimatorChecks('NearestCentroid passes the estimator checks', () => new NearestCentroid());
describeEstimatorChecks('LeastSquares passes the estimator checks', () => new LeastSquares());
describeEstimatorChecks(
  'TinyLabelEncoder passes the estimator checks',
  () => new TinyLabelEncoder(),
);

type Registered = { title: string; fn: () => Promise<void>; timeout?: number };

/** Calls describeEstimatorChecks with recording describe/it globals. */
function record(run: () => void): { blocks: string[]; tests: Registered[] } {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: g.describe, it: g.it };
  const blocks: string[] = [];
  const tests: Registered[] = [];
  g.describe = (name: string, body: () => void) => {
    blocks.push(name);
    body();
  };
  g.it = (title: string, fn: () => Promise<void>, timeout?: number) =>
    tests.push({ title, fn, timeout });
  try {
    run();
  } finally {
    g.describe = saved.describe;
    g.it = saved.it;
  }
  return { blocks, tests };
}

describe('describeEstimatorChecks', () => {
  it('registers one test per applicable check, synchronously, in check order', () => {
    const { blocks, tests } = record(() =>
      describeEstimatorChecks('LS', () => new LeastSquares(), {
        skip: { checkFit1d: 'not today' },
        timeoutMs: 1234,
      }),
    );
    expect(blocks).toEqual(['LS']);
    const titles = tests.map((t) => t.title);
    expect(titles).not.toContain('checkFit1d');
    expect(titles).not.toContain('checkClassifiersTrain');
    expect(titles).toContain('checkRegressorMultioutput');
    expect(titles).toEqual(CHECK_NAMES.filter((n) => titles.includes(n)));
    expect(new Set(tests.map((t) => t.timeout))).toEqual(new Set([1234]));
  });

  it('makes a failing check a failing test with the check message', async () => {
    class Broken extends LeastSquares {
      override fit(X: unknown, y: unknown): this {
        super.fit(X, y);
        return undefined as unknown as this;
      }
    }
    const { tests } = record(() => describeEstimatorChecks('B', () => new Broken()));
    const t = tests.find((x) => x.title === 'checkEstimatorsFitReturnsSelf')!;
    await expect(t.fn()).rejects.toThrow(
      'checkEstimatorsFitReturnsSelf: fit of Broken should return the estimator itself (this), got undefined.',
    );
    await expect(tests.find((x) => x.title === 'checkFit1d')!.fn()).resolves.toBeUndefined();
  });

  it('names xfail tests with the reason, and fails an xpass only with strictXfail', async () => {
    class Tagged extends LeastSquares {
      static override tags = { multioutput: true, xfailChecks: { checkFit1d: 'flaky on purpose' } };
    }
    const { tests } = record(() => describeEstimatorChecks('T', () => new Tagged()));
    const t = tests.find((x) => x.title === 'checkFit1d (xfail: flaky on purpose)')!;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(t.fn()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(
        'XPASS T: checkFit1d is tagged xfail (flaky on purpose) but passed; remove it from xfailChecks.',
      );
    } finally {
      warn.mockRestore();
    }
    const strict = record(() =>
      describeEstimatorChecks('T', () => new Tagged(), { strictXfail: true }),
    );
    await expect(
      strict.tests.find((x) => x.title === 'checkFit1d (xfail: flaky on purpose)')!.fn(),
    ).rejects.toThrow(
      'checkFit1d is tagged xfail (flaky on purpose) but passed; remove it from xfailChecks.',
    );
  });

  it('needs the test framework globals', () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = g.it;
    g.it = undefined;
    try {
      expect(() => describeEstimatorChecks('x', () => new LeastSquares())).toThrow(
        'describeEstimatorChecks must be called in a test file (it needs the global describe and it of jest, vitest or mocha).',
      );
    } finally {
      g.it = saved;
    }
  });
});
