export { StandardScaler, type StandardScalerParams } from './StandardScaler';
export { MinMaxScaler, type MinMaxScalerParams } from './MinMaxScaler';
export { MaxAbsScaler, type MaxAbsScalerParams } from './MaxAbsScaler';
export { RobustScaler, type RobustScalerParams } from './RobustScaler';
export { Normalizer, type NormalizerParams } from './Normalizer';
