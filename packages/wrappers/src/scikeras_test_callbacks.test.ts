// Twins of scikeras's tests/test_callbacks.py (issue 17): callbacks per phase and callbacks
// built from routed positional and keyword arguments. Each test names its origin.
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier } from './index';
import { checkNoLeakPerTest, useTestBackend } from './test-utils/backends';

/** scikeras's get_clf: one sigmoid unit over one feature. */
function getClf(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', inputShape: [1] }));
  return model;
}

/** scikeras's SentinalCallback: counts the phase hooks it sees. */
class SentinalCallback extends tf.Callback {
  constructor(readonly callLogs: Record<string, number>) {
    super();
  }
  private log(name: string): void {
    this.callLogs[name] = (this.callLogs[name] ?? 0) + 1;
  }
  onTestBegin(): void {
    this.log('onTestBegin');
  }
  override async onTrainBegin(): Promise<void> {
    this.log('onTrainBegin');
  }
  onPredictBegin(): void {
    this.log('onPredictBegin');
  }
}

describe('scikeras tests/test_callbacks.py', () => {
  useTestBackend('cpu');
  checkNoLeakPerTest();

  it('tests/test_callbacks.py::test_callbacks_prefixes', async () => {
    const before = tf.memory().numTensors;
    const callbacksCallLogs: Record<string, number> = {};
    const fitCallbacksCallLogs: Record<string, number> = {};
    const predictCallbacksCallLogs: Record<string, number> = {};
    const clf = new KerasClassifier({
      model: getClf,
      loss: 'binary_crossentropy',
      callbacks: new SentinalCallback(callbacksCallLogs),
      fit__callbacks: new SentinalCallback(fitCallbacksCallLogs),
      predict__callbacks: new SentinalCallback(predictCallbacksCallLogs),
      validationSplit: 0.1,
      verbose: 0,
    });
    // scikeras fits `[[0]] * 100, [0] * 100`; our KerasClassifier refuses a one-class y
    // (scikit-learn's "This solver needs samples of at least 2 classes"), so two classes here.
    await clf.fit(
      Array.from({ length: 100 }, (_, i) => [i % 2]),
      Array.from({ length: 100 }, (_, i) => i % 2),
    );
    // Keras also calls on_test_begin once for the validation split; tfjs's training loop has no
    // test-phase hooks, so only the train phase is seen.
    expect(callbacksCallLogs).toEqual({ onTrainBegin: 1 });
    expect(fitCallbacksCallLogs).toEqual({ onTrainBegin: 1 });
    expect(predictCallbacksCallLogs).toEqual({});
    await clf.predict([[0]]);
    expect(callbacksCallLogs).toEqual({ onTrainBegin: 1, onPredictBegin: 1 });
    expect(fitCallbacksCallLogs).toEqual({ onTrainBegin: 1 });
    expect(predictCallbacksCallLogs).toEqual({ onPredictBegin: 1 });
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tests/test_callbacks.py::test_callback_compiling_args_or_kwargs', async () => {
    const before = tf.memory().numTensors;
    const called = new Set<string>();
    class ArgsOnlyCallback extends tf.Callback {
      constructor(...args: unknown[]) {
        super();
        expect(args).toEqual(['arg0', 'arg1']);
        called.add('args');
      }
    }
    class KwargsOnlyCallback extends tf.Callback {
      constructor(kwargs: Record<string, unknown>) {
        super();
        expect(kwargs).toEqual({ kwargname: null });
        called.add('kwargs');
      }
    }
    class ArgsAndKwargsCallback extends tf.Callback {
      constructor(...args: unknown[]) {
        super();
        expect(args).toEqual(['arg', { kwargname: null }]);
        called.add('argskwargs');
      }
    }
    const clf = new KerasClassifier({
      model: getClf,
      epochs: 5,
      optimizer: tf.SGDOptimizer,
      optimizer__learningRate: 0.1,
      loss: 'binary_crossentropy',
      callbacks: {
        args: ArgsOnlyCallback,
        kwargs: KwargsOnlyCallback,
        argskwargs: ArgsAndKwargsCallback,
      },
      callbacks__args__1: 'arg1', // passed as an arg
      callbacks__args__0: 'arg0', // the keys out of order on purpose: the order must not matter
      callbacks__kwargs__kwargname: null, // passed as a kwarg
      callbacks__argskwargs__0: 'arg', // passed as an arg
      callbacks__argskwargs__kwargname: null, // passed as a kwarg
      verbose: 0,
    });
    // scikeras fits `[[1]], [1]`: two classes here, as in test_callbacks_prefixes
    await clf.fit([[1], [0]], [1, 0]);
    expect([...called].sort()).toEqual(['args', 'argskwargs', 'kwargs']);
    clf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
