import { SequentialExecutor } from './SequentialExecutor';
import { WorkerPoolExecutor } from './WorkerPoolExecutor';
import { makeExecutor } from './makeExecutor';

describe('makeExecutor', () => {
  it.each([null, undefined, 1])(
    'runs nJobs %p in this thread, or on one worker thread with a timeout',
    async (nJobs) => {
      expect(await makeExecutor(nJobs)).toBeInstanceOf(SequentialExecutor);
      const timed = await makeExecutor(nJobs, { timeout: 5 });
      expect(timed).toBeInstanceOf(WorkerPoolExecutor);
      expect((timed as WorkerPoolExecutor).nJobs).toBe(1);
    },
  );

  it('runs nJobs > 1 on worker threads and uses an Executor as is', async () => {
    expect(((await makeExecutor(3)) as WorkerPoolExecutor).nJobs).toBe(3);
    const mine = new SequentialExecutor();
    expect(await makeExecutor(mine, { timeout: 5 })).toBe(mine);
  });

  it.each([0, 1.5])('rejects nJobs %p', async (nJobs) => {
    await expect(makeExecutor(nJobs)).rejects.toThrow(
      `nJobs must be a non-zero integer or null, got ${nJobs}.`,
    );
  });
});
