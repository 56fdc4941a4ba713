import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { ValueError } from '@scikeras/estimator-core';
import { RandomState } from '@scikeras/model-selection';
import {
  resolveSeed,
  seededSections,
  seedingMechanism,
  setSeedingMechanism,
  withRandomState,
  type SeedingMechanism,
} from './withRandomState';

tf.enableProdMode();

type Step = 'draw' | 'tf' | 'micro' | 'immediate' | 'timeout';

const pause: Record<Exclude<Step, 'draw' | 'tf'>, () => Promise<unknown>> = {
  micro: () => Promise.resolve(),
  immediate: () => new Promise((r) => setImmediate(r)),
  timeout: () => new Promise((r) => setTimeout(r, 0)),
};

/** Runs the steps, returning what was drawn: Math.random, or a tfjs op seeded from it. */
async function play(steps: readonly Step[]): Promise<number[]> {
  const out: number[] = [];
  for (const step of steps) {
    if (step === 'draw') out.push(Math.random());
    else if (step === 'tf') out.push(tf.tidy(() => tf.randomUniform([1]).dataSync()[0]!));
    else await pause[step]();
  }
  return out;
}

const tick = pause.immediate;

describe('withRandomState', () => {
  const original = Math.random;
  let tensors = 0;
  beforeEach(() => {
    tensors = tf.memory().numTensors;
  });
  afterEach(() => {
    expect(Math.random).toBe(original);
    expect(seededSections()).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
  });
  afterAll(() => setSeedingMechanism('async-context'));

  it("uses Node's AsyncLocalStorage here, and 'serial' where process.getBuiltinModule is missing", () => {
    expect(seedingMechanism()).toBe('async-context');
    const get = process.getBuiltinModule;
    try {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
      expect(() => setSeedingMechanism('async-context')).toThrow(
        'AsyncLocalStorage is not available here.',
      );
    } finally {
      process.getBuiltinModule = get;
    }
    expect(seedingMechanism()).toBe('async-context');
  });

  it('resolveSeed: integers and null as is, one draw below 2**31 - 1 from a generator', async () => {
    expect(resolveSeed(7)).toBe(7);
    expect(resolveSeed(-3)).toBe(-3);
    expect(resolveSeed(null)).toBeNull();
    expect(resolveSeed(undefined)).toBeUndefined();
    const s = resolveSeed(new RandomState(0))!;
    expect(Number.isInteger(s) && s >= 0 && s < 2147483647).toBe(true);
    expect(resolveSeed(new RandomState(0))).toBe(s);
    expect(resolveSeed({ random: () => 0.5 })).toBe(1073741823);
    // a section seeded by the object draws what one seeded by its resolved integer draws
    expect(await withRandomState(new RandomState(0), () => play(['draw', 'tf']))).toEqual(
      await withRandomState(s, () => play(['draw', 'tf'])),
    );
    expect(() => resolveSeed(0.5)).toThrow(
      new ValueError('0.5 cannot be used to seed a RandomState instance'),
    );
  });

  describe.each(['async-context', 'serial'] as SeedingMechanism[])('with %s', (mechanism) => {
    beforeAll(() => setSeedingMechanism(mechanism));

    it('the same seed gives the same draws, another seed others', async () => {
      const steps: Step[] = ['draw', 'tf', 'micro', 'draw', 'timeout', 'tf'];
      const a = await withRandomState(1, () => play(steps));
      expect(await withRandomState(1, () => play(steps))).toEqual(a);
      expect(await withRandomState(2, () => play(steps))).not.toEqual(a);
    });

    it('concurrent sections (2-4, any seeds, any interleaving) each draw their solo sequence', async () => {
      const section = fc.record({
        seed: fc.integer({ min: 0, max: 3 }),
        steps: fc.array(fc.constantFrom<Step>('draw', 'tf', 'micro', 'immediate', 'timeout'), {
          maxLength: 8,
        }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(section, { minLength: 2, maxLength: 4 }), async (sections) => {
          const solo: number[][] = [];
          for (const s of sections) solo.push(await withRandomState(s.seed, () => play(s.steps)));
          const together = await Promise.all(
            sections.map((s) => withRandomState(s.seed, () => play(s.steps))),
          );
          expect(together).toEqual(solo);
          expect(Math.random).toBe(original);
        }),
        { numRuns: 40 },
      );
    });

    it('a section that throws (at once or midway) restores Math.random and spares the others', async () => {
      const solo = await withRandomState(3, () => play(['draw', 'timeout', 'draw']));
      const results = await Promise.allSettled([
        withRandomState(1, () => {
          throw new Error('at once');
        }),
        withRandomState(2, async () => {
          await play(['draw', 'immediate']);
          throw new Error('midway');
        }),
        withRandomState(3, () => play(['draw', 'timeout', 'draw'])),
      ]);
      expect(results).toEqual([
        { status: 'rejected', reason: new Error('at once') },
        { status: 'rejected', reason: new Error('midway') },
        { status: 'fulfilled', value: solo },
      ]);
    });

    it('a nested section draws its own stream and leaves the outer one untouched', async () => {
      const outer = await withRandomState(1, () => play(['draw', 'tf', 'draw']));
      const inner = await withRandomState(2, () => play(['draw', 'timeout', 'draw']));
      let nested: number[] = [];
      const got = await withRandomState(1, async () => {
        const first = [Math.random(), tf.tidy(() => tf.randomUniform([1]).dataSync()[0]!)];
        // started before the outer section's first await (the only nesting 'serial' allows)
        nested = await withRandomState(2, () => play(['draw', 'timeout', 'draw']));
        return [...first, Math.random()];
      });
      expect(got).toEqual(outer);
      expect(nested).toEqual(inner);
    });

    it('a null or undefined seed runs fn as is: unseeded outside, the outer stream inside', async () => {
      expect(await withRandomState(null, () => Math.random)).toBe(original);
      expect(await withRandomState(undefined, () => 7)).toBe(7);
      const solo = await withRandomState(4, () => play(['draw', 'draw']));
      const got = await withRandomState(4, async () => [
        ...(await play(['draw'])),
        ...(await withRandomState(null, () => play(['draw']))),
      ]);
      expect(got).toEqual(solo);
    });

    it('a RandomState (or any randint/random object) is a generator: one draw seeds the section', async () => {
      const steps: Step[] = ['draw', 'tf'];
      const a = await withRandomState(new RandomState(1), () => play(steps));
      expect(await withRandomState(new RandomState(1), () => play(steps))).toEqual(a);
      expect(await withRandomState(new RandomState(2), () => play(steps))).not.toEqual(a);
      const rs = new RandomState(1);
      const second = await withRandomState(rs, () => withRandomState(rs, () => play(steps)));
      expect(second).not.toEqual(a); // each section draws a new seed from it
      const twice = new RandomState(1);
      twice.randint(10);
      twice.randint(10);
      expect(rs.random()).toBe(twice.random()); // exactly one draw per section
      const r = new RandomState(5);
      const viaRandom = { random: () => r.random() };
      const viaRandint = new RandomState(5);
      expect(await withRandomState(viaRandom, () => play(steps))).toEqual(
        await withRandomState(viaRandint, () => play(steps)),
      );
    });

    it.each([[1.5], [Number.NaN], ['3'], [{}], [true]])(
      "rejects %p with scikit-learn's check_random_state message",
      async (seed) => {
        const run = withRandomState(seed as number, () => 1);
        await expect(run).rejects.toThrow(ValueError);
        await expect(run).rejects.toThrow(
          `${String(seed)} cannot be used to seed a RandomState instance`,
        );
      },
    );

    it('a Math.random replaced during a section is left in place', async () => {
      const mine = (): number => 0.5;
      await withRandomState(1, async () => {
        await tick();
        Math.random = mine;
      });
      expect(Math.random).toBe(mine);
      Math.random = original;
    });

    it('cannot switch mechanism while a section is open', async () => {
      await withRandomState(1, () => {
        expect(() => setSeedingMechanism('serial')).toThrow(
          'Cannot switch the seeding mechanism while a section is open.',
        );
      });
    });
  });

  describe('with async-context', () => {
    beforeAll(() => setSeedingMechanism('async-context'));

    it('unseeded code running alongside draws from the original, not a seeded stream', async () => {
      const solo = await withRandomState(5, () => play(['draw', 'timeout', 'draw']));
      const [seeded, unseeded] = await Promise.all([
        withRandomState(5, () => play(['draw', 'timeout', 'draw'])),
        play(['draw', 'immediate', 'draw']),
      ]);
      expect(seeded).toEqual(solo);
      expect(unseeded).not.toContain(solo[1]);
    });

    it('a timer left behind by a section draws from the original Math.random', async () => {
      let late!: Promise<number>;
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      await withRandomState(1, () => {
        // the timer is made inside the section but only armed once the spy is in place (a bare
        // 5 ms timer could fire before that on a loaded machine)
        late = new Promise((resolve) => {
          void gate.then(() => setTimeout(() => resolve(Math.random()), 5));
        });
      });
      const spy = jest.fn(() => 0.25);
      Math.random = spy; // the "original" from now on
      open();
      try {
        // another section has the dispatcher installed when the timer fires
        const other = await withRandomState(2, async () => {
          expect(await late).toBe(0.25);
          return Math.random();
        });
        expect(other).toBe(await withRandomState(2, () => Math.random()));
        expect(spy).toHaveBeenCalledTimes(1);
        expect(Math.random).toBe(spy);
      } finally {
        Math.random = original;
      }
    });

    it('nests after an await too', async () => {
      const inner = await withRandomState(2, () => play(['draw', 'micro', 'draw']));
      const outer = await withRandomState(1, () => play(['draw', 'draw']));
      const got = await withRandomState(1, async () => {
        const a = Math.random();
        await tick();
        const nested = await withRandomState(2, () => play(['draw', 'micro', 'draw']));
        return { outer: [a, Math.random()], nested };
      });
      expect(got).toEqual({ outer, nested: inner });
    });

    it('concurrent sections really overlap', async () => {
      const order: string[] = [];
      const section = (name: string) =>
        withRandomState(1, async () => {
          order.push(`${name} start`);
          await tick();
          order.push(`${name} end`);
        });
      await Promise.all([section('a'), section('b')]);
      expect(order).toEqual(['a start', 'b start', 'a end', 'b end']);
    });
  });

  describe('with serial', () => {
    beforeAll(() => setSeedingMechanism('serial'));

    it('runs concurrent sections one after the other', async () => {
      const order: string[] = [];
      const section = (name: string) =>
        withRandomState(1, async () => {
          order.push(`${name} start`);
          await tick();
          order.push(`${name} end`);
        });
      await Promise.all([section('a'), section('b')]);
      expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
    });

    it('lets unseeded code running during a section draw from its stream (the documented limit)', async () => {
      const solo = await withRandomState(5, () => play(['draw', 'draw', 'draw']));
      const [seeded, unseeded] = await Promise.all([
        withRandomState(5, () => play(['draw', 'timeout', 'draw'])),
        play(['immediate', 'draw']),
      ]);
      expect(unseeded).toEqual([solo[1]]);
      expect(seeded).toEqual([solo[0], solo[2]]);
    });

    it('a section started after the running one awaited waits for it to end', async () => {
      const order: string[] = [];
      await withRandomState(1, async () => {
        await tick();
        void withRandomState(2, () => order.push('inner'));
        await tick();
        order.push('outer end');
      });
      await tick();
      expect(order).toEqual(['outer end', 'inner']);
    });
  });
});
