/**
 * scikit-learn's preprocessing transformers: scalers, `Normalizer`, `SimpleImputer`,
 * `MissingIndicator`, feature `OneHotEncoder`/`OrdinalEncoder`, `FunctionTransformer`,
 * `PolynomialFeatures`, `KBinsDiscretizer`.
 *
 * @packageDocumentation
 * @module \@scikeras/preprocessing
 */
export { StandardScaler, type StandardScalerParams } from './StandardScaler';
export { MinMaxScaler, type MinMaxScalerParams } from './MinMaxScaler';
export { MaxAbsScaler, type MaxAbsScalerParams } from './MaxAbsScaler';
export { RobustScaler, type RobustScalerParams } from './RobustScaler';
export { Normalizer, type NormalizerParams } from './Normalizer';
export { OneHotEncoder, type OneHotEncoderParams } from './OneHotEncoder';
export { OrdinalEncoder, type OrdinalEncoderParams } from './OrdinalEncoder';
export type { Categories, Category } from './internal/categories';
export { SimpleImputer, type SimpleImputerParams } from './SimpleImputer';
export { MissingIndicator, type MissingIndicatorParams } from './MissingIndicator';
export {
  FunctionTransformer,
  type FunctionTransformerParams,
  type TransformFunction,
  type FeatureNamesOutFunction,
} from './FunctionTransformer';
export { PolynomialFeatures, type PolynomialFeaturesParams } from './PolynomialFeatures';
export { KBinsDiscretizer, type KBinsDiscretizerParams } from './KBinsDiscretizer';
