import fc from 'fast-check';
import {
  BaseEstimator,
  DEFAULT_TAGS,
  collectDefaults,
  type EstimatorTags,
  type Params,
} from './BaseEstimator';
import { clone } from './clone';
import { InvalidParameterError, RuntimeError } from './errors';

interface RidgeParams {
  alpha?: number;
  fitIntercept?: boolean;
  sub?: BaseEstimator | null;
}
interface Ridge extends Required<RidgeParams> {}
class Ridge extends BaseEstimator<RidgeParams> {
  static override defaults: Params = { alpha: 1, fitIntercept: true, sub: null };
}
interface ChildParams extends RidgeParams {
  childArgument?: string | null;
}
interface Child extends Required<ChildParams> {}
class Child extends Ridge {
  static override defaults = { childArgument: null };
  static override acceptsExtraParams = true;
  constructor(params?: ChildParams & Record<string, unknown>) {
    super(params);
  }
}

describe('BaseEstimator', () => {
  it('stores defaults merged with params as own properties', () => {
    const r = new Ridge({ alpha: 0.5 });
    expect(r.alpha).toBe(0.5);
    expect(r.fitIntercept).toBe(true);
    expect(Object.keys(r).sort()).toEqual(['alpha', 'fitIntercept', 'sub']);
  });
  it('inherits parent params and keeps extra params where allowed', () => {
    const c = new Child({ childArgument: 'hello', aKwarg: 'saveme' });
    expect(c.getParams()).toEqual({
      alpha: 1,
      fitIntercept: true,
      sub: null,
      childArgument: 'hello',
      aKwarg: 'saveme',
    });
    expect(clone(c).getParams()).toEqual(c.getParams());
  });
  it('rejects unknown keys with the closest match', () => {
    expect(() => new Ridge().setParams({ alpah: 2 })).toThrow(
      new InvalidParameterError(
        "Invalid parameter 'alpah' for estimator Ridge. Valid parameters are: ['alpha', 'fitIntercept', 'sub']. Did you mean 'alpha'?",
      ),
    );
  });
  it('sets nested params', () => {
    const r = new Ridge({ sub: new Ridge() });
    r.setParams({ sub__alpha: 3 });
    expect(r.getParams().sub__alpha).toBe(3);
    const c = clone(r);
    expect(c.sub).not.toBe(r.sub);
    expect(c.getParams().sub__alpha).toBe(3);
  });
  it('clone fails naming a param the constructor changes', () => {
    class Bad extends Ridge {
      constructor(p?: RidgeParams) {
        super(p);
        this.alpha = (this.alpha ?? 0) + 1;
      }
    }
    expect(() => clone(new Bad())).toThrow(RuntimeError);
    expect(() => clone(new Bad())).toThrow(/modifies parameter 'alpha'/);
  });
});

// ---- the seed's subclass chain (scikeras tests/test_api.py: MLPRegressor / ChildMLPRegressor) ----

interface WrapperParams {
  epochs?: number;
  randomState?: number | null;
}
interface Wrapper extends Required<WrapperParams> {}
class Wrapper extends BaseEstimator<WrapperParams> {
  static override defaults: Readonly<Params> = { epochs: 1, randomState: null };
  static override acceptsExtraParams = true;
  static override routingPrefixes = ['model', 'fit'];
  constructor(params?: WrapperParams & Record<string, unknown>) {
    super(params);
  }
  override get estimatorType() {
    return 'regressor' as const;
  }
}
interface MLPRegressorParams extends WrapperParams {
  hiddenLayerSizes?: number[];
}
interface MLPRegressor extends Required<MLPRegressorParams> {}
class MLPRegressor extends Wrapper {
  static override defaults: Readonly<Params> = { hiddenLayerSizes: [100] };
  constructor(params?: MLPRegressorParams & Record<string, unknown>) {
    super(params);
  }
}
interface ChildMLPRegressorParams extends MLPRegressorParams {
  childArgument?: string | null;
}
interface ChildMLPRegressor extends Required<ChildMLPRegressorParams> {}
class ChildMLPRegressor extends MLPRegressor {
  static override defaults: Readonly<Params> = { childArgument: null };
  constructor(params?: ChildMLPRegressorParams & Record<string, unknown>) {
    super(params);
  }
}

describe('BaseEstimator subclass chain', () => {
  it('collects params along the chain without re-listing the parent ones', () => {
    const est = new ChildMLPRegressor({ childArgument: 'test', aKwarg: 'saveme', epochs: 3 });
    expect(est.getParams()).toEqual({
      epochs: 3,
      randomState: null,
      hiddenLayerSizes: [100],
      childArgument: 'test',
      aKwarg: 'saveme',
    });
    expect(est.paramNames()).toEqual([
      'epochs',
      'randomState',
      'hiddenLayerSizes',
      'childArgument',
      'aKwarg',
    ]);
    expect(collectDefaults(ChildMLPRegressor)).toEqual({
      epochs: 1,
      randomState: null,
      hiddenLayerSizes: [100],
      childArgument: null,
    });
  });

  it('keeps the extra kwarg through clone and setParams', () => {
    const est = new ChildMLPRegressor({ aKwarg: 'saveme' });
    const c = clone(est);
    expect(c).toBeInstanceOf(ChildMLPRegressor);
    expect(c.getParams(false)).toEqual(est.getParams(false));
    expect((c as unknown as { aKwarg: string }).aKwarg).toBe('saveme');
    c.setParams({ aKwarg: 'changed', another: 1 });
    expect(c.getParams().aKwarg).toBe('changed');
    expect(c.getParams().another).toBe(1);
    expect(est.getParams().another).toBeUndefined();
  });

  it('gives each instance its own copy of a container default', () => {
    const a = new MLPRegressor();
    const b = new MLPRegressor();
    a.hiddenLayerSizes.push(5);
    expect(b.hiddenLayerSizes).toEqual([100]);
    expect(MLPRegressor.defaults.hiddenLayerSizes).toEqual([100]);
  });

  it('shows the params that differ from their defaults', () => {
    expect(String(new ChildMLPRegressor())).toBe('ChildMLPRegressor()');
    expect(
      String(
        new ChildMLPRegressor({ childArgument: 'x', aKwarg: 'saveme', hiddenLayerSizes: [100] }),
      ),
    ).toBe("ChildMLPRegressor({ childArgument: 'x', aKwarg: 'saveme' })");
  });

  it('hides params equal to their default by value (arrays, typed arrays, plain objects)', () => {
    class Opts extends BaseEstimator {
      static override defaults: Readonly<Params> = {
        o: { a: [1] },
        t: Float32Array.of(1),
        l: [[1]],
      };
    }
    expect(String(new Opts())).toBe('Opts()');
    expect(String(new Opts({ o: { a: [2] }, t: Float32Array.of(1) }))).toBe(
      "Opts({ o: {'a': [2]} })",
    );
    expect(String(new Opts({ t: Float64Array.of(1) }))).toBe('Opts({ t: [1] })');
  });

  it('reports its estimatorType and merges tags along the chain', () => {
    class Tagged extends ChildMLPRegressor {
      static override tags: Partial<EstimatorTags> = { poorScore: true };
    }
    class MoreTagged extends Tagged {
      static override tags: Partial<EstimatorTags> = { multioutput: true };
    }
    const t = new MoreTagged().getTags();
    expect(t).toEqual({ ...DEFAULT_TAGS, poorScore: true, multioutput: true });
    expect(new MoreTagged().estimatorType).toBe('regressor');
    expect(new Ridge().estimatorType).toBeUndefined();
    expect(new Ridge().getTags()).toEqual(DEFAULT_TAGS);
    expect(Object.isFrozen(DEFAULT_TAGS.XTypes)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TAGS.xfailChecks)).toBe(true);
  });

  it("accepts 'records' in the XTypes tag (estimators that take arrays of records)", () => {
    class RecordsEncoder extends Ridge {
      static override tags: Partial<EstimatorTags> = { XTypes: ['2darray', 'records'] };
    }
    expect(new RecordsEncoder().getTags().XTypes).toEqual(['2darray', 'records']);
    expect(new Ridge().getTags().XTypes).toEqual(['2darray']);
  });
});

describe('BaseEstimator params protocol', () => {
  it('rejects a non-object params argument', () => {
    expect(() => new Ridge(3 as unknown as RidgeParams)).toThrow(
      new TypeError('Ridge takes one params object, e.g. new Ridge({ ... }); got 3.'),
    );
    expect(() => new Ridge([1] as unknown as RidgeParams)).toThrow(TypeError);
    expect(new Ridge(null as unknown as RidgeParams).alpha).toBe(1);
  });

  it('rejects unknown constructor keys, without a suggestion when none is close', () => {
    expect(() => new Ridge({ zzzzzzzzzz: 1 } as RidgeParams)).toThrow(
      new InvalidParameterError(
        "Invalid parameter 'zzzzzzzzzz' for estimator Ridge. Valid parameters are: ['alpha', 'fitIntercept', 'sub'].",
      ),
    );
  });

  it('accepts routed prefix__name keys where the class declares the prefix', () => {
    const w = new Wrapper({ model__hidden: 32 });
    expect(w.getParams().model__hidden).toBe(32);
    w.setParams({ fit__batchSize: 8 });
    expect(w.getParams(false).fit__batchSize).toBe(8);
    expect(() => new Ridge().setParams({ model__hidden: 1 })).toThrow(
      "Invalid parameter 'model__hidden' for estimator Ridge. Valid parameters are: ['alpha', 'fitIntercept', 'sub'].",
    );
  });

  it('returns this from setParams, also for an empty object', () => {
    const r = new Ridge();
    expect(r.setParams({ alpha: 2 })).toBe(r);
    expect(r.setParams({})).toBe(r);
  });

  it('sets a nested param given before the estimator it applies to (like scikit-learn)', () => {
    const r = new Ridge();
    const inner = new Ridge();
    r.setParams({ sub__alpha: 7, sub: inner });
    expect(r.sub).toBe(inner);
    expect(inner.alpha).toBe(7);
  });

  it('rejects a nested key on a param that is not an estimator', () => {
    expect(() => new Ridge().setParams({ sub__alpha: 1 })).toThrow(
      "Invalid parameter 'sub__alpha' for estimator Ridge. Valid parameters are: ['alpha', 'fitIntercept', 'sub'].",
    );
  });

  it('rejects an unknown nested key naming the nested estimator', () => {
    const r = new Ridge({ sub: new Ridge() });
    expect(() => r.setParams({ sub__alpah: 1 })).toThrow(
      new InvalidParameterError(
        "Invalid parameter 'alpah' for estimator Ridge. Valid parameters are: ['alpha', 'fitIntercept', 'sub']. Did you mean 'alpha'?",
      ),
    );
  });

  it('lists deep params through several levels', () => {
    const r = new Ridge({ sub: new Ridge({ sub: new Ridge({ alpha: 9 }) }) });
    const deep = r.getParams(true);
    expect(deep.sub__sub__alpha).toBe(9);
    r.setParams({ sub__sub__alpha: 10 });
    expect((r.sub as Ridge).sub!.getParams(false).alpha).toBe(10);
  });
});

// ---- properties ----------------------------------------------------------------------------------

const leaf = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer(), { maxKeys: 3 }),
);
const ridgeParams = fc.record(
  { alpha: leaf, fitIntercept: leaf, childArgument: leaf },
  { requiredKeys: [] },
);
const extras = fc.dictionary(fc.constantFrom('aKwarg', 'bKwarg', 'model__units'), leaf, {
  maxKeys: 3,
});

/** A Child with random params, optionally with a nested Ridge (itself maybe nested). */
const estimators = fc
  .tuple(ridgeParams, extras, fc.integer({ min: 0, max: 2 }), ridgeParams)
  .map(([p, x, depth, sp]) => {
    let sub: BaseEstimator | null = null;
    for (let d = 0; d < depth; d++) sub = new Ridge({ alpha: sp.alpha as number, sub });
    return new Child({ ...p, ...x, sub } as ChildParams & Record<string, unknown>);
  });

describe('BaseEstimator properties', () => {
  it('setParams(getParams(false)) leaves every param identical', () => {
    fc.assert(
      fc.property(estimators, (est) => {
        const before = est.getParams(false);
        est.setParams({ ...before });
        const after = est.getParams(false);
        expect(Object.keys(after)).toEqual(Object.keys(before));
        for (const k of Object.keys(before)) expect(Object.is(after[k], before[k])).toBe(true);
      }),
    );
  });

  it('setParams(getParams(true)) round-trips the deep params too', () => {
    fc.assert(
      fc.property(estimators, (est) => {
        const deep = est.getParams(true);
        const leaves = Object.fromEntries(
          Object.entries(deep).filter(([, v]) => !(v instanceof BaseEstimator)),
        );
        est.setParams(leaves);
        expect(est.getParams(true)).toEqual(deep);
      }),
    );
  });

  it('getParams(false) is a subset of getParams(true) with identical values', () => {
    fc.assert(
      fc.property(estimators, (est) => {
        const shallow = est.getParams(false);
        const deep = est.getParams(true);
        for (const [k, v] of Object.entries(shallow)) expect(Object.is(deep[k], v)).toBe(true);
        for (const k of Object.keys(deep)) {
          if (!(k in shallow)) expect(k).toMatch(/^[^_]+__/);
        }
      }),
    );
  });

  it('every deep key can be set and read back through its nested path', () => {
    fc.assert(
      fc.property(estimators, fc.integer(), (est, v) => {
        const nestedKeys = Object.keys(est.getParams(true)).filter((k) => k.endsWith('__alpha'));
        for (const k of nestedKeys) {
          est.setParams({ [k]: v });
          expect(est.getParams(true)[k]).toBe(v);
        }
      }),
    );
  });

  it('an unknown key always throws InvalidParameterError listing the valid keys', () => {
    fc.assert(
      fc.property(
        estimators,
        fc.string({ minLength: 1 }).filter((s) => !s.includes('__')),
        (est, key) => {
          fc.pre(!(key in est.getParams(false)) && !(key in Object.prototype));
          const ridge = new Ridge();
          expect(() => ridge.setParams({ [key]: 1 })).toThrow(InvalidParameterError);
          expect(() => ridge.setParams({ [key]: 1 })).toThrow(
            "Valid parameters are: ['alpha', 'fitIntercept', 'sub']",
          );
        },
      ),
    );
  });
});

describe('BaseEstimator reserved param names', () => {
  class Predictor extends Child {
    predict(): number[] {
      return [];
    }
    get kind(): string {
      return 'predictor';
    }
  }
  const message = (name: string, owner = 'Predictor') =>
    new InvalidParameterError(
      `Invalid parameter '${name}' for estimator ${owner}: every ${owner} already has a property '${name}' ` +
        '(a method, an accessor, or one every JavaScript object has), so it cannot be a parameter.',
    );

  it.each([
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'predict',
    'kind',
    'getParams',
  ])('refuses %p from the constructor, even with extra params allowed', (name) => {
    const params = JSON.parse(`{${JSON.stringify(name)}: {}}`);
    expect(() => new Predictor(params)).toThrow(message(name));
  });

  it('keeps the prototype when JSON brings a __proto__ key (it is refused, never applied)', () => {
    expect(() => new Ridge(JSON.parse('{"__proto__": {"polluted": true}}'))).toThrow(
      message('__proto__', 'Ridge'),
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'predict'])(
    'refuses %p from setParams, and setParams through a nested estimator',
    (name) => {
      const est = new Predictor();
      expect(() => est.setParams(JSON.parse(`{${JSON.stringify(name)}: 1}`))).toThrow(
        message(name),
      );
      expect(typeof est.predict).toBe('function');
      const outer = new Ridge({ sub: new Predictor() });
      expect(() => outer.setParams(JSON.parse(`{"sub__${name}": 1}`))).toThrow(message(name));
    },
  );

  it("reads params from the instance's own properties only", () => {
    const est = new Ridge();
    delete (est as unknown as Record<string, unknown>).alpha;
    expect(est.getParams(false).alpha).toBeUndefined();
  });
});
