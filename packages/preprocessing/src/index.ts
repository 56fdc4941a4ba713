export { StandardScaler, type StandardScalerParams } from './StandardScaler';
