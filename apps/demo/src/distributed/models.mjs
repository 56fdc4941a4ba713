// The demo's models module, as a user writes it for workers: it registers the build function
// by name. The client imports it to build the estimator; each scikeras-worker gets it with
// --import (a worker imports nothing else).
import * as tf from '@tensorflow/tfjs';
import { registerModel } from '@scikeras/wrappers';

/** An MLP classifier: `hidden` relu units, then a softmax over the classes. */
export const irisMlp = registerModel(
  'demo-distributed-iris-mlp',
  ({ nFeaturesIn_, nClasses_, hidden = 8 }) =>
    tf.sequential({
      layers: [
        tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
        tf.layers.dense({ units: nClasses_, activation: 'softmax' }),
      ],
    }),
  { module: import.meta.url },
);
