// jest globalSetup: finds redis-server once (installing Debian's package when it is missing and
// this runs as root), or stops the run with the exact install line.
import { resolveRedisServer } from '../src/testing/redisServer';

export default function globalSetup(): void {
  process.env.SCIKERAS_REDIS_SERVER = resolveRedisServer();
}
