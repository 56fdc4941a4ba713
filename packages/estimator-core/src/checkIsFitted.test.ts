import { checkIsFitted, isFitted } from './checkIsFitted';
import { NotFittedError } from './errors';
import golden from './__fixtures__/sklearn_messages.json';

class Ridge {
  coef_?: number[];
  fit() {
    this.coef_ = [1];
    return this;
  }
}

describe('checkIsFitted', () => {
  it('throws NotFittedError with scikit-learn message before fit', () => {
    expect(() => checkIsFitted(new Ridge())).toThrow(
      new NotFittedError(golden.cases.not_fitted.message),
    );
    expect(() => checkIsFitted(new Ridge())).toThrow(NotFittedError);
  });

  it('passes after fit', () => {
    expect(() => checkIsFitted(new Ridge().fit())).not.toThrow();
  });

  it('ignores attributes set to undefined and dunder names', () => {
    const r = new Ridge();
    r.coef_ = undefined;
    (r as unknown as Record<string, unknown>).__cache_ = 1;
    expect(isFitted(r)).toBe(false);
  });

  it('checks named attributes with all or any', () => {
    const r = new Ridge().fit();
    expect(isFitted(r, 'coef_')).toBe(true);
    expect(isFitted(r, ['coef_', 'intercept_'])).toBe(false);
    expect(isFitted(r, ['coef_', 'intercept_'], 'any')).toBe(true);
    expect(() => checkIsFitted(r, ['intercept_'])).toThrow(NotFittedError);
    expect(() => checkIsFitted(r, ['intercept_', 'coef_'], { allOrAny: 'any' })).not.toThrow();
  });

  it('uses a custom message with %(name)s', () => {
    expect(() => checkIsFitted(new Ridge(), undefined, { msg: 'Fit %(name)s first.' })).toThrow(
      new NotFittedError('Fit Ridge first.'),
    );
  });

  it('asks the estimator through isFitted() when it has one (scikit-learn __sklearn_is_fitted__)', () => {
    class Stateless extends Ridge {
      isFitted() {
        return true;
      }
    }
    expect(() => checkIsFitted(new Stateless())).not.toThrow();
  });

  it('rejects classes and non-estimators with a TypeError', () => {
    expect(() => checkIsFitted(Ridge as unknown as object)).toThrow(
      new TypeError('Ridge is a class, not an instance.'),
    );
    expect(() => checkIsFitted({})).toThrow(
      new TypeError('[object Object] is not an estimator instance.'),
    );
    expect(() => checkIsFitted(null as unknown as object)).toThrow(
      new TypeError('null is not an estimator instance.'),
    );
  });
});
