// The name an estimator class is known by: registered or declared, never guessed from a minified
// `constructor.name` where either exists.
import { registryState, type AnyClass } from './registryState';

/** The class of an instance (its prototype's constructor, never an own `constructor` property). */
export function classOf(v: object): AnyClass | undefined {
  if (typeof v === 'function') return v as AnyClass;
  const proto = Object.getPrototypeOf(v) as { constructor?: unknown } | null;
  const ctor = proto?.constructor;
  return typeof ctor === 'function' ? (ctor as AnyClass) : undefined;
}

/**
 * The class's own `static estimatorName` (inherited ones do not count: a subclass that does not
 * declare its own is a different class).
 *
 * @internal
 */
export function declaredEstimatorName(Klass: AnyClass): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(Klass, 'estimatorName')) return undefined;
  const name = (Klass as { estimatorName?: unknown }).estimatorName;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

/**
 * The name of an estimator class (or of an instance's class), as repr, error messages,
 * `saveEstimator` and worker travel show and store it: the name it was registered under
 * ({@link registerEstimator}), else its own `static estimatorName`, else (for a class that
 * declares neither) its JavaScript `name`, which a minifier may have changed.
 *
 * @param estimatorOrClass - an estimator, or its class
 * @returns the name
 * @example
 * ```ts
 * class KFold extends BaseEstimator { static estimatorName = 'KFold'; }
 * estimatorNameOf(new KFold()); // 'KFold', also in a minified bundle
 * ```
 */
export function estimatorNameOf(estimatorOrClass: object): string {
  const Klass = classOf(estimatorOrClass);
  if (!Klass) return 'Object';
  return (
    registryState().nameOfClass.get(Klass) ??
    declaredEstimatorName(Klass) ??
    ((Klass as { name?: string }).name || 'Object')
  );
}
