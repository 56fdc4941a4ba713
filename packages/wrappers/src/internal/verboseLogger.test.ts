// Keras-style progress output of fit (moved from BaseWrapper.test.ts).
import { BACKENDS, checkNoLeakPerTest, useTestBackend } from '../test-utils/backends';
import { testRegressor as reg, wrapperTestData } from '../test-utils/wrappers';

const { Xr, yr } = wrapperTestData();

describe('verbose', () => {
  describe.each(BACKENDS)('on %s', (backend) => {
    useTestBackend(backend);
    checkNoLeakPerTest();

    const capture = async (verbose: number, isTTY: boolean): Promise<string> => {
      const out = process.stdout;
      const writes: string[] = [];
      const spy = jest.spyOn(out, 'write').mockImplementation((s: string | Uint8Array) => {
        writes.push(String(s));
        return true;
      });
      const tty = out.isTTY;
      out.isTTY = isTTY;
      try {
        const est = reg({ verbose, epochs: 2, batchSize: 10 });
        await est.fit(Xr, yr);
        est.dispose();
      } finally {
        spy.mockRestore();
        out.isTTY = tty;
      }
      return writes.join('');
    };

    it('0 is silent', async () => {
      expect(await capture(0, true)).toBe('');
    });

    it('2 prints one line per epoch', async () => {
      const lines = (await capture(2, false)).trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Epoch 1\/2 - [\d.]+s - loss: \d+\.\d{4}$/);
    });

    it('1 prints a progress bar per epoch (plain lines when not a TTY)', async () => {
      const plain = await capture(1, false);
      expect(plain).not.toContain('\r');
      expect(plain.trim().split('\n')).toHaveLength(4);
      expect(plain).toMatch(/^Epoch 1\/2\n2\/2 \[=+\] - [\d.]+s - loss: /);
      const tty = await capture(1, true);
      expect(tty).toContain('\r1/2 [');
    });
  });
});
