import { closestMatch, editDistance } from './closestMatch';

describe('editDistance', () => {
  it('is the case-insensitive Levenshtein distance', () => {
    expect(editDistance('epoch', 'epochs')).toBe(1);
    expect(editDistance('alpah', 'alpha')).toBe(2);
    expect(editDistance('ALPHA', 'alpha')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestMatch', () => {
  it('suggests the nearest candidate within a third of the name (at least 2 edits)', () => {
    expect(closestMatch('epoch', ['batchSize', 'epochs', 'verbose'])).toBe('epochs');
    expect(closestMatch('optimizer__learningrate', ['optimizer__learningRate'])).toBe(
      'optimizer__learningRate',
    );
    expect(closestMatch('zzzz', ['alpha', 'beta'])).toBeUndefined();
    expect(closestMatch('a', [])).toBeUndefined();
  });
});
