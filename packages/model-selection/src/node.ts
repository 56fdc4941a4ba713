/**
 * The Node-only part of model-selection: `WorkerPoolExecutor` (worker threads through piscina).
 * The universal entry loads it with a dynamic import when `nJobs > 1`, so browser bundles never
 * see it.
 *
 * @packageDocumentation
 * @module \@scikeras/model-selection/node
 */
export {
  WorkerPoolExecutor,
  effectiveNJobs,
  workerFilename,
  type WorkerPoolExecutorOptions,
} from './execution/WorkerPoolExecutor';
