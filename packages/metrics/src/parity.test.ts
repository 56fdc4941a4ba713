// Parity with scikit-learn 1.2.1: every case of the golden fixtures (scripts/fixtures/gen_metrics.py).
import classification from './__fixtures__/classification.json';
import ranking from './__fixtures__/ranking.json';
import regression from './__fixtures__/regression.json';
import * as metrics from './index';
import { METRICS_BY_NAME } from './internal/metricFunctions';
import { runCase, type FixtureCase } from './test-utils/fixtures';

// the exported functions, by name (the fixtures name them like the package exports them)
const FUNCS = METRICS_BY_NAME as unknown as Record<
  string,
  (yTrue: any, yPred: any, options: any) => unknown
>;

it('runs the functions the package exports', () => {
  for (const [name, fn] of Object.entries(METRICS_BY_NAME))
    expect((metrics as Record<string, unknown>)[name]).toBe(fn);
});

function label(c: FixtureCase, i: number): string {
  const opts = JSON.stringify(c.options);
  return `#${i} ${c.fn}(${JSON.stringify(c.yTrue).slice(0, 60)}, ${JSON.stringify(c.yPred).slice(0, 40)}, ${opts.slice(0, 80)})`;
}

describe.each([
  ['classification', classification.cases as FixtureCase[]],
  ['regression', regression.cases as FixtureCase[]],
  ['ranking', ranking.cases as FixtureCase[]],
])('parity with scikit-learn 1.2.1: %s', (_name, cases) => {
  it('has fixtures from scikit-learn 1.2', () => {
    expect(cases.length).toBeGreaterThan(50);
  });
  it.each(cases.map((c, i) => [label(c, i), c] as const))('%s', (_l, c) => {
    const fn = FUNCS[c.fn];
    expect(fn).toBeDefined();
    expect(runCase(fn!, c)).toBeNull();
  });
});

describe('runCase', () => {
  const c = (regression.cases as FixtureCase[]).find((x) => x.expected !== undefined)!;
  it('reports a result that differs from scikit-learn', () => {
    expect(runCase(() => 12345, c)).toMatch(/expected .*, got 12345/);
  });
  it('reports a missing error', () => {
    const e = (regression.cases as FixtureCase[]).find((x) => x.error !== undefined)!;
    expect(runCase(() => 1, e)).toMatch(/^expected ValueError/);
  });
  it('accepts the right result', () => {
    expect(runCase(FUNCS[c.fn]!, c)).toBeNull();
  });
});
