// Ports of scikit-learn's sklearn/tests/test_pipeline.py (1.2/1.3) for Pipeline and makePipeline.
import {
  BaseEstimator,
  InvalidParameterError,
  NotFittedError,
  ValueError,
  checkIsFitted,
  clone,
  isClassifier,
} from '@scikeras/estimator-core';
import { Pipeline } from './Pipeline';
import { makePipeline } from './makePipeline';
import { threeBlobs } from './test-utils/data';
import {
  DummyEstimatorParams,
  DummyTransf,
  FeatureNameSaver,
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
    expect(String(pipe)).toBe("Pipeline({ steps: [['svc', NoTrans]] })");

    // estimators are not cloned on construction
    const filter1 = new StandardScaler();
    const svc = new CentroidClassifier();
    const pipe2 = new Pipeline({ steps: [['anova', filter1], ['svc', svc]] });
    expect(pipe2.namedSteps.anova).toBe(filter1);
    expect(pipe2.namedSteps.svc).toBe(svc);

    // non-transformers on the way
    expect(() => new Pipeline({ steps: [['t', new NoTrans()], ['svc', svc]] }).fit([[1]], [1])).toThrow(
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
    const pipe = new Pipeline({ steps: [['preprocess', new StandardScaler()], ['clf', new CentroidClassifier()]] });
    pipe.fit(X, y);
    expect((pipe.predict(X) as unknown[]).length).toBe(X.length);
    const proba = pipe.predictProba(X) as number[][];
    expect([proba.length, proba[0]!.length]).toEqual([X.length, 3]);
    expect(pipe.score(X, y)).toBe(1);
    expect(typeof pipe.decisionFunction).toBe('undefined');
    expect(typeof pipe.predictLogProba).toBe('undefined');
  });

  it('test_pipeline.py::test_pipeline_fit_params', () => {
    const pipe = new Pipeline({ steps: [['transf', new Transf()], ['clf', new FitParamT()]] });
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
    const pipe = new Pipeline({ steps: [['transf', new Transf()], ['clf', new FitParamT()]] });
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
        if (rest.length > 0) throw new TypeError("score() got an unexpected keyword argument 'sample_weight'");
        return super.score(Xa, ya);
      }
    }
    const pipe = new Pipeline({ steps: [['transf', new Transf()], ['clf', new StrictScore()]] });
    pipe.fit(Xs, undefined);
    expect(pipe.score(Xs)).toBe(3);
    expect(pipe.score(Xs, undefined, { sampleWeight: null })).toBe(3);
    expect(() => pipe.score(Xs, undefined, { sampleWeight: [2, 3] })).toThrow(
      "score() got an unexpected keyword argument 'sample_weight'",
    );
  });

  it('test_pipeline.py::test_pipeline_raise_set_params_error', () => {
    const pipe = new Pipeline({ steps: [['cls', new CentroidClassifier()]] });
    const msg = "Invalid parameter 'fake' for estimator Pipeline. Valid parameters are: ['memory', 'steps', 'verbose'].";
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
    const pipe = new Pipeline({ steps: [['scaler', new StandardScaler()], ['Kmeans', new SignClusterer()]] });
    expect(pipe.fitPredict(X)).toEqual(separate);
  });

  it('test_pipeline.py::test_fit_predict_on_pipeline_without_fit_predict', () => {
    const pipe = new Pipeline({ steps: [['scaler', new StandardScaler()], ['pca', new StandardScaler()]] });
    expect(pipe.fitPredict).toBeUndefined();
  });

  it('test_pipeline.py::test_fit_predict_with_intermediate_fit_params', () => {
    const pipe = new Pipeline({ steps: [['transf', new TransfFitParams()], ['clf', new FitParamT()]] });
    pipe.fitPredict(null, null, { transf__shouldGetThis: true, clf__shouldSucceed: true });
    const transf = pipe.namedSteps.transf as TransfFitParams;
    expect(transf.fitParams).toEqual({ shouldGetThis: true });
    expect((pipe.namedSteps.clf as FitParamT).successful).toBe(true);
  });

  it.each(['predict', 'predictProba', 'predictLogProba'] as const)(
    'test_pipeline.py::test_predict_methods_with_predict_params (%s)',
    (method) => {
      const pipe = new Pipeline({ steps: [['transf', new Transf()], ['clf', new DummyEstimatorParams()]] });
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
      steps: [['transf1', new Transf()], ['transf2', new Transf()], ['clf', new FitParamT()]],
      memory,
      verbose: true,
    });
    const sliced = pipe.slice(start, end);
    expect(sliced).toBeInstanceOf(Pipeline);
    expect(sliced.steps).toEqual(pipe.steps.slice(start, end));
    expect(Object.entries(sliced.namedSteps)).toEqual(Object.entries(pipe.namedSteps).slice(start, end));
    const { steps: _a, ...p1 } = pipe.getParams(false);
    const { steps: _b, ...p2 } = sliced.getParams(false);
    expect(p2).toEqual(p1);
    expect(sliced.memory).toBe(memory);
  });

  it('test_pipeline.py::test_pipeline_index (at / get)', () => {
    const transf = new Transf();
    const clf = new FitParamT();
    const pipe = new Pipeline({ steps: [['transf', transf], ['clf', clf]] });
    expect(pipe.at(0)).toBe(transf);
    expect(pipe.get('transf')).toBe(transf);
    expect(pipe.at(-1)).toBe(clf);
    expect(pipe.get('clf')).toBe(clf);
    expect(pipe.length).toBe(2);
    expect(() => pipe.at(3)).toThrow(RangeError);
    expect(() => pipe.at(-3)).toThrow('Pipeline index -3 is out of range: the pipeline has 2 steps.');
    expect(() => pipe.get('foobar')).toThrow("No step named 'foobar': the steps are ['transf', 'clf'].");
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
    const pipeline = new Pipeline({ steps: [['mock', transf], ['mult', mult2]] });
    expect('mock' in pipeline.namedSteps).toBe(true);
    expect('mock2' in pipeline.namedSteps).toBe(false);
    expect(pipeline.namedSteps.mock).toBe(transf);
    expect(pipeline.namedSteps.mult).toBe(mult2);
    // a name that is an attribute of plain objects is still the step
    const p2 = new Pipeline({ steps: [['values', transf], ['mult', mult2]] });
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

  it.each([null, 'passthrough'] as const)('test_pipeline.py::test_set_pipeline_step_passthrough (%s)', (passthrough) => {
    const Xs = [[1]];
    const ys = [1];
    const mult2 = new Mult({ mult: 2 });
    const mult3 = new Mult({ mult: 3 });
    const mult5 = new Mult({ mult: 5 });
    const make = () => new Pipeline({ steps: [['m2', mult2], ['m3', mult3], ['last', mult5]] });
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
    for (const m of ['predictProba', 'predictLogProba', 'decisionFunction', 'transform', 'score'] as const)
      (pipeline[m] as (a: unknown) => unknown)(Xs);
    pipeline.setParams({ m2: mult2 });
    check(10);

    pipeline = make();
    pipeline.setParams({ last: passthrough });
    expect((pipeline.fit(Xs, ys) as Pipeline).transform(Xs)).toEqual([[6]]);
    expect(pipeline.fitTransform(Xs, ys)).toEqual([[6]]);
    expect(pipeline.inverseTransform([[6]])).toEqual(Xs);
    expect(pipeline.predict).toBeUndefined();

    pipeline = new Pipeline({ steps: [['m2', mult2], ['m3', passthrough], ['last', mult5]] });
    check(10);
  });

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

  it('test_pipeline.py::test_make_pipeline', () => {
    const t1 = new Transf();
    const t2 = new Transf();
    let pipe = makePipeline(t1, t2);
    expect(pipe).toBeInstanceOf(Pipeline);
    expect(pipe.steps.map(([n]) => n)).toEqual(['transf-1', 'transf-2']);
    pipe = makePipeline(t1, t2, new FitParamT());
    expect(pipe.steps.map(([n]) => n)).toEqual(['transf-1', 'transf-2', 'fitparamt']);
  });

  it('makePipeline names by the registered estimatorName, numbering clashes', () => {
    // a minifier renames the class; its own static estimatorName stays
    class Minified extends StandardScaler {
      static override estimatorName = 'StandardScaler';
    }
    Object.defineProperty(Minified, 'name', { value: 'a' });
    const pipe = makePipeline(new Minified(), new StandardScaler(), null, new CentroidClassifier());
    expect(pipe.steps.map(([n]) => n)).toEqual(['standardscaler-1', 'standardscaler-2', 'null', 'centroidclassifier']);
    // a subclass without its own estimatorName is named by constructor.name, not its parent's name
    class MyScaler extends StandardScaler {}
    expect(makePipeline(new MyScaler()).steps[0]![0]).toBe('myscaler');
    class NoStatic {
      fit() {
        return this;
      }
      getParams() {
        return {};
      }
      setParams() {
        return this;
      }
    }
    expect(makePipeline(new NoStatic()).steps[0]![0]).toBe('nostatic');
    expect(() => makePipeline(new Transf(), { memory: null, foo: 1 } as never)).toThrow(
      "makePipeline() got an unexpected option 'foo'",
    );
  });

  it('test_pipeline.py::test_step_name_validation (Pipeline)', () => {
    const cases: [[string, Mult][], string][] = [
      [[['a__q', new Mult({ mult: 2 })], ['b', new Mult({ mult: 3 })]], "Estimator names must not contain __: got ['a__q']"],
      [[['a', new Mult({ mult: 2 })], ['a', new Mult({ mult: 3 })]], "Names provided are not unique: ['a', 'a']"],
      [[['a', new Mult({ mult: 2 })], ['steps', new Mult({ mult: 3 })]], "Estimator names conflict with constructor arguments: ['steps']"],
    ];
    for (const [bad, message] of cases) {
      expect(() => new Pipeline({ steps: bad }).fit([[1]], [1])).toThrow(message);
      const est = new Pipeline({ steps: [['a', new Mult({ mult: 1 })]] });
      est.steps = bad;
      expect(() => est.fit([[1]], [1])).toThrow(ValueError);
      expect(() => est.fitTransform([[1]], [1])).toThrow(message);
      const est2 = new Pipeline({ steps: [['a', new Mult({ mult: 1 })]] });
      est2.setParams({ steps: bad });
      expect(() => est2.fit([[1]], [1])).toThrow(message);
    }
  });

  it('test_pipeline.py::test_set_params_nested_pipeline', () => {
    const inner = new Pipeline({ steps: [['b', new Mult()]] });
    const estimator = new Pipeline({ steps: [['a', inner]] });
    const replacement = new Mult({ mult: 4 });
    estimator.setParams({ a__b__mult: 0.001, a__b: replacement });
    expect(inner.get('b')).toBe(replacement);
    expect(replacement.mult).toBe(0.001);
    estimator.setParams({ a__steps: [['b', new CentroidClassifier()]], a__b__temperature: 5 });
    expect((inner.get('b') as CentroidClassifier).temperature).toBe(5);
  });

  it('test_pipeline.py::test_pipeline_memory (a joblib.Memory-like cache)', () => {
    const calls: number[] = [];
    const store = new Map<string, unknown>();
    const memory = {
      cache<F extends (...a: any[]) => any>(fn: F): F {
        return ((...args: any[]) => {
          const [est, Xa] = args as [BaseEstimator, unknown];
          const key = JSON.stringify([est.constructor.name, est.getParams(), Xa]);
          if (!store.has(key)) {
            calls.push(1);
            store.set(key, fn(...args));
          }
          return store.get(key);
        }) as F;
      },
    };
    class CacheTransf extends DummyTransf {}
    const transf = new CacheTransf();
    const clf = new CentroidClassifier();
    const pipe = new Pipeline({ steps: [['transf', new CacheTransf()], ['svc', new CentroidClassifier()]] });
    const cached = new Pipeline({ steps: [['transf', transf], ['svc', clf]], memory });
    cached.fit(X, y);
    pipe.fit(X, y);
    const ts = (cached.namedSteps.transf as DummyTransf).timestamp_;
    expect(cached.predict(X)).toEqual(pipe.predict(X));
    expect(cached.predictProba(X)).toEqual(pipe.predictProba(X));
    expect(cached.score(X, y)).toBe(pipe.score(X, y));
    expect((cached.namedSteps.transf as DummyTransf).means_).toEqual((pipe.namedSteps.transf as DummyTransf).means_);
    expect(transf.means_).toBeUndefined(); // the step was cloned before fitting
    cached.fit(X, y); // read from the cache
    expect((cached.namedSteps.transf as DummyTransf).timestamp_).toBe(ts);
    expect(calls.length).toBe(1);
    const cached2 = new Pipeline({ steps: [['transf_2', new CacheTransf()], ['svc', new CentroidClassifier()]], memory });
    cached2.fit(X, y);
    expect((cached2.namedSteps.transf_2 as DummyTransf).timestamp_).toBe(ts);
    expect(cached2.predict(X)).toEqual(pipe.predict(X));
  });

  it('test_pipeline.py::test_make_pipeline_memory', () => {
    const memory = { cache: <F>(f: F) => f };
    let pipeline = makePipeline(new DummyTransf(), new CentroidClassifier(), { memory });
    expect(pipeline.memory).toBe(memory);
    pipeline = makePipeline(new DummyTransf(), new CentroidClassifier());
    expect(pipeline.memory).toBeNull();
    expect(pipeline.length).toBe(2);
    expect(() => new Pipeline({ steps: [['t', new Transf()]], memory: '/tmp' as never }).fit(X)).toThrow(
      "'memory' should be null or an object with the joblib.Memory interface (a cache(fn) method), got memory='/tmp' instead.",
    );
  });

  it('test_pipeline.py::test_features_names_passthrough', () => {
    const pipe = new Pipeline({
      steps: [['names', new FeatureNameSaver()], ['pass', 'passthrough'], ['clf', new CentroidClassifier()]],
    });
    pipe.fit(X, y);
    const names = ['sepal length', 'sepal width', 'petal length', 'petal width'];
    expect(pipe.slice(0, -1).getFeatureNamesOut(names)).toEqual(names);
  });

  it('test_pipeline.py::test_pipeline_feature_names_out_error_without_definition', () => {
    const pipe = new Pipeline({ steps: [['notrans', new NoTrans()]] });
    pipe.fit(X, y);
    expect(() => pipe.getFeatureNamesOut()).toThrow(
      'Estimator notrans does not provide getFeatureNamesOut. Did you mean to call pipe.slice(0, -1).getFeatureNamesOut()?',
    );
  });

  it('test_pipeline.py::test_pipeline_param_error', () => {
    const clf = makePipeline(new CentroidClassifier());
    expect(() => clf.fit([[0], [0]], [0, 1], { sampleWeight: [1, 1] })).toThrow(
      'Pipeline.fit does not accept the sampleWeight parameter. You can pass parameters to specific steps of your pipeline using the stepname__parameter format, e.g. `Pipeline.fit(X, y, { logisticregression__sampleWeight: sampleWeight })`.',
    );
    expect(() => clf.fit([[0], [0]], [0, 1], { clf__sampleWeight: [1, 1] })).toThrow(
      "Pipeline.fit got the parameter 'clf__sampleWeight' for a step named 'clf', but no step has that name. The steps are ['centroidclassifier'].",
    );
  });

  describe('test_pipeline.py::test_verbose (Pipeline)', () => {
    const cases: [() => Pipeline, string[]][] = [
      [() => new Pipeline({ steps: [['transf', new Transf()], ['clf', new FitParamT()]] }), ['transf', 'clf']],
      [() => new Pipeline({ steps: [['transf', new Transf()], ['noop', null], ['clf', new FitParamT()]] }), ['transf', 'noop', 'clf']],
      [() => new Pipeline({ steps: [['transf', new Transf()], ['noop', 'passthrough'], ['clf', new FitParamT()]] }), ['transf', 'noop', 'clf']],
      [() => new Pipeline({ steps: [['transf', new Transf()], ['clf', null]] }), ['transf', 'clf']],
      [() => new Pipeline({ steps: [['transf', null], ['mult', new Mult()]] }), ['transf', 'mult']],
      [() => new Pipeline({ steps: [['transf', 'passthrough'], ['mult', new Mult()]] }), ['transf', 'mult']],
    ];
    it.each(cases.flatMap(([make, names]) => (['fit', 'fitTransform', 'fitPredict'] as const).map((m) => [m, make, names] as const)))(
      '%s prints one line per step',
      (method, make, names) => {
        const est = make();
        const fn = (est as unknown as Record<string, (X: unknown, y: unknown) => unknown>)[method];
        if (typeof fn !== 'function') return expect(fn).toBeUndefined(); // not available for this last step
        if (method === 'fitTransform' && est.at(-1) instanceof FitParamT) return;
        const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
        try {
          const Xs = [[1, 2, 3], [4, 5, 6]];
          const ys = [[7], [8]];
          est.setParams({ verbose: false });
          fn.call(est, Xs, ys);
          expect(log).not.toHaveBeenCalled();
          est.setParams({ verbose: true });
          fn.call(est, Xs, ys);
          const lines = log.mock.calls.map((c) => String(c[0]));
          expect(lines).toHaveLength(names.length);
          lines.forEach((line, i) =>
            expect(line).toMatch(new RegExp(`^\\[Pipeline\\] \\.+ \\(step ${i + 1} of ${names.length}\\) Processing ${names[i]}, total=\\s+0\\.\\ds$`)),
          );
          expect(lines[0]!.length).toBe(70);
        } finally {
          log.mockRestore();
        }
      },
    );
  });

  it('test_pipeline.py::test_n_features_in_pipeline', () => {
    const Xs = [[1, 2], [3, 4], [5, 6]];
    const ys = [0, 1, 2];
    let ss = new StandardScaler();
    let pipe = makePipeline(ss, new CentroidClassifier());
    expect(pipe.nFeaturesIn_).toBeUndefined();
    pipe.fit(Xs, ys);
    expect(pipe.nFeaturesIn_).toBe(2);
    expect(ss.nFeaturesIn_).toBe(2);
    ss = new StandardScaler();
    const clf = new CentroidClassifier();
    pipe = makePipeline(ss, clf);
    ss.fit(Xs, ys);
    expect(pipe.nFeaturesIn_).toBe(2);
    expect(clf.nFeaturesIn_).toBeUndefined();
  });

  it.each([null, 'passthrough'] as const)('test_pipeline.py::test_pipeline_get_tags_none (%s first)', (passthrough) => {
    const pipe = makePipeline(passthrough, new CentroidClassifier());
    expect(pipe.getTags().requiresY).toBe(true);
    expect(pipe.getTags().XTypes).toEqual(['2darray']);
    expect(makePipeline(new StandardScaler(), new CentroidClassifier()).getTags().allowNan).toBe(true);
  });

  it('test_pipeline.py::test_search_cv_using_minimal_compatible_estimator (no BaseEstimator)', () => {
    class MinimalTransformer {
      getParams() {
        return {};
      }
      setParams() {
        return this;
      }
      fit() {
        return this;
      }
      transform(Xa: unknown) {
        return Xa;
      }
    }
    class MinimalClassifier {
      classes_?: number[];
      major_?: number;
      get estimatorType() {
        return 'classifier';
      }
      getParams() {
        return {};
      }
      setParams() {
        return this;
      }
      fit(_X: unknown, ya: number[]) {
        this.classes_ = [...new Set(ya)].sort();
        const ones = ya.filter((v) => v === 1).length;
        this.major_ = ones * 2 >= ya.length ? 1 : 0;
        return this;
      }
      predict(Xa: unknown[]) {
        return Xa.map(() => this.major_!);
      }
      score(Xa: unknown[], ya: number[]) {
        const p = this.predict(Xa);
        return p.filter((v, i) => v === ya[i]).length / ya.length;
      }
    }
    const Xs = Array.from({ length: 25 }, (_, i) => [i, -i]);
    const ys = Array.from({ length: 25 }, (_, i) => (i < 5 ? 0 : 1));
    const model = new Pipeline({ steps: [['transformer', new MinimalTransformer()], ['predictor', new MinimalClassifier()]] });
    model.fit(Xs, ys);
    expect(model.predict(Xs)).toEqual(new Array(25).fill(1));
    expect(isClassifier(model)).toBe(true);
    expect(model.score(Xs, ys)).toBeCloseTo(20 / 25, 12);
  });

  it('test_pipeline.py::test_pipeline_check_if_fitted', () => {
    class Estimator extends BaseEstimator {
      fitted_?: boolean;
      fit() {
        this.fitted_ = true;
        return this;
      }
    }
    const pipeline = new Pipeline({ steps: [['clf', new Estimator()]] });
    expect(() => checkIsFitted(pipeline)).toThrow(NotFittedError);
    pipeline.fit(X, y);
    expect(() => checkIsFitted(pipeline)).not.toThrow();
  });

  it('test_pipeline.py::test_pipeline_get_feature_names_out_passes_names_through', () => {
    class AddPrefixStandardScaler extends StandardScaler {
      override getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
        return super.getFeatureNamesOut(inputFeatures).map((n) => `my_prefix_${n}`);
      }
    }
    const pipe = makePipeline(new AddPrefixStandardScaler(), new StandardScaler());
    pipe.fit(X, y);
    const names = ['a', 'b', 'c', 'd'];
    expect(pipe.getFeatureNamesOut(names)).toEqual(names.map((n) => `my_prefix_${n}`));
  });

  it('test_pipeline.py::test_classes_property', () => {
    const reg = makePipeline(new StandardScaler(), new Mult());
    reg.fit(X, y);
    expect(reg.classes_).toBeUndefined();
    const clf = makePipeline(new StandardScaler(), new CentroidClassifier());
    expect(clf.classes_).toBeUndefined();
    clf.fit(X, y);
    expect(clf.classes_).toEqual([0, 1, 2]);
  });
});
