/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone into an empty project and uses it from require and import,
// then bundles it for the browser with nothing external and runs the bundle without Node.
import { buildSync } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

const USE = `
  const iris = loadIris();
  const [X, y] = loadDigits({ nClass: 2, returnXy: true });
  const frame = loadDiabetes({ scaled: false, asFrame: true }).frame;
  const [Xc, yc] = makeClassification({ nSamples: 30, randomState: 0 });
  const [Xb, yb, centers] = makeBlobs({ nSamples: 12, returnCenters: true, randomState: new RandomState(1) });
  const [Xm] = makeMoons({ nSamples: 4, shuffle: false });
  let err = '';
  try { makeCircles({ factor: 1 }); } catch (e) { err = e.name + ': ' + e.message; }
  console.log(JSON.stringify([
    iris.data.length, iris.targetNames, X.length, y.filter((t) => t === 1).length, frame[0].sex,
    loadBreastCancer().featureNames[0], loadWine({ returnXy: true })[1].length,
    Xc.length, Xc[0].length, new Set(yc).size, Xb.length, centers.length,
    Xm[0], makeRegression({ nSamples: 3, nFeatures: 2, randomState: 0 })[1].length, err,
  ]));
`;
const EXPECTED = [
  150,
  ['setosa', 'versicolor', 'virginica'],
  360,
  182,
  2,
  'mean radius',
  178,
  30,
  20,
  2,
  12,
  3,
  [1, 0],
  3,
  "InvalidParameterError: The 'factor' parameter of makeCircles must be a float in the range [0.0, 1.0). Got 1 instead.",
];
const NAMES = `loadIris, loadBreastCancer, loadWine, loadDiabetes, loadDigits, makeClassification,
  makeRegression, makeBlobs, makeMoons, makeCircles, RandomState`;

describe('@scikeras/datasets package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('datasets');
  }, 180000);

  it('works from require', () => {
    const out = runIn(
      project,
      'use.cjs',
      `const { ${NAMES} } = require('@scikeras/datasets'); ${USE}`,
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('works from import', () => {
    const out = runIn(project, 'use.mjs', `import { ${NAMES} } from '@scikeras/datasets'; ${USE}`);
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('ships its NOTICE', () => {
    const notice = readFileSync(join(project, 'node_modules/@scikeras/datasets/NOTICE'), 'utf8');
    expect(notice).toContain('BSD 3-Clause');
  });

  it('bundles for the browser with nothing external and runs without Node', () => {
    const entry = join(project, 'browser.mjs');
    require('node:fs').writeFileSync(
      entry,
      `import { ${NAMES} } from '@scikeras/datasets'; ${USE}`,
    );
    const result = buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    const logged: string[] = [];
    // a bare context: no require, process, Buffer or module
    runInNewContext(code, { console: { log: (s: string) => logged.push(s) } });
    expect(JSON.parse(logged[0]!)).toEqual(EXPECTED);
  });
});
