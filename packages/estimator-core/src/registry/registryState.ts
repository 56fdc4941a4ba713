// The registries of classes, functions, codec types and travel environments: one per JavaScript
// realm (thread), shared by every copy of estimator-core loaded in it (the ESM and CommonJS
// builds, or two install paths), so that a module a worker imports registers into the same maps
// that the worker's decoder reads.
import type { CodecType } from '../codec/CodecType';
import type { TravelEnvironment } from '../codec/registerTravelEnvironment';

/** Any function-valued param: a model-building function, a custom loss, a callback factory. */
export type RegisteredFunction = (...args: any[]) => any;

/** Any class (abstract or not). */
export type AnyClass = abstract new (...args: any[]) => unknown;

/** The state behind the registries (internal). */
export interface RegistryState {
  classByName: Map<string, AnyClass>;
  nameOfClass: Map<AnyClass, string>;
  moduleOfClass: Map<AnyClass, string>;
  fnByName: Map<string, RegisteredFunction>;
  nameOfFn: Map<RegisteredFunction, string>;
  moduleOfFn: Map<string, string>;
  /** Namespaces whose functions are known by `prefix + key` (e.g. tfjs's metrics), built lazily. */
  namespaces: { prefix: string; ns: object }[];
  builtinTable?: { byName: Map<string, RegisteredFunction>; byFn: Map<RegisteredFunction, string> };
  codecTypes: CodecType<any>[];
  environments: Map<string, TravelEnvironment>;
  /**
   * Module URLs known to have run in this realm: imported for a TravelSpec, or named as the
   * `module` of a registration made here (a module that registered something has run).
   */
  imported: Set<string>;
}

const KEY = Symbol.for('@scikeras/estimator-core/registry');

/** The registry state of this realm, created on first use. */
export function registryState(): RegistryState {
  const g = globalThis as unknown as Record<symbol, RegistryState | undefined>;
  let s = g[KEY];
  if (!s) {
    s = {
      classByName: new Map(),
      nameOfClass: new Map(),
      moduleOfClass: new Map(),
      fnByName: new Map(),
      nameOfFn: new Map(),
      moduleOfFn: new Map(),
      namespaces: [],
      codecTypes: [],
      environments: new Map(),
      imported: new Set(),
    };
    g[KEY] = s;
  }
  return s;
}
