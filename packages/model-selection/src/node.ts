// @scikeras/model-selection/node: the Node-only part (the worker-thread pool). The universal
// entry loads it with a dynamic import when nJobs > 1 (or a timeout) needs it, so browser
// bundles never see it.
export {
  WorkerPoolExecutor,
  effectiveNJobs,
  type WorkerPoolExecutorOptions,
} from './execution/WorkerPoolExecutor';
export { workerFilename } from './execution/WorkerPool';
