import { Redis } from 'ioredis';
import { INSTALL_LINE, resolveRedisServer, startRedisServer } from './redisServer';

describe('resolveRedisServer', () => {
  it('stops with the exact install line when redis-server is not there', () => {
    expect(() => resolveRedisServer({ binary: '/nonexistent/bin/redis-server' })).toThrow(
      'redis-server was not found (no executable at /nonexistent/bin/redis-server). The tests of @scikeras/distributed run a real Redis: install it with\n' +
        '  apt-get update && apt-get install -y redis-server\n' +
        '(as root, Debian/Ubuntu), or set REDIS_SERVER to the path of a redis-server binary.',
    );
    expect(INSTALL_LINE).toBe('apt-get update && apt-get install -y redis-server');
  });

  it('finds the installed one (the globalSetup installed it if it was missing)', () => {
    expect(resolveRedisServer({ install: false })).toBe(process.env.SCIKERAS_REDIS_SERVER);
  });
});

describe('startRedisServer', () => {
  it('starts a Redis on a free port, keeps its data across a restart with appendOnly, and removes it', async () => {
    const server = await startRedisServer({ appendOnly: true });
    const client = new Redis(server.url, { maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    try {
      await client.set('k', 'v');
      await server.restart();
      expect(await client.get('k')).toBe('v');
    } finally {
      client.disconnect();
      await server.remove();
    }
  });
});
