/**
 * A real redis-server and real scikeras-worker processes, for the package's tests and for users
 * testing their own distributed searches (Node only).
 *
 * @packageDocumentation
 * @module \@scikeras/distributed/testing
 */
export {
  INSTALL_LINE,
  RedisServerMissingError,
  canAptInstall,
  findOnPath,
  freePort,
  resolveRedisServer,
  startRedisServer,
  type RedisServer,
  type ResolveRedisServerOptions,
  type StartRedisServerOptions,
} from './redisServer';
export {
  startWorker,
  startWorkers,
  stopWorkers,
  taskLines,
  workerCli,
  type StartWorkerOptions,
  type WorkerProcess,
} from './workerProcess';
