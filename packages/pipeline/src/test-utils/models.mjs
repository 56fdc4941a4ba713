// Build functions for the tests that send a Pipeline holding a KerasClassifier to worker threads
// (nJobs > 1) or save it: registered by name with this module's URL, which a worker thread
// imports to find them. This module only defines models (importing it has no other effect).
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { registerModel } from '@scikeras/wrappers';

/**
 * A one-hidden-layer MLP classifier: `hidden` relu units (a `model__hidden` param), softmax out.
 * With PIPELINE_TEST_BUILD_LOG set, each build appends the thread it ran in to that file (how the
 * test sees that worker threads fitted pipelines).
 */
export function mlp({ nFeaturesIn_, nClasses_, hidden = 8 }) {
  const log = process.env.PIPELINE_TEST_BUILD_LOG;
  if (log) appendFileSync(log, `${threadId}\n`);
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dense({ units: nClasses_, activation: 'softmax' }),
    ],
  });
}

registerModel('pipeline-test-mlp', mlp, { module: import.meta.url });
