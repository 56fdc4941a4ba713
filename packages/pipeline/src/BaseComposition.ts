// Port of scikit-learn's sklearn/utils/metaestimators.py _BaseComposition (BSD-3-Clause).
import {
  BaseEstimator,
  estimatorNameOf,
  InvalidParameterError,
  ValueError,
  isEstimator,
  type Params,
  pyList,
  pyRepr,
} from '@scikeras/estimator-core';

/** Whether a value is a list of `[name, item]` pairs (what `getParams` can list by name). */
function isPairList(items: unknown): items is (readonly [string, unknown])[] {
  return Array.isArray(items) && items.every((it) => Array.isArray(it) && it.length === 2);
}

/**
 * Base class of meta-estimators made of named estimators (`Pipeline`, `FeatureUnion`,
 * `ColumnTransformer`): deep `getParams` lists each named estimator and its `name__param`
 * keys; `setParams` replaces a whole estimator by name (`{ scaler: new MinMaxScaler() }`),
 * sets `name__param` on it, or sets the whole list; `validateNames` checks the names.
 *
 * @example
 * ```ts
 * pipe.setParams({ scaler: 'passthrough', clf__epochs: 5 });
 * pipe.getParams().clf__epochs; // 5
 * ```
 * @typeParam P - the constructor's params
 * @typeParam S - what `setParams` and typed param grids accept: `P` and any name (the named
 *   estimators are known only at run time) unless a subclass types them (see `Pipeline`)
 * @see https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/utils/metaestimators.py
 */
export abstract class BaseComposition<
  P extends object = Params,
  S extends object = P & Params,
> extends BaseEstimator<P, S> {
  /** The name of the param that holds the list (`'steps'`, `'transformerList'`, `'transformers'`). */
  protected abstract get itemsParam(): string;

  /**
   * The `[name, estimator]` pairs of a value of the list param (`ColumnTransformer` drops the
   * columns of its triples); whatever it holds when it is not such a list: `getParams` and
   * `setParams` must work on invalid values too.
   */
  protected toNamedItems(value: unknown): unknown {
    return value;
  }

  /** The `[name, estimator]` pairs of the list as it is now. */
  protected namedItems(): unknown {
    return this.toNamedItems((this as unknown as Params)[this.itemsParam]);
  }

  /** Replaces the estimator named `name` (scikit-learn's `_replace_estimator`): a new list. */
  protected abstract replaceItem(name: string, value: unknown): void;

  /**
   * The params of this estimator; with `deep`, also each named estimator by its name and its
   * params as `name__param`.
   *
   * @param deep - list the named estimators and their params @defaultValue true
   * @returns every param by name
   * @example
   * ```ts
   * new Pipeline({ steps: [['clf', clf]] }).getParams(); // { steps, memory, verbose, clf, clf__... }
   * ```
   */
  override getParams(deep = true): Params {
    const out = super.getParams(deep);
    if (!deep) return out;
    const items = this.namedItems();
    if (!isPairList(items)) return out;
    for (const [name, est] of items) out[name] = est;
    for (const [name, est] of items) {
      if (isEstimator(est)) {
        for (const [k, v] of Object.entries(est.getParams(true))) out[`${name}__${k}`] = v;
      }
    }
    return out;
  }

  /**
   * Sets params: first the whole list (when given), then whole named estimators (a new
   * estimator, `'passthrough'`, or `'drop'` where the class allows it), then own params and
   * `name__param` keys of the named estimators (scikit-learn's order).
   *
   * @param params - new values by name
   * @returns this
   * @throws InvalidParameterError for a key that is neither a param nor a name
   *   ("Invalid parameter 'fake' for estimator Pipeline. Valid parameters are: [...]")
   * @example
   * ```ts
   * pipe.setParams({ scaler: new MinMaxScaler(), clf__epochs: 3 });
   * ```
   */
  override setParams(params: Params & Partial<S>): this {
    if (!params || Object.keys(params).length === 0) return this;
    const rest: Params = { ...params };
    const self = this as unknown as Params;
    const attr = this.itemsParam;
    const newItems = attr in rest ? this.toNamedItems(rest[attr]) : this.namedItems();
    const names = isPairList(newItems) ? newItems.map(([n]) => n) : [];
    this.checkKeys(rest, names);
    if (attr in rest) {
      self[attr] = rest[attr];
      delete rest[attr];
    }
    for (const key of Object.keys(rest)) {
      if (!key.includes('__') && names.includes(key)) {
        this.replaceItem(key, rest[key]);
        delete rest[key];
      }
    }
    const nested = new Map<string, Params>();
    const own: Params = {};
    for (const [key, value] of Object.entries(rest)) {
      const sep = key.indexOf('__');
      const head = sep > 0 ? key.slice(0, sep) : key;
      if (sep > 0 && names.includes(head) && !this.paramNames().includes(head)) {
        const sub = nested.get(head) ?? {};
        sub[key.slice(sep + 2)] = value;
        nested.set(head, sub);
      } else own[key] = value;
    }
    super.setParams(own as Params & Partial<S>);
    const current = this.namedItems();
    for (const [head, sub] of nested) {
      const est = isPairList(current) ? current.find(([n]) => n === head)?.[1] : undefined;
      if (!isEstimator(est)) {
        throw new InvalidParameterError(
          `Invalid parameter '${Object.keys(sub)[0]}' for '${head}' of ${estimatorNameOf(this)}: it is ${pyRepr(est)}, which has no params.`,
        );
      }
      est.setParams(sub);
    }
    return this;
  }

  /** Throws, before anything changes, for a key whose head is neither a param nor a name. */
  private checkKeys(params: Params, names: readonly string[]): void {
    const valid = this.paramNames();
    for (const key of Object.keys(params)) {
      const sep = key.indexOf('__');
      const head = sep > 0 ? key.slice(0, sep) : key;
      if (valid.includes(key) || valid.includes(head) || names.includes(head)) continue;
      if (this.acceptsParam(key)) continue;
      // BaseEstimator's own message, naming the head as scikit-learn does; sets nothing
      super.setParams({ [head]: params[key] } as Params & Partial<S>);
    }
  }

  /**
   * Validates the names of the estimators (scikit-learn's `_validate_names`).
   *
   * @param names - the names, in order
   * @throws ValueError "Names provided are not unique: ['a', 'a']",
   *   "Estimator names conflict with constructor arguments: ['steps']",
   *   "Estimator names must not contain __: got ['a__q']"
   */
  protected validateNames(names: readonly string[]): void {
    if (new Set(names).size !== names.length)
      throw new ValueError(`Names provided are not unique: ${pyList(names)}`);
    const own = this.paramNames();
    const clash = names.filter((n) => own.includes(n));
    if (clash.length > 0) {
      throw new ValueError(
        `Estimator names conflict with constructor arguments: ${pyList([...new Set(clash)].sort())}`,
      );
    }
    const dunder = names.filter((n) => n.includes('__'));
    if (dunder.length > 0)
      throw new ValueError(`Estimator names must not contain __: got ${pyList(dunder)}`);
  }
}
