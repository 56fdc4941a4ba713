// Redis connections from a URL or ioredis options, set up for BullMQ (commands wait for a
// reconnection instead of failing: a restarted Redis loses no search).
import { InvalidParameterError } from '@scikeras/estimator-core';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis (or Valkey) is: a URL (`redis://user:pass@host:6379/0`, `rediss://` for TLS) or
 * ioredis options (`{ host, port, password, tls, ... }`).
 *
 * @example
 * ```ts
 * const a: RedisConnection = 'rediss://worker:secret@redis.internal:6380/0';
 * const b: RedisConnection = { host: 'redis.internal', port: 6380, password: 'secret', tls: {} };
 * ```
 */
export type RedisConnection = string | RedisOptions;

/**
 * A new ioredis client for a connection. `maxRetriesPerRequest: null` (BullMQ needs it for its
 * blocking connections, and it makes every command wait for a reconnection rather than fail).
 *
 * @param connection - a URL or ioredis options
 * @param name - the client's name in `CLIENT LIST`
 * @returns the client (connecting)
 * @throws InvalidParameterError for a URL that is not `redis://` or `rediss://`, or a value that
 *   is neither a string nor an object
 * @example
 * ```ts
 * const redis = createRedis('redis://localhost:6379/0', 'scikeras-client');
 * ```
 */
export function createRedis(connection: RedisConnection, name: string): Redis {
  const common: RedisOptions = { maxRetriesPerRequest: null, connectionName: name };
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//.test(connection))
      throw new InvalidParameterError(
        `The 'connection' must be a redis:// or rediss:// URL or ioredis options. Got ${JSON.stringify(redactUrl(connection))} instead.`,
      );
    return new Redis(connection, common);
  }
  if (connection && typeof connection === 'object') return new Redis({ ...connection, ...common });
  throw new InvalidParameterError(
    `The 'connection' must be a redis:// or rediss:// URL or ioredis options. Got ${String(connection)} instead.`,
  );
}

/**
 * A connection as text for logs and messages, its password hidden.
 *
 * @param connection - a URL or ioredis options
 * @returns e.g. `redis://user:***@host:6379/0`
 * @example
 * ```ts
 * describeConnection('redis://:secret@cache:6379'); // 'redis://:***@cache:6379'
 * ```
 */
export function describeConnection(connection: RedisConnection): string {
  if (typeof connection === 'string') return redactUrl(connection);
  const o = connection ?? {};
  return `${o.tls ? 'rediss' : 'redis'}://${o.host ?? '127.0.0.1'}:${o.port ?? 6379}/${o.db ?? 0}`;
}

function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
