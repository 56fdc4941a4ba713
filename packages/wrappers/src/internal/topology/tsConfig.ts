// Reading a saved Keras/tfjs layer config the way tfjs-layers does (convertPythonicToTs), with
// typed, validating accessors: a value of the wrong type is reported, never guessed.
import { LIMITS, TopologyIssue } from './topologyTypes';

/** A JSON object of a config after the snake_case -> camelCase conversion. */
export type Cfg = { [k: string]: unknown };

/** tfjs-layers' generic_utils.toCamelCase. */
function toCamelCase(id: string): string {
  if (id.length <= 1 || !id.includes('_')) return id;
  return id.replace(/[_]+(\w|$)/g, (_m, p1: string) => p1.toUpperCase());
}

function isNameAtFront(key: string | undefined, index: number, value: unknown): boolean {
  return (
    (key === 'inboundNodes' || key === 'outputLayers' || key === 'inputLayers') &&
    index === 0 &&
    typeof value === 'string'
  );
}

/**
 * tfjs-layers' convertPythonicToTs: keys (and string values, but for names) to camelCase, as
 * tfjs does before it deserializes a topology. Own keys only (the checker reads only keys that
 * no object inherits).
 */
export function pythonicToTs(v: unknown, key?: string, depth = 0): unknown {
  if (depth > 4 * LIMITS.maxNesting + 64)
    throw new TopologyIssue('its topology is nested too deeply');
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return toCamelCase(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v))
    return v.map((x, i) => (isNameAtFront(key, i, x) ? x : pythonicToTs(x, key, depth + 1)));
  if (typeof v !== 'object') throw new TopologyIssue(`its topology holds a ${typeof v}`);
  const out: Cfg = {};
  for (const [k, x] of Object.entries(v as Cfg)) {
    const tk = k === 'name' && typeof x === 'string' ? k : toCamelCase(k);
    const value =
      tk === k && k === 'name' && typeof x === 'string' ? x : pythonicToTs(x, tk, depth + 1);
    // an own '__proto__' key stays a key (plain assignment would set the prototype)
    if (tk === '__proto__')
      Object.defineProperty(out, tk, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[tk] = value;
  }
  return out;
}

/** Whether a value is a config object. */
export function isCfg(v: unknown): v is Cfg {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Typed access to one layer's config, naming the layer in every complaint. */
export class ConfigReader {
  constructor(
    readonly cfg: Cfg,
    /** The layer, for messages (set once its name is known). */
    public where: string,
  ) {}

  private bad(key: string, expected: string): TopologyIssue {
    return new TopologyIssue(
      `${this.where} has ${key} = ${JSON.stringify(this.cfg[key])}, expected ${expected}`,
    );
  }

  has(key: string): boolean {
    return this.cfg[key] !== null && this.cfg[key] !== undefined;
  }

  /** A positive (or, with `min: 0`, non-negative) integer. */
  int(key: string, fallback?: number, min = 1): number {
    const v = this.has(key) ? this.cfg[key] : fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > LIMITS.maxDim)
      throw this.bad(key, min === 1 ? 'a positive integer' : `an integer >= ${min}`);
    return v;
  }

  /** Any integer (axes may be negative). */
  axis(key: string, fallback: number, value: unknown = this.cfg[key]): number {
    const v = value !== null && value !== undefined ? value : fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > LIMITS.maxRank)
      throw this.bad(key, 'an axis');
    return v;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.has(key) ? this.cfg[key] : fallback;
    if (typeof v !== 'boolean') throw this.bad(key, 'true or false');
    return v;
  }

  /** tfjs's truthiness for flags it reads with `if (args.x)`. */
  truthy(key: string): boolean {
    return Boolean(this.cfg[key]);
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const v = this.has(key) ? this.cfg[key] : fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
      throw this.bad(key, `one of ${allowed.join(', ')}`);
    return v as T;
  }

  /** conv_utils.normalizeArray: a positive integer or a list of `n` of them. */
  ints(key: string, n: number, fallback?: number | number[]): number[] {
    const v = this.has(key) ? this.cfg[key] : fallback;
    const list = typeof v === 'number' ? new Array<number>(n).fill(v) : v;
    if (
      !Array.isArray(list) ||
      list.length !== n ||
      !list.every(
        (x) => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= LIMITS.maxDim,
      )
    )
      throw this.bad(key, `a positive integer or a list of ${n}`);
    return list as number[];
  }

  /** A list of integers (or nulls where `nulls`), e.g. a target shape. */
  intList(key: string, nulls: boolean, min = 0): (number | null)[] {
    const v = this.cfg[key];
    if (
      !Array.isArray(v) ||
      v.length > LIMITS.maxRank ||
      !v.every(
        (x) =>
          (nulls && x === null) ||
          (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= LIMITS.maxDim),
      )
    )
      throw this.bad(key, `a list of at most ${LIMITS.maxRank} integers`);
    return v as (number | null)[];
  }

  /** A finite number. */
  num(key: string, fallback: number): number {
    const v = this.has(key) ? this.cfg[key] : fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.bad(key, 'a number');
    return v;
  }
}
