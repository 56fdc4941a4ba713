import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaseEstimator } from '../BaseEstimator';
import { ValueError } from '../errors';
import { registerEstimator } from '../registry/registerEstimator';
import {
  getRegisteredFunction,
  registerFunction,
  unregisterFunction,
} from '../registry/registerFunction';
import { fromTravelSpec, toTravelSpec } from './TravelSpec';
import { registerTravelEnvironment } from './registerTravelEnvironment';

class Traveler extends BaseEstimator {
  static estimatorName = 'SpecTraveler';
  static override defaults = { fn: null, step: null };
  declare fn: unknown;
  declare coef_?: number[];
}
registerEstimator(Traveler, { module: __filename });

class Homeless extends BaseEstimator {
  static estimatorName = 'SpecHomeless';
}
registerEstimator(Homeless);

describe('toTravelSpec / fromTravelSpec', () => {
  it('carries an estimator, fitted or not, as JSON with the module that registers its class', async () => {
    const est = new Traveler({ step: 'passthrough' });
    est.coef_ = [1, 2];
    const spec = await toTravelSpec(est);
    expect(spec).toMatchObject({
      format: 'scikeras-ts-travel',
      modules: [pathToFileURL(__filename).href],
      value: { $scikeras: 'estimator', className: 'SpecTraveler' },
      buffers: [],
    });
    const back = await fromTravelSpec<Traveler>(JSON.parse(JSON.stringify(spec)));
    expect(back).toBeInstanceOf(Traveler);
    expect(back.getParams()).toEqual(est.getParams());
    expect(back.coef_).toEqual([1, 2]);
  });

  it('carries any value: grid values with estimators, functions and strings', async () => {
    const half = registerFunction('spec-half', (x: number) => x / 2);
    try {
      const params = { step: [new Traveler(), 'passthrough'], fn: half };
      const back = (await fromTravelSpec(await toTravelSpec(params))) as typeof params;
      expect(back.fn).toBe(half);
      expect(back.step[0]).toBeInstanceOf(Traveler);
      expect(back.step[1]).toBe('passthrough');
    } finally {
      unregisterFunction('spec-half');
    }
  });

  it('refuses an unregistered function, naming the param and the fix', async () => {
    const build = (): null => null;
    await expect(toTravelSpec(new Traveler({ fn: build }))).rejects.toThrow(
      new ValueError(
        "SpecTraveler cannot be sent to a worker thread: its parameter 'fn' is the function 'build', which is not registered. " +
          "Functions travel by name: call registerFunction('build', build, { module: import.meta.url }) (registerModel in " +
          '@scikeras/wrappers) in a module that only defines functions (worker threads import it), or use nJobs: 1.',
      ),
    );
  });

  it('refuses a class registered without a module', async () => {
    await expect(toTravelSpec(new Traveler({ step: new Homeless() }))).rejects.toThrow(
      new ValueError(
        "SpecTraveler cannot be sent to a worker thread: the class of its parameter 'step' SpecHomeless is registered without " +
          'a module, so a worker thread cannot import it. Call registerEstimator(SpecHomeless, { module: import.meta.url }) ' +
          '(__filename in CommonJS) in the module that defines it, or use nJobs: 1.',
      ),
    );
  });

  it('imports the modules that register the functions before decoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    try {
      const setup = join(dir, 'functions.cjs');
      writeFileSync(
        setup,
        `const { registerFunction } = require(${JSON.stringify(join(__dirname, '..', 'registry', 'registerFunction.ts'))});\n` +
          `registerFunction('spec-remote', () => 'remote', { module: __filename });\n`,
      );
      const local = registerFunction('spec-remote', (): string => 'local');
      const spec = await toTravelSpec(new Traveler({ fn: local }));
      expect(spec.modules).toEqual([pathToFileURL(__filename).href]);
      // as the sending thread would have, had `setup` registered the function there
      spec.modules.push(pathToFileURL(setup).href);
      unregisterFunction('spec-remote'); // as in a fresh worker thread
      const back = await fromTravelSpec<Traveler>(spec);
      expect(back.fn).toBe(getRegisteredFunction('spec-remote'));
      expect((back.fn as () => string)()).toBe('remote');
    } finally {
      unregisterFunction('spec-remote');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the modules of the registrations a value uses', async () => {
    const half = registerFunction('spec-half2', (x: number) => x / 2, { module: '/app/fns.mjs' });
    try {
      const spec = await toTravelSpec({ step: new Traveler({ fn: half }) });
      expect(spec.modules).toEqual([pathToFileURL(__filename).href, 'file:///app/fns.mjs']);
      // the module registered something in this thread, so it has run: not imported again
      expect((await fromTravelSpec<{ step: Traveler }>(spec)).step.fn).toBe(half);
    } finally {
      unregisterFunction('spec-half2');
    }
  });

  it('says what to register when a function is missing in this thread', async () => {
    const spec = await toTravelSpec(new Traveler());
    (spec.value as { params: Record<string, unknown> }).params.fn = {
      $scikeras: 'function',
      name: 'spec-nowhere',
      registered: true,
    };
    await expect(fromTravelSpec(spec)).rejects.toThrow(
      new ValueError(
        "SpecTraveler cannot be rebuilt in this thread: its parameter 'fn' refers to the function 'spec-nowhere', which is not registered here. " +
          "Register it with registerFunction('spec-nowhere', fn, { module: import.meta.url }) (registerModel in @scikeras/wrappers) " +
          'so that worker threads import the module that registers it.',
      ),
    );
  });

  it("mirrors the sender's settings registered as travel environments", async () => {
    let setting = 'a';
    registerTravelEnvironment({
      name: 'spec.setting',
      capture: () => setting,
      restore: (v) => {
        setting = String(v);
      },
    });
    const spec = await toTravelSpec(new Traveler());
    expect(spec.environment['spec.setting']).toBe('a');
    setting = 'b';
    await fromTravelSpec(spec);
    expect(setting).toBe('a');
  });

  it('rejects what is not a TravelSpec, and a module that cannot be imported', async () => {
    await expect(fromTravelSpec({ module: 'x' } as never)).rejects.toThrow(
      'Invalid TravelSpec: expected { format: "scikeras-ts-travel", modules, environment, value, buffers }.',
    );
    const spec = await toTravelSpec(1);
    await expect(
      fromTravelSpec({ ...spec, modules: ['file:///nowhere/missing.mjs'] }),
    ).rejects.toThrow(
      "Cannot import the module 'file:///nowhere/missing.mjs' that registers the classes and functions of a TravelSpec in this thread:",
    );
  });
});
