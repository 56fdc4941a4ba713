// The Redis side of a search, beside BullMQ's queue: its data blob (shared by content hash), its
// meta hash (fingerprint, generation, context) and its results hash. Every multi-key change is
// one Lua script, so a client or worker that dies half-way leaves nothing half-done.
import type { Redis } from 'ioredis';
import type { SearchKeys } from './keys';

const CLAIM = `
local f = redis.call('HGET', KEYS[1], 'fingerprint')
if f then
  if f ~= ARGV[1] then return {'conflict', ''} end
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  return {'resumed', redis.call('HGET', KEYS[1], 'generation')}
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1], 'data', ARGV[2], 'context', ARGV[3], 'generation', ARGV[5], 'tasks', ARGV[6])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return {'new', ARGV[5]}
`;

const RELEASE = `
if redis.call('HGET', KEYS[1], 'generation') == ARGV[2] then
  redis.call('DEL', KEYS[1], KEYS[2])
end
redis.call('SREM', KEYS[3], ARGV[1])
if redis.call('SCARD', KEYS[3]) == 0 then redis.call('DEL', KEYS[3], KEYS[4]) end
return 1
`;

const WRITE_RESULT = `
if redis.call('HGET', KEYS[1], 'generation') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
local ttl = redis.call('TTL', KEYS[1])
if ttl > 0 then redis.call('EXPIRE', KEYS[2], ttl) end
return 1
`;

/** How {@link claimSearch} found the search id. */
export interface Claim {
  status: 'new' | 'resumed' | 'conflict';
  generation: string;
}

/**
 * Stores a data blob under its content hash (kept if already there) and counts the search
 * among its users; both expire after `ttl` seconds unless refreshed.
 *
 * @param redis - a client
 * @param keys - the queue's keys
 * @param hash - the blob's content hash
 * @param blob - the blob
 * @param searchId - the search using it
 * @param ttl - seconds
 * @returns when stored
 * @example
 * ```ts
 * await storeData(redis, keys, prepared.dataHash, prepared.blob, 'grid-1', 86400);
 * ```
 */
export async function storeData(
  redis: Redis,
  keys: SearchKeys,
  hash: string,
  blob: Uint8Array,
  searchId: string,
  ttl: number,
): Promise<void> {
  const there = await redis.expire(keys.data(hash), ttl);
  if (!there) await redis.set(keys.data(hash), Buffer.from(blob), 'EX', ttl);
  await redis.multi().sadd(keys.refs(hash), searchId).expire(keys.refs(hash), ttl).exec();
}

/**
 * Claims a search id: a new search writes its meta hash (with a new generation); a search
 * with the same fingerprint resumes (its generation and results are kept); another search
 * under an id in use is a conflict.
 *
 * @returns the status and the generation
 * @example
 * ```ts
 * const { status, generation } = await claimSearch(redis, keys, 'grid-1', meta, 86400, gen);
 * ```
 */
export async function claimSearch(
  redis: Redis,
  keys: SearchKeys,
  searchId: string,
  meta: { fingerprint: string; dataHash: string; context: Uint8Array; tasks: number },
  ttl: number,
  newGeneration: string,
): Promise<Claim> {
  const [status, generation] = (await redis.eval(
    CLAIM,
    2,
    keys.meta(searchId),
    keys.results(searchId),
    meta.fingerprint,
    meta.dataHash,
    Buffer.from(meta.context),
    ttl,
    newGeneration,
    meta.tasks,
  )) as [Claim['status'], string];
  return { status, generation };
}

/**
 * Ends a search: its meta and results go (if still of this generation), it stops using its data
 * blob, and the blob goes when no search uses it.
 *
 * @example
 * ```ts
 * await releaseSearch(redis, keys, 'grid-1', generation, dataHash);
 * ```
 */
export async function releaseSearch(
  redis: Redis,
  keys: SearchKeys,
  searchId: string,
  generation: string,
  hash: string,
): Promise<void> {
  await redis.eval(
    RELEASE,
    4,
    keys.meta(searchId),
    keys.results(searchId),
    keys.refs(hash),
    keys.data(hash),
    searchId,
    generation,
  );
}

/**
 * Refreshes the expiry of a running search's keys (a client that dies stops refreshing them).
 *
 * @example
 * ```ts
 * await refreshSearch(redis, keys, 'grid-1', dataHash, 86400);
 * ```
 */
export async function refreshSearch(
  redis: Redis,
  keys: SearchKeys,
  searchId: string,
  hash: string,
  ttl: number,
): Promise<void> {
  await redis
    .multi()
    .expire(keys.meta(searchId), ttl)
    .expire(keys.results(searchId), ttl)
    .expire(keys.data(hash), ttl)
    .expire(keys.refs(hash), ttl)
    .exec();
}

/**
 * Stores a task's packed result, only while the search is still of this generation (a task of
 * an ended or restarted search writes nothing).
 *
 * @returns whether it was stored
 * @example
 * ```ts
 * await writeResult(redis, keys, 'grid-1', generation, 4, packBlob(stored));
 * ```
 */
export async function writeResult(
  redis: Redis,
  keys: SearchKeys,
  searchId: string,
  generation: string,
  taskIndex: number,
  bytes: Uint8Array,
): Promise<boolean> {
  const done = await redis.eval(
    WRITE_RESULT,
    2,
    keys.meta(searchId),
    keys.results(searchId),
    generation,
    String(taskIndex),
    Buffer.from(bytes),
  );
  return done === 1;
}
