import { BaseEstimator } from './BaseEstimator';
import { clone } from './clone';
import { InvalidParameterError, RuntimeError } from './errors';

interface RidgeParams {
  alpha?: number;
  fitIntercept?: boolean;
  sub?: BaseEstimator | null;
}
interface Ridge extends Required<RidgeParams> {}
class Ridge extends BaseEstimator<RidgeParams> {
  static override defaults = { alpha: 1, fitIntercept: true, sub: null };
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
