// Ports of scikit-learn's sklearn/utils/tests/test_set_output.py (1.2.1) and
// sklearn/tests/test_base.py::test_clone_keeps_output_config (1.3), for 'array2d'.
import { BaseEstimator } from './BaseEstimator';
import { clone } from './clone';
import { decodeValue } from './codec/decodeValue';
import { encodeValue } from './codec/encodeValue';
import { registerEstimator } from './registry/registerEstimator';
import {
  getOutputConfig,
  safeSetOutput,
  setOutputConfig,
  wrapTransformOutput,
  type OutputConfig,
} from './setOutput';

class Doubler extends BaseEstimator {
  static estimatorName = 'SetOutputDoubler';
  static override defaults = { k: 2 };
  declare k: number;
  fit() {
    return this;
  }
  transform(X: number[][]) {
    return wrapTransformOutput(
      this,
      X.map((r) => r.map((v) => v * this.k)),
    );
  }
  setOutput(config: OutputConfig) {
    setOutputConfig(this, config);
    return this;
  }
}
registerEstimator(Doubler, { module: __filename });

class NoSetOutput extends BaseEstimator {
  static estimatorName = 'NoSetOutput';
  transform(X: unknown) {
    return X;
  }
}

describe('setOutputConfig / getOutputConfig', () => {
  it("defaults to 'default' and records 'array2d' (test_set_output.py::test__safe_set_output)", () => {
    const est = new Doubler();
    expect(getOutputConfig(est)).toEqual({ transform: 'default' });
    expect(est.setOutput({ transform: 'array2d' })).toBe(est);
    expect(getOutputConfig(est)).toEqual({ transform: 'array2d' });
    est.setOutput({}); // transform=None: no change
    expect(getOutputConfig(est)).toEqual({ transform: 'array2d' });
    est.setOutput({ transform: 'default' });
    expect(getOutputConfig(est)).toEqual({ transform: 'default' });
  });

  it('is neither a param nor fitted state, and invisible to Object.keys and JSON', () => {
    const est = new Doubler().setOutput({ transform: 'array2d' });
    expect(Object.keys(est)).toEqual(['k']);
    expect(est.getParams()).toEqual({ k: 2 });
    expect(JSON.stringify(est)).toBe('{"k":2}');
    expect(String(est)).toBe('SetOutputDoubler()');
  });

  it('rejects other containers and options (test_set_output.py::test_set_output_method_error)', () => {
    const est = new Doubler();
    expect(() => est.setOutput({ transform: 'bad' as never })).toThrow(
      "output config must be in ['array2d', 'default'], got bad",
    );
    expect(() => est.setOutput({ transform: 'pandas' as never })).toThrow(
      "output config must be in ['array2d', 'default'], got pandas. There are no DataFrames here: 'array2d' gives one Float64Array with its shape.",
    );
    expect(() => est.setOutput({ fit: 'array2d' } as never)).toThrow(
      new TypeError("setOutput got an unexpected option 'fit'. The options are: ['transform']."),
    );
    expect(getOutputConfig(est)).toEqual({ transform: 'default' });
  });
});

describe('wrapTransformOutput', () => {
  it('gives Float64Array row-major data in array2d, number[][] by default (test__wrap_in_pandas_container_dense)', () => {
    const est = new Doubler();
    expect(est.transform([[1, 2]])).toEqual([[2, 4]]);
    est.setOutput({ transform: 'array2d' });
    const out = est.transform([
      [1, 2],
      [3, 4],
    ]);
    expect(out.data).toBeInstanceOf(Float64Array);
    expect(Array.from(out.data)).toEqual([2, 4, 6, 8]);
    expect(out.shape).toEqual([2, 2]);
  });

  it('turns a typed result into rows by default, float32 into float64 in array2d', () => {
    const est = new Doubler();
    const typed = { data: Float32Array.of(1, 2, 3, 4), shape: [2, 2] as const };
    expect(wrapTransformOutput(est, typed)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    est.setOutput({ transform: 'array2d' });
    const out = wrapTransformOutput(est, typed);
    expect(out.data).toEqual(Float64Array.of(1, 2, 3, 4));
    expect(wrapTransformOutput(est, { data: Float64Array.of(1), shape: [1, 1] }).data).toEqual(
      Float64Array.of(1),
    );
  });

  it('leaves rows with strings or nulls as rows: an Array2D holds numbers only', () => {
    const est = new Doubler().setOutput({ transform: 'array2d' });
    const rows = [
      ['a', 1],
      ['b', null],
    ];
    expect(wrapTransformOutput(est, rows)).toBe(rows);
    expect(wrapTransformOutput(est, [1, 2])).toEqual([1, 2]);
  });
});

describe('safeSetOutput (scikit-learn _safe_set_output)', () => {
  it('configures transformers, skips estimators that do not transform, names those that cannot', () => {
    const t = new Doubler();
    expect(safeSetOutput(t, { transform: 'array2d' })).toBe(t);
    expect(getOutputConfig(t).transform).toBe('array2d');
    const clf = { getParams: () => ({}), setParams: () => undefined, fit: () => undefined };
    expect(safeSetOutput(clf, { transform: 'array2d' })).toBe(clf);
    expect(() => safeSetOutput(new NoSetOutput(), { transform: 'array2d' })).toThrow(
      'Unable to configure output for NoSetOutput() because `setOutput` is not available.',
    );
  });
});

describe('clone and the codec keep the output config', () => {
  it('test_base.py::test_clone_keeps_output_config', () => {
    const est = new Doubler({ k: 3 }).setOutput({ transform: 'array2d' });
    const c = clone(est);
    expect(c).not.toBe(est);
    expect(getOutputConfig(c)).toEqual({ transform: 'array2d' });
    expect(getOutputConfig(clone(new Doubler()))).toEqual({ transform: 'default' });
  });

  it.each(['save', 'travel'] as const)('encodes and decodes it (%s)', async (mode) => {
    const est = new Doubler({ k: 3 }).setOutput({ transform: 'array2d' });
    const enc = await encodeValue(est, { mode });
    expect(enc.value).toMatchObject({ output: { transform: 'array2d' } });
    const back = (await decodeValue(enc.value, {
      mode: 'save',
      where: 'The test value',
    })) as Doubler;
    expect(back).toBeInstanceOf(Doubler);
    expect(getOutputConfig(back)).toEqual({ transform: 'array2d' });
    const plain = await encodeValue(new Doubler(), { mode: 'save' });
    expect(plain.value).not.toHaveProperty('output');
  });

  it('reports a corrupted output config', async () => {
    const enc = await encodeValue(new Doubler().setOutput({ transform: 'array2d' }), {
      mode: 'save',
    });
    const bad = { ...(enc.value as object), output: { transform: 'pandas' } };
    await expect(decodeValue(bad, { mode: 'save', where: 'The saved estimator' })).rejects.toThrow(
      'The saved estimator is corrupted or was modified after it was saved: the estimator has an invalid output config',
    );
  });
});
