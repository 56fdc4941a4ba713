// Port of scikeras's scikeras/_utils.py unflatten_params (MIT), for JavaScript classes and tfjs factories.
import * as tf from '@tensorflow/tfjs';
import { pyRepr, type Params } from '@scikeras/estimator-core';

/** Options of {@link unflattenParams}. */
export interface UnflattenOptions {
  /**
   * Values that are leaves although they are plain objects (e.g. a `{ onEpochEnd }` callback):
   * they are neither recursed into nor built.
   */
  isLeaf?: (v: unknown) => boolean;
}

// tfjs's lower-case factories that stand for a class (`tf.callbacks.earlyStopping` builds a
// `tf.EarlyStopping`): built by calling them with the routed params.
const TFJS_FACTORIES: ReadonlySet<unknown> = new Set([tf.callbacks.earlyStopping]);

/**
 * Whether a value is a class the wrapper builds with routed params (Python's `inspect.isclass`):
 * `class` syntax, an ES5 constructor (a `prototype` with methods or a parent, as tfjs's own
 * `tf.EarlyStopping` is compiled), or one of tfjs's factories for a class
 * (`tf.callbacks.earlyStopping`). Plain and arrow functions are not classes.
 *
 * @param v - any value
 * @returns whether `unflattenParams` builds it
 * @example
 * ```ts
 * isBuildable(tf.EarlyStopping); // true
 * isBuildable((yTrue, yPred) => yPred); // false
 * ```
 */
export function isBuildable(v: unknown): v is (...args: unknown[]) => unknown {
  if (typeof v !== 'function') return false;
  if (TFJS_FACTORIES.has(v)) return true;
  if (/^class[\s{]/.test(Function.prototype.toString.call(v))) return true;
  const proto = (v as { prototype?: unknown }).prototype;
  if (!proto || typeof proto !== 'object') return false;
  return (
    Object.getPrototypeOf(proto) !== Object.prototype ||
    Object.getOwnPropertyNames(proto).some((k) => k !== 'constructor')
  );
}

function build(cls: (...a: unknown[]) => unknown, args: Params): unknown {
  const named = Object.fromEntries(Object.entries(args).filter(([k]) => !/^[0-9]/.test(k)));
  const positional = Object.entries(args)
    .filter(([k]) => /^[0-9]/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);
  const all =
    positional.length === 0 || Object.keys(named).length > 0 ? [...positional, named] : positional;
  if (TFJS_FACTORIES.has(cls)) return cls(...all);
  return new (cls as unknown as new (...a: unknown[]) => unknown)(...all);
}

/** `dest__x` params with the prefix stripped, any depth (scikeras's `route_params(strict=False)`). */
function routedTo(params: Params, dest: string): Params {
  const prefix = `${dest}__`;
  return Object.fromEntries(
    Object.entries(params)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

function unrouted(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([k]) => !k.includes('__')));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function describe(item: unknown): string {
  if (typeof item === 'function') return item.name || 'anonymous function';
  return typeof item === 'string' ? item : String(item);
}

function typeOf(item: unknown): string {
  if (item === null) return 'null';
  if (typeof item === 'object') return (item as object).constructor?.name ?? 'object';
  return typeof item;
}

function unflatten(items: unknown, params: Params, base: Params, opts: UnflattenOptions): unknown {
  const own = unrouted(params);
  if (isBuildable(items)) {
    const args: Params = { ...base, ...own };
    for (const [p, v] of Object.entries(args)) {
      args[p] = unflatten(v, routedTo(params, p), {}, opts);
    }
    return build(items, args);
  }
  if (Array.isArray(items)) {
    return items.map((item, i) => unflatten(item, routedTo(params, String(i)), own, opts));
  }
  if (isPlainObject(items) && !opts.isLeaf?.(items)) {
    return Object.fromEntries(
      Object.entries(items).map(([k, item]) => [
        k,
        unflatten(item, routedTo(params, k), own, opts),
      ]),
    );
  }
  const kwargs = { ...base, ...own };
  if (Object.keys(kwargs).length > 0) {
    // scikeras's words (its message lacks the space before "does")
    throw new TypeError(
      `TypeError: "${describe(items)}" object of type "${typeOf(items)}"` +
        "does not accept parameters because it's not a class." +
        ` However, it received parameters "${pyRepr(kwargs)}"`,
    );
  }
  return items;
}

/**
 * Builds nested structures of classes from routed params (scikeras's `unflatten_params`): a
 * class gets the params without `__` (plus those its container passes down) and each of its
 * own params is built in turn from `param__sub__key`; a list item `i` gets `i__key` params and a
 * record item `k` gets `k__key`, on top of the container's global `key` params (an item's own
 * value wins); numeric keys of a class are positional arguments. Anything else that receives
 * params is refused.
 *
 * @param items - a class, a list or record of them, or any value
 * @param params - the routed params for `items` (destination prefix stripped)
 * @param options - which plain objects are leaves
 * @returns the same structure with every class built
 * @throws TypeError "... does not accept parameters because it's not a class. ..." when params
 *   are routed to something that is not a class
 * @example
 * ```ts
 * unflattenParams([Foo, Foo], { x: 1, '0__x': 2 }); // [new Foo({ x: 2 }), new Foo({ x: 1 })]
 * ```
 * @see https://adriangb.com/scikeras/stable/advanced.html#routed-parameters
 */
export function unflattenParams(
  items: unknown,
  params: Params,
  options: UnflattenOptions = {},
): unknown {
  return unflatten(items, params, {}, options);
}
