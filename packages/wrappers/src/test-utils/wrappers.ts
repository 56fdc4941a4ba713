// Test helpers for the wrapper tests: small seeded estimators, data, and a batch counter.
import type * as tf from '@tensorflow/tfjs';
import { KerasClassifier, KerasRegressor } from '../index';
import { classificationData, mlp, regressionData } from './backends';

/** 20 x 3 data: a 3-class classification set and a regression set. */
export function wrapperTestData() {
  const { X: Xc, y: yc } = classificationData(20, 3, [0, 1, 2]);
  const { X: Xr, y: yr } = regressionData(20, 3);
  return { Xc, yc, Xr, yr };
}

/** A seeded, silent classifier over the test MLP. */
export function testClassifier(extra: Record<string, unknown> = {}): KerasClassifier {
  return new KerasClassifier({
    model: mlp,
    loss: 'sparse_categorical_crossentropy',
    verbose: 0,
    randomState: 0,
    ...extra,
  });
}

/** A seeded, silent regressor over the test MLP. */
export function testRegressor(extra: Record<string, unknown> = {}): KerasRegressor {
  return new KerasRegressor({ model: mlp, loss: 'mse', verbose: 0, randomState: 0, ...extra });
}

/** Counts batches per epoch through a callback. */
export function batchCounter(): { cb: tf.CustomCallbackArgs; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    cb: {
      onEpochBegin: async () => {
        batches.push(0);
      },
      onBatchEnd: async () => {
        batches[batches.length - 1]! += 1;
      },
    },
  };
}
