// A client process that the resume test kills with SIGKILL in the middle of a search:
//   node resumeClient.mjs <redis url> <queue> <searchId> <ms per fit>
// Prints "progress <n>" after each finished task.
import { GridSearchCV } from '@scikeras/model-selection';
import { QueueExecutor } from '../dist/index.mjs';
import models from './models.cjs';
import data from './data.cjs';

const [url, queue, searchId, ms] = process.argv.slice(2);
const executor = new QueueExecutor({ connection: url, queue });
const search = new GridSearchCV({
  estimator: new models.SlowRegressor({ ms: Number(ms) }),
  paramGrid: { shrink: [0.5, 1, 1.5, 2], slope: [0, 1] },
  cv: 3,
  refit: false,
  executor,
  onProgress: (e) => console.log(`progress ${e.done}`),
});
await search.fit(data.X, data.yr, { searchId });
console.log('done');
await executor.close();
