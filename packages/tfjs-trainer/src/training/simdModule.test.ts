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

  it('assembles a valid module small enough to compile synchronously in a browser (< 4 KB)', () => {
    const bytes = trainingSimdBytes();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(4096);
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
