// Decoding what encodeValue wrote. Data only: classes and functions come from the registries
// (or the caller's tables), never from the data; anything malformed is reported as corrupted.
import { ValueError } from '../errors';
import type { AnyClass } from '../registry/registryState';
import { isReservedParamName, setOwn } from '../internal/paramNames';
import { setOutputConfig, type TransformOutput } from '../setOutput';
import { getEstimatorClass, registeredEstimatorNames } from '../registry/registerEstimator';
import {
  getRegisteredFunction,
  missingFunction,
  type RegisteredFunction,
} from '../registry/registerFunction';
import { codecTypes, type CodecMode, type DecodeContext, type Json } from './CodecType';
import { MAX_DEPTH, TAG, corruptedError, describePath, joinPath, shortPath } from './codecMessages';
import { TYPED_ARRAYS } from './encodeValue';

/** Options of {@link decodeValue}. */
export interface DecodeOptions {
  /** The mode it was encoded in: `'travel'` requires every function and class to be registered. */
  mode: CodecMode;
  /** The source in "is corrupted" messages, e.g. `"The saved estimator '/tmp/clf/estimator.json'"`. */
  where: string;
  /** The value's name in messages. @defaultValue the estimator's class name, else `'The value'` */
  owner?: string;
  /** The buffers that came with the JSON. */
  buffers?: readonly ArrayBuffer[];
  /** Classes by stored name, tried before the registry (e.g. loadEstimator's `registry.classes`). */
  classes?: Readonly<Record<string, AnyClass>>;
  /** Functions by stored name, tried before the registry. */
  functions?: Readonly<Record<string, RegisteredFunction>>;
  /** How the caller passes a missing class, for its message, e.g. `(n) => \`loadEstimator(source, { registry: { classes: { ${n} } } })\``. */
  classesHint?: (name: string) => string;
}

interface DecodeState extends DecodeOptions {
  owner: string;
  memo: Map<unknown, unknown>;
  tracked: { dispose(): void }[];
}

type JsonObject = { [k: string]: Json };

function own<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return rec && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function corrupt(st: DecodeState, what: string): ValueError {
  return corruptedError(st.where, what);
}

function decodeNumber(v: Json, path: string, st: DecodeState): number {
  if (typeof v === 'number') return v;
  const s = isObject(v) && v[TAG] === 'number' ? v.value : undefined;
  if (s === 'NaN') return NaN;
  if (s === '-0') return -0;
  if (s === 'Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  throw corrupt(st, `${describePath(path)} has an invalid number ${JSON.stringify(s ?? v)}`);
}

function findFunction(
  st: DecodeState,
  name: string,
  registered: boolean,
): RegisteredFunction | undefined {
  return own(st.functions, name) ?? (registered ? getRegisteredFunction(name) : undefined);
}

function decodeFunction(v: JsonObject, path: string, st: DecodeState): unknown {
  const name = v.name;
  if (name !== null && typeof name !== 'string')
    throw corrupt(st, `${describePath(path)} has an invalid function name`);
  const found = name === null ? undefined : findFunction(st, name, v.registered === true);
  if (found) return found;
  const shown = name ?? '<anonymous>';
  if (st.mode === 'travel') {
    throw new ValueError(
      `${st.owner} cannot be rebuilt in this thread: its ${describePath(path)} refers to the function ` +
        `'${shown}', which is not registered here. Register it with registerFunction('${shown}', fn, ` +
        '{ module: import.meta.url }) (registerModel in @scikeras/wrappers) so that worker threads import ' +
        'the module that registers it.',
    );
  }
  return missingFunction(shown, path, st.owner);
}

function missingClass(st: DecodeState, className: string, path: string): ValueError {
  const subject = path ? `the ${describePath(path)} of ${st.owner}` : 'the estimator';
  if (st.mode === 'travel') {
    return new ValueError(
      `${st.owner} cannot be rebuilt in this thread: the class '${className}' of ${path ? `its ${describePath(path)}` : 'it'} ` +
        `is not registered here. Call registerEstimator(${className}, { module: import.meta.url }) in the ` +
        'module that defines it, so that worker threads import it.',
    );
  }
  const known = [
    ...new Set([...Object.keys(st.classes ?? {}), ...registeredEstimatorNames()]),
  ].sort();
  const hint = st.classesHint ? `, or pass it as ${st.classesHint(className)}` : '';
  return new ValueError(
    `Cannot load ${subject}: its class '${className}' is not in the registry of classes (known: ` +
      `${known.join(', ')}). Register it with registerEstimator(${className}) before loading${hint}.`,
  );
}

async function decodeEstimator(
  v: JsonObject,
  path: string,
  st: DecodeState,
  depth: number,
): Promise<unknown> {
  const className = v.className;
  const subject = path ? describePath(path) : 'the estimator';
  if (typeof className !== 'string') throw corrupt(st, `${subject} has no class name`);
  const Klass = (own(st.classes, className) ?? getEstimatorClass(className)) as
    (new (params: Record<string, unknown>) => object) | undefined;
  if (typeof Klass !== 'function') throw missingClass(st, className, path);
  const { params, fitted } = v;
  if (!isObject(params)) throw corrupt(st, `${subject} has no params`);
  if (!isObject(fitted)) throw corrupt(st, `${subject} has no fitted attributes`);
  const decoded: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(params))
    setOwn(decoded, k, await decodeAt(x, joinPath(path, k), st, depth + 1));
  const est = new Klass(decoded);
  for (const [k, x] of Object.entries(fitted)) {
    if (!/^[A-Za-z][A-Za-z0-9]*_$/.test(k) || isReservedParamName(est, k))
      throw corrupt(st, `'${k}' is not a fitted attribute name of ${className}`);
    setOwn(est, k, await decodeAt(x, joinPath(path, k), st, depth + 1));
  }
  if (v.output !== undefined) {
    const t = isObject(v.output) ? v.output.transform : undefined;
    if (t !== 'default' && t !== 'array2d')
      throw corrupt(st, `${subject} has an invalid output config`);
    setOutputConfig(est, { transform: t as TransformOutput });
  }
  return est;
}

async function decodeTyped(v: JsonObject, path: string, st: DecodeState): Promise<unknown> {
  const ctor = String(v.ctor);
  if (!(TYPED_ARRAYS as readonly string[]).includes(ctor) || !Array.isArray(v.data))
    throw corrupt(st, `${describePath(path)} is not a valid typed array`);
  const nums = v.data.map((x, i) => decodeNumber(x, `${path}[${i}]`, st));
  const Ctor = (globalThis as unknown as Record<string, new (a: number[]) => unknown>)[ctor]!;
  return new Ctor(nums);
}

async function decodeMap(v: JsonObject, path: string, st: DecodeState, depth: number) {
  if (!Array.isArray(v.entries)) throw corrupt(st, `${describePath(path)} is not a valid Map`);
  const out = new Map<unknown, unknown>();
  for (let i = 0; i < v.entries.length; i++) {
    const e = v.entries[i];
    if (!Array.isArray(e) || e.length !== 2)
      throw corrupt(st, `${describePath(path)} is not a valid Map`);
    out.set(
      await decodeAt(e[0]!, `${path}.keys[${i}]`, st, depth + 1),
      await decodeAt(e[1]!, `${path}[${i}]`, st, depth + 1),
    );
  }
  return out;
}

async function decodeEntries(o: JsonObject, path: string, st: DecodeState, depth: number) {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o))
    setOwn(out, k, await decodeAt(x, joinPath(path, k), st, depth + 1));
  return out;
}

function contextFor(st: DecodeState, depth: number): DecodeContext {
  return {
    mode: st.mode,
    owner: st.owner,
    decode: (json, p) => decodeAt(json, p, st, depth + 1),
    buffer: (ref, p) => {
      const b = typeof ref === 'number' && Number.isInteger(ref) ? st.buffers?.[ref] : undefined;
      if (!b) throw corrupt(st, `${describePath(p)} refers to a buffer that is not there`);
      return b;
    },
    memo: st.memo,
    corrupt: (what) => corrupt(st, what),
    track: (r) => void st.tracked.push(r),
    findFunction: (name, registered) => findFunction(st, name, registered),
  };
}

async function decodeTagged(
  v: JsonObject,
  tag: string,
  path: string,
  st: DecodeState,
  depth: number,
) {
  switch (tag) {
    case 'undefined':
      return undefined;
    case 'number':
      return decodeNumber(v, path, st);
    case 'object':
      if (!isObject(v.value)) throw corrupt(st, `${describePath(path)} is not an object`);
      return decodeEntries(v.value, path, st, depth);
    case 'function':
      return decodeFunction(v, path, st);
    case 'typedArray':
      return decodeTyped(v, path, st);
    case 'map':
      return decodeMap(v, path, st, depth);
    case 'set': {
      if (!Array.isArray(v.values)) throw corrupt(st, `${describePath(path)} is not a valid Set`);
      const out = new Set<unknown>();
      for (let i = 0; i < v.values.length; i++)
        out.add(await decodeAt(v.values[i]!, `${path}[${i}]`, st, depth + 1));
      return out;
    }
    case 'estimator':
      return decodeEstimator(v, path, st, depth);
  }
  const type = codecTypes().find((t) => t.tag === tag);
  if (!type) throw corrupt(st, `${describePath(path)} has an unknown tag ${JSON.stringify(tag)}`);
  const body: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (k !== TAG) setOwn(body, k, x);
  return type.decode(body, path, contextFor(st, depth));
}

async function decodeAt(v: Json, path: string, st: DecodeState, depth: number): Promise<unknown> {
  if (depth > MAX_DEPTH)
    throw corrupt(st, `${describePath(shortPath(path))} is nested deeper than ${MAX_DEPTH} levels`);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++)
      out.push(await decodeAt(v[i]!, `${path}[${i}]`, st, depth + 1));
    return out;
  }
  const tag = Object.prototype.hasOwnProperty.call(v, TAG) ? v[TAG] : undefined;
  if (tag === undefined) return decodeEntries(v, path, st, depth);
  if (typeof tag !== 'string') throw corrupt(st, `${describePath(path)} has an invalid tag`);
  return decodeTagged(v, tag, path, st, depth);
}

/**
 * Decodes what {@link encodeValue} wrote: estimators are rebuilt with `new Klass(params)` from the
 * class registered under the stored name (or `options.classes`) and get their fitted attributes
 * back; functions come from the registry (in `'save'` mode an unknown one becomes a stand-in that
 * throws when called, saying what to register); other tags go to the registered codec types.
 * Resources a codec type made (tfjs models, tensors) are disposed when decoding fails.
 *
 * @param value - the JSON
 * @param options - mode, `where` (for messages), buffers, extra classes and functions
 * @returns the value
 * @throws ValueError "<where> is corrupted or was modified after it was saved: ..." for anything
 *   malformed (unknown tags, bad numbers, a value nested deeper than 200 levels, ...); a
 *   ValueError naming the class or function to register when one is missing;
 *   InvalidParameterError when a stored param name is not a valid param
 * @example
 * ```ts
 * const back = await decodeValue(json, { mode: 'save', where: 'The saved estimator' });
 * ```
 */
export async function decodeValue(value: Json, options: DecodeOptions): Promise<unknown> {
  const className =
    isObject(value) && value[TAG] === 'estimator' && typeof value.className === 'string'
      ? value.className
      : undefined;
  const st: DecodeState = {
    ...options,
    owner: options.owner ?? className ?? 'The value',
    memo: new Map(),
    tracked: [],
  };
  try {
    return await decodeAt(value, '', st, 0);
  } catch (e) {
    for (const r of st.tracked.reverse()) {
      try {
        r.dispose();
      } catch {
        // already disposed
      }
    }
    throw e;
  }
}
