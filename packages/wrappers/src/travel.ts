// How a wrapper estimator travels to a worker thread (model-selection's nJobs > 1): params with
// functions by registry name, the backend, the modules that register those functions, and, for a
// fitted estimator, the saveEstimator artifact. The receiving side is fromWrapperTravelSpec.
import * as tf from '@tensorflow/tfjs';
import { ValueError, isEstimator, warn, type EstimatorClass } from '@scikeras/estimator-core';
import { fromBase64, toBase64, type EstimatorManifest } from './internal/artifact';
import {
  decodeValue,
  encodeValue,
  fittedKeys,
  type DecodeContext,
  type EncodeContext,
} from './internal/estimatorCodec';
import { defaultEstimatorClasses } from './internal/defaultClasses';
import { artifactToEstimator } from './internal/readArtifact';
import { estimatorToArtifact } from './saveEstimator';
import { registeredModelModule, registeredModelName } from './ModelRegistry';
import { useBackend, type BackendName } from './useBackend';
import { dynamicImport } from './internal/dynamicImport';

/** model-selection's TravelSpec (INTERFACES.md): what a worker needs to rebuild an estimator. */
export interface TravelSpec {
  /** Import specifier of the module exporting the class (package name, absolute path or file URL). */
  module: string;
  /** The export of that module that is the class. */
  exportName: string;
  /** The params, encoded: functions as `{ $scikeras: 'function', name }` (registry names). */
  params: unknown;
  /** {@link WrapperTravelState}. */
  state?: unknown;
}

/** The `state` of a wrapper's TravelSpec. */
export interface WrapperTravelState {
  /**
   * The sender's tfjs backend; the receiving thread switches to it (e.g. `'wasm'`). Absent when
   * the sender had not started one yet (no `useBackend`, no tensor made): the receiving thread
   * then keeps tfjs's default, as the sender would.
   */
  backend?: string;
  /** Modules that register the functions used (`registerModel(name, fn, { module })`); imported first. */
  setupModules: string[];
  /** A fitted estimator's saved artifact, weights in base64 (JSON- and structured-clone-safe). */
  artifact?: { manifest: EstimatorManifest; weightData: string };
}

/** Where the worker imports the wrapper classes from. */
export const WRAPPERS_MODULE = '@scikeras/wrappers';
const OWN_CLASSES = ['BaseWrapper', 'KerasClassifier', 'KerasRegressor'];

interface TravelAddress {
  module: string;
  exportName: string;
}

function addressOf(est: object): TravelAddress {
  const Klass = est.constructor as { name: string; travel?: TravelAddress };
  const own = Object.prototype.hasOwnProperty.call(Klass, 'travel') ? Klass.travel : undefined;
  if (own && typeof own.module === 'string' && typeof own.exportName === 'string') return own;
  if (OWN_CLASSES.includes(Klass.name)) return { module: WRAPPERS_MODULE, exportName: Klass.name };
  throw new ValueError(
    `${Klass.name} cannot be sent to a worker thread: the worker must import the class, so give it ` +
      `static travel = { module: import.meta.url (or __filename), exportName: '${Klass.name}' } ` +
      `in a module that only defines it, or use nJobs: 1.`,
  );
}

function collectFunctions(v: unknown, out: Set<string>, seen = new Set<unknown>()): void {
  if (typeof v === 'function') {
    const name = registeredModelName(v);
    if (name !== undefined) out.add(name);
    return;
  }
  if (typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) for (const x of v) collectFunctions(x, out, seen);
  else if (isEstimator(v)) collectFunctions(v.getParams(false), out, seen);
  else if (Object.getPrototypeOf(v) === Object.prototype)
    for (const x of Object.values(v)) collectFunctions(x, out, seen);
}

function isFitted(est: object): boolean {
  return fittedKeys(est).length > 0;
}

/**
 * The TravelSpec of a wrapper estimator, for model-selection's worker threads: an unfitted
 * estimator travels as its params (synchronously); a fitted one also carries its saved artifact
 * (asynchronously: the result is then a Promise). Function-valued params travel by the name they
 * are registered under ({@link registerModel}).
 *
 * @param est - a `KerasClassifier`, `KerasRegressor` or subclass (a subclass needs
 *   `static travel = { module, exportName }`)
 * @returns the spec, or a Promise of it for a fitted estimator
 * @throws ValueError when a function-valued param is not registered, or a param cannot travel
 *   (naming the param and the fix)
 * @example
 * ```ts
 * registerModel('mlp', buildMlp, { module: import.meta.url });
 * const spec = toWrapperTravelSpec(new KerasClassifier({ model: buildMlp }));
 * // { module: '@scikeras/wrappers', exportName: 'KerasClassifier', params: { model: { $scikeras: 'function', name: 'mlp', ... }, ... }, state: { backend: 'wasm', setupModules: ['file:///app/models.mjs'] } }
 * ```
 * @remarks scikit-learn's joblib pickles the estimator; here the build function travels by name.
 */
export function toWrapperTravelSpec(
  est: object & { getParams(deep?: boolean): Record<string, unknown> },
): TravelSpec | Promise<TravelSpec> {
  const { module, exportName } = addressOf(est);
  const ctx: EncodeContext = { mode: 'travel', owner: est.constructor.name, models: [] };
  const raw = est.getParams(false);
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) params[k] = encodeValue(v, k, ctx);
  const names = new Set<string>();
  collectFunctions(raw, names);
  const setupModules = [...names]
    .map(registeredModelModule)
    .filter((m): m is string => m !== undefined);
  // undefined until a backend is started (tfjs starts its default at the first tensor)
  const backend = tf.getBackend() as string | undefined;
  const base: WrapperTravelState = {
    ...(backend ? { backend } : {}),
    setupModules: [...new Set(setupModules)],
  };
  if (!isFitted(est) && ctx.models.length === 0) return { module, exportName, params, state: base };
  return estimatorToArtifact(est, 'travel').then((art) => ({
    module,
    exportName,
    params,
    state: { ...base, artifact: { manifest: art.manifest, weightData: toBase64(art.weightData) } },
  }));
}

const imported = new Set<string>();

async function importSetupModule(spec: string): Promise<void> {
  if (imported.has(spec)) return;
  let target = spec;
  if (spec.startsWith('/') || /^[A-Za-z]:[\\/]/.test(spec)) {
    const urlSpec = 'node:url';
    const { pathToFileURL } = (await dynamicImport(urlSpec)) as typeof import('node:url');
    target = pathToFileURL(spec).href;
  }
  try {
    await dynamicImport(target);
  } catch (e) {
    throw new ValueError(
      `Cannot import the module '${spec}' that registers the model-building functions in this thread: ${(e as Error).message}`,
    );
  }
  imported.add(spec);
}

function isState(v: unknown): v is WrapperTravelState {
  const s = v as WrapperTravelState | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    (s.backend === undefined || typeof s.backend === 'string') &&
    Array.isArray(s.setupModules)
  );
}

/**
 * Rebuilds a wrapper estimator from {@link toWrapperTravelSpec}'s spec in this thread: imports the
 * setup modules that register its functions, switches to the sender's backend, then creates the
 * estimator from its params (its `trainer` among them), or loads the fitted artifact.
 *
 * @param spec - the TravelSpec
 * @param Klass - the class to rebuild (the one `spec.exportName` names)
 * @returns the estimator
 * @throws ValueError when a function is not registered in this thread (saying how to register
 *   it), or the spec is invalid
 * @example
 * ```ts
 * const clf = await fromWrapperTravelSpec(spec, KerasClassifier);
 * ```
 */
export async function fromWrapperTravelSpec<T>(
  spec: TravelSpec,
  Klass: EstimatorClass<any>,
): Promise<T> {
  if (
    typeof spec !== 'object' ||
    spec === null ||
    typeof spec.params !== 'object' ||
    spec.params === null
  )
    throw new ValueError('Invalid TravelSpec: it has no params object.');
  const state = spec.state;
  if (state !== undefined && !isState(state))
    throw new ValueError("Invalid TravelSpec: its 'state' is not a wrapper's.");
  if (state) {
    for (const m of state.setupModules) await importSetupModule(m);
    if (state.backend !== undefined && tf.getBackend() !== state.backend) {
      try {
        await useBackend(state.backend as BackendName);
      } catch (e) {
        warn(
          `This thread could not switch to the '${state.backend}' backend of the sending thread (${(e as Error).message}); using '${tf.getBackend()}'.`,
          'RuntimeWarning',
        );
      }
    }
  }
  const classes = { ...defaultEstimatorClasses(), [spec.exportName]: Klass, [Klass.name]: Klass };
  if (state?.artifact) {
    return (await artifactToEstimator(
      { manifest: state.artifact.manifest, weightData: fromBase64(state.artifact.weightData) },
      `The fitted ${Klass.name} sent from another thread`,
      { mode: 'travel', registry: { classes } },
    )) as T;
  }
  const ctx: DecodeContext = {
    mode: 'travel',
    owner: Klass.name,
    classes,
    functions: {},
    models: [],
  };
  const where = `The TravelSpec of ${Klass.name}`;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec.params as Record<string, unknown>))
    params[k] = decodeValue(v as never, k, ctx, where);
  return new Klass(params) as T;
}
