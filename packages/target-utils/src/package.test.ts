/* eslint-disable @typescript-eslint/no-require-imports */
// Installs the packed tarball alone into an empty project and uses it from require and import.
const { packAndInstall, runIn } = require('../../../scripts/packAndInstall.cjs');

const USE = `
  const y = ['cat', 'dog', 'cat', 'bird'];
  const le = new LabelEncoder().fit(y);
  const enc = new ClassifierLabelEncoder({ loss: 'categoricalCrossentropy' }).fit(y);
  const reg = new RegressorTargetEncoder().fit([[0.5, 1], [2, 3]]);
  let err = '';
  try { checkClassificationTargets([0.5, 1.5]); } catch (e) { err = e.name + ': ' + e.message; }
  console.log(JSON.stringify([
    typeOfTarget(y), typeOfTarget([[0, 1], [1, 1]]), uniqueLabels([3, 1, 2], [5]), isMultilabel([[1, 0]]),
    le.transform(['dog', 'bird']), le.inverseTransform([0]),
    enc.transform(['dog']), enc.inverseTransform([[0.1, 0.2, 0.7]]), enc.getMetadata().nClasses_,
    reg.getMetadata(), new OneHotEncoder().fitTransform(['b', 'a']),
    new LabelBinarizer().fitTransform(['yes', 'no']), new MultiLabelBinarizer().fitTransform([[1, 2], [3]]),
    err,
  ]));
`;
const EXPECTED = [
  'multiclass',
  'multilabel-indicator',
  [1, 2, 3, 5],
  true,
  [2, 0],
  ['bird'],
  [[0, 0, 1]],
  ['dog'],
  3,
  { nOutputs_: 2, nOutputsExpected_: 1, targetType_: 'continuous-multioutput' },
  [
    [0, 1],
    [1, 0],
  ],
  [[1], [0]],
  [
    [1, 1, 0],
    [0, 0, 1],
  ],
  "ValueError: Unknown label type: 'continuous'",
];

describe('@scikeras/target-utils package', () => {
  let project: string;
  beforeAll(() => {
    project = packAndInstall('target-utils');
  }, 180000);

  it('works from require', () => {
    const out = runIn(
      project,
      'use.cjs',
      `const { typeOfTarget, uniqueLabels, isMultilabel, checkClassificationTargets, LabelEncoder,
         ClassifierLabelEncoder, RegressorTargetEncoder, OneHotEncoder, LabelBinarizer, MultiLabelBinarizer,
       } = require('@scikeras/target-utils');
       ${USE}`,
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });

  it('works from import', () => {
    const out = runIn(
      project,
      'use.mjs',
      `import { typeOfTarget, uniqueLabels, isMultilabel, checkClassificationTargets, LabelEncoder,
         ClassifierLabelEncoder, RegressorTargetEncoder, OneHotEncoder, LabelBinarizer, MultiLabelBinarizer,
       } from '@scikeras/target-utils';
       ${USE}`,
    );
    expect(JSON.parse(out)).toEqual(EXPECTED);
  });
});
