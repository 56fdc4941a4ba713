import { isCategoricalCrossentropy } from './isCategoricalCrossentropy';

describe('isCategoricalCrossentropy', () => {
  it('recognizes categorical crossentropy names, functions and loss objects', () => {
    expect(isCategoricalCrossentropy('categorical_crossentropy')).toBe(true);
    expect(isCategoricalCrossentropy('CategoricalCrossentropy')).toBe(true);
    expect(isCategoricalCrossentropy(function categoricalCrossentropy() {})).toBe(true);
    expect(isCategoricalCrossentropy({ getClassName: () => 'CategoricalCrossentropy' })).toBe(true);
    expect(isCategoricalCrossentropy('sparseCategoricalCrossentropy')).toBe(false);
    expect(isCategoricalCrossentropy(null)).toBe(false);
  });
});
