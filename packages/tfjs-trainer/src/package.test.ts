/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone (with tfjs, its peer) into an empty project and uses it from
// require and import.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

const script = (load: string) => `${load}
tf.enableProdMode();
(async () => {
  await tf.setBackend('cpu');
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [2] })] });
  model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
  const x = tf.tensor2d([[0, 0], [1, 1], [0, 1], [1, 0]]);
  const y = tf.tensor2d([[0], [1], [0], [1]]);
  const plan = planLeanFit(model);
  const history = await fastTrainer.fit(model, x, y, { epochs: 2, verbose: 0 });
  const fast = installFastKernels({ backends: ['cpu'] });
  const during = fastKernelsInstalled('cpu');
  fast.uninstall();
  console.log(JSON.stringify([typeof plan, history.history.loss.length, during, fastKernelsInstalled('cpu'), Object.keys(trainers)]));
})();
`;

const expected = ['object', 2, true, false, ['fast', 'modelFit']];

describe('@scikeras/tfjs-trainer package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('tfjs-trainer', { '@tensorflow/tfjs': '4.22.0' });
  }, 300000);

  it('works from require', () => {
    const out = runIn(
      project,
      'use.cjs',
      script(
        "const tf = require('@tensorflow/tfjs');\nconst { fastTrainer, installFastKernels, fastKernelsInstalled, planLeanFit, trainers } = require('@scikeras/tfjs-trainer');",
      ),
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      script(
        "import * as tf from '@tensorflow/tfjs';\nimport { fastTrainer, installFastKernels, fastKernelsInstalled, planLeanFit, trainers } from '@scikeras/tfjs-trainer';",
      ),
    );
    expect(JSON.parse(out)).toEqual(expected);
  });

  it('depends on tfjs alone: no @scikeras package', () => {
    const pkg = require('../package.json');
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
    expect(deps.filter((d: string) => d.startsWith('@scikeras/'))).toEqual([]);
    // and no source file imports one
    const fs = require('node:fs');
    const path = require('node:path');
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e: { name: string; isDirectory(): boolean }) =>
          e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)],
        );
    const importing = sources(__dirname).filter(
      (f) =>
        f !== __filename &&
        /^\s*(import|export)\b[^\n]*from '@scikeras\//m.test(fs.readFileSync(f, 'utf8')),
    );
    expect(importing).toEqual([]);
    expect(pkg.peerDependencies).toEqual({
      '@tensorflow/tfjs': '>=4.22.0 <4.23.0',
      '@tensorflow/tfjs-backend-wasm': '>=4.22.0 <4.23.0',
    });
  });
});
