// ColumnTransformer with setOutput 'array2d' and transformers that have estimator-core's
// transformInto hook: each writes straight into the stacked Float64Array, with the same result
// as the stack of their own outputs; a writer that gives up, a weight, or a string column takes
// the usual path.
import {
  BaseEstimator,
  isArray2D,
  setOutputConfig,
  transformInto,
  wrapTransformOutput,
  type Array2D,
  type OutputConfig,
  type WindowWriter,
} from '@scikeras/estimator-core';
import { OneHotEncoder, StandardScaler } from '@scikeras/preprocessing';
import { ColumnTransformer } from './ColumnTransformer';

/** The rows of a synchronous Array2D output. */
function rowsOf(out: unknown): number[][] {
  const a = out as Array2D;
  const [n, d] = a.shape;
  return Array.from({ length: n }, (_, i) => Array.from(a.data.subarray(i * d, (i + 1) * d)));
}

/** Doubles X; its hook writes the double (or gives up, or announces a wrong width). */
class Doubler extends BaseEstimator<{ mode?: 'write' | 'giveUp' | 'wrongWidth' }> {
  static estimatorName = 'Doubler';
  static override defaults = { mode: 'write' as const };
  declare mode: 'write' | 'giveUp' | 'wrongWidth';
  static calls = { writer: 0, transform: 0 };
  fit() {
    return this;
  }
  transform(X: Array2D) {
    Doubler.calls.transform++;
    return wrapTransformOutput(this, { data: X.data.map((v) => 2 * v), shape: X.shape });
  }
  setOutput(config: OutputConfig) {
    setOutputConfig(this, config);
    return this;
  }
  [transformInto](X: unknown): WindowWriter | null {
    if (!isArray2D(X)) return null;
    Doubler.calls.writer++;
    const [n, d] = X.shape;
    const mode = this.mode;
    return {
      width: mode === 'wrongWidth' ? d + 1 : d,
      write(out, offset, stride) {
        for (let i = 0; i < n; i++) {
          if ((mode === 'giveUp' && i === 1) || mode === 'wrongWidth') return false;
          for (let j = 0; j < d; j++) out[offset + i * stride + j] = 2 * X.data[i * d + j]!;
        }
        return true;
      },
    };
  }
}

const rows = [
  [1, 10, 0, 5],
  [2, 20, 1, 6],
  [3, 35, 2, 7],
  [4, 40, 0, 9],
];
const X: Array2D = { data: Float64Array.from(rows.flat()), shape: [4, 4] };

function make(weights?: Record<string, number>): ColumnTransformer {
  return new ColumnTransformer({
    transformers: [
      ['num', new StandardScaler(), [0, 1]],
      ['cat', new OneHotEncoder(), [2]],
    ],
    remainder: 'passthrough',
    transformerWeights: weights ?? null,
  });
}

beforeEach(() => {
  Doubler.calls = { writer: 0, transform: 0 };
});

describe('ColumnTransformer stacks into one buffer through transformInto', () => {
  it('gives the values of the rows output, in fitTransform and transform', () => {
    const expected = make().fitTransform(rows);
    const typed = make().setOutput({ transform: 'array2d' });
    expect(rowsOf(typed.fitTransform(X))).toEqual(expected);
    expect(rowsOf(typed.transform(X))).toEqual(expected);
    expect(typed.outputIndices_).toEqual({
      num: { start: 0, stop: 2 },
      cat: { start: 2, stop: 5 },
      remainder: { start: 5, stop: 6 },
    });
  });

  it('writes with the hook instead of calling transform (fit and transform)', () => {
    const ct = new ColumnTransformer({ transformers: [['d', new Doubler(), [1, 3]]] }).setOutput({
      transform: 'array2d',
    });
    expect(rowsOf(ct.fitTransform(X))).toEqual(rows.map((r) => [2 * r[1]!, 2 * r[3]!]));
    expect(rowsOf(ct.transform(X))).toEqual(rows.map((r) => [2 * r[1]!, 2 * r[3]!]));
    expect(Doubler.calls).toEqual({ writer: 2, transform: 0 });
  });

  it('calls transform and overwrites the window when the writer gives up', () => {
    const ct = new ColumnTransformer({
      transformers: [
        ['d', new Doubler({ mode: 'giveUp' }), [1, 3]],
        ['num', new StandardScaler(), [0]],
      ],
    }).setOutput({ transform: 'array2d' });
    const out = rowsOf(ct.fitTransform(X));
    expect(out.map((r) => r.slice(0, 2))).toEqual(rows.map((r) => [2 * r[1]!, 2 * r[3]!]));
    expect(Doubler.calls).toEqual({ writer: 1, transform: 1 });
  });

  it('says so when transform disagrees with the width its writer announced', () => {
    const ct = new ColumnTransformer({
      transformers: [['d', new Doubler({ mode: 'wrongWidth' }), [1, 3]]],
    }).setOutput({ transform: 'array2d' });
    expect(() => ct.fitTransform(X)).toThrow(
      'transform gave another output than its transformInto writer announced (4 x 3).',
    );
  });

  it('leaves a weighted transformer on the usual path (its output scaled)', () => {
    const ct = new ColumnTransformer({
      transformers: [['d', new Doubler(), [1]]],
      transformerWeights: { d: 10 },
    }).setOutput({ transform: 'array2d' });
    expect(rowsOf(ct.fitTransform(X))).toEqual(rows.map((r) => [20 * r[1]!]));
    expect(Doubler.calls).toEqual({ writer: 0, transform: 1 });
    expect(rowsOf(make({ num: 2 }).setOutput({ transform: 'array2d' }).fitTransform(X))).toEqual(
      make({ num: 2 }).fitTransform(rows),
    );
  });

  it('computes the deferred outputs when a string column makes the output rows', () => {
    const mixed = rows.map((r, i) => [...r, ['a', 'b', 'a', 'c'][i]!]);
    const ct = new ColumnTransformer({
      transformers: [
        ['d', new Doubler(), [0]],
        ['text', 'passthrough', [4]],
      ],
    }).setOutput({ transform: 'array2d' });
    expect(ct.fitTransform(mixed)).toEqual(
      rows.map((r, i) => [2 * r[0]!, ['a', 'b', 'a', 'c'][i]!]),
    );
    expect(Doubler.calls.transform).toBe(1);
  });

  it('still raises what the transformer raises, before any output is made', () => {
    const ct = make().setOutput({ transform: 'array2d' });
    ct.fit(X);
    const unknown: Array2D = { data: Float64Array.of(1, 10, 7, 5), shape: [1, 4] };
    expect(() => ct.transform(unknown)).toThrow(
      'Found unknown categories [7.0] in column 0 during transform',
    );
  });
});
