// A disposed model must not stay reachable from tfjs-layers' topological-sort caches (100 dead
// models per thread otherwise, e.g. in each worker of a long series of nJobs searches).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as tf from '@tensorflow/tfjs';
import { clearTopologicalSortCache } from './clearTopologicalSortCache';
import { disposeModel } from './modelLifecycle';
import { testClassifier as clf, wrapperTestData } from '../test-utils/wrappers';
import { mlp, useTestBackend } from '../test-utils/backends';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Whether what `make` returns (a WeakRef to it) is collected once nothing else holds it. A
 * WeakRef's target lives until the current job ends, and work the estimator left queued (a
 * promise continuation, a timer) may hold it a little longer on a loaded machine: collect in
 * later macrotasks, up to 20 times over ~1 s. Something that really keeps the model (the
 * topological-sort caches keep it until 100 newer graphs ran) keeps it through all of them.
 */
async function collected(make: () => Promise<WeakRef<object>>): Promise<boolean> {
  const ref = await make();
  for (let round = 0; round < 20; round++) {
    await new Promise((r) => setTimeout(r, round === 0 ? 0 : 50));
    gc();
    if (ref.deref() === undefined) return true;
  }
  return false;
}

const FLAG = 'TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES';

describe('clearTopologicalSortCache', () => {
  useTestBackend('cpu');

  it("lets a disposed model's layers be collected after predict (disposeModel empties the caches)", async () => {
    const before = tf.memory().numTensors;
    const gone = await collected(async () => {
      const model = mlp({ nFeaturesIn_: 3 });
      tf.tidy(() => void model.predict(tf.zeros([2, 3])));
      const layer = new WeakRef(model.layers[0]!);
      disposeModel(model);
      return layer;
    });
    expect(gone).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("lets a disposed KerasClassifier's fitted layers be collected after fit, predict and score", async () => {
    const { Xc, yc } = wrapperTestData();
    const before = tf.memory().numTensors;
    const gone = await collected(async () => {
      const est = clf({ epochs: 1 });
      await est.fit(Xc, yc);
      await est.predict(Xc);
      await est.score(Xc, yc);
      // a layer: the cache entries hold the graph's layers and tensors, not the model object
      const layer = new WeakRef(est.model_!.layers[1]!);
      est.dispose();
      return layer;
    });
    expect(gone).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the flag (the caches size) as it was, and a live model keeps predicting the same', () => {
    const before = tf.memory().numTensors;
    const size = tf.env().getNumber(FLAG);
    const model = mlp({ nFeaturesIn_: 3 });
    const x = tf.ones([2, 3]);
    const first = tf.tidy(() => (model.predict(x) as tf.Tensor).arraySync());
    clearTopologicalSortCache();
    expect(tf.env().getNumber(FLAG)).toBe(size);
    expect(tf.tidy(() => (model.predict(x) as tf.Tensor).arraySync())).toEqual(first);
    tf.env().set(FLAG, 7);
    clearTopologicalSortCache();
    expect(tf.env().getNumber(FLAG)).toBe(7);
    tf.env().set(FLAG, size);
    x.dispose();
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });
});
