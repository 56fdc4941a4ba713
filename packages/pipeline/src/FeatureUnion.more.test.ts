// Ports of scikit-learn's sklearn/tests/test_pipeline.py (1.2/1.3) for FeatureUnion: steps,
// drop/passthrough, names, verbose, fitted state, checkEstimator.
import { BaseEstimator, NotFittedError, ValueError, checkIsFitted } from '@scikeras/estimator-core';
import { assertAllPassed, checkEstimator } from '@scikeras/estimator-core/testing';
import { FeatureUnion } from './FeatureUnion';
import { makeUnion } from './makeUnion';
import { threeBlobs } from './test-utils/data';
import { Mult, Transf } from './test-utils/toys';
import { AsyncCentroidClassifier, StandardScaler } from './test-utils/twins';
import golden from './__fixtures__/column_transformer.json';
import { expectClose } from './test-utils/expectClose';

const { X, y } = threeBlobs();

function withNames(est: Mult, names: string[]): Mult {
  (est as unknown as { getFeatureNamesOut: () => string[] }).getFeatureNamesOut = () => names;
  return est;
}

describe('FeatureUnion (test_pipeline.py): steps, passthrough, names, checks', () => {
  it('test_pipeline.py::test_feature_union_passthrough_get_feature_names_out', () => {
    const ft = new FeatureUnion({
      transformerList: [
        ['pca', new StandardScaler()],
        ['passthrough', 'passthrough'],
      ],
    });
    ft.fit(X);
    expect(ft.getFeatureNamesOut()).toEqual([
      'pca__x0',
      'pca__x1',
      'pca__x2',
      'pca__x3',
      'passthrough__x0',
      'passthrough__x1',
      'passthrough__x2',
      'passthrough__x3',
    ]);
  });

  it('test_pipeline.py::test_step_name_validation (FeatureUnion)', () => {
    const bad: [[string, Mult][], string][] = [
      [
        [
          ['a__q', new Mult()],
          ['b', new Mult()],
        ],
        "Estimator names must not contain __: got ['a__q']",
      ],
      [
        [
          ['a', new Mult()],
          ['a', new Mult()],
        ],
        "Names provided are not unique: ['a', 'a']",
      ],
      [
        [
          ['a', new Mult()],
          ['transformerList', new Mult()],
        ],
        "Estimator names conflict with constructor arguments: ['transformerList']",
      ],
    ];
    for (const [list, message] of bad) {
      expect(() => new FeatureUnion({ transformerList: list }).fit([[1]], [1])).toThrow(message);
      const est = new FeatureUnion({ transformerList: [['a', new Mult()]] });
      est.setParams({ transformerList: list });
      expect(() => est.fitTransform([[1]], [1])).toThrow(message);
    }
  });

  it('test_pipeline.py::test_verbose (FeatureUnion)', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const method of ['fit', 'fitTransform'] as const) {
        for (const [list, names] of [
          [
            [
              ['mult1', new Mult()],
              ['mult2', new Mult()],
            ],
            ['mult1', 'mult2'],
          ],
          [
            [
              ['mult1', 'drop'],
              ['mult2', new Mult()],
              ['mult3', 'drop'],
            ],
            ['mult2'],
          ],
        ] as const) {
          log.mockClear();
          const est = new FeatureUnion({ transformerList: list as never, verbose: true });
          est[method](
            [
              [1, 2, 3],
              [4, 5, 6],
            ],
            [[7], [8]],
          );
          const lines = log.mock.calls.map((c) => String(c[0]));
          expect(lines).toHaveLength(names.length);
          lines.forEach((l, i) =>
            expect(l).toMatch(
              new RegExp(
                `^\\[FeatureUnion\\] \\.+ \\(step ${i + 1} of ${names.length}\\) Processing ${names[i]}, total=`,
              ),
            ),
          );
        }
      }
    } finally {
      log.mockRestore();
    }
  });

  it('test_pipeline.py::test_n_features_in_feature_union', () => {
    const Xs = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    let ss = new StandardScaler();
    let fu = makeUnion(ss);
    expect(fu.nFeaturesIn_).toBeUndefined();
    fu.fit(Xs);
    expect(fu.nFeaturesIn_).toBe(2);
    ss = new StandardScaler();
    fu = makeUnion(ss);
    ss.fit(Xs);
    expect(fu.nFeaturesIn_).toBe(2);
  });

  it('test_pipeline.py::test_feature_union_fit_params (options go to every transformer)', () => {
    class Dummy extends BaseEstimator {
      fit(_X: unknown, _y?: unknown, options: Record<string, unknown> = {}): this {
        if (JSON.stringify(options) !== JSON.stringify({ a: 0 }))
          throw new ValueError('expected { a: 0 }');
        return this;
      }
      transform(Xa: unknown) {
        return Xa;
      }
    }
    const t = new FeatureUnion({
      transformerList: [
        ['dummy0', new Dummy()],
        ['dummy1', new Dummy()],
      ],
    });
    expect(() => t.fit(X, y)).toThrow(ValueError);
    expect(() => t.fitTransform(X, y)).toThrow(ValueError);
    t.fit(X, y, { a: 0 });
    t.fitTransform(X, y, { a: 0 });
  });

  it('test_pipeline.py::test_feature_union_warns_unknown_transformer_weight', () => {
    const union = new FeatureUnion({
      transformerList: [['transf', new Transf()]],
      transformerWeights: { transformer: 1 },
    });
    expect(() =>
      union.fit(
        [
          [1, 2],
          [3, 4],
        ],
        [0, 1],
      ),
    ).toThrow(
      'Attempting to weight transformer "transformer", but it is not present in transformerList.',
    );
  });

  it('test_pipeline.py::test_feature_union_check_if_fitted', () => {
    let union = new FeatureUnion({ transformerList: [['clf', new StandardScaler()]] });
    expect(() => checkIsFitted(union)).toThrow(NotFittedError);
    union.fit([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    checkIsFitted(union);
    union = new FeatureUnion({ transformerList: [['pass', 'passthrough']] });
    checkIsFitted(union); // passthrough is stateless
    union = new FeatureUnion({
      transformerList: [
        ['clf', new StandardScaler()],
        ['pass', 'passthrough'],
      ],
    });
    expect(() => checkIsFitted(union)).toThrow(NotFittedError);
    union.fit([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    checkIsFitted(union);
  });

  it('test_pipeline.py::test_feature_union_getitem (get)', () => {
    const scalar = new StandardScaler();
    const pca = new Mult();
    const union = new FeatureUnion({
      transformerList: [
        ['scalar', scalar],
        ['pca', pca],
        ['pass', 'passthrough'],
        ['drop_me', 'drop'],
      ],
    });
    expect(union.get('scalar')).toBe(scalar);
    expect(union.get('pca')).toBe(pca);
    expect(union.get('pass')).toBe('passthrough');
    expect(union.get('drop_me')).toBe('drop');
    expect(() => union.get('nope')).toThrow(RangeError);
  });

  it('verboseFeatureNamesOut: false gives bare names and rejects duplicates (scikit-learn 1.5)', () => {
    const fu = new FeatureUnion({
      transformerList: [
        ['a', withNames(new Mult(), ['x', 'y'])],
        ['b', withNames(new Mult(), ['z'])],
      ],
      verboseFeatureNamesOut: false,
    });
    fu.fit([[1]]);
    expect(fu.getFeatureNamesOut()).toEqual(['x', 'y', 'z']);
    fu.setParams({ b: withNames(new Mult(), ['y']) });
    expect(() => fu.getFeatureNamesOut()).toThrow(
      "Output feature names: ['y'] are not unique. Please set verboseFeatureNamesOut=true to add prefixes to feature names",
    );
  });

  it('is async when a transformer is, and keeps the order of the outputs', async () => {
    class AsyncTimes extends Mult {
      override transform(Xa: unknown): any {
        return new Promise((r) => setTimeout(() => r(super.transform(Xa)), 2));
      }
    }
    const fu = new FeatureUnion({
      transformerList: [
        ['slow', new AsyncTimes({ mult: 2 })],
        ['fast', new Mult({ mult: 3 })],
      ],
    });
    const out = fu.fitTransform([[1], [2]]);
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toEqual([
      [2, 3],
      [4, 6],
    ]);
    expect(fu.transform([[1]])).toBeInstanceOf(Promise);
    expect(Array.isArray(makeUnion(new Mult()).fitTransform([[1]]))).toBe(true);
    // a classifier is not a transformer
    expect(() => makeUnion(new AsyncCentroidClassifier() as never).fit(X, y)).toThrow(
      'All estimators should implement fit and transform.',
    );
  });

  it('matches scikit-learn on [StandardScaler, passthrough] with weights (golden fixture)', () => {
    const g = golden.featureUnion;
    const Xs = g.X as number[][];
    const fu = new FeatureUnion({
      transformerList: [
        ['scaled', new StandardScaler()],
        ['raw', 'passthrough'],
      ],
      transformerWeights: { raw: 0.001 },
    });
    const out = fu.fitTransform(Xs) as number[][];
    expectClose(out, g.fitTransform);
    expect(fu.getFeatureNamesOut(['age', 'income'])).toEqual(g.featureNamesOut);
  });

  it('passes checkEstimator', async () => {
    const report = await checkEstimator(
      () =>
        new FeatureUnion({
          transformerList: [
            ['scaled', new StandardScaler()],
            ['centered', new StandardScaler({ withStd: false })],
            ['gone', 'drop'],
          ],
        }),
    );
    assertAllPassed(report);
    expect(report.results.find((r) => r.check === 'checkTransformerGeneral')?.status).toBe(
      'passed',
    );
  });
});
