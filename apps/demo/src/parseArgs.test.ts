import { USAGE, parseArgs } from './parseArgs';

describe('parseArgs', () => {
  it('has the defaults', () => {
    expect(parseArgs([])).toEqual({ backend: 'auto', quick: false, jobs: 2, help: false });
  });

  it('reads every flag, with a space or =', () => {
    expect(
      parseArgs([
        '--backend',
        'cpu',
        '--quick',
        '--only=crossval,report',
        '--report',
        'r.html',
        '--jobs',
        '1',
      ]),
    ).toEqual({
      backend: 'cpu',
      quick: true,
      only: 'crossval,report',
      report: 'r.html',
      jobs: 1,
      help: false,
    });
  });

  it.each([
    [
      ['--backend', 'gpu'],
      "--backend must be one of auto, cpu, wasm, tensorflow, webgl, webgpu. Got 'gpu' instead.",
    ],
    [['--jobs', '0'], '--jobs must be an integer >= 1. Got 0 instead.'],
    [['--report'], `--report needs a value.\n\n${USAGE}`],
    [['--fast'], `Unknown option '--fast'.\n\n${USAGE}`],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
