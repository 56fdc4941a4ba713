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
