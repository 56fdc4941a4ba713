import { InvalidParameterError, ValueError } from '../errors';
import {
  getRegisteredFunction,
  missingFunction,
  registerFunction,
  registerFunctionNamespace,
  registeredFunctionModule,
  registeredFunctionName,
  registeredFunctionNames,
  unregisterFunction,
} from './registerFunction';

describe('registerFunction', () => {
  afterEach(() => {
    for (const n of registeredFunctionNames()) if (n.startsWith('reg-')) unregisterFunction(n);
  });

  it('returns the function and finds it both ways', () => {
    const fn = (): null => null;
    expect(registerFunction('reg-a', fn)).toBe(fn);
    expect(getRegisteredFunction('reg-a')).toBe(fn);
    expect(registeredFunctionName(fn)).toBe('reg-a');
    expect(registeredFunctionNames()).toContain('reg-a');
  });

  it('is idempotent for the same function and refuses another one under a taken name', () => {
    const fn = (): null => null;
    registerFunction('reg-b', fn);
    expect(() => registerFunction('reg-b', fn)).not.toThrow();
    expect(() => registerFunction('reg-b', () => 1)).toThrow(
      new ValueError(
        "A different function is already registered as 'reg-b'. Call unregisterFunction('reg-b') first, or choose another name.",
      ),
    );
  });

  it('keeps the module a registration comes from, as a URL', () => {
    registerFunction('reg-c', () => null, { module: '/app/models.mjs' });
    expect(registeredFunctionModule('reg-c')).toBe('file:///app/models.mjs');
    unregisterFunction('reg-c');
    expect(registeredFunctionModule('reg-c')).toBeUndefined();
  });

  it.each([
    [
      '',
      () => null,
      "The 'name' parameter of registerFunction must be a non-empty str. Got '' instead.",
    ],
    ['reg-x', 42, "The 'fn' parameter of registerFunction must be a function. Got number instead."],
  ])('validates its arguments (%p)', (name, fn, message) => {
    expect(() => registerFunction(name, fn as never)).toThrow(new InvalidParameterError(message));
  });

  it('forgets a name and falls back to another name of the same function', () => {
    const fn = (): null => null;
    registerFunction('reg-d1', fn);
    registerFunction('reg-d2', fn);
    expect(unregisterFunction('reg-d1')).toBe(true);
    expect(unregisterFunction('reg-d1')).toBe(false);
    expect(registeredFunctionName(fn)).toBe('reg-d2');
  });

  it('knows the functions of a namespace by prefix, registered names first', () => {
    const ns = { double: (x: number) => x * 2, Klass: class {} };
    registerFunctionNamespace('reg-ns:', ns);
    expect(registeredFunctionName(ns.double)).toBe('reg-ns:double');
    expect(getRegisteredFunction('reg-ns:double')).toBe(ns.double);
    expect(getRegisteredFunction('reg-ns:Klass')).toBeUndefined();
    registerFunction('reg-double', ns.double);
    expect(registeredFunctionName(ns.double)).toBe('reg-double');
  });

  it('finds nothing through prototype names', () => {
    expect(getRegisteredFunction('constructor')).toBeUndefined();
    expect(getRegisteredFunction('toString')).toBeUndefined();
  });
});

describe('missingFunction', () => {
  afterEach(() => unregisterFunction('reg-late'));

  it('throws until the name is registered, then forwards', () => {
    const stub = missingFunction('reg-late', 'model', 'KerasRegressor');
    expect(registeredFunctionName(stub)).toBe('reg-late');
    expect(() => stub()).toThrow(
      new ValueError(
        "The 'model' parameter of this loaded KerasRegressor refers to the function 'reg-late', which is not registered in this thread. " +
          "Call registerFunction('reg-late', fn) (registerModel in @scikeras/wrappers) before refitting, or setParams({ model: fn }).",
      ),
    );
    registerFunction('reg-late', (a: number) => a + 1);
    expect(stub(1)).toBe(2);
  });
});
