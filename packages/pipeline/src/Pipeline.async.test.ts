// The sync-or-async design of Pipeline, fit-option routing, clone, params, tensors and dispose.
import {
  BaseEstimator,
  NotFittedError,
  clone,
  isClassifier,
  isEstimator,
} from '@scikeras/estimator-core';
import { assertAllPassed, checkEstimator } from '@scikeras/estimator-core/testing';
import { Pipeline } from './Pipeline';
import { makePipeline } from './makePipeline';
import { threeBlobs } from './test-utils/data';
import { FakeTensor, Mult, TensorTrans } from './test-utils/toys';
import {
  AsyncCentroidClassifier,
  CentroidClassifier,
  StandardScaler,
  disposals,
} from './test-utils/twins';

const { X, y } = threeBlobs();

/** A transformer whose transform is async (and fit sync). */
class AsyncDouble extends BaseEstimator {
  static estimatorName = 'AsyncDouble';
  fit(): this {
    return this;
  }
  async transform(Xa: number[][]): Promise<number[][]> {
    await new Promise((r) => setTimeout(r, 1));
    return Xa.map((r) => r.map((v) => 2 * v));
  }
}

describe('Pipeline: sync where every step is sync, Promises from the first async step on', () => {
  it('a pipeline of sync steps returns values, not Promises', () => {
    const pipe = makePipeline(new StandardScaler(), new CentroidClassifier());
    expect(pipe.fit(X, y)).toBe(pipe);
    expect(Array.isArray(pipe.predict(X))).toBe(true);
    expect(typeof pipe.score(X, y)).toBe('number');
    const t = makePipeline(new StandardScaler(), new Mult({ mult: 2 }));
    t.fit(X);
    expect(Array.isArray(t.transform(X))).toBe(true);
    expect(Array.isArray(t.fitTransform(X))).toBe(true);
    expect(Array.isArray(t.inverseTransform(t.transform(X)))).toBe(true);
  });

  it('an async last step makes fit/predict/score Promises; transform of the sync prefix stays sync', async () => {
    const pipe = makePipeline(new StandardScaler(), new AsyncCentroidClassifier());
    const fitted = pipe.fit(X, y);
    expect(fitted).toBeInstanceOf(Promise);
    expect(await fitted).toBe(pipe);
    const pred = pipe.predict(X);
    expect(pred).toBeInstanceOf(Promise);
    const sync = makePipeline(new StandardScaler(), new CentroidClassifier()).fit(X, y) as Pipeline;
    expect(await pred).toEqual(sync.predict(X));
    expect(await pipe.predictProba(X)).toEqual(sync.predictProba(X));
    expect(await pipe.score(X, y)).toBe(1);
    expect(Array.isArray(pipe.slice(0, -1).transform(X))).toBe(true);
  });

  it('an async intermediate step switches the rest of the chain to a Promise, in order', async () => {
    const order: string[] = [];
    class Tap extends Mult {
      override transform(Xa: unknown) {
        order.push(`tap${this.mult}`);
        return super.transform(Xa);
      }
    }
    const pipe = new Pipeline({
      steps: [
        ['a', new Tap({ mult: 1 })],
        ['async', new AsyncDouble()],
        ['b', new Tap({ mult: 3 })],
        ['last', new Mult()],
      ],
    });
    const r = pipe.fit([[1, 2]]);
    expect(r).toBeInstanceOf(Promise);
    expect(order).toEqual(['tap1']); // synchronously up to the async step
    await r;
    expect(order).toEqual(['tap1', 'tap3']);
    const out = pipe.transform([[1, 2]]);
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toEqual([[6, 12]]);
    expect(await pipe.predict([[1, 2]])).toEqual([18]);
  });

  it('a sync step that throws throws synchronously; an async step that fails rejects', async () => {
    const pipe = makePipeline(new StandardScaler(), new CentroidClassifier());
    expect(() => makePipeline(new StandardScaler(), new CentroidClassifier()).predict(X)).toThrow(
      NotFittedError,
    );
    expect(() => pipe.fit([[1, NaN]], [0])).toThrow('Input X contains NaN.');
    const apipe = makePipeline(new StandardScaler(), new AsyncCentroidClassifier());
    expect(() => apipe.predict(X)).toThrow(NotFittedError); // the sync scaler throws synchronously
    const prefitted = makePipeline(new StandardScaler().fit(X), new AsyncCentroidClassifier());
    await expect(prefitted.predict(X)).rejects.toThrow(NotFittedError); // the async classifier rejects
    await expect(apipe.fit(X, [0])).rejects.toThrow(
      'Found input variables with inconsistent numbers of samples',
    );
  });

  it('routes step__option fit options, and sampleWeight to score', async () => {
    const pipe = makePipeline(new StandardScaler(), new AsyncCentroidClassifier());
    const w = X.map((_, i) => (i % 2 === 0 ? 1 : 2));
    await pipe.fit(X, y, {
      asynccentroidclassifier__epochs: 3,
      asynccentroidclassifier__sampleWeight: w,
    });
    expect((pipe.at(-1) as AsyncCentroidClassifier).fitOptions_).toEqual({
      epochs: 3,
      sampleWeight: w,
    });
    const wrong = [...y.slice(0, -3), 1, 1, 1];
    const plain = await pipe.score(X, wrong);
    const weighted = await pipe.score(X, wrong, { sampleWeight: w });
    expect(plain).toBeCloseTo(27 / 30, 12);
    expect(weighted).toBeCloseTo(40 / 45, 12); // rows 27-29 wrong, weights 2 + 1 + 2
  });
});

describe('Pipeline params and clone', () => {
  it('getParams(deep) lists steps, each step by name and name__param; shallow is a subset', () => {
    const scaler = new StandardScaler();
    const clf = new CentroidClassifier({ temperature: 2 });
    const pipe = new Pipeline({
      steps: [
        ['scaler', scaler],
        ['skip', 'passthrough'],
        ['clf', clf],
      ],
    });
    expect(pipe.getParams(false)).toEqual({ steps: pipe.steps, memory: null, verbose: false });
    expect(pipe.getParams()).toEqual({
      steps: pipe.steps,
      memory: null,
      verbose: false,
      scaler,
      skip: 'passthrough',
      clf,
      scaler__withMean: true,
      scaler__withStd: true,
      scaler__copy: true,
      clf__temperature: 2,
    });
  });

  it('setParams replaces a whole step (a new list), sets step params, and rejects bad keys before changing anything', () => {
    const first = new StandardScaler();
    const steps: [string, StandardScaler | CentroidClassifier | 'passthrough'][] = [
      ['scaler', first],
      ['clf', new CentroidClassifier()],
    ];
    const pipe = new Pipeline({ steps });
    const other = new StandardScaler({ withMean: false });
    pipe.setParams({ scaler: other, clf__temperature: 3 });
    expect(pipe.steps).not.toBe(steps); // scikit-learn's _replace_estimator makes a new list
    expect(steps[0]![1]).toBe(first); // the user's list is left alone
    expect(pipe.get('scaler')).toBe(other);
    expect((pipe.get('clf') as CentroidClassifier).temperature).toBe(3);
    pipe.setParams({ scaler: 'passthrough' });
    expect(pipe.get('scaler')).toBe('passthrough');
    const before = pipe.steps;
    expect(() => pipe.setParams({ clf__temperature: 9, verbose: true, nope: 1 })).toThrow(
      "Invalid parameter 'nope'",
    );
    expect(pipe.steps).toBe(before);
    expect(pipe.verbose).toBe(false);
    expect((pipe.get('clf') as CentroidClassifier).temperature).toBe(3);
    expect(() => pipe.setParams({ scaler__withMean: true })).toThrow(
      "Invalid parameter 'withMean' for 'scaler' of Pipeline: it is 'passthrough', which has no params.",
    );
  });

  it('clone copies the steps list and clones every step; a fitted pipeline clones unfitted', () => {
    const pipe = makePipeline(
      new StandardScaler(),
      'passthrough',
      new CentroidClassifier({ temperature: 2 }),
    );
    pipe.fit(X, y);
    const c = clone(pipe);
    expect(c).toBeInstanceOf(Pipeline);
    expect(c.steps).not.toBe(pipe.steps);
    c.steps.forEach(([name, est], i) => {
      expect(name).toBe(pipe.steps[i]![0]);
      if (isEstimator(est)) {
        expect(est).not.toBe(pipe.steps[i]![1]);
        expect(Object.keys(est).filter((k) => k.endsWith('_'))).toEqual([]);
      } else expect(est).toBe('passthrough');
    });
    expect((c.at(-1) as CentroidClassifier).temperature).toBe(2);
    expect(c.isFitted()).toBe(false);
    expect(pipe.isFitted()).toBe(true);
  });

  it('estimatorType follows the last step; isClassifier works', () => {
    expect(isClassifier(makePipeline(new StandardScaler(), new CentroidClassifier()))).toBe(true);
    expect(isClassifier(makePipeline(new StandardScaler(), new AsyncCentroidClassifier()))).toBe(
      true,
    );
    expect(makePipeline(new StandardScaler()).estimatorType).toBe('transformer');
    expect(makePipeline(new CentroidClassifier(), 'passthrough').estimatorType).toBeUndefined();
  });
});

describe('Pipeline resources', () => {
  it('frees intermediate tensors it made, never the caller input or the result', () => {
    const t1 = new TensorTrans({ mult: 2 });
    const t2 = new TensorTrans({ mult: 3 });
    const pipe = new Pipeline({
      steps: [
        ['t1', t1],
        ['t2', t2],
        ['last', new TensorTrans({ mult: 1 })],
      ],
    });
    const input = new FakeTensor([[1, 2]]);
    pipe.fit(input);
    expect(t1.made.every((t) => t.disposed === 1)).toBe(true);
    expect(t2.made.every((t) => t.disposed === 1)).toBe(true);
    expect(input.disposed).toBe(0);
    const out = pipe.transform(input) as FakeTensor;
    expect(out.rowsOf).toEqual([[6, 12]]);
    expect(out.disposed).toBe(0);
    expect(input.disposed).toBe(0);
    expect(t1.made.every((t) => t.disposed === 1) && t2.made.every((t) => t.disposed === 1)).toBe(
      true,
    );
    expect(pipe.slice(0, 2).predict).toBeDefined();
    expect(pipe.predict(input)).toEqual([18]);
    expect(t2.made.at(-1)!.disposed).toBe(1);
  });

  it('dispose() reaches every step that has one', async () => {
    const a = new AsyncCentroidClassifier();
    const pipe = makePipeline(new StandardScaler(), 'passthrough', a);
    await pipe.fit(X, y);
    pipe.dispose();
    expect(disposals.get(a)).toBe(1);
  });
});

describe('checkEstimator on Pipeline', () => {
  it('passes for scaler + classifier (sync)', async () => {
    const report = await checkEstimator(() =>
      makePipeline(new StandardScaler(), new CentroidClassifier()),
    );
    assertAllPassed(report);
    expect(report.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(25);
  });

  it('passes for scaler + async classifier', async () => {
    const report = await checkEstimator(
      () =>
        new Pipeline({
          steps: [
            ['scaler', new StandardScaler()],
            ['skip', null],
            ['clf', new AsyncCentroidClassifier()],
          ],
        }),
    );
    assertAllPassed(report);
  });

  it('passes for a pipeline of transformers', async () => {
    const report = await checkEstimator(() =>
      makePipeline(new StandardScaler(), new Mult({ mult: 2 }), new StandardScaler()),
    );
    assertAllPassed(report);
    expect(report.results.find((r) => r.check === 'checkTransformerGeneral')?.status).toBe(
      'passed',
    );
  });
});
