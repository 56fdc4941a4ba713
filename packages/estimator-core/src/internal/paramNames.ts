// Names no param may have: the ones every object has (`__proto__`, `constructor`, `toString`, ...)
// and the methods and accessors of the estimator's class. Storing such a param would replace the
// instance's prototype or shadow a method (issue: params read from JSON).
import { InvalidParameterError } from '../errors';

const ALWAYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether an own property `key` exists on `o`. */
export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Sets an own, enumerable property, also for keys such as `__proto__` (plain assignment would set the prototype). */
export function setOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Whether `name` cannot be a param of `est`: `__proto__`, `constructor`, `prototype`, or a
 * property of its prototype chain (methods, accessors, `Object.prototype`'s members).
 */
export function isReservedParamName(est: object, name: string): boolean {
  if (ALWAYS.has(name)) return true;
  const proto = Object.getPrototypeOf(est) as object | null;
  return proto !== null && name in proto;
}

/**
 * Throws InvalidParameterError when `name` cannot be a param of `est` (see {@link isReservedParamName}).
 *
 * @param est - the estimator
 * @param name - the param name
 * @param owner - the estimator's name for the message
 */
export function checkParamName(est: object, name: string, owner: string): void {
  if (!isReservedParamName(est, name)) return;
  throw new InvalidParameterError(
    `Invalid parameter '${name}' for estimator ${owner}: every ${owner} already has a property '${name}' ` +
      '(a method, an accessor, or one every JavaScript object has), so it cannot be a parameter.',
  );
}
