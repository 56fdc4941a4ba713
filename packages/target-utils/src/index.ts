/**
 * Target handling as in scikit-learn: `typeOfTarget`, `uniqueLabels`, `LabelEncoder`,
 * `LabelBinarizer`, `MultiLabelBinarizer` and the target encoders of the Keras wrappers.
 *
 * @packageDocumentation
 * @module \@scikeras/target-utils
 */
export { typeOfTarget, type TargetType, type TypeOfTargetOptions } from './typeOfTarget';
export { uniqueLabels } from './uniqueLabels';
export { uniqueInverse, type UniqueInverse } from './uniqueInverse';
export { isMultilabel } from './isMultilabel';
export { checkClassificationTargets } from './checkClassificationTargets';
export { LabelEncoder } from './LabelEncoder';
export {
  ClassifierLabelEncoder,
  type ClassifierLabelEncoderParams,
  type ClassifierInverseOptions,
  type ClassifierMetadata,
  type ClassifierTargetType,
} from './ClassifierLabelEncoder';
export { isCategoricalCrossentropy } from './isCategoricalCrossentropy';
export { RegressorTargetEncoder, type RegressorMetadata } from './RegressorTargetEncoder';
export { OneHotEncoder, type OneHotEncoderParams } from './OneHotEncoder';
export { LabelBinarizer, type LabelBinarizerParams } from './LabelBinarizer';
export { labelBinarize, type LabelBinarizeOptions } from './labelBinarize';
export { MultiLabelBinarizer, type MultiLabelBinarizerParams } from './MultiLabelBinarizer';
export {
  uniqueNumbers as uniqueSortedNumbers,
  uniqueStrings as uniqueSortedStrings,
  uniqueBooleans as uniqueSortedBooleans,
  sortStrings as sortStringsByCodePoint,
  sortNumbers as sortNumbersNanLast,
  encodeNumbers as encodeNumbersAgainst,
  encodeWithMap as encodeValuesAgainst,
  type Encoded as EncodedValues,
} from './internal/unique';
export { numpyNumStr } from './internal/numpyStr';
