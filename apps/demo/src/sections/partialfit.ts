// partialFit: one epoch per call over chunks of digits arriving one after another.
import type { Section } from '../types';
import { fmt } from '../prep';
import { mlpClf } from './common';
import { digitsSplit } from './digitsSplit';

/**
 * The `partialfit` section of the tour: partialFit on a stream of chunks (digits).
 *
 * @example
 * ```ts
 * const result = await partialfit.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const partialfit: Section = {
  name: 'partialfit',
  title: 'partialFit on a stream of chunks (digits)',
  async run(ctx) {
    const { Xtr, Xte, ytr, yte } = await digitsSplit(ctx);
    const chunk = 270;
    const passes = ctx.quick ? 3 : 8;
    const nChunks = Math.ceil(Xtr.length / chunk);
    const est = mlpClf({
      hidden: 64,
      optimizer__learningRate: 0.01,
      batchSize: ctx.quick ? 128 : 32,
    });
    const bar = ctx.progress('partialFit chunks', passes * nChunks);
    const rows: (string | number)[][] = [];
    const curve: number[] = [];
    try {
      for (let p = 0; p < passes; p += 1) {
        for (let c = 0; c < nChunks; c += 1) {
          const Xc = Xtr.slice(c * chunk, (c + 1) * chunk);
          const yc = ytr.slice(c * chunk, (c + 1) * chunk);
          await est.partialFit(Xc, yc, {
            classes: p === 0 && c === 0 ? [...Array(10).keys()] : undefined,
          });
          bar.tick();
        }
        const acc = await est.score(Xte, yte);
        curve.push(acc);
        rows.push([p + 1, (p + 1) * nChunks, est.currentEpoch_ ?? '', fmt(acc)]);
      }
      return {
        score: curve.at(-1)!,
        scoreName: 'accuracy after the last pass (test)',
        bound: 0.85,
        headers: ['pass', 'partialFit calls', 'currentEpoch_', 'test acc'],
        rows,
        plots: [
          {
            kind: 'lines',
            title: 'partialFit: test accuracy after each pass',
            xName: 'pass',
            yName: 'accuracy',
            series: [{ name: 'test accuracy', data: curve }],
          },
        ],
      };
    } finally {
      bar.stop();
      est.dispose();
    }
  },
};
