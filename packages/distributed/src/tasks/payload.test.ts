import { checkSearchContext, checkSearchData, parseTaskJobData } from './payload';

const spec = {
  format: 'scikeras-ts-travel',
  modules: [],
  environment: {},
  value: null,
  buffers: [],
};
const job = {
  v: 1,
  searchId: 'grid-1',
  generation: 'f'.repeat(32),
  dataHash: '0'.repeat(64),
  task: { taskIndex: 3, candidateIndex: 1, splitIndex: 0, split: 0, params: spec },
};

describe('parseTaskJobData', () => {
  it('takes a well-formed job', () => {
    expect(parseTaskJobData(job)).toEqual(job);
  });

  it.each([
    [null, 'the job data is not an object'],
    [[], 'the job data is not an object'],
    [{ ...job, extra: 1 }, 'the job data has an unexpected key "extra"'],
    [{ ...job, v: 2 }, 'unknown payload version 2'],
    [{ ...job, searchId: 'a:b' }, 'the search id is malformed'],
    [{ ...job, generation: 'x' }, 'the generation is malformed'],
    [{ ...job, dataHash: 'G'.repeat(64) }, 'the data hash is malformed'],
    [{ ...job, task: { ...job.task, taskIndex: -1 } }, 'taskIndex is not a non-negative integer'],
    [{ ...job, task: { ...job.task, split: 0.5 } }, 'split is not a non-negative integer'],
    [{ ...job, task: { ...job.task, run: 'x' } }, 'the task has an unexpected key "run"'],
    [
      { ...job, task: { ...job.task, params: { ...spec, code: 'x' } } },
      'the params has an unexpected key "code"',
    ],
    [
      { ...job, task: { ...job.task, params: { ...spec, modules: [1] } } },
      'the params has bad modules',
    ],
  ])('refuses %j', (data, what) => {
    expect(() => parseTaskJobData(data)).toThrow(`Refused a task: ${what}.`);
  });
});

describe('checkSearchContext', () => {
  const ctx = {
    estimator: spec,
    scoring: ['r2'],
    mode: 'score',
    returnTrainScore: false,
    returnEstimator: true,
    errorScore: NaN,
  };
  it('takes a context', () => {
    expect(checkSearchContext(ctx)).toEqual(ctx);
  });
  it.each([
    [{ ...ctx, mode: 'constructor' }, 'the mode "constructor"'],
    [{ ...ctx, scoring: [() => 1] }, 'the scoring is not scorer names'],
    [{ ...ctx, errorScore: 'ignore' }, 'the errorScore is neither raise nor a number'],
    [{ ...ctx, returnEstimator: 'yes' }, 'a return flag is not a boolean'],
  ])('refuses %j', (c, what) => {
    expect(() => checkSearchContext(c)).toThrow(`Refused a task: ${what}.`);
  });
});

describe('checkSearchData', () => {
  const n = (X: unknown) => (X as unknown[]).length;
  it('refuses split indices outside the samples', () => {
    const data = { X: [[1], [2]], y: [0, 1], fitOptions: spec, splits: [[[0], [2]]] };
    expect(() => checkSearchData(data, n)).toThrow(
      'Refused a task: split 0 has indices outside [0, 2).',
    );
    expect(checkSearchData({ ...data, splits: [[[0], [1]]] }, n).splits).toEqual([[[0], [1]]]);
  });
});
