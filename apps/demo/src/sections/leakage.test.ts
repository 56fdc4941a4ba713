// The tour's preprocessing is fitted inside each fold: the StandardScaler step of every fold's
// pipeline saw that fold's training rows only, and the ColumnTransformer of the mixed-data
// section picks the diabetes columns by name from records.
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { KFold, crossValidate } from '@scikeras/model-selection';
import { ColumnTransformer, type Pipeline } from '@scikeras/pipeline';
import { OneHotEncoder, StandardScaler } from '@scikeras/preprocessing';
import { loadDatasets } from '../data/loadDatasets';
import { nodeReadText } from '../data/nodeReadText';
import { mlpClf, scaled } from './common';
import { DIABETES_NUMERIC, diabetesRecords } from './mixed';

const data = loadDatasets(nodeReadText(join(__dirname, '..', '..', 'data')));

function columnMeans(rows: number[][]): number[] {
  return rows[0]!.map((_, j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
}

describe('the tour fits its preprocessing inside each fold', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("crossValidate of scaled(clf): each fold's scaler holds its training rows' statistics only", async () => {
    const before = tf.memory().numTensors;
    const { X, y } = await data.iris();
    const cv = new KFold({ nSplits: 3, shuffle: true, randomState: 0 });
    const pipe = scaled(mlpClf({ epochs: 1, hidden: 4 }));
    const res = await crossValidate(pipe, X, y, { cv, returnEstimator: true });
    const folds = [...cv.split(X, y)];
    const whole = columnMeans(X);
    expect(res.estimator).toHaveLength(3);
    res.estimator!.forEach((est, k) => {
      const scaler = (est as Pipeline).get('scaler') as StandardScaler;
      const train = folds[k]![0].map((i) => X[i]!);
      expect(scaler.nSamplesSeen_).toBe(train.length);
      scaler.mean_!.forEach((m, j) => expect(m).toBeCloseTo(columnMeans(train)[j]!, 12));
      expect(scaler.mean_![0]).not.toBeCloseTo(whole[0]!, 6);
      (est as Pipeline).dispose();
    });
    expect((pipe.get('scaler') as StandardScaler).mean_).toBeUndefined();
    pipe.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('diabetesRecords names the columns; the ColumnTransformer picks them by name', async () => {
    const { X } = await data.diabetes();
    const records = diabetesRecords(X);
    expect(records).toHaveLength(442);
    expect(records[0]).toEqual({
      age: 59,
      sex: '2',
      bmi: 32.1,
      bp: 101,
      s1: 157,
      s2: 93.2,
      s3: 38,
      s4: 4,
      s5: 4.8598,
      s6: 87,
    });
    const ct = new ColumnTransformer({
      transformers: [
        ['num', new StandardScaler(), [...DIABETES_NUMERIC]],
        ['cat', new OneHotEncoder(), ['sex']],
      ],
    });
    const out = ct.fitTransform(records) as number[][];
    expect(out[0]!.slice(-2)).toEqual([0, 1]);
    expect(out[1]!.slice(-2)).toEqual([1, 0]);
    expect(ct.getFeatureNamesOut()).toEqual([
      ...DIABETES_NUMERIC.map((c) => `num__${c}`),
      'cat__sex_1',
      'cat__sex_2',
    ]);
  });
});
