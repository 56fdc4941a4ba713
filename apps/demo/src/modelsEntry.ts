// Built as dist/models.js: worker threads of the grid search import it to register the tour's
// build functions under the same names as the main thread.
import { registerDemoModels } from './models';

registerDemoModels(__filename);
