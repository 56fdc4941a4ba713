import fc from 'fast-check';
import { BaseEstimator, type Params } from './BaseEstimator';
import { RandomState } from './RandomState';
import { clone } from './clone';
import { RuntimeError } from './errors';
import golden from './__fixtures__/sklearn_messages.json';

interface NetParams {
  alpha?: unknown;
  layers?: unknown;
  options?: unknown;
  sub?: unknown;
  fn?: unknown;
}
interface Net extends Required<NetParams> {}
class Net extends BaseEstimator<NetParams> {
  static override defaults: Readonly<Params> = {
    alpha: 1,
    layers: [8],
    options: {},
    sub: null,
    fn: null,
  };
  declare coef_?: number[];
  fit() {
    this.coef_ = [1];
    return this;
  }
}

class Model {
  weights = [1, 2];
}

describe('clone', () => {
  it('makes a new unfitted instance of the same class with the same params', () => {
    const n = new Net({ alpha: 3 }).fit();
    const c = clone(n);
    expect(c).toBeInstanceOf(Net);
    expect(c).not.toBe(n);
    expect(c.getParams()).toEqual(n.getParams());
    expect(c.coef_).toBeUndefined();
    expect('coef_' in c).toBe(false);
  });

  it('deep-copies containers, clones estimator params, shares functions and class instances', () => {
    const fn = () => 1;
    const model = new Model();
    const sub = new Net({ alpha: 5 });
    const n = new Net({
      layers: [[1, 2], Float32Array.of(3)],
      options: { a: { b: [1] } },
      sub,
      fn,
      alpha: model,
    });
    const c = clone(n);
    expect(c.layers).toEqual(n.layers);
    expect(c.layers).not.toBe(n.layers);
    expect((c.layers as unknown[])[0]).not.toBe((n.layers as unknown[])[0]);
    expect((c.layers as unknown[])[1]).not.toBe((n.layers as unknown[])[1]);
    expect(c.options).toEqual({ a: { b: [1] } });
    expect((c.options as { a: unknown }).a).not.toBe((n.options as { a: unknown }).a);
    expect(c.sub).toBeInstanceOf(Net);
    expect(c.sub).not.toBe(sub);
    expect((c.sub as Net).alpha).toBe(5);
    expect(c.fn).toBe(fn);
    expect(c.alpha).toBe(model);
  });

  it('copies Maps, Sets and null-prototype objects', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = [1];
    const n = new Net({ options: new Map([['a', [1]]]), layers: new Set([1]), alpha: bare });
    const c = clone(n);
    expect(c.options).toEqual(n.options);
    expect(c.options).not.toBe(n.options);
    expect(c.layers).not.toBe(n.layers);
    expect(Object.getPrototypeOf(c.alpha)).toBeNull();
    expect((c.alpha as Record<string, unknown>).k).not.toBe(bare.k);
  });

  it('clones arrays of estimators', () => {
    const ests = [new Net({ alpha: 1 }), new Net({ alpha: 2 })];
    const cs = clone(ests);
    expect(cs.map((e) => e.alpha)).toEqual([1, 2]);
    expect(cs[0]).not.toBe(ests[0]);
  });

  it('clones estimators inside arrays of [name, estimator] pairs in params (Pipeline steps), like scikit-learn', () => {
    const a = new Net({ alpha: 1 }).fit();
    const b = new Net({ alpha: 2 });
    const steps = [
      ['a', a],
      ['skip', 'passthrough'],
      ['none', null],
      ['b', b],
    ] as const;
    const outer = new Net({ layers: steps });
    const c = clone(outer);
    const cs = c.layers as unknown as [string, unknown][];
    expect(cs).not.toBe(steps);
    expect(cs.map(([name]) => name)).toEqual(['a', 'skip', 'none', 'b']);
    expect(cs[0]).not.toBe(steps[0]);
    expect(cs[0]![1]).toBeInstanceOf(Net);
    expect(cs[0]![1]).not.toBe(a);
    expect((cs[0]![1] as Net).alpha).toBe(1);
    expect('coef_' in (cs[0]![1] as Net)).toBe(false);
    expect(cs[1]![1]).toBe('passthrough');
    expect(cs[2]![1]).toBeNull();
    expect((cs[3]![1] as Net).alpha).toBe(2);
    expect(cs[3]![1]).not.toBe(b);
  });

  it('fails naming the param a constructor modifies (scikit-learn sanity check)', () => {
    class Bad extends Net {
      constructor(p?: NetParams) {
        super(p);
        this.alpha = (this.alpha as number) + 1;
      }
    }
    expect(golden.cases.clone_modifies.message).toBe(
      'Cannot clone object Bad(alpha=2), as the constructor either does not set or modifies parameter alpha',
    );
    expect(() => clone(new Bad())).toThrow(
      new RuntimeError(
        "Cannot clone object Bad({ alpha: 2 }), as the constructor either does not set or modifies parameter 'alpha'",
      ),
    );
  });

  it('fails naming the param a constructor drops', () => {
    class Drops extends Net {
      constructor(p?: NetParams) {
        super(p);
        this.layers = [8];
      }
    }
    expect(() => clone(new Drops({ layers: [1] }))).toThrow(
      "Cannot clone object Drops(), as the constructor either does not set or modifies parameter 'layers'",
    );
  });

  it('rejects non-estimators unless safe is false', () => {
    expect(() => clone({ a: 1 })).toThrow(
      new TypeError(
        `Cannot clone object '{'a': 1}' (type Object): it does not seem to be a scikit-learn estimator as it does not implement a 'getParams' method.`,
      ),
    );
    expect(() => clone(3)).toThrow("Cannot clone object '3' (type number)");
    const obj = { a: [1] };
    const c = clone(obj, { safe: false });
    expect(c).toEqual(obj);
    expect(c.a).not.toBe(obj.a);
  });

  it('uses the estimator sklearnClone hook when it has one', () => {
    class Custom extends Net {
      sklearnClone() {
        return new Custom({ alpha: 'custom' });
      }
    }
    expect(clone(new Custom()).alpha).toBe('custom');
  });

  describe('properties', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.integer(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.double({ noNaN: true }),
      ),
      tree: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('tree'), { maxKeys: 3 }),
      ),
    })).tree;
    const nets = fc
      .record({
        alpha: value,
        layers: value,
        options: value,
        nested: fc.boolean(),
        subAlpha: value,
      })
      .map(
        ({ alpha, layers, options, nested, subAlpha }) =>
          new Net({ alpha, layers, options, sub: nested ? new Net({ alpha: subAlpha }) : null }),
      );

    function containers(v: unknown, out: object[] = []): object[] {
      if (Array.isArray(v)) {
        out.push(v);
        v.forEach((x) => containers(x, out));
      } else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
        out.push(v);
        Object.values(v).forEach((x) => containers(x, out));
      }
      return out;
    }

    it('gives equal params (deep) and shares no container', () => {
      fc.assert(
        fc.property(nets, (n) => {
          const c = clone(n);
          expect(c.getParams(true)).toEqual(n.getParams(true));
          const orig = new Set(containers(Object.values(n.getParams(true))));
          for (const x of containers(Object.values(c.getParams(true))))
            expect(orig.has(x)).toBe(false);
          if (n.sub) expect(c.sub).not.toBe(n.sub);
        }),
      );
    });

    it('never carries fitted state, and clone of clone equals clone', () => {
      fc.assert(
        fc.property(nets, (n) => {
          n.fit();
          const c = clone(n);
          expect(Object.keys(c).filter((k) => k.endsWith('_'))).toEqual([]);
          expect(clone(c).getParams(true)).toEqual(c.getParams(true));
        }),
      );
    });
  });
});

describe('clone with hostile param names', () => {
  class Loose extends BaseEstimator {
    static override acceptsExtraParams = true;
  }

  it('never calls an own `constructor` property, and refuses it as a param', () => {
    const est = new Loose();
    Object.defineProperty(est, 'constructor', { value: 1, enumerable: true });
    const copy = clone(est);
    expect(copy).toBeInstanceOf(Loose);
    expect(Object.prototype.hasOwnProperty.call(copy, 'constructor')).toBe(false);
    expect(() => new Loose(JSON.parse('{"constructor": 1}'))).toThrow(
      "Invalid parameter 'constructor' for estimator Loose",
    );
  });

  it('copies a plain object param with a __proto__ key as an own key', () => {
    const est = new Loose({ opts: JSON.parse('{"__proto__": {"x": 1}}') });
    const copy = clone(est) as unknown as { opts: Record<string, unknown> };
    expect(Object.getPrototypeOf(copy.opts)).toBe(Object.prototype);
    expect(Object.keys(copy.opts)).toEqual(['__proto__']);
  });
});

describe('clone of a RandomState param', () => {
  class Seeded extends BaseEstimator {
    static override defaults: Params = { randomState: null };
  }

  it('deep-copies it as scikit-learn does: the clone draws what the original would have drawn', () => {
    const rng = new RandomState(3);
    rng.random();
    const est = new Seeded({ randomState: rng });
    const copy = clone(est);
    const theirs = copy.getParams().randomState as RandomState;
    expect(theirs).toBeInstanceOf(RandomState);
    expect(theirs).not.toBe(rng);
    const expected = [rng.random(), rng.random()];
    expect([theirs.random(), theirs.random()]).toEqual(expected);
  });
});
