// A fitted Pipeline / ColumnTransformer holding preprocessing transformers and a KerasClassifier
// saved with saveEstimator and loaded with loadEstimator (@scikeras/wrappers and
// @scikeras/preprocessing are devDependencies): the same predictions, in both output containers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOutputConfig } from '@scikeras/estimator-core';
import { loadBreastCancer } from '@scikeras/datasets';
import { MinMaxScaler, OneHotEncoder, StandardScaler } from '@scikeras/preprocessing';
import { KerasClassifier, loadEstimator, saveEstimator } from '@scikeras/wrappers';
import { ColumnTransformer } from './ColumnTransformer';
import { makeColumnSelector } from './makeColumnSelector';
import { makePipeline } from './makePipeline';
import { Pipeline } from './Pipeline';
import { kerasClassifier, numTensors, peopleRecords, useWasm } from './test-utils/keras';

const [Xall, yall] = loadBreastCancer({ returnXy: true });
const X = Xall.slice(0, 200);
const y = yall.slice(0, 200);

describe('saveEstimator / loadEstimator of pipelines', () => {
  useWasm();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-save-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['default', 'array2d'] as const)(
    'a fitted Pipeline(StandardScaler, KerasClassifier) predicts identically after loading (%s output)',
    async (output) => {
      const before = numTensors();
      const pipe = new Pipeline({
        steps: [
          ['scaler', new StandardScaler()],
          ['clf', kerasClassifier()],
        ],
      }).setOutput({ transform: output });
      await pipe.fit(X, y);
      const proba = await pipe.predictProba(X);
      const pred = await pipe.predict(X);
      const path = join(dir, `pipe-${output}`);
      await saveEstimator(pipe, path);
      const back = await loadEstimator<Pipeline>(path);
      expect(back).toBeInstanceOf(Pipeline);
      expect(back).not.toBe(pipe);
      expect(back.steps.map(([n]) => n)).toEqual(['scaler', 'clf']);
      const scaler = back.get('scaler') as StandardScaler;
      expect(scaler).toBeInstanceOf(StandardScaler);
      expect(scaler.mean_).toEqual((pipe.get('scaler') as StandardScaler).mean_);
      expect(getOutputConfig(scaler)).toEqual({ transform: output });
      expect(back.get('clf')).toBeInstanceOf(KerasClassifier);
      expect(await back.predict(X)).toEqual(pred);
      expect(await back.predictProba(X)).toEqual(proba);
      expect(back.classes_).toEqual(pipe.classes_);
      pipe.dispose();
      back.dispose();
      expect(numTensors()).toBe(before);
    },
  );

  it.each(['default', 'array2d'] as const)(
    'a fitted ColumnTransformer over records (scaler on numbers, OneHotEncoder on strings) + KerasClassifier (%s output)',
    async (output) => {
      const before = numTensors();
      const { rows, y: labels } = peopleRecords(90);
      const pipe = makePipeline(
        new ColumnTransformer({
          transformers: [
            ['num', new StandardScaler(), makeColumnSelector({ dtypeInclude: 'number' })],
            ['cat', new OneHotEncoder({ handleUnknown: 'ignore' }), ['city']],
          ],
        }),
        kerasClassifier({ epochs: 8 }),
      ).setOutput({ transform: output });
      await pipe.fit(rows, labels);
      const test = [
        { age: 33, income: 41000, city: 'Oslo' },
        { age: 61, income: 30000, city: 'Bergen' },
        { age: 25, income: 52000, city: 'Tromsø' }, // unknown city: all zeros
      ];
      const proba = await pipe.predictProba(test);
      const path = join(dir, `ct-${output}`);
      await saveEstimator(pipe, path);
      const back = await loadEstimator<Pipeline>(path);
      const ct = back.at(0) as ColumnTransformer;
      expect(ct).toBeInstanceOf(ColumnTransformer);
      expect(ct.getFeatureNamesOut()).toEqual([
        'num__age',
        'num__income',
        'cat__city_Bergen',
        'cat__city_Oslo',
        'cat__city_Trondheim',
      ]);
      expect(getOutputConfig(ct)).toEqual({ transform: output });
      expect(ct.transformers_!.map(([n]) => n)).toEqual(['num', 'cat']);
      expect(await back.predictProba(test)).toEqual(proba);
      expect(await back.predict(rows)).toEqual(await pipe.predict(rows));
      // the loaded pipeline can be refitted: the build function was found by its registered name
      await back.fit(rows, labels);
      expect(await back.predictProba(test)).toEqual(proba);
      pipe.dispose();
      back.dispose();
      expect(numTensors()).toBe(before);
    },
  );

  it('an unfitted pipeline with a MinMaxScaler and passthrough saves its params only', async () => {
    const pipe = makePipeline(new MinMaxScaler({ featureRange: [-1, 1] }), 'passthrough');
    const path = join(dir, 'unfitted');
    await saveEstimator(pipe, path);
    const back = await loadEstimator<Pipeline>(path);
    expect(String(back)).toBe(String(pipe));
    expect(back.isFitted()).toBe(false); // its last estimator (the scaler) is not fitted
    expect((back.at(0) as MinMaxScaler).dataMin_).toBeUndefined();
  });
});
