import { isMultilabel } from './isMultilabel';

describe('isMultilabel', () => {
  it.each([
    [[0, 1, 0, 1], false],
    [[[1], [0, 2], []], false],
    [
      [
        [1, 0],
        [0, 0],
      ],
      true,
    ],
    [[[1], [0], [0]], false],
    [[[1, 0, 0]], true],
    [
      [
        [-3, 3],
        [3, -3],
      ],
      true,
    ],
    [
      [
        [0.5, 1],
        [1, 0],
      ],
      false,
    ],
    [
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
      false,
    ],
    [[[true, false]], true],
    ['abc', false],
    [null, false],
  ] as const)('%j -> %s (scikit-learn docstring and test_is_multilabel)', (y, expected) => {
    expect(isMultilabel(y)).toBe(expected);
  });
});
