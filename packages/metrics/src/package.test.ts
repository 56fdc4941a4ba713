/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone (no TensorFlow.js) into an empty project and uses it from
// require and import; the tfjs subpath is tested in-repo (src/tfjs/tfjs.test.ts).
const { execFileSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { packAndInstall } = require('../../../scripts/packAndInstall.cjs');

/**
 * packAndInstall's runIn, minus NODE_PATH: pnpm's bin shims (npx jest) export a NODE_PATH into the
 * workspace's store, through which a child `require` would find the repo's own @tensorflow/tfjs.
 */
function runIn(project: string, filename: string, source: string): string {
  writeFileSync(join(project, filename), source);
  const env = { ...process.env };
  delete env['NODE_PATH'];
  return execFileSync(process.execPath, [filename], { cwd: project, encoding: 'utf8', env });
}

describe('@scikeras/metrics package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('metrics');
  }, 240000);

  it('installs without @tensorflow/tfjs', () => {
    const out = runIn(
      project,
      'absent.cjs',
      `let found = true;
       try { require.resolve('@tensorflow/tfjs'); } catch { found = false; }
       console.log(JSON.stringify(found));`,
    );
    expect(JSON.parse(out)).toBe(false);
  });

  it('works from require', async () => {
    const out = runIn(
      project,
      'use.cjs',
      `const { accuracyScore, r2Score, f1Score, getScorer, checkScoring } = require('@scikeras/metrics');
       const est = { fit() { return this; }, predict: async () => ['a', 'b', 'b'] };
       checkScoring(est, 'accuracy')(est, [[0], [1], [2]], ['a', 'b', 'a']).then((s) =>
         console.log(JSON.stringify([accuracyScore([0, 1], [0, 0]), r2Score([1, 2, 3], [1, 2, 3]),
           f1Score([0, 1, 2], [0, 2, 1], { average: 'micro' }), getScorer('neg_log_loss').sign, s])));`,
    );
    expect(JSON.parse(out)).toEqual([0.5, 1, 1 / 3, -1, 2 / 3]);
  });

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      `import { meanSquaredError, logLoss, confusionMatrix } from '@scikeras/metrics';
       console.log(JSON.stringify([meanSquaredError([1, 2], [1, 4]), logLoss([0, 1], [0.5, 0.5]), confusionMatrix([0, 1], [1, 1])]));`,
    );
    const [mse, ll, cm] = JSON.parse(out);
    expect(mse).toBe(2);
    expect(ll).toBeCloseTo(Math.log(2), 15);
    expect(cm).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('says which package is missing when the tfjs subpath is used without TensorFlow.js', () => {
    const out = runIn(
      project,
      'tfjs.mjs',
      `try { await import('@scikeras/metrics/tfjs'); console.log('loaded'); } catch (e) { console.log(e.code + ' ' + String(e.message).includes('@tensorflow/tfjs')); }`,
    );
    expect(out.trim()).toBe('ERR_MODULE_NOT_FOUND true');
  });
});

describe('@scikeras/metrics/tfjs package (with @tensorflow/tfjs 4.22.0 installed beside it)', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('metrics', { '@tensorflow/tfjs': '4.22.0' });
  }, 300000);

  it('works from import and require', () => {
    const mjs = runIn(
      project,
      'tf.mjs',
      `import * as tf from '@tensorflow/tfjs';
       import { rootMeanSquaredError, r2 } from '@scikeras/metrics/tfjs';
       import { rootMeanSquaredError as plain } from '@scikeras/metrics';
       tf.enableProdMode();
       await tf.setBackend('cpu');
       const t = tf.tensor1d([1, 2, 3, 4]), p = tf.tensor1d([1, 2, 3, 6]);
       console.log(JSON.stringify([rootMeanSquaredError(t, p).dataSync()[0], plain([1, 2, 3, 4], [1, 2, 3, 6]), r2(t, p).dataSync()[0]]));`,
    );
    const [ours, plain, r2] = JSON.parse(mjs);
    expect(ours).toBeCloseTo(plain, 6);
    expect(r2).toBeCloseTo(0.2, 6);
    const cjs = runIn(
      project,
      'tf.cjs',
      `const tf = require('@tensorflow/tfjs');
       const { r2 } = require('@scikeras/metrics/tfjs');
       tf.enableProdMode();
       console.log(JSON.stringify(typeof r2));`,
    );
    expect(JSON.parse(cjs)).toBe('function');
  });
});
