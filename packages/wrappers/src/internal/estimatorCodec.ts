// JSON encoding of an estimator's params and fitted attributes for saveEstimator/loadEstimator
// and worker travel. Decoding never evaluates code: functions come back from the registry by
// name, classes from a registry of classes, tfjs objects from tfjs's own serialization map.
import * as tf from '@tensorflow/tfjs';
import { ValueError, isEstimator, type EstimatorClass } from '@scikeras/estimator-core';
import {
  getRegisteredModel,
  missingFunction,
  registeredModelName,
  type RegisteredFunction,
} from '../ModelRegistry';

/** The tag key of encoded non-JSON values. */
export const TAG = '$scikeras';

/**
 * How a value's path reads in a message: `parameter 'callbacks[0]'`, `fitted attribute
 * 'history_.loss'` (fitted names end with `_`, params never do); free text stays as it is.
 */
export function describePath(path: string): string {
  if (path.includes(' ')) return path;
  const head = /^[^.[]*/.exec(path)?.[0] ?? path;
  return head.endsWith('_') ? `fitted attribute '${path}'` : `parameter '${path}'`;
}

/** Where an encoding happens: a file keeps unregistered functions as names, travel refuses them. */
export type CodecMode = 'save' | 'travel';

export interface EncodeContext {
  mode: CodecMode;
  /** The top-level estimator's class name, for messages. */
  owner: string;
  /** tfjs models met while encoding, in order; their index is the `ref`. */
  models: tf.LayersModel[];
}

export interface DecodeContext {
  mode: CodecMode;
  owner: string;
  classes: Readonly<Record<string, EstimatorClass>>;
  functions: Readonly<Record<string, RegisteredFunction>>;
  /** Loaded tfjs models by `ref`. */
  models: readonly tf.LayersModel[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A function param that cannot travel to a worker thread (names the param and the fix). */
export function unregisteredTravelError(
  owner: string,
  path: string,
  fn: { name: string },
): ValueError {
  const shown = fn.name || 'build';
  const what = fn.name ? `the function '${fn.name}'` : 'an anonymous function';
  return new ValueError(
    `${owner} cannot be sent to a worker thread: its ${describePath(path)} is ${what}, which is not ` +
      `registered. Functions travel by name: call registerModel('${shown}', ${shown}, { module: import.meta.url }) ` +
      `in a module that only defines models (worker threads import it), or use nJobs: 1.`,
  );
}

export function isLayersModel(v: unknown): v is tf.LayersModel {
  const m = v as Record<string, unknown> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.layers) &&
    typeof m.predict === 'function' &&
    typeof m.save === 'function' &&
    typeof m.toJSON === 'function'
  );
}

function isOptimizer(v: unknown): v is tf.Optimizer {
  const o = v as Record<string, unknown> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.applyGradients === 'function' &&
    typeof o.getConfig === 'function' &&
    typeof o.getClassName === 'function'
  );
}

function isTensor(v: unknown): v is tf.Tensor {
  return v instanceof tf.Tensor;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const TYPED = [
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

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return `an instance of ${v.constructor?.name ?? 'Object'}`;
  return `a ${typeof v}`;
}

/** Sets an own property, also for keys such as `__proto__` (plain assignment would set the prototype). */
function setOwn<T>(o: Record<string, T>, k: string, v: T): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function encodeNumber(x: number): Json {
  if (Object.is(x, -0)) return { [TAG]: 'number', value: '-0' };
  if (Number.isFinite(x)) return x;
  return { [TAG]: 'number', value: Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity' };
}

/** The fitted attributes of an estimator: own keys like `classes_` (one trailing underscore). */
export function fittedKeys(est: object): string[] {
  return Object.keys(est).filter((k) => /^[A-Za-z][A-Za-z0-9]*_$/.test(k));
}

/** Encodes any value met in params or fitted attributes. `path` names it in errors. */
export function encodeValue(v: unknown, path: string, ctx: EncodeContext): Json {
  if (v === null) return null;
  if (v === undefined) return { [TAG]: 'undefined' };
  if (typeof v === 'number') return encodeNumber(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'function') {
    const name = registeredModelName(v);
    if (name !== undefined) return { [TAG]: 'function', name, registered: true };
    if (ctx.mode === 'travel') throw unregisteredTravelError(ctx.owner, path, v);
    return { [TAG]: 'function', name: v.name || null, registered: false };
  }
  if (Array.isArray(v)) return v.map((x, i) => encodeValue(x, `${path}[${i}]`, ctx));
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const ctor = v.constructor.name;
    if (!(TYPED as readonly string[]).includes(ctor)) throw unsupported(path, v, ctx);
    return { [TAG]: 'typedArray', ctor, data: Array.from(v as Float64Array, encodeNumber) };
  }
  if (isLayersModel(v)) {
    let ref = ctx.models.indexOf(v);
    if (ref < 0) ref = ctx.models.push(v) - 1;
    return { [TAG]: 'layersModel', ref };
  }
  if (isOptimizer(v)) {
    const owner = ctx.models.findIndex((m) => m.optimizer === v);
    if (owner >= 0) return { [TAG]: 'optimizer', ofModel: owner };
    return {
      [TAG]: 'optimizer',
      className: v.getClassName(),
      config: encodeValue(v.getConfig(), `${path}.config`, ctx),
    };
  }
  if (isTensor(v)) {
    if (v.isDisposed)
      throw new ValueError(
        `Cannot save the ${describePath(path)} of ${ctx.owner}: the tensor is disposed.`,
      );
    if (v.dtype === 'string' || v.dtype === 'complex64') throw unsupported(path, v, ctx);
    return {
      [TAG]: 'tensor',
      dtype: v.dtype,
      shape: v.shape,
      data: Array.from(v.dataSync() as Float32Array, encodeNumber),
    };
  }
  if (isEstimator(v) && typeof (v as object).constructor === 'function') {
    return encodeEstimator(
      v as object & { getParams(deep?: boolean): Record<string, unknown> },
      path,
      ctx,
    );
  }
  if (v instanceof Map) {
    return {
      [TAG]: 'map',
      entries: [...v.entries()].map(([k, x], i) => [
        encodeValue(k, `${path}.keys[${i}]`, ctx),
        encodeValue(x, `${path}.get(${String(k)})`, ctx),
      ]),
    };
  }
  if (v instanceof Set) {
    return { [TAG]: 'set', values: [...v].map((x, i) => encodeValue(x, `${path}[${i}]`, ctx)) };
  }
  if (isPlainObject(v)) {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, encodeValue(x, `${path}.${k}`, ctx));
    return TAG in out ? { [TAG]: 'object', value: out } : out;
  }
  throw unsupported(path, v, ctx);
}

function unsupported(path: string, v: unknown, ctx: EncodeContext): ValueError {
  const verb = ctx.mode === 'travel' ? 'sent to a worker thread' : 'saved';
  return new ValueError(
    `${ctx.owner} cannot be ${verb}: its ${describePath(path)} is ${describe(v)}, which cannot be stored. ` +
      `Use JSON values, registered functions (registerModel), tfjs models or optimizers, or ` +
      `estimators there.`,
  );
}

/** Encodes an estimator: class name, params (not deep) and fitted attributes. */
export function encodeEstimator(
  est: object & { getParams(deep?: boolean): Record<string, unknown> },
  path: string,
  ctx: EncodeContext,
): Json {
  const params = est.getParams(false);
  const encodedParams: Record<string, Json> = {};
  for (const [k, x] of Object.entries(params)) {
    encodedParams[k] = encodeValue(x, path ? `${path}.${k}` : k, ctx);
  }
  const fitted: Record<string, Json> = {};
  for (const k of fittedKeys(est)) {
    fitted[k] = encodeValue((est as Record<string, unknown>)[k], path ? `${path}.${k}` : k, ctx);
  }
  return {
    [TAG]: 'estimator',
    className: est.constructor.name,
    params: encodedParams,
    fitted,
  };
}

function corrupt(where: string, what: string): ValueError {
  return new ValueError(`${where} is corrupted or was modified after it was saved: ${what}.`);
}

function tagOf(v: Json): string | undefined {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const t = v[TAG];
    return typeof t === 'string' ? t : undefined;
  }
  return undefined;
}

function own<T>(rec: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

/** Decodes what {@link encodeValue} produced. `where` names the source in errors. */
export function decodeValue(v: Json, path: string, ctx: DecodeContext, where: string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x, i) => decodeValue(x, `${path}[${i}]`, ctx, where));
  const tag = tagOf(v);
  if (tag === undefined) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      setOwn(out, k, decodeValue(x, `${path}.${k}`, ctx, where));
    return out;
  }
  switch (tag) {
    case 'undefined':
      return undefined;
    case 'number': {
      const s = v.value;
      if (s === 'NaN') return NaN;
      if (s === '-0') return -0;
      if (s === 'Infinity') return Infinity;
      if (s === '-Infinity') return -Infinity;
      throw corrupt(where, `${describePath(path)} has an invalid number ${JSON.stringify(s)}`);
    }
    case 'object': {
      const inner = v.value;
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner))
        throw corrupt(where, `${describePath(path)} is not an object`);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(inner))
        setOwn(out, k, decodeValue(x, `${path}.${k}`, ctx, where));
      return out;
    }
    case 'function':
      return decodeFunction(v, path, ctx, where);
    case 'typedArray': {
      const ctor = String(v.ctor);
      if (!(TYPED as readonly string[]).includes(ctor) || !Array.isArray(v.data))
        throw corrupt(where, `${describePath(path)} is not a valid typed array`);
      const nums = v.data.map((x, i) => decodeValue(x, `${path}[${i}]`, ctx, where));
      if (!nums.every((x) => typeof x === 'number'))
        throw corrupt(where, `${describePath(path)} holds non-numbers`);
      const Ctor = (globalThis as unknown as Record<string, new (a: number[]) => unknown>)[ctor]!;
      return new Ctor(nums as number[]);
    }
    case 'layersModel': {
      const ref = v.ref;
      const m = typeof ref === 'number' ? ctx.models[ref] : undefined;
      if (!m)
        throw corrupt(where, `${describePath(path)} refers to a model that is not in the file`);
      return m;
    }
    case 'optimizer':
      return decodeOptimizer(v, path, ctx, where);
    case 'tensor': {
      const { dtype, shape, data } = v;
      if (
        !['float32', 'int32', 'bool'].includes(String(dtype)) ||
        !Array.isArray(shape) ||
        !shape.every((d) => Number.isInteger(d) && (d as number) >= 0) ||
        !Array.isArray(data)
      )
        throw corrupt(where, `${describePath(path)} is not a valid tensor`);
      const nums = data.map((x, i) => decodeValue(x, `${path}[${i}]`, ctx, where)) as number[];
      if (nums.length !== (shape as number[]).reduce((a, b) => a * b, 1))
        throw corrupt(
          where,
          `${describePath(path)} has ${nums.length} values for shape [${shape.join(', ')}]`,
        );
      return tf.tensor(nums, shape as number[], dtype as 'float32');
    }
    case 'estimator':
      return decodeEstimator(v, path, ctx, where);
    case 'map': {
      if (!Array.isArray(v.entries))
        throw corrupt(where, `${describePath(path)} is not a valid Map`);
      return new Map(
        v.entries.map((e, i) => {
          if (!Array.isArray(e) || e.length !== 2)
            throw corrupt(where, `${describePath(path)} is not a valid Map`);
          return [
            decodeValue(e[0]!, `${path}.keys[${i}]`, ctx, where),
            decodeValue(e[1]!, `${path}[${i}]`, ctx, where),
          ];
        }),
      );
    }
    case 'set': {
      if (!Array.isArray(v.values))
        throw corrupt(where, `${describePath(path)} is not a valid Set`);
      return new Set(v.values.map((x, i) => decodeValue(x, `${path}[${i}]`, ctx, where)));
    }
    default:
      throw corrupt(where, `${describePath(path)} has an unknown tag ${JSON.stringify(tag)}`);
  }
}

function decodeFunction(
  v: { [k: string]: Json },
  path: string,
  ctx: DecodeContext,
  where: string,
): unknown {
  const name = v.name;
  if (name !== null && typeof name !== 'string')
    throw corrupt(where, `${describePath(path)} has an invalid function name`);
  const registered = v.registered === true;
  const found =
    name === null
      ? undefined
      : (own(ctx.functions, name) ?? (registered ? getRegisteredModel(name) : undefined));
  if (found) return found;
  const shown = name ?? '<anonymous>';
  if (ctx.mode === 'travel') {
    throw new ValueError(
      `${ctx.owner} cannot be rebuilt in this thread: its ${describePath(path)} refers to the function ` +
        `'${shown}', which is not registered here. Register it with ` +
        `registerModel('${shown}', fn, { module: import.meta.url }) so that worker threads import the module that registers it.`,
    );
  }
  return missingFunction(shown, path, ctx.owner);
}

function decodeOptimizer(
  v: { [k: string]: Json },
  path: string,
  ctx: DecodeContext,
  where: string,
): unknown {
  if (typeof v.ofModel === 'number') {
    const m = ctx.models[v.ofModel];
    if (!m) throw corrupt(where, `${describePath(path)} refers to a model that is not in the file`);
    return m.optimizer;
  }
  return optimizerFromConfig(
    String(v.className),
    decodeValue(v.config ?? null, `${path}.config`, ctx, where),
    where,
  );
}

/** Builds a tfjs optimizer from its class name and config through tfjs's serialization map. */
export function optimizerFromConfig(
  className: string,
  config: unknown,
  where: string,
): tf.Optimizer {
  const map = tf.serialization.SerializationMap.getMap().classNameMap;
  const entry = own(map as Record<string, [any, any]>, className);
  if (!entry) throw corrupt(where, `unknown optimizer class '${className}'`);
  const [cls, fromConfig] = entry;
  const opt = fromConfig(cls, config ?? {}) as tf.Optimizer;
  if (!isOptimizer(opt)) throw corrupt(where, `'${className}' is not an optimizer class`);
  return opt;
}

function decodeEstimator(
  v: { [k: string]: Json },
  path: string,
  ctx: DecodeContext,
  where: string,
): unknown {
  const className = v.className;
  if (typeof className !== 'string')
    throw corrupt(where, `${describePath(path)} has no class name`);
  const Klass = own(ctx.classes, className);
  if (!Klass) {
    const known = Object.keys(ctx.classes).sort();
    throw new ValueError(
      `Cannot load ${path ? `the ${describePath(path)} of ${ctx.owner}` : 'the estimator'}: its class '${className}' is not in the registry of classes ` +
        `(known: ${known.join(', ')}). Pass it as loadEstimator(source, { registry: { classes: { ${className} } } }).`,
    );
  }
  const params = v.params;
  const fitted = v.fitted;
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw corrupt(where, `${path ? describePath(path) : 'the estimator'} has no params`);
  if (typeof fitted !== 'object' || fitted === null || Array.isArray(fitted))
    throw corrupt(where, `${path ? describePath(path) : 'the estimator'} has no fitted attributes`);
  const sub: DecodeContext = path ? ctx : { ...ctx, owner: className };
  const decodedParams: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(params)) {
    decodedParams[k] = decodeValue(x, path ? `${path}.${k}` : k, sub, where);
  }
  const est = new Klass(decodedParams) as unknown as Record<string, unknown>;
  for (const [k, x] of Object.entries(fitted)) {
    if (!/^[A-Za-z][A-Za-z0-9]*_$/.test(k))
      throw corrupt(where, `'${k}' is not a fitted attribute name`);
    est[k] = decodeValue(x, path ? `${path}.${k}` : k, sub, where);
  }
  return est;
}
