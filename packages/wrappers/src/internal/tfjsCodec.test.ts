import * as tf from '@tensorflow/tfjs';
import { ValueError, decodeValue, encodeValue } from '@scikeras/estimator-core';
import { KerasClassifier } from '../KerasClassifier';
import { checkNoLeakPerTest } from '../test-utils/backends';
import { installTfjsCodec } from './tfjsCodec';

installTfjsCodec();

tf.enableProdMode();

/** Encode with estimator-core's codec, go through JSON text, decode. */
async function roundTrip(v: unknown): Promise<unknown> {
  const { value, buffers } = await encodeValue(v, { mode: 'save', owner: 'KerasClassifier' });
  return decodeValue(JSON.parse(JSON.stringify(value)), { mode: 'save', where: 'test', buffers });
}

describe('tfjsCodec', () => {
  checkNoLeakPerTest();
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('round-trips tensors and optimizers without leaking', async () => {
    const n0 = tf.memory().numTensors;
    const t = tf.tensor2d(
      [
        [1, 2],
        [3, 4],
      ],
      [2, 2],
      'int32',
    );
    const back = (await roundTrip(t)) as tf.Tensor;
    expect(back.dtype).toBe('int32');
    expect(back.arraySync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const special = tf.tensor1d([NaN, Infinity, 0.5]);
    const f = (await roundTrip(special)) as tf.Tensor;
    expect(Array.from(f.dataSync())).toEqual([NaN, Infinity, 0.5]);
    tf.dispose([t, back, special, f]);
    const opt = tf.train.adam(0.05, 0.8);
    const opt2 = (await roundTrip(opt)) as tf.AdamOptimizer;
    expect(opt2.getClassName()).toBe('Adam');
    expect(opt2.getConfig()).toEqual(opt.getConfig());
    opt.dispose();
    opt2.dispose();
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('stores a model met twice once, its weights in a buffer, and gives back one model', async () => {
    const n0 = tf.memory().numTensors;
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    const { value, buffers } = await encodeValue({ a: model, b: [model] }, { mode: 'save' });
    expect(buffers).toHaveLength(1);
    expect(buffers[0]!.byteLength).toBe((3 * 2 + 2) * 4);
    expect((value as { b: unknown[] }).b[0]).toEqual({ $scikeras: 'layersModel', ref: 0 });
    const back = (await decodeValue(JSON.parse(JSON.stringify(value)), {
      mode: 'save',
      where: 'test',
      buffers,
    })) as { a: tf.LayersModel; b: tf.LayersModel[] };
    expect(back.b[0]).toBe(back.a);
    const x = tf.ones([1, 3]);
    const [p, q] = [back.a.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor];
    expect(p.arraySync()).toEqual(q.arraySync());
    tf.dispose([x, p, q]);
    back.a.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('reports weight specs that do not fit the buffer as corrupted, disposing what it built', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    const { value, buffers } = await encodeValue({ a: model, b: model }, { mode: 'save' });
    model.dispose();
    const n0 = tf.memory().numTensors;
    const bad = JSON.parse(JSON.stringify(value));
    bad.c = { $scikeras: 'tensor', dtype: 'float32', shape: [2], data: [1] };
    await expect(decodeValue(bad, { mode: 'save', where: 'The file', buffers })).rejects.toThrow(
      "The file is corrupted or was modified after it was saved: parameter 'c' has 1 values for shape [2].",
    );
    expect(tf.memory().numTensors).toBe(n0);
    bad.a.weightSpecs[0].shape = [9, 9];
    await expect(decodeValue(bad, { mode: 'save', where: 'The file', buffers })).rejects.toThrow(
      "The file is corrupted or was modified after it was saved: the weight specs of parameter 'a' do not add up to its 32 bytes.",
    );
  });

  it('names what cannot be stored', async () => {
    await expect(
      encodeValue(new KerasClassifier({ callbacks: [new Date(0) as never] }), { mode: 'save' }),
    ).rejects.toThrow(
      new ValueError(
        "KerasClassifier cannot be saved: its parameter 'callbacks[0]' is an instance of Date, which cannot be stored. " +
          'Use JSON values, typed arrays, Maps, Sets, registered functions (registerFunction), registered estimators, ' +
          'or a type a package taught the codec (registerCodecType) there.',
      ),
    );
    const t = tf.scalar(1);
    t.dispose();
    await expect(encodeValue({ w: t }, { mode: 'save', owner: 'KerasClassifier' })).rejects.toThrow(
      "KerasClassifier cannot be saved: its parameter 'w' is a disposed tensor, which cannot be stored.",
    );
  });
});
