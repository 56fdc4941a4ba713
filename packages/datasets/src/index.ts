/**
 * scikit-learn's toy data sets (`loadIris`, `loadBreastCancer`, `loadWine`, `loadDiabetes`,
 * `loadDigits`; embedded, browser-ready) and generators (`makeClassification`, `makeRegression`,
 * `makeBlobs`, `makeMoons`, `makeCircles`).
 *
 * @packageDocumentation
 * @module \@scikeras/datasets
 */
export type {
  Bunch,
  DiabetesBunch,
  DigitsBunch,
  FrameRecord,
  LoadOptions,
  Loaded,
  LoadedData,
} from './Bunch';
export { loadIris } from './loadIris';
export { loadBreastCancer } from './loadBreastCancer';
export { loadWine } from './loadWine';
export { loadDiabetes, type LoadDiabetesOptions } from './loadDiabetes';
export { loadDigits, type LoadDigitsOptions } from './loadDigits';
export { makeClassification, type MakeClassificationParams } from './makeClassification';
export {
  makeRegression,
  type MakeRegressionParams,
  type MakeRegressionResult,
  type RegressionTarget,
} from './makeRegression';
export { makeBlobs, type MakeBlobsParams, type MakeBlobsResult } from './makeBlobs';
export { makeMoons, type MakeMoonsParams } from './makeMoons';
export { makeCircles, type MakeCirclesParams } from './makeCircles';
export { RandomState, checkRandomState, type RandomStateLike } from '@scikeras/estimator-core';
