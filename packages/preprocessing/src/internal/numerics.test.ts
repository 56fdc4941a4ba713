// numpy/scipy building blocks against the values numpy and scipy give (src/__fixtures__/numerics.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, expectClose } from '../test-utils/fixtures';
import { MT19937 } from './mt19937';
import { linspace, medianSorted, normPpf, percentileSorted } from './stats';

const cases = (
  JSON.parse(readFileSync(join(__dirname, '..', '__fixtures__', 'numerics.json'), 'utf8'))
    .cases as unknown[]
).map(decode) as any[];

describe('numerics', () => {
  it.each(cases.filter((c) => c.kind === 'percentile').map((c) => [c.name, c]))(
    'np.percentile and np.median: %s',
    (_n, c) => {
      const sorted = Float64Array.from(c.a as number[]).sort();
      expectClose(
        (c.q as number[]).map((q) => percentileSorted(sorted, q)),
        c.value,
      );
      expectClose(medianSorted(sorted), c.median);
    },
  );

  it.each(cases.filter((c) => c.kind === 'linspace').map((c) => [c.name, c]))(
    'np.linspace: %s',
    (_n, c) => {
      expect(linspace(c.start, c.stop, c.num)).toEqual(c.value);
    },
  );

  it('norm.ppf to 1e-14', () => {
    const c = cases.find((x) => x.kind === 'ppf')!;
    expectClose((c.p as number[]).map(normPpf), c.value, 'ppf', 1e-14, 0);
    expect([normPpf(0), normPpf(1), normPpf(-1)]).toEqual([-Infinity, Infinity, NaN]);
  });

  it.each(cases.filter((c) => c.kind === 'rng').map((c) => [c.name, c]))(
    'RandomState permutation and choice: %s',
    (_n, c) => {
      expect(new MT19937(c.seed).permutation(20)).toEqual(c.permutation);
      expect(new MT19937(c.seed).choiceWithoutReplacement(1000, 7)).toEqual(c.choice);
    },
  );
});
