import { checkSearchId, searchKeys, taskJobId } from './keys';
import { describeConnection } from './connection';

describe('searchKeys', () => {
  it("names a search's keys under the queue's prefix", () => {
    const k = searchKeys('bull', 'grid');
    expect(k.meta('s1')).toBe('bull:grid:scikeras:search:s1:meta');
    expect(k.results('s1')).toBe('bull:grid:scikeras:search:s1:results');
    expect(k.data('ab')).toBe('bull:grid:scikeras:data:ab');
    expect(k.refs('ab')).toBe('bull:grid:scikeras:data:ab:refs');
    expect(k.cancelChannel).toBe('bull:grid:scikeras:cancel');
  });
  it('gives job ids without ":" (BullMQ refuses them)', () => {
    expect(taskJobId('s1', 'g', 4)).toBe('sk.s1.g.4');
  });
  it.each(['', '.x', 'a b', 'a:b', 'x'.repeat(129), 3])('refuses the searchId %p', (id) => {
    expect(() => checkSearchId(id)).toThrow('searchId must be 1 to 128 letters');
  });
});

describe('describeConnection', () => {
  it('hides the password', () => {
    expect(describeConnection('redis://user:secret@h:6379/2')).toBe('redis://user:***@h:6379/2');
    expect(describeConnection({ host: 'h', port: 7000, password: 'secret', tls: {} })).toBe(
      'rediss://h:7000/0',
    );
  });
});
