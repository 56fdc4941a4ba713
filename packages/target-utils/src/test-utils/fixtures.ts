// Decodes the tagged JSON written by scripts/fixtures/gen_target_utils.py into JavaScript values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPED: Record<string, new (values: number[]) => ArrayLike<number>> = {
  int8: Int8Array as any,
  uint8: Uint8Array as any,
  int16: Int16Array as any,
  uint16: Uint16Array as any,
  int32: Int32Array as any,
  uint32: Uint32Array as any,
  float32: Float32Array as any,
  float64: Float64Array as any,
};

/** A duck-typed tfjs tensor holding `data` with `shape`. */
export function fakeTensor(data: number[], shape: number[], dtype = 'float32') {
  const values = dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data);
  return {
    shape,
    rank: shape.length,
    dtype,
    dataSync: () => values,
    gather: () => {
      throw new Error('not needed');
    },
  };
}

/** Decodes one tagged value. */
export function decode(v: any): any {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    if ('$num' in v) return Number(v.$num);
    if ('$typed' in v) return new TYPED[v.$typed]!(v.data.map(decode));
    if ('$array2d' in v)
      return { data: new TYPED[v.$array2d]!(v.data.map(decode)), shape: v.shape };
    if ('$tensor' in v) return fakeTensor(v.data.map(decode), v.shape, v.$tensor);
    if ('$set' in v) return new Set(v.$set.map(decode));
    if ('$dict' in v)
      return Object.fromEntries(Object.entries(v.$dict).map(([k, x]) => [k, decode(x)]));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** Reads a fixture file from src/__fixtures__. */
export function loadFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8')) as T;
}

/** scikit-learn's outcome: `{ value }` or `{ error, message }`. */
export interface Outcome {
  value?: any;
  error?: string;
  message?: string;
}

/** Runs `fn` and returns its outcome in the fixture's form. */
export function outcomeOf(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (e) {
    const err = e as Error;
    return { error: err.name, message: err.message };
  }
}
