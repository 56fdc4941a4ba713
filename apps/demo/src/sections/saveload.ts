// saveEstimator / loadEstimator of a fitted Pipeline(StandardScaler, KerasClassifier): the
// reloaded pipeline (scaler statistics and Keras weights) predicts exactly as the original.
import type { Pipeline } from '@scikeras/pipeline';
import { fmt } from '../prep';
import type { Section } from '../types';
import { mlpClf, scaled } from './common';

/**
 * The `saveload` section of the tour: saveEstimator + loadEstimator of a fitted pipeline,
 * identical predictions (iris).
 *
 * @example
 * ```ts
 * const result = await saveload.run(ctx); // { score, bound, headers, rows, plots }
 * ```
 */
export const saveload: Section = {
  name: 'saveload',
  title: 'saveEstimator + loadEstimator of a Pipeline, identical predictions (iris)',
  async run(ctx) {
    const { X, y, targetNames } = await ctx.data.iris();
    const labels = y.map((k) => targetNames![k]!);
    const est = scaled(
      mlpClf({
        epochs: ctx.quick ? 20 : 60,
        batchSize: ctx.quick ? 64 : 32,
        optimizer__learningRate: 0.05,
      }),
    );
    let loaded: Pipeline | undefined;
    try {
      await est.fit(X, labels);
      const saved = await ctx.saveAndLoad(est);
      loaded = saved.loaded;
      const p1 = (await est.predict(X)) as string[];
      const p2 = (await loaded.predict(X)) as string[];
      const q1 = (await est.predictProba(X)) as number[][];
      const q2 = (await loaded.predictProba(X)) as number[][];
      const same = p1.filter((v, i) => v === p2[i]).length / p1.length;
      const maxDiff = Math.max(...q1.flatMap((r, i) => r.map((v, j) => Math.abs(v - q2[i]![j]!))));
      return {
        score: same,
        scoreName: 'fraction of identical predictions',
        bound: 1,
        headers: ['estimator', 'accuracy', 'classes_'],
        rows: [
          ['original', fmt(await est.score(X, labels)), (est.classes_ as string[]).join(' ')],
          ['reloaded', fmt(await loaded.score(X, labels)), (loaded.classes_ as string[]).join(' ')],
        ],
        notes: [`saved to ${saved.where}; max |Δ predictProba| = ${maxDiff.toExponential(1)}`],
      };
    } finally {
      est.dispose();
      loaded?.dispose();
    }
  },
};
