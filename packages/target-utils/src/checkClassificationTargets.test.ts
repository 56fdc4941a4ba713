import { ValueError } from '@scikeras/estimator-core';
import { checkClassificationTargets } from './checkClassificationTargets';
import { decode, loadFixture } from './test-utils/fixtures';

const examples = loadFixture<{
  cases: { name: string; y: unknown; expected: { value?: string } }[];
}>('typeOfTarget.json');

describe('checkClassificationTargets', () => {
  const typed = examples.cases.filter(
    (c) => c.expected.value !== undefined && c.name.startsWith('EXAMPLES'),
  );
  it.each(typed.map((c) => [c.name, c.expected.value!, c] as const))(
    '%s (%s) as in test_check_classification_targets',
    (_n, type, c) => {
      const run = () => checkClassificationTargets(decode(c.y));
      if (['unknown', 'continuous', 'continuous-multioutput'].includes(type)) {
        expect(run).toThrow(new ValueError(`Unknown label type: '${type}'`));
      } else {
        expect(run).not.toThrow();
      }
    },
  );

  it('names y in NaN errors', () => {
    expect(() => checkClassificationTargets([0.5, NaN])).toThrow('Input y contains NaN.');
  });
});
