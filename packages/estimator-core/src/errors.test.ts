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
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = [
  'ScikerasError',
  'ValueError',
  'InvalidParameterError',
  'NotFittedError',
  'NotImplementedError',
  'RuntimeError',
];

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

describe('error class identity across builds', () => {
  it('keeps prototype-chain instanceof for a subclass defined outside the package', () => {
    class MyError extends ValueError {}
    expect(new MyError('x')).toBeInstanceOf(MyError);
    expect(new MyError('x')).toBeInstanceOf(ValueError);
    expect(new MyError('x')).toBeInstanceOf(ScikerasError);
    expect(new ValueError('x')).not.toBeInstanceOf(MyError);
    expect(new InvalidParameterError('x')).not.toBeInstanceOf(MyError);
    expect(new MyError('x').name).toBe('MyError');
  });

  it.each([null, undefined, 0, 'ValueError', {}, new Error('x'), new TypeError('x')])(
    'rejects %p',
    (v) => {
      for (const K of [ScikerasError, ValueError, InvalidParameterError, NotFittedError])
        expect(v instanceof K).toBe(false);
    },
  );

  it('an error thrown by the ESM build is instanceof the CJS classes and the reverse (dist/index.mjs + dist/index.js in one process)', () => {
    const dist = join(__dirname, '..', 'dist');
    const script = `
      import * as esm from ${JSON.stringify(pathToFileURL(join(dist, 'index.mjs')).href)};
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)(${JSON.stringify(join(dist, 'index.js'))});
      const names = ${JSON.stringify(NAMES)};
      const out = {};
      for (const [from, to, a, b] of [['esm', 'cjs', esm, cjs], ['cjs', 'esm', cjs, esm]])
        for (const thrown of names)
          out[from + ':' + thrown] = names.filter((n) => new a[thrown]('m') instanceof b[n]);
      out.distinctClasses = esm.ValueError !== cjs.ValueError;
      process.stdout.write(JSON.stringify(out));`;
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(out.distinctClasses).toBe(true);
    const parents: Record<string, string[]> = {
      ScikerasError: ['ScikerasError'],
      ValueError: ['ScikerasError', 'ValueError'],
      InvalidParameterError: ['ScikerasError', 'ValueError', 'InvalidParameterError'],
      NotFittedError: ['ScikerasError', 'ValueError', 'NotFittedError'],
      NotImplementedError: ['ScikerasError', 'NotImplementedError'],
      RuntimeError: ['ScikerasError', 'RuntimeError'],
    };
    for (const from of ['esm', 'cjs'])
      for (const thrown of NAMES)
        expect({ [`${from}:${thrown}`]: out[`${from}:${thrown}`] }).toEqual({
          [`${from}:${thrown}`]: NAMES.filter((n) => parents[thrown]!.includes(n)),
        });
  });
});
