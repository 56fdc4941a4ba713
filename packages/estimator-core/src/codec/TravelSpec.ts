// How a value (an estimator, a task's params, fit options, a fitted estimator coming back) travels
// to another thread or process: the codec's JSON, its buffers in base64, the modules that
// register what it uses, and the sender's per-thread settings.
import { ValueError } from '../errors';
import { dynamicImport } from '../internal/dynamicImport';
import { registryState } from '../registry/registryState';
import type { Json } from './CodecType';
import { fromBase64, toBase64 } from './base64';
import { decodeValue } from './decodeValue';
import { encodeValue } from './encodeValue';
import { travelEnvironments } from './registerTravelEnvironment';

/**
 * A self-contained description of a value that another thread (or process) rebuilds with
 * {@link fromTravelSpec}. Plain JSON: it survives `JSON.stringify` and structured clone.
 */
export interface TravelSpec {
  /** What this is. */
  format: 'scikeras-ts-travel';
  /**
   * Module URLs the receiving thread imports first, in order: the modules that registered the
   * classes and functions the value uses (`registerEstimator`/`registerFunction` with `module`).
   */
  modules: string[];
  /** The sender's per-thread settings by name ({@link registerTravelEnvironment}), e.g. the tfjs backend. */
  environment: { [name: string]: Json };
  /** The encoded value ({@link encodeValue} in `'travel'` mode). */
  value: Json;
  /** The bytes the value refers to (e.g. a fitted model's weights), base64. */
  buffers: string[];
}

/** Options of {@link toTravelSpec}. */
export interface ToTravelSpecOptions {
  /** The value's name in messages. @defaultValue the estimator's name, else `'The value'` */
  owner?: string;
}

/**
 * The TravelSpec of a value: an estimator (fitted or not: fitted attributes travel too, tfjs
 * models as base64 weights), a params object, grid values, fit options. Classes travel by their
 * registered name and functions by theirs; the receiving thread imports the modules that
 * registered them.
 *
 * @param value - the value
 * @param options - `owner`: its name in messages
 * @returns the spec
 * @throws ValueError naming the value's path and the fix when something cannot travel (an
 *   unregistered function, a class registered without a module, a class instance the codec does
 *   not know)
 * @example
 * ```ts
 * registerFunction('mlp', buildMlp, { module: import.meta.url });
 * const spec = await toTravelSpec(new KerasClassifier({ model: buildMlp }));
 * const copy = await fromTravelSpec(JSON.parse(JSON.stringify(spec)));
 * ```
 * @remarks joblib pickles the estimator for scikit-learn's `n_jobs`; here classes and functions
 * travel by name and the data as JSON.
 */
export async function toTravelSpec(
  value: unknown,
  options: ToTravelSpecOptions = {},
): Promise<TravelSpec> {
  const encoded = await encodeValue(value, { mode: 'travel', owner: options.owner });
  const environment: { [name: string]: Json } = {};
  for (const [name, env] of travelEnvironments()) {
    const v = env.capture();
    if (v !== undefined) environment[name] = v;
  }
  return {
    format: 'scikeras-ts-travel',
    modules: encoded.modules,
    environment,
    value: encoded.value,
    buffers: encoded.buffers.map(toBase64),
  };
}

function isTravelSpec(v: unknown): v is TravelSpec {
  const s = v as TravelSpec | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.format === 'scikeras-ts-travel' &&
    Array.isArray(s.modules) &&
    s.modules.every((m) => typeof m === 'string') &&
    typeof s.environment === 'object' &&
    s.environment !== null &&
    Array.isArray(s.buffers) &&
    s.buffers.every((b) => typeof b === 'string') &&
    'value' in s
  );
}

async function importModule(url: string): Promise<void> {
  const imported = registryState().imported;
  if (imported.has(url)) return;
  try {
    await dynamicImport(url);
  } catch (e) {
    throw new ValueError(
      `Cannot import the module '${url}' that registers the classes and functions of a TravelSpec in this thread: ${(e as Error).message}`,
    );
  }
  imported.add(url);
}

/**
 * Rebuilds a value from its {@link TravelSpec} in this thread: imports the spec's modules (once
 * per thread; a module that made a registration in this thread has already run and is skipped),
 * mirrors the sender's settings, then decodes the value. Nothing from the spec is
 * evaluated: classes and functions come from the registries the imported modules fill.
 *
 * @param spec - the spec
 * @returns the value
 * @throws ValueError when the spec is malformed, a module cannot be imported, or a class or
 *   function is not registered here (saying how to register it)
 * @example
 * ```ts
 * const est = await fromTravelSpec<KerasClassifier>(spec);
 * ```
 */
export async function fromTravelSpec<T = unknown>(spec: TravelSpec): Promise<T> {
  if (!isTravelSpec(spec))
    throw new ValueError(
      'Invalid TravelSpec: expected { format: "scikeras-ts-travel", modules, environment, value, buffers }.',
    );
  for (const url of spec.modules) await importModule(url);
  const environments = travelEnvironments();
  for (const [name, value] of Object.entries(spec.environment))
    await environments.get(name)?.restore(value);
  return (await decodeValue(spec.value, {
    mode: 'travel',
    where: 'The TravelSpec',
    buffers: spec.buffers.map(fromBase64),
  })) as T;
}
