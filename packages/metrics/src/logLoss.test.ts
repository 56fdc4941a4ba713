import { logLoss } from './logLoss';

describe('logLoss', () => {
  it('computes the documented example', () => {
    expect(
      logLoss(
        ['spam', 'ham', 'ham', 'spam'],
        [
          [0.1, 0.9],
          [0.9, 0.1],
          [0.8, 0.2],
          [0.35, 0.65],
        ],
      ),
    ).toBeCloseTo(0.21616187468057912, 15);
  });

  it('takes one probability per sample, 1-D or as { data, shape }', () => {
    const want = logLoss(
      [0, 1, 1],
      [
        [0.8, 0.2],
        [0.3, 0.7],
        [0.4, 0.6],
      ],
    );
    expect(logLoss([0, 1, 1], Float64Array.from([0.2, 0.7, 0.6]))).toBeCloseTo(want, 15);
    expect(
      logLoss([0, 1, 1], {
        data: Float64Array.from([0.8, 0.2, 0.3, 0.7, 0.4, 0.6]),
        shape: [3, 2],
      }),
    ).toBeCloseTo(want, 15);
  });

  it("clips with float32's eps for Float32Array probabilities", () => {
    const eps32 = 1.1920928955078125e-7;
    expect(logLoss([0, 1], Float32Array.from([0, 1]))).toBeCloseTo(-Math.log(1 - eps32), 12);
    expect(logLoss([0, 1], [0, 1])).toBeCloseTo(-Math.log(1 - 2.220446049250313e-16), 15);
  });

  it('needs two labels', () => {
    expect(() => logLoss([1, 1], [0.5, 0.6])).toThrow(
      'y_true contains only one label (1). Please provide the true labels explicitly through the labels argument.',
    );
  });
});
