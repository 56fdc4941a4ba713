// A small WebAssembly SIMD module, assembled here byte by byte, that runs the lean training
// loop's element-wise kernels (Adam, activation gradients) in place on tfjs-backend-wasm's heap.
// f32x4 add/sub/mul/div/sqrt round each lane as f32 ops do, so results equal the JS versions
// (and tfjs's kernels) bit for bit.

/** Byte offsets into the wasm heap, and counts. */
export interface TrainingSimd {
  /** Adam update of n floats (see optimizerMath.ts adamUpdate for the formula). */
  adam(
    x: number,
    g: number,
    m: number,
    v: number,
    xo: number,
    mo: number,
    vo: number,
    n: number,
    b1: number,
    b2: number,
    ob1: number,
    ob2: number,
    c1: number,
    c2: number,
    eps: number,
    nlr: number,
  ): void;
  /** RMSProp (not centered) update of n floats (see optimizerMath.ts rmspropUpdate). */
  rmsprop(
    x: number,
    g: number,
    ms: number,
    mom: number,
    xo: number,
    mso: number,
    momo: number,
    n: number,
    decay: number,
    od: number,
    momentum: number,
    lr: number,
    eps: number,
  ): void;
  /** Column sums of a rows x cols float32 block, each column summed in row order. */
  colsum(d: number, out: number, rows: number, cols: number): void;
  /** `out` (cols x rows) = the transpose of the rows x cols float32 matrix at `src` (exact). */
  transpose(src: number, out: number, rows: number, cols: number): void;
  /**
   * `c = op(a) · b` (m x k by k x n; b and c row-major), plus the row `bias` (n floats) when
   * `hasBias` is 1. Element (i, t) of op(a) is the f32 at `a + i * aRow + t * aStep` (bytes):
   * `aRow = 4k, aStep = 4` for a row-major m x k, `aRow = 4, aStep = 4m` for the transpose of a
   * row-major k x m. Each element is summed over t in order from the bias (or 0), one f32
   * multiply and one f32 add per term, whatever the tile that computes it (so it equals the
   * plain float32 loop bit for bit).
   */
  gemm(
    a: number,
    b: number,
    c: number,
    bias: number,
    hasBias: number,
    m: number,
    k: number,
    n: number,
    aRow: number,
    aStep: number,
  ): void;
  /** `out = x < 0 ? 0 : x` for n floats (relu; NaN and -0 kept); out may be x. */
  reluForward(x: number, out: number, n: number): void;
  /** `out = dy * f'(y)` for n floats; one function per activation. */
  grad: Record<
    'linear' | 'relu' | 'sigmoid' | 'tanh' | 'elu',
    (dy: number, y: number, out: number, n: number) => void
  >;
}

// ------------------------------------------------------------------ encoding

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, payload: number[]): number[] => [
  id,
  ...uleb(payload.length),
  ...payload,
];

// ------------------------------------------------------------------ a tiny expression language

/** An f32 expression, evaluated per lane (vector loop) or per element (scalar tail). */
type Expr =
  | ['load', string] // the f32 at pointer param + offset
  | ['const', string] // an f32 param (splatted for the vector loop)
  | ['zero']
  | ['one']
  | ['tmp', string] // a temporary set by a 'let'
  | ['add' | 'sub' | 'mul' | 'div', Expr, Expr]
  | ['sqrt', Expr]
  | ['selectGt0' | 'selectGe0', Expr, Expr, Expr]; // test > 0 (>= 0) ? a : b
type Stmt = ['let', string, Expr] | ['store', string, Expr];

interface Kernel {
  name: string;
  pointers: string[];
  consts: string[];
  body: Stmt[];
}

const SIMD = (op: number): number[] => [0xfd, ...uleb(op)];
const V = {
  load: 0x00,
  load32Splat: 0x09,
  store: 0x0b,
  splat: 0x13,
  bitselect: 0x52,
  gt: 0x44,
  ge: 0x46,
};
const VOP = { add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, sqrt: 0xe3 };
const SOP = { add: 0x92, sub: 0x93, mul: 0x94, div: 0x95, sqrt: 0x91 };

/** Instructions, by name. */
const get = (local: number): number[] => [0x20, ...uleb(local)];
const set = (local: number): number[] => [0x21, ...uleb(local)];
const i32 = (value: number): number[] => [0x41, ...sleb(value)];
const F32_ZERO = [0x43, 0, 0, 0, 0];
const F32_ONE = [0x43, 0, 0, 0x80, 0x3f];
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const I32_AND = 0x71;
const I32_SHL = 0x74;
const I32_GE_U = 0x4f;
const F32_LOAD = [0x2a, 2, 0];
const F32_STORE = [0x38, 2, 0];
const V128_LOAD = [...SIMD(V.load), 0, 0];
const V128_STORE = [...SIMD(V.store), 0, 0];
/** The address `base + off` (two i32 locals) on the stack. */
const at = (base: number, off: number): number[] => [...get(base), ...get(off), I32_ADD];

/** `while (counter < end) { body; counter += step }` over i32 locals. */
function whileBelow(counter: number, end: number, step: number, body: number[]): number[] {
  // block { loop { br_if 1 (counter >= end); body; counter += step; br 0 } }
  // prettier-ignore
  return [
    0x02, 0x40, 0x03, 0x40,
    ...get(counter), ...get(end), I32_GE_U, 0x0d, 1,
    ...body,
    ...get(counter), ...i32(step), I32_ADD, ...set(counter),
    0x0c, 0, 0x0b, 0x0b,
  ];
}

/** Compiles one kernel into a function body: params (pointers..., n, consts...). */
function compile(k: Kernel): { params: number[]; body: number[] } {
  const params = [...k.pointers.map(() => I32), I32, ...k.consts.map(() => F32)];
  const nIdx = k.pointers.length;
  const ptr = (p: string): number => k.pointers.indexOf(p);
  const cst = (c: string): number => nIdx + 1 + k.consts.indexOf(c);
  // locals after the params: off, endVec, endAll (i32); splats + zero + one (v128); tmps (v128, f32)
  let next = params.length;
  const off = next++;
  const endVec = next++;
  const endAll = next++;
  const splat = new Map<string, number>();
  for (const c of [...k.consts, '#zero', '#one']) splat.set(c, next++);
  const tmps = k.body.filter((s) => s[0] === 'let').map((s) => s[1]);
  const vtmp = new Map(tmps.map((t) => [t, next++]));
  const stmp = new Map(tmps.map((t) => [t, next++]));
  const locals = [
    [3, I32],
    [splat.size + tmps.length, V128],
    [tmps.length, F32],
  ].filter(([count]) => count! > 0);

  const expr = (e: Expr, v: boolean): number[] => {
    switch (e[0]) {
      case 'load':
        return [...at(ptr(e[1]), off), ...(v ? V128_LOAD : F32_LOAD)];
      case 'const':
        return get(v ? splat.get(e[1])! : cst(e[1]));
      case 'zero':
        return v ? get(splat.get('#zero')!) : F32_ZERO;
      case 'one':
        return v ? get(splat.get('#one')!) : F32_ONE;
      case 'tmp':
        return get((v ? vtmp : stmp).get(e[1])!);
      case 'sqrt':
        return [...expr(e[1], v), ...(v ? SIMD(VOP.sqrt) : [SOP.sqrt])];
      case 'selectGt0':
      case 'selectGe0': {
        const [, test, a, b] = e;
        const cmp = e[0] === 'selectGt0';
        if (v) {
          return [
            ...expr(a, v),
            ...expr(b, v),
            ...expr(test, v),
            ...expr(['zero'], v),
            ...SIMD(cmp ? V.gt : V.ge),
            ...SIMD(V.bitselect),
          ];
        }
        return [
          ...expr(a, v),
          ...expr(b, v),
          ...expr(test, v),
          ...expr(['zero'], v),
          cmp ? 0x5e : 0x60,
          0x1b,
        ];
      }
      default: {
        const [op, a, b] = e;
        return [...expr(a, v), ...expr(b, v), ...(v ? SIMD(VOP[op]) : [SOP[op]])];
      }
    }
  };
  const stmts = (v: boolean): number[] =>
    k.body.flatMap((s) =>
      s[0] === 'let'
        ? [...expr(s[2], v), ...set((v ? vtmp : stmp).get(s[1])!)]
        : [...at(ptr(s[1]), off), ...expr(s[2], v), ...(v ? V128_STORE : F32_STORE)],
    );
  // prettier-ignore
  const code = [
    // the constants splatted into vectors
    ...k.consts.flatMap((c) => [...get(cst(c)), ...SIMD(V.splat), ...set(splat.get(c)!)]),
    ...F32_ZERO, ...SIMD(V.splat), ...set(splat.get('#zero')!),
    ...F32_ONE, ...SIMD(V.splat), ...set(splat.get('#one')!),
    // endAll = n * 4; endVec = (n & ~3) * 4 (byte offsets); off = 0
    ...get(nIdx), ...i32(2), I32_SHL, ...set(endAll),
    ...get(nIdx), ...i32(-4), I32_AND, ...i32(2), I32_SHL, ...set(endVec),
    ...i32(0), ...set(off),
    // four floats at a time, then the tail one by one
    ...whileBelow(off, endVec, 16, stmts(true)),
    ...whileBelow(off, endAll, 4, stmts(false)),
    0x0b,
  ];
  const body = [...vec(locals.map(([count, type]) => [...uleb(count!), type!])), ...code];
  return { params, body: [...uleb(body.length), ...body] };
}

// ------------------------------------------------------------------ the kernels

const L = (p: string): Expr => ['load', p];
const C = (c: string): Expr => ['const', c];
const T = (t: string): Expr => ['tmp', t];

const KERNELS: Kernel[] = [
  {
    name: 'adam',
    pointers: ['x', 'g', 'm', 'v', 'xo', 'mo', 'vo'],
    consts: ['b1', 'b2', 'ob1', 'ob2', 'c1', 'c2', 'eps', 'nlr'],
    body: [
      ['let', 'g', L('g')],
      ['let', 'm', ['add', ['mul', L('m'), C('b1')], ['mul', T('g'), C('ob1')]]],
      ['let', 'v', ['add', ['mul', L('v'), C('b2')], ['mul', ['mul', T('g'), T('g')], C('ob2')]]],
      ['store', 'mo', T('m')],
      ['store', 'vo', T('v')],
      [
        'store',
        'xo',
        [
          'add',
          [
            'mul',
            [
              'div',
              ['div', T('m'), C('c1')],
              ['add', ['sqrt', ['div', T('v'), C('c2')]], C('eps')],
            ],
            C('nlr'),
          ],
          L('x'),
        ],
      ],
    ],
  },
  {
    name: 'rmsprop',
    pointers: ['x', 'g', 'ms', 'mom', 'xo', 'mso', 'momo'],
    consts: ['decay', 'od', 'momentum', 'lr', 'eps'],
    body: [
      ['let', 'g', L('g')],
      [
        'let',
        'a',
        ['add', ['mul', L('ms'), C('decay')], ['mul', ['mul', T('g'), T('g')], C('od')]],
      ],
      [
        'let',
        'm',
        [
          'add',
          ['mul', L('mom'), C('momentum')],
          ['div', ['mul', T('g'), C('lr')], ['sqrt', ['add', T('a'), C('eps')]]],
        ],
      ],
      ['store', 'mso', T('a')],
      ['store', 'momo', T('m')],
      ['store', 'xo', ['sub', L('x'), T('m')]],
    ],
  },
  {
    // relu forward: x < 0 ? 0 : x (NaN stays NaN, -0 stays -0)
    name: 'reluForward',
    pointers: ['x', 'out'],
    consts: [],
    body: [['store', 'out', ['selectGt0', ['sub', ['zero'], L('x')], ['zero'], L('x')]]],
  },
  { name: 'linear', pointers: ['dy', 'y', 'out'], consts: [], body: [['store', 'out', L('dy')]] },
  {
    name: 'relu',
    pointers: ['dy', 'y', 'out'],
    consts: [],
    body: [['store', 'out', ['selectGt0', L('y'), L('dy'), ['zero']]]],
  },
  {
    name: 'sigmoid',
    pointers: ['dy', 'y', 'out'],
    consts: [],
    body: [['store', 'out', ['mul', L('dy'), ['mul', L('y'), ['sub', ['one'], L('y')]]]]],
  },
  {
    name: 'tanh',
    pointers: ['dy', 'y', 'out'],
    consts: [],
    body: [['store', 'out', ['mul', L('dy'), ['sub', ['one'], ['mul', L('y'), L('y')]]]]],
  },
  {
    name: 'elu',
    pointers: ['dy', 'y', 'out'],
    consts: [],
    body: [
      ['store', 'out', ['selectGe0', L('y'), L('dy'), ['mul', L('dy'), ['add', L('y'), ['one']]]]],
    ],
  },
];

/**
 * `colsum(d, out, rows, cols)`: for each column j (four at a time, then one at a time),
 * `out[j] = ((0 + d[0][j]) + d[1][j]) + ...` in row order, as tfjs's Sum and the JS
 * columnSums round it.
 */
function colsum(): { params: number[]; body: number[] } {
  const [d, out, rows, cols] = [0, 1, 2, 3];
  const [j, rowBytes, r, ptr, endVec, endAll] = [4, 5, 6, 7, 8, 9];
  const [acc, accS] = [10, 11];
  // one column (or four): sum the rows in order into acc, store it at out + j
  // prettier-ignore
  const column = (vector: boolean): number[] => [
    ...(vector ? [...F32_ZERO, ...SIMD(V.splat)] : F32_ZERO), ...set(vector ? acc : accS),
    ...at(d, j), ...set(ptr),
    ...i32(0), ...set(r),
    ...whileBelow(r, rows, 1, [
      ...get(vector ? acc : accS), ...get(ptr),
      ...(vector ? [...V128_LOAD, ...SIMD(VOP.add)] : [...F32_LOAD, SOP.add]),
      ...set(vector ? acc : accS),
      ...get(ptr), ...get(rowBytes), I32_ADD, ...set(ptr),
    ]),
    ...at(out, j), ...get(vector ? acc : accS), ...(vector ? V128_STORE : F32_STORE),
  ];
  // prettier-ignore
  const code = [
    ...get(cols), ...i32(2), I32_SHL, ...set(rowBytes),
    ...get(rowBytes), ...set(endAll),
    ...get(cols), ...i32(-4), I32_AND, ...i32(2), I32_SHL, ...set(endVec),
    ...i32(0), ...set(j),
    ...whileBelow(j, endVec, 16, column(true)),
    ...whileBelow(j, endAll, 4, column(false)),
    0x0b,
  ];
  const body = [
    ...vec([
      [6, I32],
      [1, V128],
      [1, F32],
    ]),
    ...code,
  ];
  return { params: [I32, I32, I32, I32], body: [...uleb(body.length), ...body] };
}

/** `i8x16.shuffle` of two vectors by 16 byte lanes (0-15: the first, 16-31: the second). */
const shuffle = (lanes: number[]): number[] => [...SIMD(0x0d), ...lanes];
const lanes = (words: number[]): number[] =>
  words.flatMap((w) => [4 * w, 4 * w + 1, 4 * w + 2, 4 * w + 3]);
/** (a0, b0, a1, b1) and (a2, b2, a3, b3) of two vectors a, b. */
const ZIP_LO = shuffle(lanes([0, 4, 1, 5]));
const ZIP_HI = shuffle(lanes([2, 6, 3, 7]));
/** (a0, a1, b0, b1) and (a2, a3, b2, b3). */
const HALF_LO = shuffle(lanes([0, 1, 4, 5]));
const HALF_HI = shuffle(lanes([2, 3, 6, 7]));

/**
 * `transpose(src, out, rows, cols)`: out[j][i] = src[i][j]. Whole 4 x 4 blocks go through
 * registers (four row loads, eight shuffles, four column stores); the rows and columns past the
 * last whole block are copied one float at a time. Moves bits, so it is exact.
 */
function transpose(): { params: number[]; body: number[] } {
  const [src, out, rows, cols] = [0, 1, 2, 3];
  const [i, j, rows4, cols4, rowIn, rowOut, p, q, i0, j0] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const [r0, r1, r2, r3, t0, t1, t2, t3] = [14, 15, 16, 17, 18, 19, 20, 21];
  /** base + ((a * b + c) << 2) on the stack. */
  // prettier-ignore
  const addr = (base: number, a: number, b: number, c: number): number[] => [
    ...get(base), ...get(a), ...get(b), I32_MUL, ...get(c), I32_ADD, ...i32(2), I32_SHL, I32_ADD,
  ];
  // prettier-ignore
  const load = (row: number, dst: number): number[] => [
    ...get(p), ...(row ? [...get(rowIn), ...i32(row), I32_MUL, I32_ADD] : []),
    ...V128_LOAD, ...set(dst),
  ];
  // prettier-ignore
  const store = (row: number, a: number, b: number, lanesOp: number[]): number[] => [
    ...get(q), ...(row ? [...get(rowOut), ...i32(row), I32_MUL, I32_ADD] : []),
    ...get(a), ...get(b), ...lanesOp, ...V128_STORE,
  ];
  // prettier-ignore
  const block = [
    ...addr(src, i, cols, j), ...set(p),
    ...addr(out, j, rows, i), ...set(q),
    ...load(0, r0), ...load(1, r1), ...load(2, r2), ...load(3, r3),
    ...get(r0), ...get(r1), ...ZIP_LO, ...set(t0), // a0 b0 a1 b1
    ...get(r0), ...get(r1), ...ZIP_HI, ...set(t1), // a2 b2 a3 b3
    ...get(r2), ...get(r3), ...ZIP_LO, ...set(t2), // c0 d0 c1 d1
    ...get(r2), ...get(r3), ...ZIP_HI, ...set(t3), // c2 d2 c3 d3
    ...store(0, t0, t2, HALF_LO), // a0 b0 c0 d0
    ...store(1, t0, t2, HALF_HI), // a1 b1 c1 d1
    ...store(2, t1, t3, HALF_LO),
    ...store(3, t1, t3, HALF_HI),
  ];
  /** The rectangle rows [i0, iEnd) x columns [j0, jEnd), one float at a time. */
  // prettier-ignore
  const scalar = (iEnd: number, jEnd: number): number[] => [
    ...get(i0), ...set(i),
    ...whileBelow(i, iEnd, 1, [
      ...get(j0), ...set(j),
      ...whileBelow(j, jEnd, 1, [
        ...addr(out, j, rows, i), ...addr(src, i, cols, j), ...F32_LOAD, ...F32_STORE,
      ]),
    ]),
  ];
  // prettier-ignore
  const code = [
    ...get(rows), ...i32(-4), I32_AND, ...set(rows4),
    ...get(cols), ...i32(-4), I32_AND, ...set(cols4),
    ...get(cols), ...i32(2), I32_SHL, ...set(rowIn),
    ...get(rows), ...i32(2), I32_SHL, ...set(rowOut),
    ...i32(0), ...set(i),
    ...whileBelow(i, rows4, 4, [
      ...i32(0), ...set(j),
      ...whileBelow(j, cols4, 4, block),
    ]),
    // the columns past the last whole block (every row), then the rows past it (the first cols4 columns)
    ...i32(0), ...set(i0), ...get(cols4), ...set(j0), ...scalar(rows, cols),
    ...get(rows4), ...set(i0), ...i32(0), ...set(j0), ...scalar(rows, cols4),
    0x0b,
  ];
  const body = [
    ...vec([
      [10, I32],
      [8, V128],
    ]),
    ...code,
  ];
  return { params: [I32, I32, I32, I32], body: [...uleb(body.length), ...body] };
}

/**
 * `gemm(a, b, c, bias, hasBias, m, k, n, aRow, aStep)`: c = op(a)·b (+ bias), the element
 * (i, t) of op(a) at `a + i * aRow + t * aStep` (bytes): `aRow = 4k, aStep = 4` for a itself
 * (m x k), `aRow = 4, aStep = 4m` for the transpose of a stored k x m. Tiles of 4 rows x 8 columns (eight
 * accumulators), then 4 x 4, then single rows, and the last n % 4 columns one float at a time;
 * every element is `((init + a0·b0) + a1·b1) + ...` in f32, as in the scalar loop.
 */
function gemm(): { params: number[]; body: number[] } {
  const [a, b, c, bias, hasBias, m, k, n, aRow, aStep] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [i, j, kk, pb, rowB, m4, n8, n4] = [10, 11, 12, 13, 14, 15, 16, 17];
  const pr0 = 18; // 4 pointers: pr0 + r, at row r of op(a), term kk
  const acc0 = 22; // 8 v128 accumulators: acc0 + 2 * r + v
  const [bv0, bv1, av] = [30, 31, 32];
  const accS = 33; // 4 f32 accumulators (scalar columns): accS + r
  const SPLAT = SIMD(V.splat);
  /** The f32 of row r of the tile, term kk. */
  const aAt = (r: number): number[] => [...get(pr0 + r), ...F32_LOAD];
  /** That f32 in every lane (one load-and-splat: a broadcast load, no shuffle, on x64). */
  const aSplat = (r: number): number[] => [...get(pr0 + r), ...SIMD(V.load32Splat), 2, 0];
  /** pr0 + r = a + (i + r) * aRow for the R rows of a tile. */
  // prettier-ignore
  const rowPointers = (R: number): number[] => Array.from({ length: R }, (_, r) => [
    ...get(a), ...get(i), ...(r ? [...i32(r), I32_ADD] : []), ...get(aRow), I32_MUL, I32_ADD,
    ...set(pr0 + r),
  ]).flat();
  /** Every row pointer one term on. */
  // prettier-ignore
  const nextTerm = (R: number): number[] => Array.from({ length: R }, (_, r) => [
    ...get(pr0 + r), ...get(aStep), I32_ADD, ...set(pr0 + r),
  ]).flat();
  /** R rows x V vectors of columns from (i, j), then j += 4V. */
  const tile = (R: number, Vn: number): number[] => {
    const out: number[] = [];
    for (let r = 0; r < R; r++) {
      for (let v = 0; v < Vn; v++) {
        // prettier-ignore
        out.push(
          ...get(hasBias), 0x04, V128,
          ...get(bias), ...get(j), ...i32(2), I32_SHL, I32_ADD, ...SIMD(V.load), 0, ...uleb(16 * v),
          0x05, ...F32_ZERO, ...SPLAT, 0x0b,
          ...set(acc0 + 2 * r + v),
        );
      }
    }
    // prettier-ignore
    out.push(
      ...rowPointers(R),
      ...get(b), ...get(j), ...i32(2), I32_SHL, I32_ADD, ...set(pb),
      ...i32(0), ...set(kk),
      ...whileBelow(kk, k, 1, [
        ...get(pb), ...V128_LOAD, ...set(bv0),
        ...(Vn > 1 ? [...get(pb), ...SIMD(V.load), 0, 16, ...set(bv1)] : []),
        ...Array.from({ length: R }, (_, r) => [
          ...aSplat(r), ...set(av),
          ...Array.from({ length: Vn }, (_, v) => [
            ...get(acc0 + 2 * r + v), ...get(av), ...get(v ? bv1 : bv0), ...SIMD(VOP.mul),
            ...SIMD(VOP.add), ...set(acc0 + 2 * r + v),
          ]).flat(),
        ]).flat(),
        ...nextTerm(R),
        ...get(pb), ...get(rowB), I32_ADD, ...set(pb),
      ]),
    );
    for (let r = 0; r < R; r++) {
      for (let v = 0; v < Vn; v++) {
        // c + ((i + r) * n + j) * 4 + 16 v
        // prettier-ignore
        out.push(
          ...get(c), ...get(i), ...i32(r), I32_ADD, ...get(n), I32_MUL, ...get(j), I32_ADD,
          ...i32(2), I32_SHL, I32_ADD,
          ...get(acc0 + 2 * r + v), ...SIMD(V.store), 0, ...uleb(16 * v),
        );
      }
    }
    out.push(...get(j), ...i32(4 * Vn), I32_ADD, ...set(j));
    return out;
  };
  /** R rows, one column j, then j += 1. */
  const column = (R: number): number[] => {
    const out: number[] = [];
    for (let r = 0; r < R; r++) {
      // prettier-ignore
      out.push(
        ...get(hasBias), 0x04, F32,
        ...get(bias), ...get(j), ...i32(2), I32_SHL, I32_ADD, ...F32_LOAD,
        0x05, ...F32_ZERO, 0x0b, ...set(accS + r),
      );
    }
    // prettier-ignore
    out.push(
      ...rowPointers(R),
      ...get(b), ...get(j), ...i32(2), I32_SHL, I32_ADD, ...set(pb),
      ...i32(0), ...set(kk),
      ...whileBelow(kk, k, 1, [
        ...Array.from({ length: R }, (_, r) => [
          ...get(accS + r), ...aAt(r), ...get(pb), ...F32_LOAD, SOP.mul, SOP.add, ...set(accS + r),
        ]).flat(),
        ...nextTerm(R),
        ...get(pb), ...get(rowB), I32_ADD, ...set(pb),
      ]),
    );
    for (let r = 0; r < R; r++) {
      // prettier-ignore
      out.push(
        ...get(c), ...get(i), ...i32(r), I32_ADD, ...get(n), I32_MUL, ...get(j), I32_ADD,
        ...i32(2), I32_SHL, I32_ADD, ...get(accS + r), ...F32_STORE,
      );
    }
    out.push(...get(j), ...i32(1), I32_ADD, ...set(j));
    return out;
  };
  /** All the columns of R rows from i, then i += R. */
  // prettier-ignore
  const rowsOf = (R: number): number[] => [
    ...i32(0), ...set(j),
    ...whileBelow(j, n8, 0, tile(R, 2)),
    ...whileBelow(j, n4, 0, tile(R, 1)),
    ...whileBelow(j, n, 0, column(R)),
    ...get(i), ...i32(R), I32_ADD, ...set(i),
  ];
  // prettier-ignore
  const code = [
    ...get(n), ...i32(2), I32_SHL, ...set(rowB),
    ...get(m), ...i32(-4), I32_AND, ...set(m4),
    ...get(n), ...i32(-8), I32_AND, ...set(n8),
    ...get(n), ...i32(-4), I32_AND, ...set(n4),
    ...i32(0), ...set(i),
    ...whileBelow(i, m4, 0, rowsOf(4)),
    ...whileBelow(i, m, 0, rowsOf(1)),
    0x0b,
  ];
  const body = [
    ...vec([
      [12, I32],
      [11, V128],
      [4, F32],
    ]),
    ...code,
  ];
  return {
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
    body: [...uleb(body.length), ...body],
  };
}

/** The functions of each module: the element-wise kernels, then the matrix ones. */
const MODULES: (() => { names: string[]; compiled: { params: number[]; body: number[] }[] })[] = [
  () => ({
    names: [...KERNELS.map((k) => k.name), 'colsum'],
    compiled: [...KERNELS.map(compile), colsum()],
  }),
  () => ({ names: ['transpose', 'gemm'], compiled: [transpose(), gemm()] }),
];

/**
 * The bytes of the training kernels' modules, each importing `env.memory` and exporting one
 * function per kernel: the element-wise kernels (Adam, RMSProp, activation gradients, column
 * sums), then the matrix kernels (transpose, gemm). Two modules, so that each stays under the
 * 4 KB a browser compiles synchronously on its main thread.
 *
 * @returns the WebAssembly binaries
 * @example
 * ```ts
 * trainingSimdBytes().every((b) => WebAssembly.validate(b)); // true where wasm SIMD is supported
 * ```
 */
export function trainingSimdBytes(): Uint8Array<ArrayBuffer>[] {
  return MODULES.map((make) => {
    const { names, compiled } = make();
    const types = compiled.map((c) => [0x60, ...vec(c.params.map((p) => [p])), 0]);
    // prettier-ignore
    const bytes = [
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      ...section(1, vec(types)),
      ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])),
      ...section(3, vec(compiled.map((_, i) => uleb(i)))),
      ...section(7, vec(names.map((n, i) => [...name(n), 0x00, ...uleb(i)]))),
      ...section(10, vec(compiled.map((c) => c.body))),
    ];
    return new Uint8Array(bytes);
  });
}

const cache = new WeakMap<WebAssembly.Memory, TrainingSimd | null>();

/**
 * Instantiates the module on `memory` (tfjs-backend-wasm's heap), once per memory.
 *
 * @param memory - the memory the kernels read and write
 * @returns the kernels, or null where WebAssembly SIMD is not available
 * @example
 * ```ts
 * const simd = trainingSimd(backend.wasm.asm.memory);
 * ```
 */
export function trainingSimd(memory: WebAssembly.Memory): TrainingSimd | null {
  if (cache.has(memory)) return cache.get(memory)!;
  let out: TrainingSimd | null = null;
  try {
    const modules = trainingSimdBytes();
    if (modules.every((bytes) => WebAssembly.validate(bytes))) {
      const e: Record<string, (...a: number[]) => void> = {};
      for (const bytes of modules) {
        const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
          env: { memory },
        });
        Object.assign(e, instance.exports);
      }
      out = {
        adam: e['adam']!,
        rmsprop: e['rmsprop']!,
        colsum: e['colsum']!,
        reluForward: e['reluForward']!,
        transpose: e['transpose']!,
        gemm: e['gemm']!,
        grad: {
          linear: e['linear']!,
          relu: e['relu']!,
          sigmoid: e['sigmoid']!,
          tanh: e['tanh']!,
          elu: e['elu']!,
        },
      } as TrainingSimd;
    }
  } catch {
    out = null;
  }
  cache.set(memory, out);
  return out;
}
