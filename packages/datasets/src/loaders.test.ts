// The options every loader shares: returnXy, asFrame, validation, fresh arrays.
import { InvalidParameterError } from '@scikeras/estimator-core';
import { loadBreastCancer } from './loadBreastCancer';
import { loadDiabetes } from './loadDiabetes';
import { loadDigits } from './loadDigits';
import { loadIris } from './loadIris';
import { loadWine } from './loadWine';

const LOADERS = [
  ['loadIris', loadIris],
  ['loadBreastCancer', loadBreastCancer],
  ['loadWine', loadWine],
  ['loadDiabetes', loadDiabetes],
  ['loadDigits', loadDigits],
] as [string, (o?: object) => any][];

describe.each(LOADERS)('%s', (name, load) => {
  it('returns [data, target] with returnXy, the same as the bunch', () => {
    const bunch = load();
    const [X, y] = load({ returnXy: true });
    expect(X).toEqual(bunch.data);
    expect(y).toEqual(bunch.target);
    expect(bunch).not.toHaveProperty('frame');
  });

  it('gives records keyed by feature name and a frame with the target, with asFrame', () => {
    const bunch = load();
    const framed = load({ asFrame: true });
    const i = bunch.data.length - 1;
    expect(Object.keys(framed.data[i])).toEqual(bunch.featureNames);
    expect(Object.values(framed.data[i])).toEqual(bunch.data[i]);
    expect(framed.frame[i]).toEqual({ ...framed.data[i], target: bunch.target[i] });
    expect(framed.target).toEqual(bunch.target);
    const [records, y] = load({ asFrame: true, returnXy: true });
    expect(records).toEqual(framed.data);
    expect(y).toEqual(bunch.target);
  });

  it('returns fresh arrays on every call', () => {
    const a = load();
    a.data[0][0] = -1;
    a.target[0] = -1;
    a.featureNames[0] = 'changed';
    const b = load();
    expect(b.data[0][0]).not.toBe(-1);
    expect(b.target[0]).not.toBe(-1);
    expect(b.featureNames[0]).not.toBe('changed');
  });

  it("rejects a non-boolean option with scikit-learn's message", () => {
    expect(() => load({ returnXy: 1 })).toThrow(
      new InvalidParameterError(
        `The 'returnXy' parameter of ${name} must be an instance of 'bool'. Got 1 instead.`,
      ),
    );
    expect(() => load({ asFrame: 'yes' })).toThrow(
      `The 'asFrame' parameter of ${name} must be an instance of 'bool'. Got 'yes' instead.`,
    );
  });

  it('rejects an unknown option as Python does, naming the option meant', () => {
    expect(() => load({ return_X_y: true })).toThrow(
      new TypeError(
        `${name}() got an unexpected keyword argument 'return_X_y'. Did you mean 'returnXy'?`,
      ),
    );
    expect(() => load({ color: 'red' })).toThrow(
      `${name}() got an unexpected keyword argument 'color'`,
    );
  });

  it('treats undefined options as absent', () => {
    expect(load({ returnXy: undefined, asFrame: undefined }).data).toEqual(load().data);
  });
});
