import { KFold } from './KFold';
import { StratifiedKFold } from './StratifiedKFold';
import { checkCv } from './checkCv';

describe('checkCv', () => {
  it('an int means StratifiedKFold for classifiers with binary/multiclass y, KFold otherwise', () => {
    expect(checkCv(3, [0, 1, 0, 1, 0, 1], true)).toBeInstanceOf(StratifiedKFold);
    expect(checkCv(3, ['a', 'b', 'c', 'a'], true)).toBeInstanceOf(StratifiedKFold);
    expect(checkCv(3, [0.5, 1.5, 2.5], true)).toBeInstanceOf(KFold);
    expect(checkCv(3, [0, 1, 0, 1], false)).toBeInstanceOf(KFold);
    expect(checkCv(undefined).getNSplits()).toBe(5);
    expect(
      checkCv(
        null,
        [
          [0, 1],
          [1, 0],
        ],
        true,
      ),
    ).toBeInstanceOf(KFold);
  });

  it('passes splitters through and wraps iterables', () => {
    const kf = new KFold({ nSplits: 2 });
    expect(checkCv(kf)).toBe(kf);
    const wrapped = checkCv([
      [[0, 1], [2]],
      [[2], [0, 1]],
    ]);
    expect(wrapped.getNSplits()).toBe(2);
    expect([...wrapped.split()]).toEqual([
      [[0, 1], [2]],
      [[2], [0, 1]],
    ]);
  });

  it('rejects anything else', () => {
    expect(() => checkCv('5' as never)).toThrow(
      "Expected cv as an integer, cross-validation object (from @scikeras/model-selection) or an iterable. Got '5'.",
    );
  });
});
