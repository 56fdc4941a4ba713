import { linspace } from './linspace';

describe('linspace', () => {
  it("gives numpy's values", () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(0, 1, 4, false)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(linspace(2, 3, 1)).toEqual([2]);
    expect(linspace(2, 3, 1, false)).toEqual([2]);
    expect(linspace(0, 1, 0)).toEqual([]);
    // i * step + start with step = pi / 3, the last set to stop
    expect(linspace(0, Math.PI, 4)).toEqual([0, Math.PI / 3, 2 * (Math.PI / 3), Math.PI]);
  });
});
