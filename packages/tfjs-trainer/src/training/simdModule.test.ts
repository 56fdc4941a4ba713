import { activationBackward, type LeanActivation } from './activations';
import { adamUpdate, rmspropUpdate } from './optimizerMath';
import { trainingSimd, trainingSimdBytes } from './simdModule';

/** n floats at a distinct offset of one memory, filled by `fill`. */
function arrays(memory: WebAssembly.Memory, count: number, n: number): Float32Array[] {
  // an odd start (in floats) so the vector loop also meets unaligned addresses
  return Array.from(
    { length: count },
    (_, k) => new Float32Array(memory.buffer, (k * (n + 8) + 3) * 4, n),
  );
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('trainingSimd', () => {
  const memory = new WebAssembly.Memory({ initial: 4 });
  const simd = trainingSimd(memory);

  it('assembles valid modules, each small enough to compile synchronously in a browser (< 4 KB)', () => {
    const modules = trainingSimdBytes();
    expect(modules).toHaveLength(2);
    for (const bytes of modules) {
      expect(WebAssembly.validate(bytes)).toBe(true);
      expect(bytes.length).toBeLessThan(4096);
    }
    expect(simd).not.toBeNull();
    expect(trainingSimd(memory)).toBe(simd); // once per memory
  });

  it.each([1, 3, 4, 5, 64, 1027])(
    'adam on %d floats equals the float32 JS update bit for bit',
    (n) => {
      const r = random(n);
      const [x, g, m, v, xo, mo, vo] = arrays(memory, 7, n);
      for (let i = 0; i < n; i++) {
        x![i] = r() - 0.5;
        g![i] = (r() - 0.5) * 10;
        m![i] = r() - 0.5;
        v![i] = r();
      }
      const step = {
        learningRate: 1e-3,
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-7,
        oneMinusAccBeta1: 0.271,
        oneMinusAccBeta2: 0.00299,
      };
      const want = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
      adamUpdate(x!, g!, m!, v!, want[0]!, want[1]!, want[2]!, step);
      const f = Math.fround;
      simd!.adam(
        x!.byteOffset,
        g!.byteOffset,
        m!.byteOffset,
        v!.byteOffset,
        xo!.byteOffset,
        mo!.byteOffset,
        vo!.byteOffset,
        n,
        f(0.9),
        f(0.999),
        f(1 - 0.9),
        f(1 - 0.999),
        f(0.271),
        f(0.00299),
        f(1e-7),
        f(-1e-3),
      );
      expect(Array.from(xo!)).toEqual(Array.from(want[0]!));
      expect(Array.from(mo!)).toEqual(Array.from(want[1]!));
      expect(Array.from(vo!)).toEqual(Array.from(want[2]!));
    },
  );

  it.each([2, 7, 130])('rmsprop on %d floats equals the float32 JS update bit for bit', (n) => {
    const r = random(n + 11);
    const [x, g, ms, mom, xo, mso, momo] = arrays(memory, 7, n);
    for (let i = 0; i < n; i++) {
      x![i] = r() - 0.5;
      g![i] = (r() - 0.5) * 10;
      ms![i] = r();
      mom![i] = r() - 0.5;
    }
    const step = { learningRate: 0.01, decay: 0.9, momentum: 0.3, epsilon: 1e-7 };
    const want = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    rmspropUpdate(x!, g!, ms!, mom!, want[0]!, want[1]!, want[2]!, step);
    const f = Math.fround;
    simd!.rmsprop(
      x!.byteOffset,
      g!.byteOffset,
      ms!.byteOffset,
      mom!.byteOffset,
      xo!.byteOffset,
      mso!.byteOffset,
      momo!.byteOffset,
      n,
      f(0.9),
      f(1 - 0.9),
      f(0.3),
      f(0.01),
      f(1e-7),
    );
    expect(Array.from(xo!)).toEqual(Array.from(want[0]!));
    expect(Array.from(mso!)).toEqual(Array.from(want[1]!));
    expect(Array.from(momo!)).toEqual(Array.from(want[2]!));
  });

  it.each([
    [1, 1],
    [5, 3],
    [64, 64],
    [7, 9],
  ])(
    'colsum of %d x %d sums each column in row order, as the JS loop (bit for bit)',
    (rows, cols) => {
      const r = random(rows * 31 + cols);
      const [d, out] = arrays(memory, 2, rows * cols);
      for (let i = 0; i < rows * cols; i++) d![i] = (r() - 0.5) * 100;
      const want = new Float32Array(cols);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) want[j] = Math.fround(want[j]! + d![i * cols + j]!);
      }
      simd!.colsum(d!.byteOffset, out!.byteOffset, rows, cols);
      expect(Array.from(out!.subarray(0, cols))).toEqual(Array.from(want));
    },
  );

  it.each([
    [1, 1],
    [1, 7],
    [6, 1],
    [4, 4],
    [5, 3],
    [7, 9],
    [64, 100],
    [256, 3],
    [33, 130],
  ])('transpose of %d x %d puts src[i][j] at out[j][i] (exact, tails included)', (rows, cols) => {
    const r = random(rows * 17 + cols);
    const [src, out] = arrays(memory, 2, rows * cols);
    for (let i = 0; i < rows * cols; i++) src![i] = (r() - 0.5) * 100;
    out!.fill(Number.NaN);
    const want = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) want[j * rows + i] = src![i * cols + j]!;
    }
    simd!.transpose(src!.byteOffset, out!.byteOffset, rows, cols);
    expect(Array.from(out!)).toEqual(Array.from(want));
  });

  it('transpose keeps NaN, infinities and signed zeros as they are', () => {
    const [src, out] = arrays(memory, 2, 8);
    src!.set([Number.NaN, -0, Infinity, -Infinity, 1, 2, 3, 4]);
    simd!.transpose(src!.byteOffset, out!.byteOffset, 2, 4);
    expect(Array.from(out!)).toEqual([Number.NaN, 1, -0, 2, Infinity, 3, -Infinity, 4]);
    expect(Object.is(out![2], -0)).toBe(true);
  });

  it.each([
    [1, 1, 1],
    [4, 8, 8],
    [3, 5, 7],
    [5, 3, 13],
    [64, 20, 32],
    [9, 17, 6],
    [7, 64, 3],
    [2, 0, 5],
  ])(
    'gemm of %d x %d by %d columns equals the float32 loop bit for bit (bias or not, a or its transpose)',
    (m, k, n) => {
      const r = random(m * 100 + k * 10 + n);
      const [a, at, b, bias, c] = arrays(memory, 5, Math.max(m * k, k * n, m * n, n, 1));
      for (let i = 0; i < m * k; i++) a![i] = (r() - 0.5) * 4;
      // at holds a's transpose (k x m)
      for (let i = 0; i < m; i++) for (let t = 0; t < k; t++) at![t * m + i] = a![i * k + t]!;
      for (let i = 0; i < k * n; i++) b![i] = (r() - 0.5) * 4;
      for (let j = 0; j < n; j++) bias![j] = r() - 0.5;
      for (const hasBias of [0, 1]) {
        const want = new Float32Array(m * n);
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let acc = hasBias ? bias![j]! : 0;
            for (let t = 0; t < k; t++) {
              acc = Math.fround(acc + Math.fround(a![i * k + t]! * b![t * n + j]!));
            }
            want[i * n + j] = acc;
          }
        }
        const [ab, bb, cb, biasb] = [a!, b!, c!, bias!].map((x) => x.byteOffset);
        c!.fill(Number.NaN);
        simd!.gemm(ab!, bb!, cb!, biasb!, hasBias, m, k, n, 4 * k, 4);
        expect(Array.from(c!.subarray(0, m * n))).toEqual(Array.from(want));
        c!.fill(Number.NaN);
        simd!.gemm(at!.byteOffset, bb!, cb!, biasb!, hasBias, m, k, n, 4, 4 * m);
        expect(Array.from(c!.subarray(0, m * n))).toEqual(Array.from(want));
      }
    },
  );

  it('reluForward is x < 0 ? 0 : x, in place too (NaN and -0 kept, tail included)', () => {
    const [x, out] = arrays(memory, 2, 7);
    x!.set([-1, 2, Number.NaN, -0, 0, -Infinity, 3.5]);
    simd!.reluForward(x!.byteOffset, out!.byteOffset, 7);
    expect(Array.from(out!)).toEqual([0, 2, Number.NaN, -0, 0, 0, 3.5]);
    expect(Object.is(out![3], -0)).toBe(true);
    simd!.reluForward(x!.byteOffset, x!.byteOffset, 7);
    expect(Array.from(x!)).toEqual(Array.from(out!));
  });

  it.each(['linear', 'relu', 'sigmoid', 'tanh', 'elu'] as const)(
    '%s gradient equals the JS gradient bit for bit (zeros, negatives, tail)',
    (act: Exclude<LeanActivation, 'softmax'>) => {
      const n = 203;
      const r = random(act.length);
      const [dy, y, out] = arrays(memory, 3, n);
      for (let i = 0; i < n; i++) {
        dy![i] = r() - 0.5;
        y![i] = i % 7 === 0 ? 0 : act === 'sigmoid' ? r() : (r() - 0.5) * 4;
      }
      const want = new Float32Array(n);
      activationBackward(act, dy!, y!, 1, n, want);
      simd!.grad[act](dy!.byteOffset, y!.byteOffset, out!.byteOffset, n);
      expect(Array.from(out!)).toEqual(Array.from(want));
    },
  );
});
