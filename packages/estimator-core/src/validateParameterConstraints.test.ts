import golden from './__fixtures__/param_validation.json';
import { InvalidParameterError } from './errors';
import { InstanceOf, Interval, Options, StrOptions, hidden } from './paramConstraints';
import {
  validateParameterConstraints,
  type ParameterConstraints,
} from './validateParameterConstraints';

const EPOCHS = [new Interval('int', 1, null, { closed: 'left' })];
const isDict = (v: unknown): boolean =>
  !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

describe('validateParameterConstraints', () => {
  it.each([
    ['epochs_0', 0],
    ['epochs_minus_1', -1],
    ['epochs_str', '3'],
    ['epochs_1_5', 1.5],
  ] as const)("gives scikit-learn's message (%s)", (key, value) => {
    const want = golden.messages[key];
    expect(() =>
      validateParameterConstraints({ epochs: EPOCHS }, { epochs: value }, 'KerasClassifier'),
    ).toThrow(new InvalidParameterError(want.message!));
    expect(want.type).toBe('InvalidParameterError');
  });

  it('names floats ranges and lists of constraints like scikit-learn', () => {
    expect(() =>
      validateParameterConstraints(
        { validationSplit: [new Interval('float', 0, 1, { closed: 'left' })] },
        { validationSplit: 1.5 },
        'KerasClassifier',
      ),
    ).toThrow(new InvalidParameterError(golden.messages.split_1_5.message!));
    // scikit-learn says None where JavaScript has null
    expect(() =>
      validateParameterConstraints(
        { classWeight: [new StrOptions(['balanced']), new InstanceOf('dict', isDict), null] },
        { classWeight: 'auto' },
        'KerasClassifier',
      ),
    ).toThrow(
      new InvalidParameterError(golden.messages.class_weight.message!.replace(' None.', ' null.')),
    );
  });

  it('skips unconstrained params and no_validation', () => {
    expect(golden.messages.no_validation.type).toBeNull();
    expect(golden.messages.unconstrained.type).toBeNull();
    const constraints: ParameterConstraints = { epochs: 'no_validation' };
    expect(() => validateParameterConstraints(constraints, { epochs: 'x' }, 'A')).not.toThrow();
    expect(() => validateParameterConstraints({}, { epochs: 0 }, 'A')).not.toThrow();
  });

  it('accepts a value satisfying any constraint and reports the first invalid param', () => {
    const constraints: ParameterConstraints = {
      batchSize: [new Interval('int', 1, null, { closed: 'left' }), new Options('int', [-1]), null],
      epochs: EPOCHS,
    };
    for (const batchSize of [1, 32, -1, null]) {
      expect(() =>
        validateParameterConstraints(constraints, { batchSize, epochs: 1 }, 'W'),
      ).not.toThrow();
    }
    expect(() =>
      validateParameterConstraints(constraints, { batchSize: 0, epochs: 0 }, 'W.fit'),
    ).toThrow(
      "The 'batchSize' parameter of W.fit must be an int in the range [1, inf), an int among {-1} or null. Got 0 instead.",
    );
  });

  it('leaves hidden constraints out of the message', () => {
    expect(() =>
      validateParameterConstraints(
        { solver: [new StrOptions(['lbfgs']), hidden(new StrOptions(['legacy']))] },
        { solver: 'x' },
        'LogisticRegression',
      ),
    ).toThrow(
      "The 'solver' parameter of LogisticRegression must be a str among {'lbfgs'}. Got 'x' instead.",
    );
  });
});
