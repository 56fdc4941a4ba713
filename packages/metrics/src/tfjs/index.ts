/**
 * Metrics as TensorFlow.js tensor functions, to use as Keras losses and metrics in a model:
 * `rootMeanSquaredError` and `r2`.
 *
 * @packageDocumentation
 * @module \@scikeras/metrics/tfjs
 */
export { rootMeanSquaredError } from './rootMeanSquaredError';
export { r2 } from './r2';
