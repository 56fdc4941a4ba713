// Ports of scikit-learn's sklearn/tests/test_pipeline.py (1.2/1.3) for FeatureUnion and makeUnion.
import { BaseEstimator, clone } from '@scikeras/estimator-core';
import { FeatureUnion } from './FeatureUnion';
import { makeUnion } from './makeUnion';
import { threeBlobs } from './test-utils/data';
import { Mult, NoInvTransf, NoTrans, Transf } from './test-utils/toys';
import { StandardScaler } from './test-utils/twins';

const { X, y } = threeBlobs();

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
    let fs = new FeatureUnion({
      transformerList: [
        ['svd', scaler],
        ['select', select],
      ],
    });
    fs.fit(X, y);
    const Xt = fs.transform(X) as number[][];
    expect([Xt.length, Xt[0]!.length]).toEqual([X.length, 5]);
    expect(Xt.map((r) => r.slice(0, 4))).toEqual(new StandardScaler().fit(X).transform(X));
    expect(Xt.map((r) => r[4])).toEqual(X.map((r) => r[0]));

    const fs2 = clone(fs);
    expect(fs2.transformerList[0]![1]).not.toBe(fs.transformerList[0]![1]);

    fs.setParams({ select__k: 2 });
    expect((fs.fitTransform(X, y) as number[][])[0]!.length).toBe(6);

    fs = new FeatureUnion({
      transformerList: [
        ['mock', new Transf()],
        ['svd', scaler],
        ['select', select],
      ],
    });
    expect((fs.fitTransform(X, y) as number[][])[0]!.length).toBe(10);

    fs = new FeatureUnion({
      transformerList: [
        ['transform', new Transf()],
        ['no_transform', new NoTrans() as never],
      ],
    });
    expect(() => fs.fit(X)).toThrow(
      /^All estimators should implement fit and transform\. .*\bNoTrans\b/,
    );
  });

  it('test_pipeline.py::test_feature_union_named_transformers', () => {
    const transf = new Transf();
    const noinvtransf = new NoInvTransf();
    const fs = new FeatureUnion({
      transformerList: [
        ['transf', transf],
        ['noinvtransf', noinvtransf],
      ],
    });
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
    let fs = new FeatureUnion({
      transformerList: [
        ['pca', scaler],
        ['select', select],
      ],
      transformerWeights: { pca: 10 },
    });
    fs.fit(X, y);
    const Xt = fs.transform(X) as number[][];
    fs = new FeatureUnion({
      transformerList: [
        ['pca', scaler],
        ['select', select],
      ],
      transformerWeights: { pca: 10 },
    });
    const Xft = fs.fitTransform(X, y) as number[][];
    fs = new FeatureUnion({
      transformerList: [
        ['mock', new Transf()],
        ['pca', scaler],
        ['select', select],
      ],
      transformerWeights: { mock: 10 },
    });
    const Xwo = fs.fitTransform(X, y) as number[][];
    const scaled10 = new StandardScaler()
      .fit(X)
      .transform(X)
      .map((r) => r.map((v) => 10 * v));
    expect(Xt.map((r) => r.slice(0, 4))).toEqual(scaled10);
    expect(Xt.map((r) => r[4])).toEqual(X.map((r) => r[0]));
    expect(Xft.map((r) => r.slice(0, 4))).toEqual(scaled10);
    expect(Xwo[0]!.length).toBe(9);
    expect(Xwo.map((r) => r.slice(0, 4))).toEqual(X.map((r) => r.map((v) => 10 * v)));
  });

  it('test_pipeline.py::test_feature_union_feature_names', () => {
    const fu = new FeatureUnion({
      transformerList: [
        ['chars', withNames(new Mult(), ['c0', 'c1'])],
        ['words', withNames(new Mult(), ['w0'])],
      ],
    });
    fu.fit([[1]]);
    expect(fu.getFeatureNamesOut()).toEqual(['chars__c0', 'chars__c1', 'words__w0']);
    const ft = new FeatureUnion({ transformerList: [['tr1', new Transf()]] });
    ft.fit([[1]]);
    expect(() => ft.getFeatureNamesOut()).toThrow(
      'Transformer tr1 (type Transf) does not provide getFeatureNamesOut.',
    );
  });

  it('test_pipeline.py::test_set_feature_union_steps', () => {
    const mult2 = withNames(new Mult({ mult: 2 }), ['x2']);
    const mult3 = withNames(new Mult({ mult: 3 }), ['x3']);
    const mult5 = withNames(new Mult({ mult: 5 }), ['x5']);
    const ft = new FeatureUnion({
      transformerList: [
        ['m2', mult2],
        ['m3', mult3],
      ],
    });
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
    let ft = new FeatureUnion({
      transformerList: [
        ['m2', mult2],
        ['m3', mult3],
      ],
    });
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
    ft = new FeatureUnion({
      transformerList: [
        ['m2', 'drop'],
        ['m3', mult3],
      ],
    });
    expect((ft.fit(Xs) as FeatureUnion).transform(Xs)).toEqual([[3]]);
    expect(ft.fitTransform(Xs)).toEqual([[3]]);
    expect(ft.getFeatureNamesOut()).toEqual(['m3__x3']);
  });

  it('test_pipeline.py::test_set_feature_union_passthrough', () => {
    const mult2 = withNames(new Mult({ mult: 2 }), ['x2']);
    const mult3 = withNames(new Mult({ mult: 3 }), ['x3']);
    const Xs = [[1]];
    let ft = new FeatureUnion({
      transformerList: [
        ['m2', mult2],
        ['m3', mult3],
      ],
    });
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
    ft = new FeatureUnion({
      transformerList: [
        ['passthrough', 'passthrough'],
        ['pca', pca],
      ],
    });
    expect((ft.fitTransform(X) as number[][]).map((r) => r.slice(0, 4))).toEqual(X);
    const f = ['f0', 'f1', 'f2', 'f3'];
    expect(ft.getFeatureNamesOut(f)).toEqual([
      ...f.map((n) => `passthrough__${n}`),
      ...f.map((n) => `pca__${n}`),
    ]);
    ft.setParams({ pca: 'passthrough' });
    expect(ft.fitTransform(X)).toEqual(X.map((r) => [...r, ...r]));
    ft = new FeatureUnion({
      transformerList: [
        ['passthrough', 'passthrough'],
        ['pca', pca],
      ],
      transformerWeights: { passthrough: 2 },
    });
    expect(
      ((ft.fit(X) as FeatureUnion).transform(X) as number[][]).map((r) => r.slice(0, 4)),
    ).toEqual(X.map((r) => r.map((v) => 2 * v)));
  });
});
