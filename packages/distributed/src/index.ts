/**
 * `QueueExecutor` and the `scikeras-worker` command: searches and cross-validation on workers on
 * any machine, through BullMQ on Redis (Node only).
 *
 * @packageDocumentation
 * @module \@scikeras/distributed
 */
export { QueueExecutor, type QueueExecutorOptions } from './client/QueueExecutor';
export type { TaskPlacement } from './client/SearchRun';
export { ScikerasWorker, importUrl, type ScikerasWorkerOptions } from './worker/ScikerasWorker';
export { parseWorkerArgs, WORKER_USAGE } from './worker/parseWorkerArgs';
export { formatTaskLine } from './worker/formatTaskLine';
export { createRedis, describeConnection, type RedisConnection } from './redis/connection';
export { searchKeys, checkSearchId, taskJobId, type SearchKeys } from './redis/keys';
export { packBlob, unpackBlob } from './data/dataBlob';
export type { WorkerInfo } from './tasks/payload';
