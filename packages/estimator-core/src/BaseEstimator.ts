// The params contract of scikit-learn's sklearn/base.py BaseEstimator (BSD-3-Clause), in TypeScript.
import { InvalidParameterError } from './errors';
import { closestMatch } from './internal/closestMatch';
import { checkParamName, hasOwn, setOwn } from './internal/paramNames';
import { isEstimator } from './isEstimator';
import { splitParamKey } from './prefixedParams';
import { classOf, estimatorNameOf } from './registry/estimatorNameOf';
import { pyRepr } from './repr';

/** A params object: every param by name. */
export type Params = Record<string, unknown>;

/** What kind of estimator this is (scikit-learn's `_estimator_type`). */
export type EstimatorType = 'classifier' | 'regressor' | 'transformer' | 'clusterer';

/** Static tags that tell checks and meta-estimators what an estimator supports. */
export interface EstimatorTags {
  /** The estimator needs `y` in `fit` (supervised). @defaultValue true */
  requiresY: boolean;
  /** Same data and `randomState` give the same predictions. @defaultValue true */
  deterministic: boolean;
  /** `fit` accepts NaN in X. @defaultValue false */
  allowNan: boolean;
  /**
   * Accepted X kinds: `'2darray'` for feature matrices, `'1dlabels'` for label transformers,
   * `'records'` for estimators that also take an array of records (`[{ age: 31, city: 'Oslo' }]`)
   * and use the column names (a `ColumnTransformer` hands such an estimator its columns as
   * records instead of a matrix; scikit-learn's counterpart is a transformer that takes a
   * DataFrame).
   */
  XTypes: readonly ('2darray' | '1dlabels' | 'records')[];
  /** Supports targets with several columns. @defaultValue false */
  multioutput: boolean;
  /**
   * A classifier that supports multilabel-indicator targets (scikit-learn's `multilabel`): the
   * multilabel checks run for it. @defaultValue false
   */
  multilabel: boolean;
  /**
   * `fit` takes per-sample weights as `fit(X, y, { sampleWeight })` (scikit-learn finds a
   * `sample_weight` parameter in `fit`'s signature, `has_fit_parameter`; TypeScript cannot):
   * the `check_sample_weights_*` checks run for it. @defaultValue false
   */
  sampleWeight: boolean;
  /** Not expected to score well on easy data (skip score checks). @defaultValue false */
  poorScore: boolean;
  /**
   * The estimator needs no data to be fitted: `transform` works before `fit` (scikit-learn's
   * `stateless`, e.g. `Normalizer`, `FunctionTransformer`). @defaultValue false
   */
  stateless: boolean;
  /**
   * The estimator does not validate X (scikit-learn's `no_validation`, e.g. a
   * `FunctionTransformer` with `validate: false`): the input-validation checks are skipped.
   * @defaultValue false
   */
  noValidation: boolean;
  /** Checks by name that are known to fail for this estimator, with the reason. */
  xfailChecks: Readonly<Record<string, string>>;
}

/** The tags every estimator starts from. */
export const DEFAULT_TAGS: EstimatorTags = Object.freeze({
  requiresY: true,
  deterministic: true,
  allowNan: false,
  XTypes: Object.freeze(['2darray'] as const),
  multioutput: false,
  multilabel: false,
  sampleWeight: false,
  poorScore: false,
  stateless: false,
  noValidation: false,
  xfailChecks: Object.freeze({}),
});

/** A class whose instances are estimators: what `clone` and the checks need from a constructor. */
export interface EstimatorClass<T extends BaseEstimator = BaseEstimator> {
  new (params?: any): T;
  readonly name: string;
  /**
   * The name the class is shown, saved and sent by (an own static field: a subclass declares
   * its own). See {@link estimatorNameOf} and `registerEstimator`.
   */
  estimatorName?: string;
  defaults: Readonly<Params>;
  acceptsExtraParams?: boolean;
  routingPrefixes?: readonly string[];
  tags?: Partial<EstimatorTags>;
}

/**
 * The key of the type-only member that carries an estimator's settable params type (see
 * {@link SettableParams}); it exists only for the compiler (no runtime value, never set).
 */
declare const settableParamsType: unique symbol;

/** Holds a params type in a method parameter, so the carrier stays bivariant in it. */
interface SettableParamsCarrier<S> {
  settable(params: S): void;
}

/**
 * The params an estimator declares settable (`setParams`, param grids), as its class typed them:
 * `BaseEstimator`'s `S` type argument (its constructor params `P` unless a class says more, e.g.
 * a `Pipeline`'s step names). `Params` (any key, any value) for an object that keeps the
 * estimator protocol without extending `BaseEstimator`, or an untyped one.
 *
 * @typeParam T - an estimator instance type
 * @example
 * ```ts
 * type RidgeSettable = SettableParams<Ridge>; // RidgeParams
 * type Anything = SettableParams<{ getParams(): Params; setParams(p: Params): unknown }>; // Params
 * ```
 */
export type SettableParams<T> = T extends { readonly [settableParamsType]?: infer C }
  ? C extends SettableParamsCarrier<infer S>
    ? S
    : Params
  : Params;

const extraKeys = new WeakMap<object, Set<string>>();

/** Every `static defaults` along the class chain, parent first (subclasses add or override). */
export function collectDefaults(ctor: object): Params {
  const chain: object[] = [];
  for (let c: any = ctor; c && c !== Function.prototype; c = Object.getPrototypeOf(c))
    chain.unshift(c);
  const out: Params = {};
  for (const c of chain) {
    if (Object.prototype.hasOwnProperty.call(c, 'defaults'))
      Object.assign(out, (c as any).defaults);
  }
  return out;
}

function copyDefault(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyDefault);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return (v as any).slice();
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, copyDefault(x));
    return out;
  }
  return v;
}

/**
 * Base class of every estimator: the constructor takes one params object and only stores it
 * (defaults merged with what was passed) as own properties; `getParams`/`setParams` read and
 * write them; fitted state is added by `fit` as `name_` properties.
 *
 * Subclasses declare `static defaults` with every param they add (the parent's are inherited)
 * and type their params by declaration merging, never with class fields (a class field would
 * overwrite the param after `super()` returns):
 *
 * @example
 * ```ts
 * interface RidgeParams { alpha?: number; fitIntercept?: boolean }
 * interface Ridge extends Required<RidgeParams> {}
 * class Ridge extends BaseEstimator<RidgeParams> {
 *   static override defaults = { alpha: 1.0, fitIntercept: true };
 * }
 * const r = new Ridge({ alpha: 0.5 });
 * r.getParams(); // { alpha: 0.5, fitIntercept: true }
 * r.setParams({ alpha: 2 }).alpha; // 2
 * ```
 * @typeParam P - the constructor's params object
 * @typeParam S - the params `setParams` and typed param grids accept (`P` by default; a
 *   composition adds its named estimators)
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.base.BaseEstimator.html
 */
export abstract class BaseEstimator<P extends object = Params, S extends object = P> {
  /** Type only (never set at run time): the settable params, read by {@link SettableParams}. */
  declare readonly [settableParamsType]?: SettableParamsCarrier<S>;

  /** Every param this class adds, with its default. Inherited along the class chain. */
  static defaults: Readonly<Params> = {};
  /** Keep constructor/setParams keys that are not in `defaults` as params (scikeras's `**kwargs`). */
  static acceptsExtraParams = false;
  /** Prefixes whose `prefix__name` keys are always accepted as params (routed params). */
  static routingPrefixes: readonly string[] = [];
  /** Tags of this class, merged along the class chain over {@link DEFAULT_TAGS}. */
  static tags: Partial<EstimatorTags> = {};

  constructor(params?: P) {
    const ctor = classOf(this) as EstimatorClass;
    const defaults = collectDefaults(ctor);
    for (const [k, v] of Object.entries(defaults)) setOwn(this, k, copyDefault(v));
    const extras = new Set<string>();
    if (params !== undefined && params !== null) {
      const name = estimatorNameOf(ctor);
      if (typeof params !== 'object' || Array.isArray(params)) {
        throw new TypeError(
          `${name} takes one params object, e.g. new ${name}({ ... }); got ${pyRepr(params)}.`,
        );
      }
      for (const [k, v] of Object.entries(params)) {
        checkParamName(this, k, name);
        if (!hasOwn(defaults, k)) {
          if (!this.acceptsParam(k)) throw this.#invalidParam(k, Object.keys(defaults));
          extras.add(k);
        }
        setOwn(this, k, v);
      }
    }
    extraKeys.set(this, extras);
  }

  /** Whether a key outside `defaults` is kept as a param (extra params or a routing prefix). */
  protected acceptsParam(key: string): boolean {
    const ctor = classOf(this) as EstimatorClass;
    if (ctor.acceptsExtraParams) return true;
    const split = splitParamKey(key);
    return split !== null && (ctor.routingPrefixes ?? []).includes(split[0]);
  }

  #invalidParam(key: string, valid: string[]): InvalidParameterError {
    const sorted = [...valid].sort();
    const match = closestMatch(key, sorted);
    return new InvalidParameterError(
      `Invalid parameter '${key}' for estimator ${estimatorNameOf(this)}. ` +
        `Valid parameters are: [${sorted.map((s) => `'${s}'`).join(', ')}].` +
        (match ? ` Did you mean '${match}'?` : ''),
    );
  }

  /** The names of this instance's params: the class chain's defaults plus kept extra keys. */
  paramNames(): string[] {
    const names = Object.keys(collectDefaults(classOf(this)!));
    for (const k of extraKeys.get(this) ?? []) if (!names.includes(k)) names.push(k);
    return names;
  }

  /**
   * The params of this estimator.
   *
   * @param deep - also list `name__sub` keys for every estimator-valued param
   * @returns a new object with every param by name
   * @example
   * ```ts
   * new GridSearchCV({ estimator: new Ridge(), paramGrid: {} }).getParams().estimator__alpha; // 1
   * ```
   */
  getParams(deep = true): Params {
    const out: Params = {};
    const self = this as unknown as Params;
    for (const k of this.paramNames()) {
      // own properties only: a name on the prototype chain is never a param's value
      const v = hasOwn(this, k) ? self[k] : undefined;
      if (deep && isEstimator(v)) {
        for (const [sk, sv] of Object.entries(v.getParams(true))) setOwn(out, `${k}__${sk}`, sv);
      }
      setOwn(out, k, v);
    }
    return out;
  }

  /**
   * Sets params by name; `est__sub` keys set params of estimator-valued params.
   *
   * @param params - new values by name
   * @returns this estimator
   * @throws InvalidParameterError when a key is not a param (naming the valid ones and the closest)
   * @example
   * ```ts
   * clf.setParams({ epochs: 5, model__hidden: 32 });
   * ```
   */
  setParams(params: Params & Partial<S>): this {
    if (!params || Object.keys(params).length === 0) return this;
    const self = this as unknown as Params;
    const name = estimatorNameOf(this);
    const valid = this.paramNames();
    const nested = new Map<string, Params>();
    const given = (k: string) => (hasOwn(params, k) ? params[k] : undefined);
    for (const [key, value] of Object.entries(params)) {
      checkParamName(this, key, name);
      if (valid.includes(key)) {
        setOwn(this, key, value);
        continue;
      }
      const split = splitParamKey(key);
      // like scikit-learn, `est__x` may come before the `est` it applies to in the same call
      if (
        split !== null &&
        valid.includes(split[0]) &&
        (isEstimator(hasOwn(this, split[0]) ? self[split[0]] : undefined) ||
          isEstimator(given(split[0])))
      ) {
        const [head, rest] = split;
        const sub = nested.get(head) ?? {};
        setOwn(sub, rest, value);
        nested.set(head, sub);
        continue;
      }
      if (this.acceptsParam(key)) {
        setOwn(this, key, value);
        extraKeys.get(this)?.add(key);
        continue;
      }
      throw this.#invalidParam(key, valid);
    }
    for (const [head, sub] of nested) (self[head] as BaseEstimator).setParams(sub);
    return this;
  }

  /** The merged tags of this estimator's class chain. */
  getTags(): EstimatorTags {
    const chain: any[] = [];
    for (let c: any = classOf(this); c && c !== Function.prototype; c = Object.getPrototypeOf(c))
      chain.unshift(c);
    const tags: EstimatorTags = { ...DEFAULT_TAGS };
    for (const c of chain)
      if (Object.prototype.hasOwnProperty.call(c, 'tags')) Object.assign(tags, c.tags);
    return tags;
  }

  /** scikit-learn's `_estimator_type`; subclasses override the getter. */
  get estimatorType(): EstimatorType | undefined {
    return undefined;
  }

  /**
   * scikit-learn's repr: the class name and the params that differ from their defaults.
   *
   * @example
   * ```ts
   * String(new KFold({ nSplits: 3 })); // "KFold({ nSplits: 3 })"
   * ```
   */
  toString(): string {
    const defaults = collectDefaults(classOf(this)!);
    const params = this.getParams(false);
    const shown = Object.entries(params).filter(
      ([k, v]) => !hasOwn(defaults, k) || !sameDefault(v, defaults[k]),
    );
    const name = estimatorNameOf(this);
    if (shown.length === 0) return `${name}()`;
    return `${name}({ ${shown.map(([k, v]) => `${k}: ${pyRepr(v)}`).join(', ')} })`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Whether a param still equals its default by value (arrays, typed arrays, plain objects). */
function sameDefault(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameDefault(x, b[i]));
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && a.constructor === b.constructor) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    return x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => hasOwn(b, k) && sameDefault(a[k], b[k]))
    );
  }
  return false;
}
