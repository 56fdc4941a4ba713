// The one test for "is this a tfjs LayersModel": the wrapper's `model` param, the codec.
import * as tf from '@tensorflow/tfjs';

/**
 * Whether a value is a tfjs `LayersModel`: an instance of this tfjs's class, or (another tfjs
 * copy) an object with layers and the methods the wrapper and the codec use.
 *
 * @param v - any value
 * @returns whether it is a LayersModel
 */
export function isLayersModel(v: unknown): v is tf.LayersModel {
  if (v instanceof tf.LayersModel) return true;
  const m = v as Record<string, unknown> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    Array.isArray(m.layers) &&
    typeof m.predict === 'function' &&
    typeof m.getWeights === 'function' &&
    typeof m.save === 'function' &&
    typeof m.toJSON === 'function'
  );
}
