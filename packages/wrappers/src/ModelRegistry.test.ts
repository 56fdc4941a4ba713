import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { rootMeanSquaredError } from '@scikeras/metrics/tfjs';
import { getRegisteredFunction, registeredFunctionName } from '@scikeras/estimator-core';
import {
  getRegisteredModel,
  registerModel,
  registeredModelModule,
  registeredModelName,
  registeredModelNames,
  unregisterModel,
} from './ModelRegistry';

describe('ModelRegistry', () => {
  afterEach(() => {
    for (const n of registeredModelNames()) if (n.startsWith('reg-')) unregisterModel(n);
  });

  describe('registerModel', () => {
    it("returns the function and finds it both ways, in estimator-core's registry", () => {
      const fn = (): null => null;
      expect(registerModel('reg-a', fn)).toBe(fn);
      expect(getRegisteredModel('reg-a')).toBe(fn);
      expect(registeredModelName(fn)).toBe('reg-a');
      expect(registeredModelNames()).toContain('reg-a');
      expect(getRegisteredFunction('reg-a')).toBe(fn);
      expect(registeredFunctionName(fn)).toBe('reg-a');
    });

    it('is idempotent for the same function and refuses another one under a taken name', () => {
      const fn = (): null => null;
      registerModel('reg-b', fn);
      expect(() => registerModel('reg-b', fn)).not.toThrow();
      expect(() => registerModel('reg-b', () => 1)).toThrow(
        new ValueError(
          "A different function is already registered as 'reg-b'. Call unregisterFunction('reg-b') first, or choose another name.",
        ),
      );
    });

    it('keeps the module a registration comes from, as a URL', () => {
      registerModel('reg-c', () => null, { module: '/app/models.mjs' });
      expect(registeredModelModule('reg-c')).toBe('file:///app/models.mjs');
      unregisterModel('reg-c');
      expect(registeredModelModule('reg-c')).toBeUndefined();
    });

    it.each([
      [
        '',
        () => null,
        "The 'name' parameter of registerFunction must be a non-empty str. Got '' instead.",
      ],
      [
        'reg-x',
        42,
        "The 'fn' parameter of registerFunction must be a function. Got number instead.",
      ],
    ])('validates its arguments (%p)', (name, fn, message) => {
      expect(() => registerModel(name, fn as never)).toThrow(new InvalidParameterError(message));
    });
  });

  describe('unregisterModel', () => {
    it('forgets a name and falls back to another name of the same function', () => {
      const fn = (): null => null;
      registerModel('reg-d1', fn);
      registerModel('reg-d2', fn);
      expect(unregisterModel('reg-d1')).toBe(true);
      expect(unregisterModel('reg-d1')).toBe(false);
      expect(registeredModelName(fn)).toBe('reg-d2');
    });
  });

  describe('built-ins', () => {
    it("knows @scikeras/metrics/tfjs's and tf.metrics' functions without registration", () => {
      expect(registeredModelName(rootMeanSquaredError)).toBe(
        '@scikeras/metrics/tfjs:rootMeanSquaredError',
      );
      expect(getRegisteredModel('@scikeras/metrics/tfjs:rootMeanSquaredError')).toBe(
        rootMeanSquaredError,
      );
      expect(registeredModelName(tf.metrics.categoricalAccuracy)).toBe(
        'tfjs:metrics.categoricalAccuracy',
      );
    });
  });
});
