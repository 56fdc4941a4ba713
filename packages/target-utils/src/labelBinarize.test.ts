import { labelBinarize } from './labelBinarize';

describe('labelBinarize', () => {
  it('binarizes with fixed classes and keeps their order (scikit-learn docstring)', () => {
    expect(labelBinarize([1, 6], { classes: [1, 2, 4, 6] })).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
    expect(labelBinarize([1, 6], { classes: [1, 6, 4, 2] })).toEqual([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
    expect(labelBinarize(['yes', 'no', 'no', 'yes'], { classes: ['no', 'yes'] })).toEqual([
      [1],
      [0],
      [0],
      [1],
    ]);
  });

  it('checks the classes of a label indicator matrix', () => {
    expect(
      labelBinarize(
        [
          [0, 1],
          [1, 1],
        ],
        { classes: [0, 1] },
      ),
    ).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(() =>
      labelBinarize(
        [
          [0, 1, 0],
          [1, 1, 0],
        ],
        { classes: [0, 1] },
      ),
    ).toThrow('classes [0 1] mismatch with the labels [0 1 2] found in the data');
  });

  it('rejects continuous and unknown targets', () => {
    expect(() => labelBinarize([0.5, 1.5], { classes: [0.5, 1.5] })).toThrow(
      'continuous target data is not supported with label binarization',
    );
    expect(() => labelBinarize([[[1]]], { classes: [1] })).toThrow(
      'The type of target data is not known',
    );
  });
});
