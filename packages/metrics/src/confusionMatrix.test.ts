import { confusionMatrix } from './confusionMatrix';

describe('confusionMatrix', () => {
  it('computes the documented examples', () => {
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
    expect(
      confusionMatrix(['cat', 'ant', 'cat'], ['ant', 'ant', 'cat'], { labels: ['ant', 'cat'] }),
    ).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('normalizes over rows with empty rows as 0', () => {
    expect(confusionMatrix([0, 0, 1], [0, 1, 1], { labels: [0, 1, 2], normalize: 'true' })).toEqual(
      [
        [0.5, 0.5, 0],
        [0, 1, 0],
        [0, 0, 0],
      ],
    );
  });

  it('rejects multilabel targets and an empty label list', () => {
    expect(() =>
      confusionMatrix(
        [
          [0, 1],
          [1, 1],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ),
    ).toThrow('multilabel-indicator is not supported');
    expect(() => confusionMatrix([0, 1], [0, 1], { labels: [] })).toThrow(
      "'labels' should contains at least one label.",
    );
  });
});
