// RandomState moved to @scikeras/estimator-core (shared with @scikeras/datasets); this module
// keeps the model-selection import paths working. One class, so `instanceof` holds across both.
export { RandomState, checkRandomState, type RandomStateLike } from '@scikeras/estimator-core';
