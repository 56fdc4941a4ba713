import { SequentialExecutor } from './SequentialExecutor';

describe('SequentialExecutor', () => {
  describe('run', () => {
    it('refuses a timeout: a fit in this thread cannot be stopped', async () => {
      await expect(
        new SequentialExecutor().run({ tasks: [] } as never, undefined, { timeout: 1 }),
      ).rejects.toThrow(
        'SequentialExecutor cannot stop a fit that runs longer than timeout: a fit in the calling thread cannot be preempted.',
      );
    });

    it('rejects with the reason of a signal that has fired', async () => {
      const ctrl = new AbortController();
      ctrl.abort(new Error('stop now'));
      await expect(
        new SequentialExecutor().run({ tasks: [] } as never, undefined, { signal: ctrl.signal }),
      ).rejects.toThrow('stop now');
    });
  });
});
