import fixture from '../__fixtures__/search.json';
import { ThresholdClassifier } from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from '../search/GridSearchCV';
import { ProgressReporter } from './ProgressReporter';

const { X, yc } = fixture.data;

describe('ProgressReporter', () => {
  it('prints scikit-learn’s header and END lines by verbose level', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    try {
      await new GridSearchCV({
        estimator: new ThresholdClassifier(),
        paramGrid: { offset: [0, 1], feature: [0, 1] },
        cv: 3,
        verbose: 3,
      }).fit(X, yc);
    } finally {
      spy.mockRestore();
    }
    expect(lines[0]).toBe('Fitting 3 folds for each of 4 candidates, totalling 12 fits');
    expect(lines).toHaveLength(13);
    expect(lines[1]).toMatch(
      /^\[CV 1\/3\] END \.+feature=0, offset=0;, score=\d\.\d{3} total time= +\d+\.\ds$/,
    );
    expect(lines[1]).toHaveLength(80);
  });

  it('verbose 0 prints nothing; onProgress counts every task', async () => {
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const done: number[] = [];
    try {
      await new GridSearchCV({
        estimator: new ThresholdClassifier(),
        paramGrid: { offset: [0, 1] },
        cv: 3,
        onProgress: (e) => done.push(e.done),
      }).fit(X, yc);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('draws a progress bar on a terminal only', () => {
    const out: string[] = [];
    const tasks = [0, 1].map((i) => ({
      taskIndex: i,
      candidateIndex: 0,
      splitIndex: i,
      params: null,
      trainIdx: [],
      testIdx: [],
    }));
    const rep = new ProgressReporter({
      verbose: 1,
      tasks,
      nSplits: 2,
      nCandidates: 1,
      print: () => undefined,
      stream: { isTTY: true, columns: 60, write: (s: string) => out.push(s) },
    });
    rep.start(false);
    rep.done({
      taskIndex: 0,
      candidateIndex: 0,
      splitIndex: 0,
      testScores: 1,
      fitTime: 0,
      scoreTime: 0,
      nTestSamples: 1,
      fitError: null,
    });
    rep.finish();
    expect(out.join('')).toContain('1/2 fits');
    const none: string[] = [];
    const plain = new ProgressReporter({
      verbose: 1,
      tasks,
      nSplits: 2,
      nCandidates: 1,
      print: () => undefined,
      stream: { isTTY: false, write: (s: string) => none.push(s) },
    });
    plain.start(false);
    plain.finish();
    expect(none).toEqual([]);
  });
});
