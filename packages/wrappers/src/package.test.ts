/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone (with tfjs, its peer) into an empty project and uses it from
// require and import.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

const script = (load: string) => `${load}
tf.enableProdMode();
const build = ({ nFeaturesIn_, nClasses_ }) => {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 4, activation: 'relu', inputShape: [nFeaturesIn_] }));
  m.add(tf.layers.dense({ units: nClasses_, activation: 'softmax' }));
  return m;
};
const X = [[0, 0], [1, 1], [0, 1], [1, 0]];
const clf = new KerasClassifier({ model: build, loss: 'sparse_categorical_crossentropy', verbose: 0, randomState: 0 });
const reg = new KerasRegressor({ model: ({ nFeaturesIn_ }) => tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [nFeaturesIn_] })] }), loss: 'mse', verbose: 0 });
(async () => {
  await tf.setBackend('cpu');
  await clf.fit(X, ['a', 'b', 'a', 'b']);
  await reg.fit(X, [0, 1, 2, 3]);
  const out = [clf.classes_, (await clf.predict(X)).length, typeof (await reg.score(X, [0, 1, 2, 3])), new BaseWrapper().getParams().optimizer];
  clf.dispose();
  reg.dispose();
  console.log(JSON.stringify(out));
})();
`;

describe('@scikeras/wrappers package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('wrappers', { '@tensorflow/tfjs': '4.22.0' });
  }, 300000);

  it('works from require', () => {
    const out = runIn(
      project,
      'use.cjs',
      script(
        "const tf = require('@tensorflow/tfjs');\nconst { KerasClassifier, KerasRegressor, BaseWrapper } = require('@scikeras/wrappers');",
      ),
    );
    expect(JSON.parse(out)).toEqual([['a', 'b'], 4, 'number', 'rmsprop']);
  });

  it.each([
    ['use-backend.cjs', "const { useBackend } = require('@scikeras/wrappers');"],
    ['use-backend.mjs', "import { useBackend } from '@scikeras/wrappers';"],
  ])(
    "'auto' picks wasm with nothing but @scikeras/wrappers and @tensorflow/tfjs installed (%s)",
    (file, load) => {
      const out = runIn(
        project,
        file,
        `${load}
         useBackend('auto').then((b) => console.log(JSON.stringify(b)));`,
      );
      expect(JSON.parse(out)).toBe('wasm');
    },
  );

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      script(
        "import * as tf from '@tensorflow/tfjs';\nimport { KerasClassifier, KerasRegressor, BaseWrapper } from '@scikeras/wrappers';",
      ),
    );
    expect(JSON.parse(out)).toEqual([['a', 'b'], 4, 'number', 'rmsprop']);
  });
});
