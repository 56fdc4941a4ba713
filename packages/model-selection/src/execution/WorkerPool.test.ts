import { workerExecArgv, workerFilename } from './WorkerPool';

describe('WorkerPool', () => {
  describe('workerExecArgv', () => {
    it('drops the options of an inline script, which worker threads refuse, and keeps the rest', () => {
      expect(
        workerExecArgv(['--input-type=module', '-e', 'code()', '--max-old-space-size=100']),
      ).toEqual(['--max-old-space-size=100']);
      expect(
        workerExecArgv(['--input-type', 'module', '--print', 'x', '--enable-source-maps']),
      ).toEqual(['--enable-source-maps']);
      expect(workerExecArgv(['--eval=1', '--conditions=dev'])).toEqual(['--conditions=dev']);
      expect(workerExecArgv([])).toEqual([]);
    });
  });

  describe('workerFilename', () => {
    it('finds the built worker entry beside the package entry', () => {
      expect(workerFilename()).toMatch(/model-selection[/\\]dist[/\\]worker\.mjs$/);
    });
  });
});
