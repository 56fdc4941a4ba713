import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { ValueError } from '@scikeras/estimator-core';
import {
  decodeValue,
  describePath,
  encodeValue,
  type DecodeContext,
  type EncodeContext,
} from './estimatorCodec';
import { checkNoLeakPerTest } from '../test-utils/backends';

tf.enableProdMode();

const enc = (mode: 'save' | 'travel' = 'save'): EncodeContext => ({
  mode,
  owner: 'KerasClassifier',
  models: [],
});
const dec: DecodeContext = {
  mode: 'save',
  owner: 'KerasClassifier',
  classes: {},
  functions: {},
  models: [],
};

/** Encode, go through JSON text, decode. */
function roundTrip(v: unknown): unknown {
  const json = JSON.parse(JSON.stringify(encodeValue(v, 'p', enc())));
  return decodeValue(json, 'p', dec, 'test');
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

describe('estimatorCodec', () => {
  checkNoLeakPerTest();
  it('round-trips JSON-like params and fitted attributes through JSON text (property)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(roundTrip(v)).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps NaN and infinities, Maps, Sets and typed array types', () => {
    const v = {
      a: [NaN, Infinity, -Infinity],
      m: new Map<unknown, unknown>([[1, 'x']]),
      s: new Set(['y']),
      t: new Float64Array([1.5]),
    };
    const back = roundTrip(v) as typeof v;
    expect(back.a).toEqual([NaN, Infinity, -Infinity]);
    expect(back.m).toEqual(new Map([[1, 'x']]));
    expect(back.s).toEqual(new Set(['y']));
    expect(back.t).toBeInstanceOf(Float64Array);
  });

  it('keeps a user object that has a $scikeras key as data', () => {
    expect(roundTrip({ $scikeras: 'function', name: 'evil' })).toEqual({
      $scikeras: 'function',
      name: 'evil',
    });
  });

  it('decodes a __proto__ key as an own property, never as a prototype', () => {
    const back = decodeValue(
      JSON.parse('{"__proto__": {"polluted": true}}'),
      'p',
      dec,
      'test',
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect((back as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('round-trips tensors and optimizers without leaking', async () => {
    await tf.setBackend('cpu');
    const n0 = tf.memory().numTensors;
    const t = tf.tensor2d(
      [
        [1, 2],
        [3, 4],
      ],
      [2, 2],
      'int32',
    );
    const back = roundTrip(t) as tf.Tensor;
    expect(back.dtype).toBe('int32');
    expect(back.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    tf.dispose([t, back]);
    const opt = tf.train.adam(0.05, 0.8);
    const opt2 = roundTrip(opt) as tf.AdamOptimizer;
    expect(opt2.getClassName()).toBe('Adam');
    expect(opt2.getConfig()).toEqual(opt.getConfig());
    opt.dispose();
    opt2.dispose();
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('names what cannot be stored', () => {
    expect(() => encodeValue({ cb: [new Date(0)] }, 'callbacks', enc())).toThrow(
      new ValueError(
        "KerasClassifier cannot be saved: its parameter 'callbacks.cb[0]' is an instance of Date, which cannot be stored. " +
          'Use JSON values, registered functions (registerModel), tfjs models or optimizers, or estimators there.',
      ),
    );
  });

  it.each([
    ['model', "parameter 'model'"],
    ['callbacks[0]', "parameter 'callbacks[0]'"],
    ['history_.loss', "fitted attribute 'history_.loss'"],
    ['optimizer config', 'optimizer config'],
  ])('describePath(%p)', (path, shown) => {
    expect(describePath(path)).toBe(shown);
  });

  it('reports an unknown tag as corruption', () => {
    expect(() =>
      decodeValue({ $scikeras: 'eval', code: '1' }, 'model', dec, 'The saved estimator'),
    ).toThrow(
      new ValueError(
        'The saved estimator is corrupted or was modified after it was saved: parameter \'model\' has an unknown tag "eval".',
      ),
    );
  });
});
