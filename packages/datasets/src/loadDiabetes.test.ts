import { InvalidParameterError } from '@scikeras/estimator-core';
import { loadDiabetes } from './loadDiabetes';

describe('loadDiabetes', () => {
  describe('scaled (default)', () => {
    it('centres every column and gives it a sum of squares of 1 (std * sqrt(n) scaling)', () => {
      const { data } = loadDiabetes();
      for (let j = 0; j < 10; j++) {
        const col = data.map((r) => r[j]!);
        expect(Math.abs(col.reduce((a, b) => a + b, 0))).toBeLessThan(1e-13);
        expect(col.reduce((a, b) => a + b * b, 0)).toBeCloseTo(1, 12);
      }
    });

    it('is the raw data centred and scaled, with the same target', () => {
      const raw = loadDiabetes({ scaled: false });
      const scaled = loadDiabetes({ scaled: true });
      expect(scaled.target).toEqual(raw.target);
      const col = raw.data.map((r) => r[2]!);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      const expected = (raw.data[7]![2]! - mean) / std / Math.sqrt(col.length);
      expect(scaled.data[7]![2]).toBeCloseTo(expected, 15);
    });
  });

  it('keeps the raw sex column as 1 and 2 with scaled: false (a categorical column)', () => {
    const { frame } = loadDiabetes({ scaled: false, asFrame: true });
    expect(new Set(frame.map((r) => r.sex))).toEqual(new Set([1, 2]));
    expect(frame[0]).toEqual({
      age: 59,
      sex: 2,
      bmi: 32.1,
      bp: 101,
      s1: 157,
      s2: 93.2,
      s3: 38,
      s4: 4,
      s5: 4.8598,
      s6: 87,
      target: 151,
    });
  });

  it('has a regression target and no targetNames', () => {
    const bunch = loadDiabetes();
    expect(bunch).not.toHaveProperty('targetNames');
    expect(Math.min(...bunch.target)).toBe(25);
    expect(Math.max(...bunch.target)).toBe(346);
  });

  it("rejects a non-boolean scaled with scikit-learn's message", () => {
    expect(() => loadDiabetes({ scaled: 'no' as never })).toThrow(
      new InvalidParameterError(
        "The 'scaled' parameter of loadDiabetes must be an instance of 'bool'. Got 'no' instead.",
      ),
    );
  });
});
