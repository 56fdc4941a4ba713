/**
 * What the boolean option `K` of the options object type `O` is known to be: `'yes'` (the literal
 * `true`), `'no'` (absent, `false` or `undefined`) or `'maybe'` (a `boolean`). Reads the key, not
 * `O extends { k?: false }`, which a TypeScript weak-type check would fail for any `O` without
 * `k`.
 */
export type Flag<O, K extends string> = K extends keyof O
  ? [O[K]] extends [true]
    ? 'yes'
    : [O[K]] extends [false | undefined]
      ? 'no'
      : 'maybe'
  : 'no';
