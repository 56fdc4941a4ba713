// Ports of scikit-learn's sklearn/tests/test_pipeline.py (1.2/1.3) for Pipeline and makePipeline.
import { BaseEstimator, InvalidParameterError, clone } from '@scikeras/estimator-core';
import { Pipeline } from './Pipeline';
import { makePipeline } from './makePipeline';
import { threeBlobs } from './test-utils/data';
import {
  DummyEstimatorParams,
  FitParamT,
  Mult,
  NoFit,
  NoInvTransf,
  NoTrans,
  Transf,
  TransfFitParams,
} from './test-utils/toys';
import { CentroidClassifier, StandardScaler } from './test-utils/twins';

const { X, y } = threeBlobs();

describe('Pipeline (test_pipeline.py)', () => {
  it('test_pipeline.py::test_pipeline_invalid_parameters', () => {
    const bad = new Pipeline({ steps: [[1, 1]] as never });
    expect(() => bad.fit([[1]], [1])).toThrow(TypeError);

    expect(() => new Pipeline({ steps: [['clf', new NoFit() as never]] }).fit([[1]], [1])).toThrow(
      /^Last step of Pipeline should implement fit or be the string 'passthrough'\. .*NoFit.*/,
    );

    // smoke test with only an estimator
    const clf = new NoTrans();
    const pipe = new Pipeline({ steps: [['svc', clf]] });
    expect(pipe.getParams(true)).toEqual({
      svc__a: null,
      svc__b: null,
      svc: clf,
      ...pipe.getParams(false),
    });
    pipe.setParams({ svc__a: 0.1 });
    expect(clf.a).toBe(0.1);
    expect(clf.b).toBeNull();
    expect(String(pipe)).toBe("Pipeline({ steps: [['svc', NoTrans({ a: 0.1, b: null })]] })");

    // estimators are not cloned on construction
    const filter1 = new StandardScaler();
    const svc = new CentroidClassifier();
    const pipe2 = new Pipeline({
      steps: [
        ['anova', filter1],
        ['svc', svc],
      ],
    });
    expect(pipe2.namedSteps.anova).toBe(filter1);
    expect(pipe2.namedSteps.svc).toBe(svc);

    // non-transformers on the way
    expect(() =>
      new Pipeline({
        steps: [
          ['t', new NoTrans()],
          ['svc', svc],
        ],
      }).fit([[1]], [1]),
    ).toThrow(
      /^All intermediate steps should be transformers and implement fit and transform or be the string 'passthrough' .*\bNoTrans\b.*/,
    );

    pipe2.setParams({ svc__temperature: 0.1 });
    expect(svc.temperature).toBe(0.1);

    // a wrong inner param names the inner estimator
    expect(() => pipe2.setParams({ anova__C: 0.1 })).toThrow(
      "Invalid parameter 'C' for estimator StandardScaler. Valid parameters are: ['copy', 'withMean', 'withStd'].",
    );

    // clone: new step estimators, the same params otherwise
    const pipe3 = clone(pipe2);
    expect(pipe3.namedSteps.svc).not.toBe(pipe2.namedSteps.svc);
    const strip = (p: Record<string, unknown>) => {
      const out = { ...p };
      for (const k of ['steps', 'memory', 'verbose', 'svc', 'anova']) delete out[k];
      return out;
    };
    expect(strip(pipe3.getParams(true))).toEqual(strip(pipe2.getParams(true)));
  });

  it('test_pipeline.py::test_pipeline_init_tuple (readonly `as const` steps)', () => {
    const Xs = [[1, 2]];
    const steps = [
      ['transf', new Transf()],
      ['clf', new FitParamT()],
    ] as const;
    const pipe = new Pipeline({ steps: [...steps] });
    pipe.fit(Xs, undefined);
    expect(pipe.score(Xs)).toBe(3);
    pipe.setParams({ transf: 'passthrough' });
    pipe.fit(Xs, undefined);
    expect(pipe.score(Xs)).toBe(3);
  });

  it('test_pipeline.py::test_pipeline_methods_preprocessing_svm (scaler + classifier: shapes)', () => {
    const pipe = new Pipeline({
      steps: [
        ['preprocess', new StandardScaler()],
        ['clf', new CentroidClassifier()],
      ],
    });
    pipe.fit(X, y);
    expect((pipe.predict(X) as unknown[]).length).toBe(X.length);
    const proba = pipe.predictProba(X) as number[][];
    expect([proba.length, proba[0]!.length]).toEqual([X.length, 3]);
    expect(pipe.score(X, y)).toBe(1);
    expect(typeof pipe.decisionFunction).toBe('undefined');
    expect(typeof pipe.predictLogProba).toBe('undefined');
  });

  it('test_pipeline.py::test_pipeline_fit_params', () => {
    const pipe = new Pipeline({
      steps: [
        ['transf', new Transf()],
        ['clf', new FitParamT()],
      ],
    });
    pipe.fit(null, null, { clf__shouldSucceed: true });
    expect(pipe.predict(null)).toBe(true);
    expect((pipe.namedSteps.transf as Transf).a).toBeNull();
    expect((pipe.namedSteps.transf as Transf).b).toBeNull();
    expect(() => pipe.fit(null, null, { clf__bad: true })).toThrow(
      "fit() got an unexpected keyword argument 'bad'",
    );
  });

  it('test_pipeline.py::test_pipeline_sample_weight_supported', () => {
    const Xs = [[1, 2]];
    const pipe = new Pipeline({
      steps: [
        ['transf', new Transf()],
        ['clf', new FitParamT()],
      ],
    });
    pipe.fit(Xs, undefined);
    expect(pipe.score(Xs)).toBe(3);
    expect(pipe.score(Xs, undefined)).toBe(3);
    expect(pipe.score(Xs, undefined, { sampleWeight: null })).toBe(3);
    expect(pipe.score(Xs, undefined, { sampleWeight: [2, 3] })).toBe(8);
  });

  it('test_pipeline.py::test_pipeline_sample_weight_unsupported (no sampleWeight: not passed)', () => {
    const Xs = [[1, 2]];
    class StrictScore extends Mult {
      override score(Xa: unknown, ya?: unknown, ...rest: unknown[]): number {
        if (rest.length > 0)
          throw new TypeError("score() got an unexpected keyword argument 'sample_weight'");
        return super.score(Xa, ya);
      }
    }
    const pipe = new Pipeline({
      steps: [
        ['transf', new Transf()],
        ['clf', new StrictScore()],
      ],
    });
    pipe.fit(Xs, undefined);
    expect(pipe.score(Xs)).toBe(3);
    expect(pipe.score(Xs, undefined, { sampleWeight: null })).toBe(3);
    expect(() => pipe.score(Xs, undefined, { sampleWeight: [2, 3] })).toThrow(
      "score() got an unexpected keyword argument 'sample_weight'",
    );
  });

  it('test_pipeline.py::test_pipeline_raise_set_params_error', () => {
    const pipe = new Pipeline({ steps: [['cls', new CentroidClassifier()]] });
    const msg =
      "Invalid parameter 'fake' for estimator Pipeline. Valid parameters are: ['memory', 'steps', 'verbose'].";
    expect(() => pipe.setParams({ fake: 'nope' })).toThrow(msg);
    expect(() => pipe.setParams({ fake: 'nope' })).toThrow(InvalidParameterError);
    // an invalid outer name of a nested key: the same message
    expect(() => pipe.setParams({ fake__estimator: 'nope' })).toThrow(msg);
    expect(() => pipe.setParams({ cls__invalidParam: 'nope' })).toThrow(
      "Invalid parameter 'invalidParam' for estimator CentroidClassifier. Valid parameters are: ['temperature'].",
    );
  });

  it('test_pipeline.py::test_score_samples_on_pipeline_without_score_samples', () => {
    const pipe = makePipeline(new CentroidClassifier());
    pipe.fit(X, y);
    expect(pipe.scoreSamples).toBeUndefined();
    expect('scoreSamples' in pipe).toBe(true); // declared; `typeof` answers hasattr
  });

  it('test_pipeline.py::test_fit_predict_on_pipeline', () => {
    class SignClusterer extends BaseEstimator {
      fit(): this {
        return this;
      }
      fitPredict(Xa: number[][]): number[] {
        return Xa.map((r) => (r[0]! > 0 ? 1 : 0));
      }
    }
    const scaled = new StandardScaler().fit(X).transform(X);
    const separate = new SignClusterer().fitPredict(scaled);
    const pipe = new Pipeline({
      steps: [
        ['scaler', new StandardScaler()],
        ['Kmeans', new SignClusterer()],
      ],
    });
    expect(pipe.fitPredict(X)).toEqual(separate);
  });

  it('test_pipeline.py::test_fit_predict_on_pipeline_without_fit_predict', () => {
    const pipe = new Pipeline({
      steps: [
        ['scaler', new StandardScaler()],
        ['pca', new StandardScaler()],
      ],
    });
    expect(pipe.fitPredict).toBeUndefined();
  });

  it('test_pipeline.py::test_fit_predict_with_intermediate_fit_params', () => {
    const pipe = new Pipeline({
      steps: [
        ['transf', new TransfFitParams()],
        ['clf', new FitParamT()],
      ],
    });
    pipe.fitPredict(null, null, { transf__shouldGetThis: true, clf__shouldSucceed: true });
    const transf = pipe.namedSteps.transf as TransfFitParams;
    expect(transf.fitParams).toEqual({ shouldGetThis: true });
    expect((pipe.namedSteps.clf as FitParamT).successful).toBe(true);
  });

  it.each(['predict', 'predictProba', 'predictLogProba'] as const)(
    'test_pipeline.py::test_predict_methods_with_predict_params (%s)',
    (method) => {
      const pipe = new Pipeline({
        steps: [
          ['transf', new Transf()],
          ['clf', new DummyEstimatorParams()],
        ],
      });
      pipe.fit(null, null);
      pipe[method](null, { gotAttribute: true });
      expect((pipe.namedSteps.clf as DummyEstimatorParams).gotAttribute).toBe(true);
    },
  );

  it('test_pipeline.py::test_pipeline_transform', () => {
    const scaler = new StandardScaler();
    const pipeline = new Pipeline({ steps: [['scaler', scaler]] });
    const t1 = (pipeline.fit(X) as Pipeline).transform(X);
    const t2 = pipeline.fitTransform(X);
    const t3 = new StandardScaler().fit(X).transform(X);
    expect(t1).toEqual(t2);
    expect(t1).toEqual(t3);
    expect(pipeline.inverseTransform(t1)).toEqual(scaler.inverseTransform(t1));
  });

  it('test_pipeline.py::test_pipeline_fit_transform (a transformer without fitTransform)', () => {
    const transf = new Transf();
    const pipeline = new Pipeline({ steps: [['mock', transf]] });
    expect(pipeline.fitTransform(X, y)).toEqual(transf.fit(X, y).transform(X));
  });

  it.each([
    [0, 1],
    [0, 2],
    [1, 2],
    [1, 3],
    [undefined, 1],
    [1, undefined],
    [undefined, undefined],
  ])('test_pipeline.py::test_pipeline_slice (%s, %s)', (start, end) => {
    const memory = { cache: <F>(f: F) => f };
    const pipe = new Pipeline({
      steps: [
        ['transf1', new Transf()],
        ['transf2', new Transf()],
        ['clf', new FitParamT()],
      ],
      memory,
      verbose: true,
    });
    const sliced = pipe.slice(start, end);
    expect(sliced).toBeInstanceOf(Pipeline);
    expect(sliced.steps).toEqual(pipe.steps.slice(start, end));
    expect(Object.entries(sliced.namedSteps)).toEqual(
      Object.entries(pipe.namedSteps).slice(start, end),
    );
    const { steps: _a, ...p1 } = pipe.getParams(false);
    const { steps: _b, ...p2 } = sliced.getParams(false);
    expect(p2).toEqual(p1);
    expect(sliced.memory).toBe(memory);
  });

  it('test_pipeline.py::test_pipeline_index (at / get)', () => {
    const transf = new Transf();
    const clf = new FitParamT();
    const pipe = new Pipeline({
      steps: [
        ['transf', transf],
        ['clf', clf],
      ],
    });
    expect(pipe.at(0)).toBe(transf);
    expect(pipe.get('transf')).toBe(transf);
    expect(pipe.at(-1)).toBe(clf);
    expect(pipe.get('clf')).toBe(clf);
    expect(pipe.length).toBe(2);
    expect(() => pipe.at(3)).toThrow(RangeError);
    expect(() => pipe.at(-3)).toThrow(
      'Pipeline index -3 is out of range: the pipeline has 2 steps.',
    );
    expect(() => pipe.get('foobar')).toThrow(
      "No step named 'foobar': the steps are ['transf', 'clf'].",
    );
  });

  it('test_pipeline.py::test_set_pipeline_steps', () => {
    const transf1 = new Transf();
    const transf2 = new Transf();
    const pipeline = new Pipeline({ steps: [['mock', transf1]] });
    expect(pipeline.namedSteps.mock).toBe(transf1);
    pipeline.steps = [['mock2', transf2]];
    expect('mock' in pipeline.namedSteps).toBe(false);
    expect(pipeline.namedSteps.mock2).toBe(transf2);
    pipeline.setParams({ steps: [['mock', transf1]] });
    expect(pipeline.steps).toEqual([['mock', transf1]]);
    pipeline.setParams({ mock: transf2 });
    expect(pipeline.steps).toEqual([['mock', transf2]]);
    // invalid data
    pipeline.setParams({ steps: [['junk', [] as never]] });
    expect(() => pipeline.fit([[1]], [1])).toThrow(
      "Last step of Pipeline should implement fit or be the string 'passthrough'.",
    );
    expect(pipeline.fitTransform).toBeUndefined();
  });

  it('test_pipeline.py::test_pipeline_named_steps', () => {
    const transf = new Transf();
    const mult2 = new Mult({ mult: 2 });
    const pipeline = new Pipeline({
      steps: [
        ['mock', transf],
        ['mult', mult2],
      ],
    });
    expect('mock' in pipeline.namedSteps).toBe(true);
    expect('mock2' in pipeline.namedSteps).toBe(false);
    expect(pipeline.namedSteps.mock).toBe(transf);
    expect(pipeline.namedSteps.mult).toBe(mult2);
    // a name that is an attribute of plain objects is still the step
    const p2 = new Pipeline({
      steps: [
        ['values', transf],
        ['mult', mult2],
      ],
    });
    expect(p2.namedSteps.values).toBe(transf);
  });

  it.each([null, 'passthrough'] as const)(
    'test_pipeline.py::test_pipeline_correctly_adjusts_steps (%s)',
    (passthrough) => {
      const pipeline = new Pipeline({
        steps: [
          ['m2', new Mult({ mult: 2 })],
          ['bad', passthrough],
          ['m3', new Mult({ mult: 3 })],
          ['m5', new Mult({ mult: 5 })],
        ],
      });
      pipeline.fit([[1]], [1]);
      expect(pipeline.steps.map(([n]) => n)).toEqual(['m2', 'bad', 'm3', 'm5']);
    },
  );

  it.each([null, 'passthrough'] as const)(
    'test_pipeline.py::test_set_pipeline_step_passthrough (%s)',
    (passthrough) => {
      const Xs = [[1]];
      const ys = [1];
      const mult2 = new Mult({ mult: 2 });
      const mult3 = new Mult({ mult: 3 });
      const mult5 = new Mult({ mult: 5 });
      const make = () =>
        new Pipeline({
          steps: [
            ['m2', mult2],
            ['m3', mult3],
            ['last', mult5],
          ],
        });
      let pipeline = make();
      const check = (exp: number) => {
        expect(pipeline.fitTransform(Xs, ys)).toEqual([[exp]]);
        expect((pipeline.fit(Xs) as Pipeline).predict(Xs)).toEqual([exp]);
        expect(pipeline.inverseTransform([[exp]])).toEqual(Xs);
      };
      check(30);
      pipeline.setParams({ m3: passthrough });
      check(10);
      expect(pipeline.getParams(true)).toEqual({
        steps: pipeline.steps,
        m2: mult2,
        m3: passthrough,
        last: mult5,
        memory: null,
        m2__mult: 2,
        last__mult: 5,
        verbose: false,
      });
      pipeline.setParams({ m2: passthrough });
      check(5);
      for (const m of [
        'predictProba',
        'predictLogProba',
        'decisionFunction',
        'transform',
        'score',
      ] as const)
        (pipeline[m] as (a: unknown) => unknown)(Xs);
      pipeline.setParams({ m2: mult2 });
      check(10);

      pipeline = make();
      pipeline.setParams({ last: passthrough });
      expect((pipeline.fit(Xs, ys) as Pipeline).transform(Xs)).toEqual([[6]]);
      expect(pipeline.fitTransform(Xs, ys)).toEqual([[6]]);
      expect(pipeline.inverseTransform([[6]])).toEqual(Xs);
      expect(pipeline.predict).toBeUndefined();

      pipeline = new Pipeline({
        steps: [
          ['m2', mult2],
          ['m3', passthrough],
          ['last', mult5],
        ],
      });
      check(10);
    },
  );

  it('test_pipeline.py::test_pipeline_ducktyping', () => {
    let pipeline = makePipeline(new Mult({ mult: 5 }));
    expect(typeof pipeline.predict).toBe('function');
    expect(typeof pipeline.transform).toBe('function');
    expect(typeof pipeline.inverseTransform).toBe('function');

    pipeline = makePipeline(new Transf());
    expect(pipeline.predict).toBeUndefined();
    expect(typeof pipeline.transform).toBe('function');
    expect(typeof pipeline.inverseTransform).toBe('function');

    pipeline = makePipeline('passthrough');
    expect(pipeline.steps[0]).toEqual(['passthrough', 'passthrough']);
    expect(pipeline.predict).toBeUndefined();
    expect(typeof pipeline.transform).toBe('function');
    expect(typeof pipeline.inverseTransform).toBe('function');

    pipeline = makePipeline(new Transf(), new NoInvTransf());
    expect(pipeline.predict).toBeUndefined();
    expect(typeof pipeline.transform).toBe('function');
    expect(pipeline.inverseTransform).toBeUndefined();

    pipeline = makePipeline(new NoInvTransf(), new Transf());
    expect(pipeline.predict).toBeUndefined();
    expect(typeof pipeline.transform).toBe('function');
    expect(pipeline.inverseTransform).toBeUndefined();
  });
});
