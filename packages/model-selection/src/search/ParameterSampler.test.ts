import { catchWarnings } from '@scikeras/estimator-core';
import { ParameterGrid } from './ParameterGrid';
import { ParameterSampler } from './ParameterSampler';
import { RandomState } from '../RandomState';
import { loguniform, randint, uniform } from './distributions';

describe('ParameterSampler', () => {
  it('samples lists without replacement when every value is a list', () => {
    const grid = { a: [1, 2, 3], b: ['x', 'y'] };
    const s = [...new ParameterSampler(grid, 6, { randomState: 0 })];
    expect(s).toHaveLength(6);
    expect(new Set(s.map((p) => JSON.stringify(p))).size).toBe(6);
    const all = [...new ParameterGrid(grid)].map((p) => JSON.stringify(p)).sort();
    expect(s.map((p) => JSON.stringify(p)).sort()).toEqual(all);
  });

  it('warns and caps nIter at the grid size like scikit-learn', () => {
    const { result, warnings } = catchWarnings(() => [
      ...new ParameterSampler({ a: [1, 2] }, 5, { randomState: 0 }),
    ]);
    expect(result).toHaveLength(2);
    expect(warnings[0]!.message).toBe(
      'The total space of parameters 2 is smaller than nIter=5. Running 2 iterations. For exhaustive searches, use GridSearchCV.',
    );
    expect(new ParameterSampler({ a: [1, 2] }, 5).length).toBe(2);
  });

  it('samples distributions with replacement, in their support, reproducibly', () => {
    const dists = {
      lr: loguniform(1e-4, 1e-1),
      n: randint(1, 4),
      p: uniform(0.2, 0.5),
      act: ['relu', 'tanh'],
    };
    const a = [...new ParameterSampler(dists, 50, { randomState: 3 })];
    const b = [...new ParameterSampler(dists, 50, { randomState: 3 })];
    expect(a).toEqual(b);
    expect(a).toHaveLength(50);
    for (const p of a) {
      expect(p.lr).toBeGreaterThanOrEqual(1e-4);
      expect(p.lr).toBeLessThanOrEqual(1e-1);
      expect([1, 2, 3]).toContain(p.n);
      expect(p.p).toBeGreaterThanOrEqual(0.2);
      expect(p.p).toBeLessThanOrEqual(0.7);
      expect(['relu', 'tanh']).toContain(p.act);
      expect(Object.keys(p)).toEqual(['act', 'lr', 'n', 'p']);
    }
    expect(new Set(a.map((p) => p.n))).toEqual(new Set([1, 2, 3]));
  });

  it('picks a dict uniformly from a list of dicts', () => {
    const s = [
      ...new ParameterSampler([{ a: uniform() }, { b: uniform() }], 40, { randomState: 1 }),
    ];
    expect(s.some((p) => 'a' in p) && s.some((p) => 'b' in p)).toBe(true);
  });

  it('rejects values that are neither lists nor distributions', () => {
    expect(() => new ParameterSampler({ a: 3 as never }, 2)).toThrow(
      new TypeError("Parameter grid for parameter 'a' is not iterable or a distribution (value=3)"),
    );
  });
});

describe('distributions', () => {
  it('loguniform is uniform in log space', () => {
    const d = loguniform(1, 1e4);
    const rng = new RandomState(0);
    const logs = Array.from({ length: 4000 }, () => Math.log10(d.rvs(rng)));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    expect(mean).toBeGreaterThan(1.85);
    expect(mean).toBeLessThan(2.15);
  });
  it('rejects invalid bounds', () => {
    expect(() => loguniform(0, 1)).toThrow('loguniform: needs 0 < a < b, got a=0, b=1.');
    expect(() => randint(3, 3)).toThrow('randint: needs integers low < high, got low=3, high=3.');
  });
});
