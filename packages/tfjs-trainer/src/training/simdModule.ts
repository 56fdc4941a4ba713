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
const V = { load: 0x00, store: 0x0b, splat: 0x13, bitselect: 0x52, gt: 0x44, ge: 0x46 };
const VOP = { add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, sqrt: 0xe3 };
const SOP = { add: 0x92, sub: 0x93, mul: 0x94, div: 0x95, sqrt: 0x91 };

/** Instructions, by name. */
const get = (local: number): number[] => [0x20, ...uleb(local)];
const set = (local: number): number[] => [0x21, ...uleb(local)];
const i32 = (value: number): number[] => [0x41, ...sleb(value)];
const F32_ZERO = [0x43, 0, 0, 0, 0];
const F32_ONE = [0x43, 0, 0, 0x80, 0x3f];
const I32_ADD = 0x6a;
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

/**
 * The module's bytes: imports `env.memory`, exports one function per kernel.
 *
 * @returns the WebAssembly binary
 * @example
 * ```ts
 * WebAssembly.validate(trainingSimdBytes()); // true where wasm SIMD is supported
 * ```
 */
export function trainingSimdBytes(): Uint8Array<ArrayBuffer> {
  const compiled = [...KERNELS.map(compile), colsum()];
  const names = [...KERNELS.map((k) => k.name), 'colsum'];
  const types = compiled.map((c) => [0x60, ...vec(c.params.map((p) => [p])), 0]);
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vec(compiled.map((_, i) => uleb(i)))),
    ...section(7, vec(names.map((n, i) => [...name(n), 0x00, ...uleb(i)]))),
    ...section(10, vec(compiled.map((c) => c.body))),
  ];
  return new Uint8Array(bytes);
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
    const bytes = trainingSimdBytes();
    if (WebAssembly.validate(bytes)) {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
      const e = instance.exports as unknown as Record<string, (...a: number[]) => void>;
      out = {
        adam: e['adam']!,
        rmsprop: e['rmsprop']!,
        colsum: e['colsum']!,
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
