import { checkNFeatures } from './checkNFeatures';
import { ValueError } from './errors';
import golden from './__fixtures__/sklearn_messages.json';

class Ridge {
  nFeaturesIn_?: number;
}

describe('checkNFeatures', () => {
  it('records nFeaturesIn_ on reset', () => {
    const r = new Ridge();
    checkNFeatures(r, 4, true);
    expect(r.nFeaturesIn_).toBe(4);
    checkNFeatures(r, 2, true);
    expect(r.nFeaturesIn_).toBe(2);
  });

  it('checks the count after fit with scikit-learn message', () => {
    const r = new Ridge();
    checkNFeatures(r, 4, true);
    expect(() => checkNFeatures(r, 4, false)).not.toThrow();
    expect(() => checkNFeatures(r, 3, false)).toThrow(
      new ValueError(golden.cases.n_features.message),
    );
  });

  it('does nothing when the estimator was never fitted', () => {
    expect(() => checkNFeatures(new Ridge(), 3, false)).not.toThrow();
  });
});
