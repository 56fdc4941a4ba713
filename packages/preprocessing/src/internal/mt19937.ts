// numpy's legacy RandomState on MT19937 (Matsumoto and Nishimura's Mersenne Twister, as in
// numpy/random/src/mt19937 and mtrand.pyx, BSD-3-Clause): enough of it for scikit-learn's
// `rng.choice(n, size, replace=False)` to pick the same rows.

const N = 624;
const M = 397;

/** The integer-seeded Mersenne Twister of `np.random.RandomState(seed)`. */
export class MT19937 {
  readonly #mt = new Uint32Array(N);
  #pos = N;

  /** @param seed - an integer in [0, 2**32 - 1] (numpy's `mt19937_seed`) */
  constructor(seed: number) {
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      this.#mt[i] = s;
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
  }

  #twist(): void {
    const mt = this.#mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % N]! & 0x7fffffff);
      mt[i] = mt[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.#pos = 0;
  }

  /** The next 32-bit output (numpy's `next_uint32`). */
  nextUint32(): number {
    if (this.#pos >= N) this.#twist();
    let y = this.#mt[this.#pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform integer in [0, max] by masked rejection (numpy's `random_interval`, max < 2**32). */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let v: number;
    do v = (this.nextUint32() & mask) >>> 0;
    while (v > max);
    return v;
  }

  /** `RandomState.permutation(n)`: a Fisher-Yates shuffle of `0..n-1` from the end. */
  permutation(n: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.interval(i);
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    return a;
  }

  /** `RandomState.choice(n, size, replace=False)`: the first `size` of a permutation. */
  choiceWithoutReplacement(n: number, size: number): number[] {
    return this.permutation(n).slice(0, size);
  }
}

/**
 * A generator for scikit-learn's `check_random_state(randomState)`: seeded by an integer, or
 * from `Math.random` when null (as numpy seeds from the OS).
 */
export function checkRandomState(randomState: number | null | undefined): MT19937 {
  if (randomState === null || randomState === undefined)
    return new MT19937(Math.floor(Math.random() * 2 ** 32));
  return new MT19937(randomState);
}
