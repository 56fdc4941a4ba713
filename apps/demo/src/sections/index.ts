// The tour, in order.
import type { Section } from '../types';
import { classweight } from './classweight';
import { crossval } from './crossval';
import { earlystopping } from './earlystopping';
import { gridsearch } from './gridsearch';
import { mixed } from './mixed';
import { multiinput } from './multiinput';
import { multilabel } from './multilabel';
import { multioutput } from './multioutput';
import { partialfit } from './partialfit';
import { randomsearch } from './randomsearch';
import { regressor } from './regressor';
import { report } from './report';
import { saveload } from './saveload';

/** Every section of the tour, in the order it runs. */
export const SECTIONS: readonly Section[] = [
  crossval,
  gridsearch,
  randomsearch,
  regressor,
  mixed,
  multilabel,
  multioutput,
  multiinput,
  earlystopping,
  classweight,
  partialfit,
  saveload,
  report,
];
