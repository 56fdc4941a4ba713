// Ports of scikit-learn's sklearn/tests/test_pipeline.py (1.2/1.3) for FeatureUnion and makeUnion.
import { BaseEstimator, NotFittedError, ValueError, checkIsFitted, clone } from '@scikeras/estimator-core';
import { assertAllPassed, checkEstimator } from '@scikeras/estimator-core/testing';
import { FeatureUnion } from './FeatureUnion';
import { makeUnion } from './makeUnion';
import { threeBlobs } from './test-utils/data';
import { Mult, NoInvTransf, NoTrans, Transf } from './test-utils/toys';
import { AsyncCentroidClassifier, StandardScaler } from './test-utils/twins';
import golden from './__fixtures__/column_transformer.json';
import { expectClose } from './test-utils/expectClose';

const { X, y } = threeBlobs();
const X2 = X.map((r) => r.slice(0, 2));

function withNames(est: Mult, names: string[]): Mult {
  (est as unknown as { getFeatureNamesOut: () => string[] }).getFeatureNamesOut = () => names;
  return est;
}

/** Keeps the first k columns (a SelectKBest stand-in); k is a param. */
class FirstK extends BaseEstimator<{ k?: number }> {
  static estimatorName = 'FirstK';
  static override defaults = { k: 1 };
  declare k: number;
  nFeaturesIn_?: number;
  fit(Xa: number[][]): this {
    this.nFeaturesIn_ = Xa[0]!.length;
    return this;
  }
  transform(Xa: number[][]): number[][] {
    return Xa.map((r) => r.slice(0, this.k));
  }
}

describe('FeatureUnion (test_pipeline.py)', () => {
  it('test_pipeline.py::test_feature_union', () => {
    const scaler = new StandardScaler();
    const select = new FirstK({ k: 1 });
    let fs = new FeatureUnion({ transformerList: [['svd', scaler], ['select', select]] });
    fs.fit(X, y);
    const Xt = fs.transform(X) as number[][];
    expect([Xt.length, Xt[0]!.length]).toEqual([X.length, 5]);
    expect(Xt.map((r) => r.slice(0, 4))).toEqual(new StandardScaler().fit(X).transform(X));
    expect(Xt.map((r) => r[4])).toEqual(X.map((r) => r[0]));

    const fs2 = clone(fs);
    expect(fs2.transformerList[0]![1]).not.toBe(fs.transformerList[0]![1]);

    fs.setParams({ select__k: 2 });
    expect((fs.fitTransform(X, y) as number[][])[0]!.length).toBe(6);

    fs = new FeatureUnion({ transformerList: [['mock', new Transf()], ['svd', scaler], ['select', select]] });
    expect((fs.fitTransform(X, y) as number[][])[0]!.length).toBe(10);

    fs = new FeatureUnion({ transformerList: [['transform', new Transf()], ['no_transform', new NoTrans() as never]] });
    expect(() => fs.fit(X)).toThrow(/^All estimators should implement fit and transform\. .*\bNoTrans\b/);
  });

  it('test_pipeline.py::test_feature_union_named_transformers', () => {
    const transf = new Transf();
    const noinvtransf = new NoInvTransf();
    const fs = new FeatureUnion({ transformerList: [['transf', transf], ['noinvtransf', noinvtransf]] });
    expect(fs.namedTransformers.transf).toBe(transf);
    expect(fs.namedTransformers.noinvtransf).toBe(noinvtransf);
  });

  it('test_pipeline.py::test_make_union and test_make_union_kwargs', () => {
    const pca = new StandardScaler();
    const mock = new Transf();
    const fu = makeUnion(pca, mock);
    expect(fu.transformerList.map(([n]) => n)).toEqual(['standardscaler', 'transf']);
    expect(fu.transformerList.map(([, t]) => t)).toEqual([pca, mock]);
    const fu3 = makeUnion(pca, mock, { nJobs: 3 });
    expect(fu3.transformerList).toEqual(makeUnion(pca, mock).transformerList);
    expect(fu3.nJobs).toBe(3);
    expect(() => makeUnion(pca, mock, { transformerWeights: { pca: 10 } } as never)).toThrow(
      "makeUnion() got an unexpected option 'transformerWeights'",
    );
  });

  it('test_pipeline.py::test_feature_union_weights', () => {
    const scaler = new StandardScaler();
    const select = new FirstK({ k: 1 });
    let fs = new FeatureUnion({ transformerList: [['pca', scaler], ['select', select]], transformerWeights: { pca: 10 } });
    fs.fit(X, y);
    const Xt = fs.transform(X) as number[][];
    fs = new FeatureUnion({ transformerList: [['pca', scaler], ['select', select]], transformerWeights: { pca: 10 } });
    const Xft = fs.fitTransform(X, y) as number[][];
    fs = new FeatureUnion({
      transformerList: [['mock', new Transf()], ['pca', scaler], ['select', select]],
      transformerWeights: { mock: 10 },
    });
    const Xwo = fs.fitTransform(X, y) as number[][];
    const scaled10 = new StandardScaler().fit(X).transform(X).map((r) => r.map((v) => 10 * v));
    expect(Xt.map((r) => r.slice(0, 4))).toEqual(scaled10);
    expect(Xt.map((r) => r[4])).toEqual(X.map((r) => r[0]));
    expect(Xft.map((r) => r.slice(0, 4))).toEqual(scaled10);
    expect(Xwo[0]!.length).toBe(9);
    expect(Xwo.map((r) => r.slice(0, 4))).toEqual(X.map((r) => r.map((v) => 10 * v)));
  });

  it('test_pipeline.py::test_feature_union_feature_names', () => {
    const fu = new FeatureUnion({ transformerList: [['chars', withNames(new Mult(), ['c0', 'c1'])], ['words', withNames(new Mult(), ['w0'])]] });
    fu.fit([[1]]);
    expect(fu.getFeatureNamesOut()).toEqual(['chars__c0', 'chars__c1', 'words__w0']);
    const ft = new FeatureUnion({ transformerList: [['tr1', new Transf()]] });
    ft.fit([[1]]);
    expect(() => ft.getFeatureNamesOut()).toThrow('Transformer tr1 (type Transf) does not provide getFeatureNamesOut.');
  });

  it('test_pipeline.py::test_set_feature_union_steps', () => {
    const mult2 = withNames(new Mult({ mult: 2 }), ['x2']);
    const mult3 = withNames(new Mult({ mult: 3 }), ['x3']);
    const mult5 = withNames(new Mult({ mult: 5 }), ['x5']);
    const ft = new FeatureUnion({ transformerList: [['m2', mult2], ['m3', mult3]] });
    expect(ft.transform([[1]])).toEqual([[2, 3]]);
    expect(ft.getFeatureNamesOut()).toEqual(['m2__x2', 'm3__x3']);
    ft.transformerList = [['m5', mult5]];
    expect(ft.transform([[1]])).toEqual([[5]]);
    expect(ft.getFeatureNamesOut()).toEqual(['m5__x5']);
    ft.setParams({ transformerList: [['mock', mult3]] });
    expect(ft.transform([[1]])).toEqual([[3]]);
    expect(ft.getFeatureNamesOut()).toEqual(['mock__x3']);
    ft.setParams({ mock: mult5 });
    expect(ft.transform([[1]])).toEqual([[5]]);
    expect(ft.getFeatureNamesOut()).toEqual(['mock__x5']);
  });

  it('test_pipeline.py::test_set_feature_union_step_drop', () => {
    const mult2 = withNames(new Mult({ mult: 2 }), ['x2']);
    const mult3 = withNames(new Mult({ mult: 3 }), ['x3']);
    const Xs = [[1]];
    let ft = new FeatureUnion({ transformerList: [['m2', mult2], ['m3', mult3]] });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[2, 3]]);
    expect(ft.fitTransform(Xs)).toEqual([[2, 3]]);
    expect(ft.getFeatureNamesOut()).toEqual(['m2__x2', 'm3__x3']);
    ft.setParams({ m2: 'drop' });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[3]]);
    expect(ft.fitTransform(Xs)).toEqual([[3]]);
    expect(ft.getFeatureNamesOut()).toEqual(['m3__x3']);
    ft.setParams({ m3: 'drop' });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[]]);
    expect(ft.fitTransform(Xs)).toEqual([[]]);
    expect(ft.getFeatureNamesOut()).toEqual([]);
    ft.setParams({ m3: mult3 });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[3]]);
    ft = new FeatureUnion({ transformerList: [['m2', 'drop'], ['m3', mult3]] });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[3]]);
    expect(ft.fitTransform(Xs)).toEqual([[3]]);
    expect(ft.getFeatureNamesOut()).toEqual(['m3__x3']);
  });

  it('test_pipeline.py::test_set_feature_union_passthrough', () => {
    const mult2 = withNames(new Mult({ mult: 2 }), ['x2']);
    const mult3 = withNames(new Mult({ mult: 3 }), ['x3']);
    const Xs = [[1]];
    let ft = new FeatureUnion({ transformerList: [['m2', mult2], ['m3', mult3]] });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[2, 3]]);
    ft.setParams({ m2: 'passthrough' });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[1, 3]]);
    expect(ft.fitTransform(Xs)).toEqual([[1, 3]]);
    expect(ft.getFeatureNamesOut(['myfeat'])).toEqual(['m2__myfeat', 'm3__x3']);
    ft.setParams({ m3: 'passthrough' });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[1, 1]]);
    expect(ft.getFeatureNamesOut(['myfeat'])).toEqual(['m2__myfeat', 'm3__myfeat']);
    ft.setParams({ m3: mult3 });
    expect(ft.fitTransform(Xs)).toEqual([[1, 3]]);

    const pca = new StandardScaler();
    ft = new FeatureUnion({ transformerList: [['passthrough', 'passthrough'], ['pca', pca]] });
    expect((ft.fitTransform(X) as number[][]).map((r) => r.slice(0, 4))).toEqual(X);
    const f = ['f0', 'f1', 'f2', 'f3'];
    expect(ft.getFeatureNamesOut(f)).toEqual([...f.map((n) => `passthrough__${n}`), ...f.map((n) => `pca__${n}`)]);
    ft.setParams({ pca: 'passthrough' });
    expect(ft.fitTransform(X)).toEqual(X.map((r) => [...r, ...r]));
    ft = new FeatureUnion({ transformerList: [['passthrough', 'passthrough'], ['pca', pca]], transformerWeights: { passthrough: 2 } });
    expect((ft.fit(X) as FeatureUnion).transform(X).map((r: number[]) => r.slice(0, 4))).toEqual(X.map((r) => r.map((v) => 2 * v)));
  });

  it('test_pipeline.py::test_feature_union_passthrough_get_feature_names_out', () => {
    const ft = new FeatureUnion({ transformerList: [['pca', new StandardScaler()], ['passthrough', 'passthrough']] });
    ft.fit(X);
    expect(ft.getFeatureNamesOut()).toEqual([
      'pca__x0', 'pca__x1', 'pca__x2', 'pca__x3',
      'passthrough__x0', 'passthrough__x1', 'passthrough__x2', 'passthrough__x3',
    ]);
  });

  it('test_pipeline.py::test_step_name_validation (FeatureUnion)', () => {
    const bad: [[string, Mult][], string][] = [
      [[['a__q', new Mult()], ['b', new Mult()]], "Estimator names must not contain __: got ['a__q']"],
      [[['a', new Mult()], ['a', new Mult()]], "Names provided are not unique: ['a', 'a']"],
      [[['a', new Mult()], ['transformerList', new Mult()]], "Estimator names conflict with constructor arguments: ['transformerList']"],
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
          [[['mult1', new Mult()], ['mult2', new Mult()]], ['mult1', 'mult2']],
          [[['mult1', 'drop'], ['mult2', new Mult()], ['mult3', 'drop']], ['mult2']],
        ] as const) {
          log.mockClear();
          const est = new FeatureUnion({ transformerList: list as never, verbose: true });
          est[method]([[1, 2, 3], [4, 5, 6]], [[7], [8]]);
          const lines = log.mock.calls.map((c) => String(c[0]));
          expect(lines).toHaveLength(names.length);
          lines.forEach((l, i) =>
            expect(l).toMatch(new RegExp(`^\\[FeatureUnion\\] \\.+ \\(step ${i + 1} of ${names.length}\\) Processing ${names[i]}, total=`)),
          );
        }
      }
    } finally {
      log.mockRestore();
    }
  });

  it('test_pipeline.py::test_n_features_in_feature_union', () => {
    const Xs = [[1, 2], [3, 4], [5, 6]];
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
        if (JSON.stringify(options) !== JSON.stringify({ a: 0 })) throw new ValueError('expected { a: 0 }');
        return this;
      }
      transform(Xa: unknown) {
        return Xa;
      }
    }
    const t = new FeatureUnion({ transformerList: [['dummy0', new Dummy()], ['dummy1', new Dummy()]] });
    expect(() => t.fit(X, y)).toThrow(ValueError);
    expect(() => t.fitTransform(X, y)).toThrow(ValueError);
    t.fit(X, y, { a: 0 });
    t.fitTransform(X, y, { a: 0 });
  });

  it('test_pipeline.py::test_feature_union_warns_unknown_transformer_weight', () => {
    const union = new FeatureUnion({ transformerList: [['transf', new Transf()]], transformerWeights: { transformer: 1 } });
    expect(() => union.fit([[1, 2], [3, 4]], [0, 1])).toThrow(
      'Attempting to weight transformer "transformer", but it is not present in transformerList.',
    );
  });

  it('test_pipeline.py::test_feature_union_check_if_fitted', () => {
    let union = new FeatureUnion({ transformerList: [['clf', new StandardScaler()]] });
    expect(() => checkIsFitted(union)).toThrow(NotFittedError);
    union.fit([[1, 2], [3, 4], [5, 6]]);
    checkIsFitted(union);
    union = new FeatureUnion({ transformerList: [['pass', 'passthrough']] });
    checkIsFitted(union); // passthrough is stateless
    union = new FeatureUnion({ transformerList: [['clf', new StandardScaler()], ['pass', 'passthrough']] });
    expect(() => checkIsFitted(union)).toThrow(NotFittedError);
    union.fit([[1, 2], [3, 4], [5, 6]]);
    checkIsFitted(union);
  });

  it('test_pipeline.py::test_feature_union_getitem (get)', () => {
    const scalar = new StandardScaler();
    const pca = new Mult();
    const union = new FeatureUnion({ transformerList: [['scalar', scalar], ['pca', pca], ['pass', 'passthrough'], ['drop_me', 'drop']] });
    expect(union.get('scalar')).toBe(scalar);
    expect(union.get('pca')).toBe(pca);
    expect(union.get('pass')).toBe('passthrough');
    expect(union.get('drop_me')).toBe('drop');
    expect(() => union.get('nope')).toThrow(RangeError);
  });

  it('verboseFeatureNamesOut: false gives bare names and rejects duplicates (scikit-learn 1.5)', () => {
    const fu = new FeatureUnion({
      transformerList: [['a', withNames(new Mult(), ['x', 'y'])], ['b', withNames(new Mult(), ['z'])]],
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
      override async transform(Xa: unknown): Promise<number[][]> {
        await new Promise((r) => setTimeout(r, 2));
        return super.transform(Xa);
      }
    }
    const fu = new FeatureUnion({ transformerList: [['slow', new AsyncTimes({ mult: 2 })], ['fast', new Mult({ mult: 3 })]] });
    const out = fu.fitTransform([[1], [2]]);
    expect(out).toBeInstanceOf(Promise);
    expect(await out).toEqual([[2, 3], [4, 6]]);
    expect(fu.transform([[1]])).toBeInstanceOf(Promise);
    expect(Array.isArray(makeUnion(new Mult()).fitTransform([[1]]))).toBe(true);
    // a classifier is not a transformer
    expect(() => makeUnion(new AsyncCentroidClassifier() as never).fit(X, y)).toThrow('All estimators should implement fit and transform.');
  });

  it('matches scikit-learn on [StandardScaler, passthrough] with weights (golden fixture)', () => {
    const g = golden.featureUnion;
    const Xs = g.X as number[][];
    const fu = new FeatureUnion({ transformerList: [['scaled', new StandardScaler()], ['raw', 'passthrough']], transformerWeights: { raw: 0.001 } });
    const out = fu.fitTransform(Xs) as number[][];
    expectClose(out, g.fitTransform);
    expect(fu.getFeatureNamesOut(['age', 'income'])).toEqual(g.featureNamesOut);
  });

  it('passes checkEstimator', async () => {
    const report = await checkEstimator(() =>
      new FeatureUnion({
        transformerList: [['scaled', new StandardScaler()], ['centered', new StandardScaler({ withStd: false })], ['gone', 'drop']],
      }),
    );
    assertAllPassed(report);
    expect(report.results.find((r) => r.check === 'checkTransformerGeneral')?.status).toBe('passed');
  });
});
