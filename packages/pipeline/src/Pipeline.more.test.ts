// Ports of scikit-learn's sklearn/tests/test_pipeline.py (1.2/1.3): makePipeline, names, memory, feature names, verbose, tags.
import {
  BaseEstimator,
  NotFittedError,
  ValueError,
  checkIsFitted,
  isClassifier,
} from '@scikeras/estimator-core';
import { Pipeline } from './Pipeline';
import { makePipeline } from './makePipeline';
import { threeBlobs } from './test-utils/data';
import { DummyTransf, FeatureNameSaver, FitParamT, Mult, NoTrans, Transf } from './test-utils/toys';
import { CentroidClassifier, StandardScaler } from './test-utils/twins';

const { X, y } = threeBlobs();

describe('Pipeline (test_pipeline.py): names, memory, feature names, verbose', () => {
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
    expect(pipe.steps.map(([n]) => n)).toEqual([
      'standardscaler-1',
      'standardscaler-2',
      'null',
      'centroidclassifier',
    ]);
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
      [
        [
          ['a__q', new Mult({ mult: 2 })],
          ['b', new Mult({ mult: 3 })],
        ],
        "Estimator names must not contain __: got ['a__q']",
      ],
      [
        [
          ['a', new Mult({ mult: 2 })],
          ['a', new Mult({ mult: 3 })],
        ],
        "Names provided are not unique: ['a', 'a']",
      ],
      [
        [
          ['a', new Mult({ mult: 2 })],
          ['steps', new Mult({ mult: 3 })],
        ],
        "Estimator names conflict with constructor arguments: ['steps']",
      ],
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
    const pipe = new Pipeline({
      steps: [
        ['transf', new CacheTransf()],
        ['svc', new CentroidClassifier()],
      ],
    });
    const cached = new Pipeline({
      steps: [
        ['transf', transf],
        ['svc', clf],
      ],
      memory,
    });
    cached.fit(X, y);
    pipe.fit(X, y);
    const ts = (cached.namedSteps.transf as DummyTransf).timestamp_;
    expect(cached.predict(X)).toEqual(pipe.predict(X));
    expect(cached.predictProba(X)).toEqual(pipe.predictProba(X));
    expect(cached.score(X, y)).toBe(pipe.score(X, y));
    expect((cached.namedSteps.transf as DummyTransf).means_).toEqual(
      (pipe.namedSteps.transf as DummyTransf).means_,
    );
    expect(transf.means_).toBeUndefined(); // the step was cloned before fitting
    cached.fit(X, y); // read from the cache
    expect((cached.namedSteps.transf as DummyTransf).timestamp_).toBe(ts);
    expect(calls.length).toBe(1);
    const cached2 = new Pipeline({
      steps: [
        ['transf_2', new CacheTransf()],
        ['svc', new CentroidClassifier()],
      ],
      memory,
    });
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
    expect(() =>
      new Pipeline({ steps: [['t', new Transf()]], memory: '/tmp' as never }).fit(X),
    ).toThrow(
      "'memory' should be null or an object with the joblib.Memory interface (a cache(fn) method), got memory='/tmp' instead.",
    );
  });

  it('test_pipeline.py::test_features_names_passthrough', () => {
    const pipe = new Pipeline({
      steps: [
        ['names', new FeatureNameSaver()],
        ['pass', 'passthrough'],
        ['clf', new CentroidClassifier()],
      ],
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
      [
        () =>
          new Pipeline({
            steps: [
              ['transf', new Transf()],
              ['clf', new FitParamT()],
            ],
          }),
        ['transf', 'clf'],
      ],
      [
        () =>
          new Pipeline({
            steps: [
              ['transf', new Transf()],
              ['noop', null],
              ['clf', new FitParamT()],
            ],
          }),
        ['transf', 'noop', 'clf'],
      ],
      [
        () =>
          new Pipeline({
            steps: [
              ['transf', new Transf()],
              ['noop', 'passthrough'],
              ['clf', new FitParamT()],
            ],
          }),
        ['transf', 'noop', 'clf'],
      ],
      [
        () =>
          new Pipeline({
            steps: [
              ['transf', new Transf()],
              ['clf', null],
            ],
          }),
        ['transf', 'clf'],
      ],
      [
        () =>
          new Pipeline({
            steps: [
              ['transf', null],
              ['mult', new Mult()],
            ],
          }),
        ['transf', 'mult'],
      ],
      [
        () =>
          new Pipeline({
            steps: [
              ['transf', 'passthrough'],
              ['mult', new Mult()],
            ],
          }),
        ['transf', 'mult'],
      ],
    ];
    it.each(
      cases.flatMap(([make, names]) =>
        (['fit', 'fitTransform', 'fitPredict'] as const).map((m) => [m, make, names] as const),
      ),
    )('%s prints one line per step', (method, make, names) => {
      const est = make();
      const fn = (est as unknown as Record<string, (X: unknown, y: unknown) => unknown>)[method];
      if (typeof fn !== 'function') return expect(fn).toBeUndefined(); // not available for this last step
      if (method === 'fitTransform' && est.at(-1) instanceof FitParamT) return;
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const Xs = [
          [1, 2, 3],
          [4, 5, 6],
        ];
        const ys = [[7], [8]];
        est.setParams({ verbose: false });
        fn.call(est, Xs, ys);
        expect(log).not.toHaveBeenCalled();
        est.setParams({ verbose: true });
        fn.call(est, Xs, ys);
        const lines = log.mock.calls.map((c) => String(c[0]));
        expect(lines).toHaveLength(names.length);
        lines.forEach((line, i) =>
          expect(line).toMatch(
            new RegExp(
              `^\\[Pipeline\\] \\.+ \\(step ${i + 1} of ${names.length}\\) Processing ${names[i]}, total=\\s+0\\.\\ds$`,
            ),
          ),
        );
        expect(lines[0]!.length).toBe(70);
      } finally {
        log.mockRestore();
      }
    });
  });

  it('test_pipeline.py::test_n_features_in_pipeline', () => {
    const Xs = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
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

  it.each([null, 'passthrough'] as const)(
    'test_pipeline.py::test_pipeline_get_tags_none (%s first)',
    (passthrough) => {
      const pipe = makePipeline(passthrough, new CentroidClassifier());
      expect(pipe.getTags().requiresY).toBe(true);
      expect(pipe.getTags().XTypes).toEqual(['2darray']);
      expect(makePipeline(new StandardScaler(), new CentroidClassifier()).getTags().allowNan).toBe(
        true,
      );
    },
  );

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
    const model = new Pipeline({
      steps: [
        ['transformer', new MinimalTransformer()],
        ['predictor', new MinimalClassifier()],
      ],
    });
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
