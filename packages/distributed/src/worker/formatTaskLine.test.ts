import type { TaskResult } from '@scikeras/model-selection';
import { formatTaskLine } from './formatTaskLine';

const base: TaskResult = {
  taskIndex: 4,
  candidateIndex: 3,
  splitIndex: 1,
  testScores: 0.91666,
  fitTime: 0.8,
  scoreTime: 0.04,
  nTestSamples: 20,
  fitError: null,
};

describe('formatTaskLine', () => {
  it('says candidate, fold, seconds and score', () => {
    expect(formatTaskLine('h:42', 0, 'grid-1', base, true)).toBe(
      'h:42/0 search grid-1: candidate 3, fold 1: 0.84 s, score 0.9167',
    );
  });
  it('names each metric, a failed fit, an error and a dropped result', () => {
    expect(formatTaskLine('w', 1, 's', { ...base, testScores: { r2: 0.5, mae: -1 } }, true)).toBe(
      'w/1 search s: candidate 3, fold 1: 0.84 s, r2 0.5000, mae -1.0000',
    );
    expect(formatTaskLine('w', 0, 's', { ...base, testScores: 0, fitError: 'E' }, false)).toBe(
      'w/0 search s: candidate 3, fold 1: 0.84 s, score 0.0000 (fit failed) (dropped: the search had ended)',
    );
    expect(
      formatTaskLine(
        'w',
        0,
        's',
        { ...base, raised: { name: 'ValueError', message: 'bad\nmore', kind: 'ValueError' } },
        true,
      ),
    ).toBe('w/0 search s: candidate 3, fold 1: 0.84 s, raised ValueError: bad');
  });
});
