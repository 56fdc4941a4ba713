import { InvalidParameterError } from '../errors';
import { BaseEstimator } from '../BaseEstimator';
import { estimatorNameOf } from './estimatorNameOf';
import { moduleUrl, optionalPackageModuleUrl, packageModuleUrl } from './moduleUrl';
import {
  getEstimatorClass,
  registerEstimator,
  registeredEstimatorModule,
  registeredEstimatorName,
  registeredEstimatorNames,
} from './registerEstimator';

class Declared extends BaseEstimator {
  static estimatorName = 'RegDeclared';
}
class Child extends Declared {}
class Plain extends BaseEstimator {}

describe('estimatorNameOf', () => {
  it("reads a class's own static estimatorName, for the class and its instances", () => {
    expect(estimatorNameOf(Declared)).toBe('RegDeclared');
    expect(estimatorNameOf(new Declared())).toBe('RegDeclared');
  });

  it("never gives a subclass its parent's name: it falls back to the subclass's JavaScript name", () => {
    expect(estimatorNameOf(new Child())).toBe('Child');
    expect(estimatorNameOf(new Plain())).toBe('Plain');
  });

  it('ignores an own `constructor` property of an instance', () => {
    const est = new Declared();
    Object.defineProperty(est, 'constructor', { value: 1 });
    expect(estimatorNameOf(est)).toBe('RegDeclared');
  });

  it('uses the registered name first: repr and messages show it, whatever a minifier did', () => {
    const Minified = class ZW extends BaseEstimator {};
    registerEstimator(Minified, { name: 'RegReadable' });
    expect(estimatorNameOf(new Minified())).toBe('RegReadable');
    expect(String(new Minified())).toBe('RegReadable()');
    expect(() => new Minified({ bogus: 1 })).toThrow(
      "Invalid parameter 'bogus' for estimator RegReadable. Valid parameters are: [].",
    );
  });
});

describe('registerEstimator', () => {
  it('registers a class under its own static estimatorName, with its module as a URL', () => {
    expect(registerEstimator(Declared, { module: '/app/declared.mjs' })).toBe(Declared);
    expect(getEstimatorClass('RegDeclared')).toBe(Declared);
    expect(registeredEstimatorName(Declared)).toBe('RegDeclared');
    expect(registeredEstimatorModule(Declared)).toBe('file:///app/declared.mjs');
    expect(registeredEstimatorNames()).toContain('RegDeclared');
  });

  it('needs a name: an inherited estimatorName does not count', () => {
    expect(() => registerEstimator(Child)).toThrow(
      new InvalidParameterError(
        "registerEstimator needs a name for the class Child: give the class its own static estimatorName = 'Child', or pass { name }.",
      ),
    );
    registerEstimator(Child, { name: 'RegChild' });
    expect(estimatorNameOf(new Child())).toBe('RegChild');
    expect(estimatorNameOf(new Declared())).toBe('RegDeclared');
  });

  it('points a name at the latest class (a package loaded as ESM and as CommonJS registers twice)', () => {
    class A extends BaseEstimator {
      static estimatorName = 'RegTwice';
    }
    class B extends BaseEstimator {
      static estimatorName = 'RegTwice';
    }
    registerEstimator(A);
    registerEstimator(B);
    expect(getEstimatorClass('RegTwice')).toBe(B);
    expect(estimatorNameOf(A)).toBe('RegTwice');
  });

  it('finds nothing through prototype names', () => {
    expect(getEstimatorClass('constructor')).toBeUndefined();
    expect(getEstimatorClass('__proto__')).toBeUndefined();
  });

  it('refuses a module that a worker thread would resolve from another folder', () => {
    expect(() => registerEstimator(Declared, { module: '@my/models' })).toThrow(
      new InvalidParameterError(
        "The 'module' option of registerEstimator must be import.meta.url, __filename or another absolute path or URL. " +
          "Got '@my/models' instead. A package name or relative path would be resolved from another folder in a worker thread.",
      ),
    );
  });
});

describe('moduleUrl', () => {
  it.each([
    ['/app/a b#1.cjs', 'file:///app/a%20b%231.cjs'],
    ['C:\\app\\m.cjs', 'file:///C:/app/m.cjs'],
    ['file:///app/m.mjs', 'file:///app/m.mjs'],
    ['https://cdn.example/m.js', 'https://cdn.example/m.js'],
  ])('turns %p into %p', (input, url) => {
    expect(moduleUrl(input)).toBe(url);
  });

  it("maps a package's TypeScript sources (ts-jest) to its built entry", () => {
    expect(packageModuleUrl('/repo/packages/x/src/internal/moduleUrl.ts')).toBe(
      'file:///repo/packages/x/dist/index.mjs',
    );
    expect(packageModuleUrl('file:///repo/packages/x/dist/index.mjs')).toBe(
      'file:///repo/packages/x/dist/index.mjs',
    );
  });
});

describe('optionalPackageModuleUrl', () => {
  it('is packageModuleUrl for a path, undefined without one or for a bare name', () => {
    expect(optionalPackageModuleUrl('file:///repo/packages/x/dist/index.mjs')).toBe(
      packageModuleUrl('file:///repo/packages/x/dist/index.mjs'),
    );
    expect(optionalPackageModuleUrl(undefined)).toBeUndefined();
    expect(optionalPackageModuleUrl('some-package')).toBeUndefined();
  });
});
