// @scikeras/distributed/testing: a real redis-server and real scikeras-worker processes, for the
// package's tests and for users testing their own distributed searches (Node only).
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
