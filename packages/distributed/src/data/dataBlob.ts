// A search's data (X, y, fit options, splits) as one binary blob: a JSON header and the numbers
// as raw little-endian typed arrays, so a 100k x 50 X is 40 MB of float64, not 100+ MB of text.
import { ValueError } from '@scikeras/estimator-core';

const MAGIC = 0x444b5453; // 'STKD' little-endian: "scikeras-ts data"
const VERSION = 1;
const TAG = '$blob';

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** What a header holds where the value had a number array. */
type Ref =
  | { [TAG]: 'typed'; ctor: TypedName; buf: number }
  | { [TAG]: 'numbers'; int: boolean; buf: number }
  | { [TAG]: 'rows'; int: boolean; cols: number; buf: number }
  | { [TAG]: 'typedRows'; ctor: TypedName; cols: number; buf: number }
  | { [TAG]: 'num'; v: string }
  | { [TAG]: 'undefined' }
  | { [TAG]: 'object'; entries: [string, unknown][] };

interface Packing {
  buffers: Uint8Array[];
}

function typedName(v: unknown): TypedName | undefined {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return undefined;
  const name = (v as object).constructor?.name;
  return name !== undefined && Object.prototype.hasOwnProperty.call(TYPED, name)
    ? (name as TypedName)
    : undefined;
}

function isInt32(x: number): boolean {
  return (x | 0) === x && !Object.is(x, -0);
}

function addBuffer(p: Packing, view: ArrayBufferView): number {
  p.buffers.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice());
  return p.buffers.length - 1;
}

function packNumbers(p: Packing, a: number[]): Ref {
  const int = a.every(isInt32);
  const buf = addBuffer(p, int ? Int32Array.from(a) : Float64Array.from(a));
  return { [TAG]: 'numbers', int, buf };
}

/** Rows of equal length, all numbers (number[][]) or all one typed-array type. */
function packRows(p: Packing, a: unknown[]): Ref | undefined {
  const first = a[0];
  const ctor = typedName(first);
  if (ctor) {
    const cols = (first as Typed).length;
    if (!a.every((r) => typedName(r) === ctor && (r as Typed).length === cols)) return undefined;
    const out = new TYPED[ctor](a.length * cols);
    a.forEach((r, i) => out.set(r as never, i * cols));
    return { [TAG]: 'typedRows', ctor, cols, buf: addBuffer(p, out) };
  }
  if (!Array.isArray(first)) return undefined;
  const cols = first.length;
  let int = true;
  for (const r of a) {
    if (!Array.isArray(r) || r.length !== cols) return undefined;
    for (const x of r) {
      if (typeof x !== 'number') return undefined;
      if (int && !isInt32(x)) int = false;
    }
  }
  const out = int ? new Int32Array(a.length * cols) : new Float64Array(a.length * cols);
  a.forEach((r, i) => out.set(r as number[], i * cols));
  return { [TAG]: 'rows', int, cols, buf: addBuffer(p, out) };
}

function packAt(p: Packing, v: unknown, path: string): unknown {
  if (v === undefined) return { [TAG]: 'undefined' } satisfies Ref;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : numRef(v);
  const ctor = typedName(v);
  if (ctor) return { [TAG]: 'typed', ctor, buf: addBuffer(p, v as Typed) } satisfies Ref;
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((x) => typeof x === 'number')) return packNumbers(p, v);
    if (v.length > 0) {
      const rows = packRows(p, v);
      if (rows) return rows;
    }
    return v.map((x, i) => packAt(p, x, `${path}[${i}]`));
  }
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      // as JSON does: a key whose value is undefined is left out
      const entries = Object.entries(v as object)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, packAt(p, x, `${path}.${k}`)] as [string, unknown]);
      // a key named like the tag (or __proto__) keeps its meaning only as an entry list
      if (entries.some(([k]) => k === TAG || k === '__proto__'))
        return { [TAG]: 'object', entries } satisfies Ref;
      return Object.fromEntries(entries);
    }
  }
  throw new ValueError(
    `Cannot store ${path || 'the value'} in Redis: ${typeof v === 'object' ? `an instance of ${(v as object).constructor?.name ?? 'a class'}` : `a ${typeof v}`} is not data (arrays, typed arrays, plain objects, strings, numbers, booleans, null, undefined).`,
  );
}

function numRef(v: number): Ref {
  return { [TAG]: 'num', v: Object.is(v, -0) ? '-0' : String(v) };
}

/**
 * Packs data into one binary blob: plain objects, arrays, strings, booleans, null, undefined and
 * numbers (NaN, Infinity and -0 kept) in a JSON header (an object's undefined values left out); number arrays, rows of numbers (number[][]) and typed
 * arrays as raw little-endian bytes (int32 where every value is one, else float64). Unpacked,
 * everything has its original form (a number[][] comes back as number[][]).
 *
 * @param value - the data
 * @returns the blob
 * @throws ValueError for anything that is not data (functions, class instances, symbols, bigints)
 * @example
 * ```ts
 * const blob = packBlob({ X: [[1, 2], [3, 4]], y: ['a', 'b'] });
 * unpackBlob(blob); // { X: [[1, 2], [3, 4]], y: ['a', 'b'] }
 * ```
 */
export function packBlob(value: unknown): Uint8Array {
  const p: Packing = { buffers: [] };
  const body = packAt(p, value, '');
  const offsets: number[] = [];
  let size = 0;
  for (const b of p.buffers) {
    size = align8(size);
    offsets.push(size);
    size += b.byteLength;
  }
  const header = new TextEncoder().encode(
    JSON.stringify({ value: body, buffers: p.buffers.map((b, i) => [offsets[i], b.byteLength]) }),
  );
  const start = align8(12 + header.byteLength);
  const out = new Uint8Array(start + size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, VERSION, true);
  dv.setUint32(8, header.byteLength, true);
  out.set(header, 12);
  p.buffers.forEach((b, i) => out.set(b, start + offsets[i]!));
  return out;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

interface Unpacking {
  bytes: Uint8Array;
  start: number;
  buffers: [number, number][];
}

function corrupt(what: string): ValueError {
  return new ValueError(`The data blob is corrupted: ${what}.`);
}

function view(u: Unpacking, buf: unknown, ctor: TypedName): Typed {
  const entry = typeof buf === 'number' ? u.buffers[buf] : undefined;
  if (!Array.isArray(entry))
    throw corrupt(`a reference to buffer ${String(buf)}, which is not there`);
  const [offset, length] = entry;
  const C = TYPED[ctor];
  if (
    !Number.isInteger(offset) ||
    !Number.isInteger(length) ||
    length % C.BYTES_PER_ELEMENT !== 0 ||
    u.start + offset + length > u.bytes.byteLength
  )
    throw corrupt(`buffer ${buf} is out of bounds`);
  // copied out: the blob may be a SharedArrayBuffer shared by threads; the data must not be
  // (a Node Buffer's slice is a view into a pooled buffer: copy into a fresh one)
  const bytes = new Uint8Array(length);
  bytes.set(u.bytes.subarray(u.start + offset, u.start + offset + length));
  return new C(bytes.buffer, 0, length / C.BYTES_PER_ELEMENT);
}

function setOwnKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function ctorOf(name: unknown): TypedName {
  if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(TYPED, name))
    return name as TypedName;
  throw corrupt(`unknown typed array ${JSON.stringify(name)}`);
}

function rowsOf(flat: Typed, cols: unknown, plain: boolean): unknown[] {
  if (typeof cols !== 'number' || !Number.isInteger(cols) || cols < 0) throw corrupt('bad cols');
  const n = cols === 0 ? 0 : flat.length / cols;
  if (!Number.isInteger(n)) throw corrupt('rows of unequal length');
  return Array.from({ length: n }, (_, i) => {
    const row = flat.subarray(i * cols, (i + 1) * cols);
    return plain ? Array.from(row as ArrayLike<number>) : row.slice();
  });
}

function unpackRef(u: Unpacking, r: Record<string, unknown>): unknown {
  switch (r[TAG]) {
    case 'typed':
      return view(u, r.buf, ctorOf(r.ctor));
    case 'numbers':
      return Array.from(view(u, r.buf, r.int ? 'Int32Array' : 'Float64Array') as ArrayLike<number>);
    case 'rows':
      return rowsOf(view(u, r.buf, r.int ? 'Int32Array' : 'Float64Array'), r.cols, true);
    case 'typedRows':
      return rowsOf(view(u, r.buf, ctorOf(r.ctor)), r.cols, false);
    case 'undefined':
      return undefined;
    case 'num': {
      const n = r.v === '-0' ? -0 : Number(r.v);
      if (typeof r.v !== 'string' || (Number.isNaN(n) && r.v !== 'NaN'))
        throw corrupt('a bad number');
      return n;
    }
    case 'object': {
      if (!Array.isArray(r.entries)) throw corrupt('a bad object');
      const out: Record<string, unknown> = {};
      for (const e of r.entries as unknown[]) {
        if (!Array.isArray(e) || typeof e[0] !== 'string') throw corrupt('a bad object entry');
        setOwnKey(out, e[0], unpackAt(u, e[1]));
      }
      return out;
    }
  }
  throw corrupt(`an unknown tag ${JSON.stringify(r[TAG])}`);
}

function unpackAt(u: Unpacking, v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => unpackAt(u, x));
  const o = v as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(o, TAG)) return unpackRef(u, o);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) setOwnKey(out, k, unpackAt(u, x));
  return out;
}

/**
 * The data back from {@link packBlob}'s blob. Checks every reference against the blob's size;
 * keys such as `__proto__` come back as own properties, never as prototypes.
 *
 * @param bytes - the blob (may be a view of a SharedArrayBuffer: the data is copied out)
 * @returns the data
 * @throws ValueError "The data blob is corrupted: ..." for anything malformed
 * @example
 * ```ts
 * const data = unpackBlob(await redis.getBuffer(key));
 * ```
 */
export function unpackBlob(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 12) throw corrupt('too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw corrupt('not a scikeras-ts data blob');
  if (dv.getUint32(4, true) !== VERSION)
    throw corrupt(`version ${dv.getUint32(4, true)}, this worker reads version ${VERSION}`);
  const headerLength = dv.getUint32(8, true);
  if (12 + headerLength > bytes.byteLength) throw corrupt('the header is cut');
  let header: { value?: unknown; buffers?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.slice(12, 12 + headerLength)));
  } catch (e) {
    throw corrupt(`the header is not JSON (${(e as Error).message})`);
  }
  if (!header || typeof header !== 'object' || !Array.isArray(header.buffers))
    throw corrupt('the header has no buffer table');
  const u: Unpacking = {
    bytes,
    start: align8(12 + headerLength),
    buffers: header.buffers as [number, number][],
  };
  return unpackAt(u, header.value);
}
