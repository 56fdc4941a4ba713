// How an estimator travels to a worker thread (the contract in the package README).
import { ValueError, isEstimator, type EstimatorLike } from '@scikeras/estimator-core';

/** A self-contained description of an estimator another thread (or process) can rebuild. */
export interface TravelSpec {
  /** Import specifier of the module exporting the class: an absolute path, a file URL or a package name. */
  module: string;
  /** The export of that module that is the class. */
  exportName: string;
  /** The params (`getParams(false)`), estimator-valued params encoded as nested specs. */
  params: unknown;
  /** Optional extra state (e.g. fitted weights) for classes with `fromTravelSpec`. */
  state?: unknown;
}

/** What a class needs for option (b): where the worker imports it from. */
export interface TravelAddress {
  module: string;
  exportName: string;
}

const ESTIMATOR_KEY = '__scikerasEstimator__';

function moveHint(name: string): string {
  return (
    `Give ${name} a static travel = { module, exportName } (an import specifier or absolute file path the worker can import, and the export name) with JSON-serializable params, ` +
    `or implement toTravelSpec() with a static fromTravelSpec(spec), or use nJobs: 1.`
  );
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Encodes a param (or fit option) value for another thread: JSON data, typed arrays and
 * estimators (as nested specs) travel; functions and other class instances do not.
 *
 * @param value - the value
 * @param where - the owner and param name for the error message, e.g. `['Ridge', 'alpha']`
 * @returns the encoded value
 * @throws ValueError naming the owner, the param and the fix
 * @example
 * ```ts
 * await encodeTravelValue([1, 2, { a: 'x' }], ['Ridge', 'alpha']); // [1, 2, { a: 'x' }]
 * ```
 */
export async function encodeTravelValue(
  value: unknown,
  where: [owner: string, param: string],
): Promise<unknown> {
  if (value === null || value === undefined) return value;
  const t = typeof value;
  if (t === 'number' || t === 'string' || t === 'boolean') return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => encodeTravelValue(v, where)));
  if (ArrayBuffer.isView(value)) return value;
  if (isEstimator(value)) return { [ESTIMATOR_KEY]: await toTravelSpec(value) };
  if (t === 'object' && isPlain(value as object)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object))
      out[k] = await encodeTravelValue(v, where);
    return out;
  }
  const kind =
    t === 'function'
      ? `a function (${(value as { name?: string }).name || 'anonymous'})`
      : t === 'object'
        ? `an instance of ${(value as object).constructor?.name ?? 'an unknown class'}`
        : `a ${t}`;
  throw new ValueError(
    `Cannot send ${where[0]} to a worker thread (nJobs > 1): its param '${where[1]}' is ${kind}, which cannot travel. ${moveHint(where[0])}`,
  );
}

/**
 * The TravelSpec of an estimator: its own `toTravelSpec()` when it has one, otherwise built from
 * its class's `static travel = { module, exportName }` and `getParams(false)`.
 *
 * @param estimator - the estimator
 * @returns the spec
 * @throws ValueError when the estimator cannot travel, naming it, the param and the fix
 * @example
 * ```ts
 * class Mean extends BaseEstimator { static travel = { module: '/abs/path/mean.mjs', exportName: 'Mean' }; }
 * await toTravelSpec(new Mean()); // { module: '/abs/path/mean.mjs', exportName: 'Mean', params: {} }
 * ```
 */
export async function toTravelSpec(estimator: EstimatorLike): Promise<TravelSpec> {
  const custom = (estimator as { toTravelSpec?: () => TravelSpec | Promise<TravelSpec> })
    .toTravelSpec;
  if (typeof custom === 'function') return await custom.call(estimator);
  const name = (estimator as object).constructor?.name ?? 'estimator';
  const address = ((estimator as object).constructor as { travel?: TravelAddress }).travel;
  if (!address || typeof address.module !== 'string' || typeof address.exportName !== 'string') {
    throw new ValueError(
      `Cannot send ${name} to a worker thread (nJobs > 1): its class has neither a static travel = { module, exportName } nor toTravelSpec()/fromTravelSpec(). ${moveHint(name)}`,
    );
  }
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(estimator.getParams(false)))
    params[k] = await encodeTravelValue(v, [name, k]);
  return { module: address.module, exportName: address.exportName, params };
}

/** Whether a value is an encoded estimator. */
function isEncodedEstimator(v: unknown): v is { [ESTIMATOR_KEY]: TravelSpec } {
  return typeof v === 'object' && v !== null && ESTIMATOR_KEY in v;
}

/**
 * Decodes what {@link encodeTravelValue} made (nested estimators are rebuilt).
 *
 * @param value - an encoded value
 * @returns the value with estimators rebuilt
 * @example
 * ```ts
 * await decodeTravelValue({ a: [1, 2] }); // { a: [1, 2] }
 * ```
 */
export async function decodeTravelValue(value: unknown): Promise<unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (isEncodedEstimator(value)) return fromTravelSpec(value[ESTIMATOR_KEY]);
  if (Array.isArray(value)) return Promise.all(value.map(decodeTravelValue));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = await decodeTravelValue(v);
  return out;
}

async function importModule(specifier: string): Promise<Record<string, unknown>> {
  const { pathToFileURL } = await import('node:url');
  const path = await import('node:path');
  const target = path.isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier;
  try {
    return (await import(target)) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' || target !== specifier) throw e;
    // a package name the worker cannot see from its own folder: resolve it from the cwd
    const { createRequire } = await import('node:module');
    const resolved = createRequire(path.join(process.cwd(), 'noop.js')).resolve(specifier);
    return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  }
}

/**
 * Rebuilds an estimator from its TravelSpec: imports `spec.module`, takes `spec.exportName`,
 * then calls its static `fromTravelSpec(spec)` if it has one, else `new Klass(params)`.
 *
 * @param spec - the spec
 * @returns the estimator
 * @throws ValueError when the module has no such export
 * @example
 * ```ts
 * const est = await fromTravelSpec(await toTravelSpec(new Mean()));
 * ```
 */
export async function fromTravelSpec(spec: TravelSpec): Promise<EstimatorLike> {
  const mod = await importModule(spec.module);
  const Klass = (mod[spec.exportName] ??
    (mod.default as Record<string, unknown> | undefined)?.[spec.exportName]) as
    | ((new (p: unknown) => EstimatorLike) & { fromTravelSpec?: (s: TravelSpec) => unknown })
    | undefined;
  if (typeof Klass !== 'function') {
    throw new ValueError(
      `Module '${spec.module}' has no export '${spec.exportName}': cannot rebuild the estimator in the worker thread.`,
    );
  }
  if (typeof Klass.fromTravelSpec === 'function')
    return (await Klass.fromTravelSpec(spec)) as EstimatorLike;
  return new Klass(await decodeTravelValue(spec.params));
}
