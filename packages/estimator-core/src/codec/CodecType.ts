// The pluggable part of the codec: a package teaches it a type (tfjs models, optimizers,
// tensors, ...) without estimator-core knowing that type.
import type { ValueError } from '../errors';
import { moduleUrl } from '../registry/moduleUrl';
import { registryState } from '../registry/registryState';

/** A JSON value, as encoded values are. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Where an encoding goes: `'save'` (a file: an unregistered function is kept as its name, and
 * comes back as a stand-in) or `'travel'` (another thread: every function must be registered,
 * every class must name the module that registers it).
 */
export type CodecMode = 'save' | 'travel';

/** What a {@link CodecType}'s `encode` gets besides the value. */
export interface EncodeContext {
  readonly mode: CodecMode;
  /** The top-level value's name for messages (e.g. `'KerasClassifier'`). */
  readonly owner: string;
  /** Encodes a nested value (a part of this one), at `path`. */
  encode(value: unknown, path: string): Promise<Json>;
  /** Keeps bytes outside the JSON (a file's weights, base64 in a TravelSpec); returns their index. */
  addBuffer(bytes: ArrayBuffer): number;
  /** A module URL the receiving thread must import before decoding. */
  addModule(url: string): void;
  /** Storage for the codec types during one encoding (e.g. which objects were already encoded). */
  readonly memo: Map<unknown, unknown>;
  /** The error for a value at `path` that cannot be stored (`what`: e.g. `'a disposed tensor'`). */
  unsupported(path: string, what: string): ValueError;
}

/** What a {@link CodecType}'s `decode` gets besides the encoded body. */
export interface DecodeContext {
  readonly mode: CodecMode;
  readonly owner: string;
  /** Decodes a nested value at `path`. */
  decode(json: Json, path: string): Promise<unknown>;
  /** The bytes kept by `addBuffer` under index `ref`. @throws the corrupted error for a bad ref */
  buffer(ref: unknown, path: string): ArrayBuffer;
  /** Storage for the codec types during one decoding. */
  readonly memo: Map<unknown, unknown>;
  /** The codec's "is corrupted or was modified after it was saved: `what`" error. */
  corrupt(what: string): ValueError;
  /** A resource made while decoding, disposed if the decoding fails later. */
  track(resource: { dispose(): void }): void;
  /**
   * The function stored under `name`: the caller's table first (e.g. loadEstimator's
   * `registry.models`), then, when it was registered at encoding time, the registry.
   */
  findFunction(name: string, registered: boolean): ((...args: any[]) => any) | undefined;
}

/**
 * A type the codec stores as `{ $scikeras: tag, ...body }`. Types registered later are tried
 * first; every type is tried before the codec's own estimators, Maps, Sets and plain objects.
 */
export interface CodecType<T = unknown> {
  /** The `$scikeras` tag, unique (e.g. `'layersModel'`). */
  tag: string;
  /**
   * The module that registers this type (`import.meta.url` or `__filename`): a TravelSpec
   * holding such a value makes the receiving thread import it.
   */
  module?: string;
  /** Whether a value is of this type. */
  test(value: unknown): value is T;
  /** The body: a JSON object without the `$scikeras` key. */
  encode(
    value: T,
    path: string,
    ctx: EncodeContext,
  ): { [k: string]: Json } | Promise<{ [k: string]: Json }>;
  /** The value back from its body. */
  decode(body: { [k: string]: Json }, path: string, ctx: DecodeContext): unknown;
}

/** The tags of the codec itself, which no {@link CodecType} may take. */
export const BUILTIN_TAGS = [
  'undefined',
  'number',
  'object',
  'function',
  'typedArray',
  'map',
  'set',
  'estimator',
] as const;

/**
 * Teaches the codec (saveEstimator, worker travel) a type: how to store it as JSON (and
 * buffers) and how to rebuild it. Registering a tag again replaces the earlier type (a package
 * loaded twice, as ESM and as CommonJS, registers both copies).
 *
 * @param type - `{ tag, test, encode, decode }`
 * @returns nothing
 * @throws TypeError when `tag` is one of the codec's own tags
 * @example
 * ```ts
 * registerCodecType<Date>({
 *   tag: 'date',
 *   test: (v): v is Date => v instanceof Date,
 *   encode: (d) => ({ iso: d.toISOString() }),
 *   decode: (body) => new Date(String(body.iso)),
 * });
 * ```
 */
export function registerCodecType<T>(type: CodecType<T>): void {
  if ((BUILTIN_TAGS as readonly string[]).includes(type.tag))
    throw new TypeError(`The codec tag '${type.tag}' is the codec's own; choose another.`);
  if (type.module !== undefined) {
    const url = moduleUrl(type.module, "The 'module' of registerCodecType");
    type = { ...type, module: url };
    registryState().imported.add(url);
  }
  const types = registryState().codecTypes;
  const at = types.findIndex((t) => t.tag === type.tag);
  if (at >= 0) types.splice(at, 1);
  types.unshift(type as CodecType<any>);
}

/** The registered codec types, the latest first (internal). */
export function codecTypes(): readonly CodecType<any>[] {
  return registryState().codecTypes;
}
