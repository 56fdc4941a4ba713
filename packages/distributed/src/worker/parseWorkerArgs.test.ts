import { parseWorkerArgs } from './parseWorkerArgs';

describe('parseWorkerArgs', () => {
  it('reads every flag', () => {
    expect(
      parseWorkerArgs([
        '--redis',
        'rediss://u:p@h:6380/1',
        '--queue',
        'grid',
        '--import',
        './a.mjs',
        '--import',
        'pkg',
        '--concurrency',
        '4',
        '--backend',
        'wasm',
        '--name',
        'gpu-1',
        '--prefix',
        '{bull}',
        '--lock-duration',
        '60000',
        '--stalled-interval',
        '15000',
        '--max-stalled',
        '3',
      ]),
    ).toEqual({
      connection: 'rediss://u:p@h:6380/1',
      queue: 'grid',
      imports: ['./a.mjs', 'pkg'],
      concurrency: 4,
      backend: 'wasm',
      name: 'gpu-1',
      prefix: '{bull}',
      lockDuration: 60000,
      stalledInterval: 15000,
      maxStalledCount: 3,
    });
  });

  it('takes the URL from SCIKERAS_REDIS_URL', () => {
    expect(
      parseWorkerArgs(['--queue', 'q', '--import', 'm.mjs'], { SCIKERAS_REDIS_URL: 'redis://r' }),
    ).toMatchObject({ connection: 'redis://r' });
  });

  it('answers help', () => {
    expect(parseWorkerArgs(['--help'])).toBe('help');
  });

  it.each([
    [['--queue', 'q', '--import', 'm'], '--redis URL is required (or SCIKERAS_REDIS_URL).'],
    [['--redis', 'redis://r', '--import', 'm'], '--queue NAME is required.'],
    [
      ['--redis', 'redis://r', '--queue', 'q'],
      '--import MODULE is required: the module that registers your build functions and estimator classes.',
    ],
    [['--redis'], '--redis needs a value.'],
    [['--concurrency', '0'], "--concurrency must be a positive integer, got '0'."],
    [['--eval', 'x'], "Unknown option '--eval'. See scikeras-worker --help."],
  ])('refuses %j', (argv, message) => {
    expect(() => parseWorkerArgs(argv)).toThrow(message);
  });
});
