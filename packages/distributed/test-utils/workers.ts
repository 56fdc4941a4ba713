// The tests' workers: scikeras-worker processes importing the test models module, with short
// BullMQ lock and stalled-check times so that a killed worker's task is retaken within seconds.
import { join } from 'node:path';
import {
  startWorkers as start,
  type StartWorkerOptions,
  type WorkerProcess,
} from '../src/testing/workerProcess';

export { stopWorkers, taskLines, type WorkerProcess } from '../src/testing/workerProcess';

/** The test models module (build functions and estimator classes, registered). */
export const MODELS = join(__dirname, 'models.cjs');

/** Starts `n` test workers named w0, w1, ... */
export function startWorkers(
  n: number,
  o: Omit<StartWorkerOptions, 'name' | 'imports'> & { imports?: string[] },
): Promise<WorkerProcess[]> {
  return start(n, {
    ...o,
    imports: o.imports ?? [MODELS],
    args: ['--lock-duration', '3000', '--stalled-interval', '1000', ...(o.args ?? [])],
  });
}
