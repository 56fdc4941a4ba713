// Encoding any value met in params, fitted attributes, grid values or fit options into JSON (plus
// buffers), for saveEstimator and worker travel alike.
import { ValueError } from '../errors';
import { isEstimator, type EstimatorLike } from '../isEstimator';
import { classOf, declaredEstimatorName, estimatorNameOf } from '../registry/estimatorNameOf';
import {
  registerEstimator,
  registeredEstimatorModule,
  registeredEstimatorName,
} from '../registry/registerEstimator';
import { registeredFunctionModule, registeredFunctionName } from '../registry/registerFunction';
import { typeName } from '../repr';
import { ownOutputConfig } from '../setOutput';
import type { AnyClass } from '../registry/registryState';
import { codecTypes, type CodecMode, type EncodeContext, type Json } from './CodecType';
import { MAX_DEPTH, TAG, describePath, joinPath, shortPath } from './codecMessages';

/** Options of {@link encodeValue}. */
export interface EncodeOptions {
  /** `'save'` (a file) or `'travel'` (another thread). */
  mode: CodecMode;
  /** The value's name in messages. @defaultValue the estimator's name, else `'The value'` */
  owner?: string;
}

/** What {@link encodeValue} returns. */
export interface EncodedValue {
  /** The JSON. */
  value: Json;
  /** Bytes kept outside the JSON, referred to by index from it. */
  buffers: ArrayBuffer[];
  /** Module URLs the receiving side imports first (those that registered the classes and functions used). */
  modules: string[];
}

/** The typed arrays the codec keeps (by `Object.prototype.toString` tag, which minifiers keep). */
export const TYPED_ARRAYS = [
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
] as const;

interface EncodeState {
  mode: CodecMode;
  owner: string;
  buffers: ArrayBuffer[];
  modules: Set<string>;
  memo: Map<unknown, unknown>;
}

const verb = (mode: CodecMode) => (mode === 'travel' ? 'sent to a worker thread' : 'saved');

function its(path: string): string {
  return path ? `its ${describePath(path)}` : 'it';
}

function classPhrase(path: string): string {
  return path ? `the class of its ${describePath(path)}` : 'its class';
}

function unsupported(st: EncodeState, path: string, what: string): ValueError {
  return new ValueError(
    `${st.owner} cannot be ${verb(st.mode)}: ${its(path)} is ${what}, which cannot be stored. ` +
      'Use JSON values, typed arrays, Maps, Sets, registered functions (registerFunction), ' +
      'registered estimators, or a type a package taught the codec (registerCodecType) there.',
  );
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return `an instance of ${typeName(v)}`;
  return `a ${typeof v}`;
}

/** Whether an object is a plain `{}` (or `Object.create(null)`). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Sets an own property, also for `__proto__` (plain assignment would set the prototype). */
export function setOwnJson(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * The fitted attributes of an estimator: its own keys like `classes_` (a letter, letters and
 * digits, one trailing underscore).
 *
 * @param est - an estimator
 * @returns the keys
 * @example
 * ```ts
 * fittedKeys(await new KerasClassifier({ model }).fit(X, y)); // ['model_', 'classes_', ...]
 * ```
 */
export function fittedKeys(est: object): string[] {
  return Object.keys(est).filter((k) => /^[A-Za-z][A-Za-z0-9]*_$/.test(k));
}

function encodeNumber(x: number): Json {
  if (Object.is(x, -0)) return { [TAG]: 'number', value: '-0' };
  if (Number.isFinite(x)) return x;
  return { [TAG]: 'number', value: Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity' };
}

/** The error for a function that cannot travel (names the param and the fix). */
function unregisteredFunction(st: EncodeState, path: string, fn: { name: string }): ValueError {
  const shown = fn.name || 'fn';
  const what = fn.name ? `the function '${fn.name}'` : 'an anonymous function';
  return new ValueError(
    `${st.owner} cannot be sent to a worker thread: ${its(path)} is ${what}, which is not registered. ` +
      `Functions travel by name: call registerFunction('${shown}', ${shown}, { module: import.meta.url }) ` +
      '(registerModel in @scikeras/wrappers) in a module that only defines functions (worker threads ' +
      'import it), or use nJobs: 1.',
  );
}

function encodeFunction(fn: { name: string }, path: string, st: EncodeState): Json {
  const name = registeredFunctionName(fn);
  if (name !== undefined) {
    const module = registeredFunctionModule(name);
    if (module !== undefined) st.modules.add(module);
    return { [TAG]: 'function', name, registered: true };
  }
  if (st.mode === 'travel') throw unregisteredFunction(st, path, fn);
  return { [TAG]: 'function', name: fn.name || null, registered: false };
}

/** The name an estimator's class is stored under; a class with an own static estimatorName is registered on the way. */
function storedClassName(Klass: AnyClass, path: string, st: EncodeState): string {
  let name = registeredEstimatorName(Klass);
  if (name === undefined && declaredEstimatorName(Klass) !== undefined) {
    registerEstimator(Klass);
    name = registeredEstimatorName(Klass);
  }
  if (name === undefined) {
    const js = (Klass as { name?: string }).name || 'MyEstimator';
    throw new ValueError(
      `${st.owner} cannot be ${verb(st.mode)}: ${classPhrase(path)} (${js}) is not registered, and a ` +
        `class is stored by its registered name (a minifier renames classes). Give it its own static ` +
        `estimatorName = '${js}' and call registerEstimator(${js}, { module: import.meta.url }) in the module that defines it.`,
    );
  }
  if (st.mode === 'travel') {
    const module = registeredEstimatorModule(Klass);
    if (module === undefined) {
      throw new ValueError(
        `${st.owner} cannot be sent to a worker thread: ${classPhrase(path)} ${name} is registered ` +
          `without a module, so a worker thread cannot import it. Call registerEstimator(${name}, ` +
          '{ module: import.meta.url }) (__filename in CommonJS) in the module that defines it, or use nJobs: 1.',
      );
    }
    st.modules.add(module);
  }
  return name;
}

async function encodeEstimator(
  est: EstimatorLike,
  path: string,
  st: EncodeState,
  depth: number,
): Promise<Json> {
  const className = storedClassName(classOf(est)!, path, st);
  const params: Record<string, Json> = {};
  for (const [k, x] of Object.entries(est.getParams(false)))
    setOwnJson(params, k, await encodeAt(x, joinPath(path, k), st, depth + 1));
  const fitted: Record<string, Json> = {};
  for (const k of fittedKeys(est)) {
    const x = (est as unknown as Record<string, unknown>)[k];
    setOwnJson(fitted, k, await encodeAt(x, joinPath(path, k), st, depth + 1));
  }
  const output = ownOutputConfig(est);
  // setOutput's container travels with the estimator (scikit-learn pickles _sklearn_output_config)
  if (output) return { [TAG]: 'estimator', className, params, fitted, output: { ...output } };
  return { [TAG]: 'estimator', className, params, fitted };
}

function contextFor(st: EncodeState, depth: number): EncodeContext {
  return {
    mode: st.mode,
    owner: st.owner,
    encode: (v, p) => encodeAt(v, p, st, depth + 1),
    addBuffer: (bytes) => st.buffers.push(bytes) - 1,
    addModule: (url) => void st.modules.add(url),
    memo: st.memo,
    unsupported: (p, what) => unsupported(st, p, what),
  };
}

async function encodeObject(
  v: object,
  path: string,
  st: EncodeState,
  depth: number,
): Promise<Json> {
  for (const type of codecTypes()) {
    if (!type.test(v)) continue;
    if (type.module !== undefined) st.modules.add(type.module);
    const body = await type.encode(v, path, contextFor(st, depth));
    return { [TAG]: type.tag, ...body };
  }
  if (isEstimator(v)) return encodeEstimator(v, path, st, depth);
  if (v instanceof Map) {
    const entries: Json[] = [];
    let i = 0;
    for (const [k, x] of v) {
      entries.push([
        await encodeAt(k, `${path}.keys[${i}]`, st, depth + 1),
        await encodeAt(x, `${path}[${i}]`, st, depth + 1),
      ]);
      i++;
    }
    return { [TAG]: 'map', entries };
  }
  if (v instanceof Set) {
    const values: Json[] = [];
    for (const x of v) values.push(await encodeAt(x, `${path}[${values.length}]`, st, depth + 1));
    return { [TAG]: 'set', values };
  }
  if (isPlainObject(v)) {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v))
      setOwnJson(out, k, await encodeAt(x, joinPath(path, k), st, depth + 1));
    return Object.prototype.hasOwnProperty.call(out, TAG) ? { [TAG]: 'object', value: out } : out;
  }
  throw unsupported(st, path, describe(v));
}

async function encodeAt(v: unknown, path: string, st: EncodeState, depth: number): Promise<Json> {
  if (depth > MAX_DEPTH) {
    throw new ValueError(
      `${st.owner} cannot be ${verb(st.mode)}: ${its(shortPath(path))} is nested deeper than ${MAX_DEPTH} levels ` +
        '(does it contain itself?).',
    );
  }
  if (v === null) return null;
  if (v === undefined) return { [TAG]: 'undefined' };
  if (typeof v === 'number') return encodeNumber(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'function') return encodeFunction(v, path, st);
  if (typeof v !== 'object') throw unsupported(st, path, describe(v));
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (let i = 0; i < v.length; i++)
      out.push(await encodeAt(v[i], `${path}[${i}]`, st, depth + 1));
    return out;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const ctor = Object.prototype.toString.call(v).slice(8, -1);
    if (!(TYPED_ARRAYS as readonly string[]).includes(ctor))
      throw unsupported(st, path, `a ${ctor}`);
    return { [TAG]: 'typedArray', ctor, data: Array.from(v as Float64Array, encodeNumber) };
  }
  return encodeObject(v, path, st, depth);
}

/**
 * Encodes a value (an estimator, params, grid values, fit options, ...) as JSON: numbers that
 * JSON lacks (NaN, -0, infinities), `undefined`, typed arrays, Maps and Sets as tagged objects
 * (`{ $scikeras: 'map', ... }`), functions by their registered name, estimators by their
 * registered class name with their params and fitted attributes, and the types packages taught
 * the codec ({@link registerCodecType}, e.g. tfjs models with their weights as buffers).
 *
 * @param value - the value
 * @param options - `mode` (`'save'` or `'travel'`) and the `owner` name for messages
 * @returns the JSON, its buffers, and the modules a receiving thread must import
 * @throws ValueError naming the value's path and the fix when something cannot be stored (an
 *   unregistered class, a function that must travel but is not registered, a class instance the
 *   codec does not know, a value nested deeper than 200 levels)
 * @example
 * ```ts
 * const { value } = await encodeValue({ a: NaN, s: new Set([1]) }, { mode: 'save' });
 * // { a: { $scikeras: 'number', value: 'NaN' }, s: { $scikeras: 'set', values: [1] } }
 * ```
 * @remarks scikit-learn pickles; this format is data only, and decoding never runs code from it.
 */
export async function encodeValue(value: unknown, options: EncodeOptions): Promise<EncodedValue> {
  const owner =
    options.owner ?? (isEstimator(value) ? estimatorNameOf(value as object) : 'The value');
  const st: EncodeState = {
    mode: options.mode,
    owner,
    buffers: [],
    modules: new Set(),
    memo: new Map(),
  };
  const json = await encodeAt(value, '', st, 0);
  return { value: json, buffers: st.buffers, modules: [...st.modules] };
}
