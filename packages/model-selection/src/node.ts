/**
 * The Node-only part of model-selection: `WorkerPoolExecutor` (worker threads). The universal
 * entry loads it with a dynamic import when `nJobs > 1` (or a timeout) needs it, so browser
 * bundles never see it.
 *
 * @packageDocumentation
 * @module \@scikeras/model-selection/node
 */
export {
  WorkerPoolExecutor,
  effectiveNJobs,
  type WorkerPoolExecutorOptions,
} from './execution/WorkerPoolExecutor';
export { workerFilename } from './execution/WorkerPool';
