import { ValueError } from './errors';
import {
  checkFeatureNames,
  checkFeatureNamesIn,
  featureNamesToRead,
  getFeatureNames,
} from './featureNames';
import { catchWarnings } from './warnings';

class Scaler {
  featureNamesIn_?: string[];
  nFeaturesIn_?: number;
}

describe('getFeatureNames', () => {
  it('gives the keys of records and undefined for other forms', () => {
    expect(getFeatureNames([{ age: 1, city: 'x' }])).toEqual(['age', 'city']);
    expect(getFeatureNames([[1, 2]])).toBeUndefined();
    expect(getFeatureNames([{}])).toBeUndefined();
  });
});

describe('featureNamesToRead', () => {
  it('reads records holding the fitted names in the fitted order', () => {
    const est = Object.assign(new Scaler(), { featureNamesIn_: ['a', 'b'] });
    expect(featureNamesToRead(est, [{ b: 1, a: 2 }])).toEqual(['a', 'b']);
    expect(featureNamesToRead(est, [{ b: 1, c: 2 }])).toEqual(['b', 'c']);
    expect(featureNamesToRead(new Scaler(), [{ b: 1, a: 2 }])).toEqual(['b', 'a']);
  });
});

describe('checkFeatureNames', () => {
  it('records the names on reset and deletes them for unnamed input', () => {
    const est = new Scaler();
    checkFeatureNames(est, ['a', 'b'], true);
    expect(est.featureNamesIn_).toEqual(['a', 'b']);
    checkFeatureNames(est, undefined, true);
    expect('featureNamesIn_' in est).toBe(false);
  });

  it('warns when only one side has names (scikit-learn UserWarnings)', () => {
    const fitted = Object.assign(new Scaler(), { featureNamesIn_: ['a'] });
    expect(catchWarnings(() => checkFeatureNames(fitted, undefined, false)).warnings).toEqual([
      {
        category: 'UserWarning',
        message: 'X does not have valid feature names, but Scaler was fitted with feature names',
      },
    ]);
    expect(catchWarnings(() => checkFeatureNames(new Scaler(), ['a'], false)).warnings).toEqual([
      {
        category: 'UserWarning',
        message: 'X has feature names, but Scaler was fitted without feature names',
      },
    ]);
  });

  it.each([
    [
      ['a', 'c'],
      'The feature names should match those that were passed during fit.\nFeature names unseen at fit time:\n- c\nFeature names seen at fit time, yet now missing:\n- b\n',
    ],
    [
      ['b', 'a'],
      'The feature names should match those that were passed during fit.\nFeature names must be in the same order as they were in fit.\n',
    ],
    [
      ['a', 'b', 'h', 'g', 'f', 'e', 'd', 'c'],
      'The feature names should match those that were passed during fit.\nFeature names unseen at fit time:\n- c\n- d\n- e\n- f\n- g\n- ...\n',
    ],
  ])('names %j against [a, b] throw scikit-learn message', (names, message) => {
    const est = Object.assign(new Scaler(), { featureNamesIn_: ['a', 'b'] });
    expect(() => checkFeatureNames(est, names, false)).toThrow(new ValueError(message));
  });
});

describe('checkFeatureNamesIn', () => {
  it('generates x0.. from nFeaturesIn_, or gives featureNamesIn_', () => {
    expect(checkFeatureNamesIn(Object.assign(new Scaler(), { nFeaturesIn_: 3 }))).toEqual([
      'x0',
      'x1',
      'x2',
    ]);
    const named = Object.assign(new Scaler(), { nFeaturesIn_: 2, featureNamesIn_: ['a', 'b'] });
    expect(checkFeatureNamesIn(named)).toEqual(['a', 'b']);
    expect(checkFeatureNamesIn(named, ['a', 'b'])).toEqual(['a', 'b']);
    expect(checkFeatureNamesIn(new Scaler(), undefined, false)).toBeUndefined();
  });

  it.each([
    [
      { nFeaturesIn_: 2, featureNamesIn_: ['a', 'b'] },
      ['a', 'x'],
      'inputFeatures is not equal to featureNamesIn_',
    ],
    [
      { nFeaturesIn_: 3 },
      ['a', 'b'],
      'inputFeatures should have length equal to number of features (3), got 2',
    ],
    [{}, undefined, 'Unable to generate feature names without nFeaturesIn_'],
  ])('%j with %j throws %s', (state, given, message) => {
    const est = Object.assign(new Scaler(), state);
    expect(() => checkFeatureNamesIn(est, given)).toThrow(new ValueError(message));
  });
});
