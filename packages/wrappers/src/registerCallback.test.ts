import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError, getRegisteredFunction } from '@scikeras/estimator-core';
import {
  callbackEntry,
  callbackEntryOf,
  registerCallback,
  unregisterCallback,
} from './registerCallback';

class Tally extends tf.Callback {
  constructor(readonly config: { every?: number } = {}) {
    super();
  }
}

describe('registerCallback', () => {
  afterEach(() => {
    unregisterCallback('w2-tally');
  });

  it('registers a class by name (and as a function, so the class itself saves too)', () => {
    expect(registerCallback('w2-tally', Tally, { module: __filename })).toBe(Tally);
    expect(callbackEntryOf(new Tally())?.name).toBe('w2-tally');
    expect(callbackEntry('w2-tally')).toEqual({
      name: 'w2-tally',
      Klass: Tally,
      getConfig: undefined,
      module: `file://${__filename}`,
    });
    expect(getRegisteredFunction('w2-tally')).toBe(Tally);
  });

  it('matches the exact class only: a subclass needs its own registration', () => {
    registerCallback('w2-tally', Tally);
    class Sub extends Tally {}
    expect(callbackEntryOf(new Sub())).toBeUndefined();
  });

  it('refuses an empty name, a non-class, and a name taken by another class', () => {
    expect(() => registerCallback('', Tally)).toThrow(
      new InvalidParameterError(
        "The 'name' parameter of registerCallback must be a non-empty str. Got '' instead.",
      ),
    );
    expect(() => registerCallback('x', 42 as never)).toThrow(
      new InvalidParameterError(
        "The 'Klass' parameter of registerCallback must be a class. Got number instead.",
      ),
    );
    registerCallback('w2-tally', Tally);
    expect(() => registerCallback('w2-tally', class Other extends Tally {})).toThrow(
      new ValueError(
        "A different callback class is already registered as 'w2-tally'. Call unregisterCallback('w2-tally') first, or choose another name.",
      ),
    );
  });

  it('unregisters (also from the function registry)', () => {
    registerCallback('w2-tally', Tally);
    expect(unregisterCallback('w2-tally')).toBe(true);
    expect(unregisterCallback('w2-tally')).toBe(false);
    expect(callbackEntryOf(new Tally())).toBeUndefined();
    expect(getRegisteredFunction('w2-tally')).toBeUndefined();
  });
});
