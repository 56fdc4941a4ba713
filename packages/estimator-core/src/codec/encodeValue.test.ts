import fc from 'fast-check';
import { BaseEstimator } from '../BaseEstimator';
import { InvalidParameterError, ValueError } from '../errors';
import { registerEstimator } from '../registry/registerEstimator';
import { registerFunction, unregisterFunction } from '../registry/registerFunction';
import { registerCodecType, type Json } from './CodecType';
import { decodeValue } from './decodeValue';
import { encodeValue, fittedKeys } from './encodeValue';

class Scaler extends BaseEstimator {
  static estimatorName = 'CodecScaler';
  static override defaults = { factor: 1, inner: null };
  declare factor: number;
  declare scale_?: number[];
}
registerEstimator(Scaler);
class Unnamed extends BaseEstimator {}

/** Encode, go through JSON text, decode. */
async function roundTrip(v: unknown, mode: 'save' | 'travel' = 'save'): Promise<unknown> {
  const { value, buffers } = await encodeValue(v, { mode });
  return decodeValue(JSON.parse(JSON.stringify(value)), { mode, where: 'test', buffers });
}

const leaf = fc.oneof(
  fc.double(), // NaN, -0, +-Infinity included
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const key = fc.oneof(fc.string(), fc.constantFrom('$scikeras', '__proto__', 'constructor'));
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    fc.float32Array({ maxLength: 5 }),
    fc.int32Array({ maxLength: 5 }),
  ),
})).v;

/** `depth` nested arrays around 1. */
function nested(depth: number): string {
  return '['.repeat(depth) + '1' + ']'.repeat(depth);
}

describe('encodeValue / decodeValue', () => {
  it('round-trip JSON-like values through JSON text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        expect(await roundTrip(v)).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('keep NaN and infinities, Maps, Sets and typed array types', async () => {
    const v = {
      a: [NaN, Infinity, -Infinity, -0],
      m: new Map<unknown, unknown>([[1, 'x']]),
      s: new Set(['y']),
      t: new Float64Array([1.5]),
    };
    const back = (await roundTrip(v)) as typeof v;
    expect(back.a).toEqual([NaN, Infinity, -Infinity, -0]);
    expect(back.m).toEqual(new Map([[1, 'x']]));
    expect(back.s).toEqual(new Set(['y']));
    expect(back.t).toBeInstanceOf(Float64Array);
  });

  it('keep a user object that has a $scikeras key as data', async () => {
    expect(await roundTrip({ $scikeras: 'function', name: 'evil' })).toEqual({
      $scikeras: 'function',
      name: 'evil',
    });
  });

  it('decode a __proto__ key as an own property, never as a prototype', async () => {
    const back = (await decodeValue(JSON.parse('{"__proto__": {"polluted": true}}'), {
      mode: 'save',
      where: 'test',
    })) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect((back as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('round-trip estimators by registered name: params, nested estimators and fitted attributes', async () => {
    const est = new Scaler({ factor: 2, inner: new Scaler({ factor: 3 }) });
    est.scale_ = [0.5, NaN];
    const { value: json } = await encodeValue(est, { mode: 'save' });
    expect(json).toMatchObject({ $scikeras: 'estimator', className: 'CodecScaler' });
    const back = (await roundTrip(est)) as Scaler;
    expect(back).toBeInstanceOf(Scaler);
    expect(back.getParams()).toEqual(est.getParams());
    expect(back.scale_).toEqual([0.5, NaN]);
    expect(fittedKeys(back)).toEqual(['scale_']);
  });

  it('store functions by registered name; in save mode an unknown one comes back as a stand-in', async () => {
    const half = registerFunction('codec-half', (x: number) => x / 2);
    try {
      expect(await roundTrip({ f: half })).toEqual({ f: half });
      const inline = (x: number) => x;
      const back = (await roundTrip({ f: inline })) as { f: () => unknown };
      expect(() => back.f()).toThrow("refers to the function 'inline', which is not registered");
    } finally {
      unregisterFunction('codec-half');
    }
  });

  it('name what cannot be stored, with its path', async () => {
    await expect(
      encodeValue(new Scaler({ inner: { cb: [new Date(0)] } }), { mode: 'save' }),
    ).rejects.toThrow(
      new ValueError(
        "CodecScaler cannot be saved: its parameter 'inner.cb[0]' is an instance of Date, which cannot be stored. " +
          'Use JSON values, typed arrays, Maps, Sets, registered functions (registerFunction), registered estimators, ' +
          'or a type a package taught the codec (registerCodecType) there.',
      ),
    );
  });

  it('ask for a registered name for a class (a minifier renames classes)', async () => {
    await expect(
      encodeValue(new Scaler({ inner: new Unnamed() }), { mode: 'save' }),
    ).rejects.toThrow(
      new ValueError(
        "CodecScaler cannot be saved: the class of its parameter 'inner' (Unnamed) is not registered, and a class is stored " +
          "by its registered name (a minifier renames classes). Give it its own static estimatorName = 'Unnamed' and call " +
          'registerEstimator(Unnamed, { module: import.meta.url }) in the module that defines it.',
      ),
    );
  });

  it('refuse a value that contains itself, instead of overflowing the stack', async () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    await expect(encodeValue(o, { mode: 'save', owner: 'Opts' })).rejects.toThrow(
      /^Opts cannot be saved: its parameter '(self\.){12}\.\.\.' is nested deeper than 200 levels \(does it contain itself\?\)\.$/,
    );
  });

  it('report a value nested 3000 levels deep as corrupted, never as a RangeError', async () => {
    const err = await decodeValue(JSON.parse(nested(3000)), {
      mode: 'save',
      where: 'The file',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValueError);
    expect((err as Error).message).toMatch(
      /^The file is corrupted or was modified after it was saved: parameter '(\[0\]){20}\.\.\.' is nested deeper than 200 levels\.$/,
    );
    expect(await decodeValue(JSON.parse(nested(150)), { mode: 'save', where: 'x' })).toEqual(
      JSON.parse(nested(150)),
    );
  });

  it('report an unknown tag and malformed estimators as corrupted', async () => {
    const where = { mode: 'save' as const, where: 'The saved estimator' };
    await expect(decodeValue({ p: { $scikeras: 'eval', code: '1' } }, where)).rejects.toThrow(
      new ValueError(
        'The saved estimator is corrupted or was modified after it was saved: parameter \'p\' has an unknown tag "eval".',
      ),
    );
    await expect(
      decodeValue(
        { $scikeras: 'estimator', className: 'CodecScaler', params: [], fitted: {} },
        where,
      ),
    ).rejects.toThrow(
      'The saved estimator is corrupted or was modified after it was saved: the estimator has no params.',
    );
    await expect(
      decodeValue(
        { $scikeras: 'estimator', className: 'CodecScaler', params: {}, fitted: { getParams: 1 } },
        where,
      ),
    ).rejects.toThrow("'getParams' is not a fitted attribute name of CodecScaler");
  });

  it.each(['__proto__', 'constructor', 'toString', 'setParams'])(
    'refuse the param name %p from the data (InvalidParameterError from the constructor)',
    async (name) => {
      const json = JSON.parse(
        `{"$scikeras": "estimator", "className": "CodecScaler", "params": {${JSON.stringify(name)}: 1}, "fitted": {}}`,
      ) as Json;
      const err = await decodeValue(json, { mode: 'save', where: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidParameterError);
      expect((err as Error).message).toContain(
        `Invalid parameter '${name}' for estimator CodecScaler`,
      );
    },
  );

  it('never resolves a class name from prototypes', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      await expect(
        decodeValue(
          { $scikeras: 'estimator', className: name, params: {}, fitted: {} },
          {
            mode: 'save',
            where: 'x',
            classes: {},
          },
        ),
      ).rejects.toThrow(
        `Cannot load the estimator: its class '${name}' is not in the registry of classes`,
      );
    }
  });

  it('use the codec types packages register, with buffers, and dispose what they made when decoding fails', async () => {
    class Blob8 {
      constructor(readonly bytes: Uint8Array) {}
      disposed = false;
      dispose() {
        this.disposed = true;
      }
    }
    const made: Blob8[] = [];
    registerCodecType<Blob8>({
      tag: 'codecTestBlob',
      test: (v): v is Blob8 => v instanceof Blob8,
      encode: (b, _path, ctx) => ({ buffer: ctx.addBuffer(b.bytes.slice().buffer) }),
      decode: (body, path, ctx) => {
        const b = new Blob8(new Uint8Array(ctx.buffer(body.buffer, path)));
        made.push(b);
        ctx.track(b);
        return b;
      },
    });
    const { value: json, buffers } = await encodeValue(
      { b: new Blob8(Uint8Array.of(7, 8)) },
      { mode: 'save' },
    );
    expect(json).toEqual({ b: { $scikeras: 'codecTestBlob', buffer: 0 } });
    const back = (await decodeValue(json, { mode: 'save', where: 'x', buffers })) as { b: Blob8 };
    expect(Array.from(back.b.bytes)).toEqual([7, 8]);
    await expect(
      decodeValue(
        { a: (json as { b: Json }).b, z: { $scikeras: 'number', value: 'oops' } } as Json,
        {
          mode: 'save',
          where: 'x',
          buffers,
        },
      ),
    ).rejects.toThrow('invalid number');
    expect(made[1]!.disposed).toBe(true);
    await expect(
      decodeValue(
        { $scikeras: 'codecTestBlob', buffer: 3 },
        { mode: 'save', where: 'The file', buffers },
      ),
    ).rejects.toThrow(
      'The file is corrupted or was modified after it was saved: value refers to a buffer that is not there.',
    );
  });
});
