import { formatTable } from './format';

describe('formatTable', () => {
  it('aligns columns, numbers to the right', () => {
    expect(
      formatTable(
        ['name', 'score'],
        [
          ['a', 0.5],
          ['long name', '12.25'],
        ],
        0,
      ),
    ).toBe(
      ['name       score', '---------  -----', 'a            0.5', 'long name  12.25'].join('\n'),
    );
  });
});
