// A Pipeline (from @scikeras/pipeline: a transformer, then a KerasClassifier) searched on the
// workers gives what nJobs: 1 gives. Pipeline is registered for the workers by the models module.
import { GridSearchCV } from '@scikeras/model-selection';
import { Pipeline } from '@scikeras/pipeline';
import { KerasClassifier } from '@scikeras/wrappers';
import { Standardize, mlp } from '../../test-utils/models.cjs';
import { X, yc } from '../../test-utils/data.cjs';
import { startRedisServer, type RedisServer } from '../testing/redisServer';
import { startWorkers, stopWorkers, type WorkerProcess } from '../../test-utils/workers';
import { QueueExecutor } from './QueueExecutor';

const TIMING = /^(mean|std)(Fit|Score)Time$/;

describe('QueueExecutor with a Pipeline', () => {
  let redis: RedisServer;
  let workers: WorkerProcess[];
  let executor: QueueExecutor;
  beforeAll(async () => {
    redis = await startRedisServer();
    workers = await startWorkers(2, { url: redis.url, queue: 'pipeline' });
    executor = new QueueExecutor({ connection: redis.url, queue: 'pipeline' });
  });
  afterAll(async () => {
    await executor?.close();
    await stopWorkers(workers ?? []);
    await redis?.remove();
  });

  it('gives the cvResults_, bestParams_ and predictions of nJobs: 1', async () => {
    const make = (ex: QueueExecutor | null) =>
      new GridSearchCV({
        estimator: new Pipeline({
          steps: [
            ['scale', new Standardize()],
            [
              'clf',
              new KerasClassifier({
                model: mlp,
                loss: 'sparse_categorical_crossentropy',
                optimizer: 'adam',
                optimizer__learningRate: 0.05,
                epochs: 4,
                verbose: 0,
                randomState: 1,
              }),
            ],
          ],
        }),
        paramGrid: { clf__model__hidden: [3, 6], scale: [new Standardize(), 'passthrough'] },
        cv: 3,
        executor: ex,
      });
    const seq = await make(null).fit(X, yc);
    const dist = await make(executor).fit(X, yc);
    const strip = (r: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(r).filter(([k]) => !TIMING.test(k) && k !== 'params' && k !== 'paramScale'),
      );
    expect(strip(dist.cvResults_!)).toEqual(strip(seq.cvResults_!));
    expect(String(dist.bestParams_!.scale)).toBe(String(seq.bestParams_!.scale));
    expect(await dist.predict(X.slice(0, 6))).toEqual(await seq.predict(X.slice(0, 6)));
    dist.dispose();
    seq.dispose();
  });
});
