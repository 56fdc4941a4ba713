// @scikeras/model-selection/node: the Node-only part (worker threads through piscina). The
// universal entry loads it with a dynamic import when nJobs > 1, so browser bundles never see it.
export {
  WorkerPoolExecutor,
  effectiveNJobs,
  workerFilename,
  type WorkerPoolExecutorOptions,
} from './execution/WorkerPoolExecutor';
