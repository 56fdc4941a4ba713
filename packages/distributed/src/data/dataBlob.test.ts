import fc from 'fast-check';
import { packBlob, unpackBlob } from './dataBlob';

describe('packBlob / unpackBlob', () => {
  it('gives every form back as it was', () => {
    const value = {
      rows: [
        [1.5, -2, 3],
        [4, 5, 6.25],
      ],
      ints: [1, 2, 3],
      labels: ['a', 'b', 'a'],
      flags: [true, false],
      f32: new Float32Array([1.5, 2.5]),
      typedRows: [new Int32Array([1, 2]), new Int32Array([3, 4])],
      matrix: { data: new Float64Array([1, 2, 3, 4]), shape: [2, 2] },
      special: [NaN, Infinity, -Infinity, -0, 0, 1e-300],
      scalars: { nan: NaN, negZero: -0, text: 'x', nothing: null },
      ragged: [[1], [2, 3]],
      mixed: [1, 'a', [2]],
      empty: [],
      holes: [undefined, 1],
    };
    const back = unpackBlob(packBlob(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is((back.special as number[])[3], -0)).toBe(true);
    expect(Object.is(back.scalars.negZero, -0)).toBe(true);
    expect(back.f32).toBeInstanceOf(Float32Array);
    expect(back.typedRows[0]).toBeInstanceOf(Int32Array);
    expect(Array.isArray(back.rows[0])).toBe(true);
  });

  it('stores numbers as raw bytes: a 1000 x 20 X is 8 bytes a value, not text', () => {
    const X = Array.from({ length: 1000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => i / (j + 1.5)),
    );
    const blob = packBlob({ X });
    expect(blob.byteLength).toBeLessThan(1000 * 20 * 8 + 200);
    expect(unpackBlob(blob)).toEqual({ X });
  });

  it('keeps __proto__ and the tag as own keys', () => {
    const value = JSON.parse(
      '{"__proto__": {"polluted": 1}, "$blob": "typed", "a": [1]}',
    ) as object;
    const back = unpackBlob(packBlob(value)) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(back, '__proto__')).toBe(true);
    expect(back.$blob).toBe('typed');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it('leaves out undefined values of objects, as JSON does', () => {
    expect(unpackBlob(packBlob({ a: undefined, b: 1 }))).toStrictEqual({ b: 1 });
  });

  it.each([
    ['a function', () => 1, 'Cannot store the value in Redis: a function is not data'],
    [
      'a class instance',
      { d: new Date(0) },
      'Cannot store .d in Redis: an instance of Date is not data',
    ],
    ['a bigint', [1n], 'Cannot store [0] in Redis: a bigint is not data'],
  ])('refuses %s', (_what, value, message) => {
    expect(() => packBlob(value)).toThrow(message);
  });

  it('reads a blob from a view of a bigger buffer (a Node Buffer from the pool)', () => {
    const blob = packBlob({ y: [0.5, 1.5, 2.5] });
    const pool = Buffer.alloc(blob.byteLength + 13);
    pool.set(blob, 13);
    expect(unpackBlob(pool.subarray(13))).toEqual({ y: [0.5, 1.5, 2.5] });
  });

  it.each([
    ['too short', new Uint8Array(4), 'The data blob is corrupted: too short.'],
    ['not a blob', new Uint8Array(16), 'The data blob is corrupted: not a scikeras-ts data blob.'],
  ])('rejects a blob that is %s', (_what, bytes, message) => {
    expect(() => unpackBlob(bytes)).toThrow(message);
  });

  it('rejects references out of bounds and unknown tags', () => {
    const blob = packBlob({ y: [0.5, 1.5] });
    expect(() => unpackBlob(blob.subarray(0, blob.byteLength - 8))).toThrow(
      'The data blob is corrupted: buffer 0 is out of bounds.',
    );
    const header = (value: unknown) => {
      const h = new TextEncoder().encode(JSON.stringify({ value, buffers: [] }));
      const out = new Uint8Array(16 + h.byteLength);
      out.set(packBlob(null).subarray(0, 8));
      new DataView(out.buffer).setUint32(8, h.byteLength, true);
      out.set(h, 12);
      return out;
    };
    expect(() => unpackBlob(header({ $blob: 'eval', code: 'x' }))).toThrow(
      'The data blob is corrupted: an unknown tag "eval".',
    );
    expect(() => unpackBlob(header({ $blob: 'typed', ctor: 'Function', buf: 0 }))).toThrow(
      'The data blob is corrupted: unknown typed array "Function".',
    );
  });

  it('round-trips any JSON-like value (property)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.array(fc.double(), { minLength: 3, maxLength: 3 })),
        (json, rows) => {
          const value = { json, rows };
          expect(unpackBlob(packBlob(value))).toEqual(value);
        },
      ),
    );
  });
});
