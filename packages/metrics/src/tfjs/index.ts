export { rootMeanSquaredError } from './rootMeanSquaredError';
export { r2 } from './r2';
