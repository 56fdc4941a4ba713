// tfjs-core 4.22's AdamOptimizer, RMSPropOptimizer (not centered) and SGDOptimizer updates (Apache-2.0), one float32 op at a time.

const f32 = Math.fround;

/** Hyper-parameters of one Adam step. */
export interface AdamStep {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** `1 - beta1^t` as the float32 tfjs computes. */
  oneMinusAccBeta1: number;
  /** `1 - beta2^t` as the float32 tfjs computes. */
  oneMinusAccBeta2: number;
}

/**
 * One Adam update of a variable, written into `xo`, `mo`, `vo`: tfjs's
 * `m' = m*b1 + g*(1-b1)`, `v' = v*b2 + g^2*(1-b2)`,
 * `x' = (m'/(1-b1^t)) / (sqrt(v'/(1-b2^t)) + eps) * -lr + x`, each op rounded to float32 as
 * tfjs's kernels do, so the result is bit-identical to tfjs's `applyGradients`.
 *
 * @param x - the variable
 * @param g - its gradient
 * @param m - first moment
 * @param v - second moment
 * @param xo - receives the new variable
 * @param mo - receives the new first moment
 * @param vo - receives the new second moment
 * @param s - the step's hyper-parameters
 * @example
 * ```ts
 * const o = () => new Float32Array(1);
 * const [xo, mo, vo] = [o(), o(), o()];
 * adamUpdate([1], [0.5], [0], [0], xo, mo, vo,
 *   { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, oneMinusAccBeta1: 0.1, oneMinusAccBeta2: 0.001 });
 * ```
 */
export function adamUpdate(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  m: ArrayLike<number>,
  v: ArrayLike<number>,
  xo: Float32Array,
  mo: Float32Array,
  vo: Float32Array,
  s: AdamStep,
): void {
  const b1 = f32(s.beta1);
  const b2 = f32(s.beta2);
  const ob1 = f32(1 - s.beta1);
  const ob2 = f32(1 - s.beta2);
  const c1 = f32(s.oneMinusAccBeta1);
  const c2 = f32(s.oneMinusAccBeta2);
  const eps = f32(s.epsilon);
  const nlr = f32(-s.learningRate);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i]!;
    const mi = f32(f32(m[i]! * b1) + f32(gi * ob1));
    const vi = f32(f32(v[i]! * b2) + f32(f32(gi * gi) * ob2));
    mo[i] = mi;
    vo[i] = vi;
    const mh = f32(mi / c1);
    const vh = f32(vi / c2);
    const r = f32(mh / f32(f32(Math.sqrt(vh)) + eps));
    xo[i] = f32(f32(r * nlr) + x[i]!);
  }
}

/**
 * One plain SGD update, tfjs's `x' = -lr * g + x` in float32.
 *
 * @param x - the variable
 * @param g - its gradient
 * @param learningRate - the step size
 * @param xo - receives the new variable
 * @example
 * ```ts
 * const xo = new Float32Array(1);
 * sgdUpdate([1], [2], 0.1, xo); // [0.8]
 * ```
 */
export function sgdUpdate(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  learningRate: number,
  xo: Float32Array,
): void {
  const nlr = f32(-learningRate);
  for (let i = 0; i < x.length; i++) xo[i] = f32(f32(nlr * g[i]!) + x[i]!);
}

/** Hyper-parameters of one (not centered) RMSProp step. */
export interface RmspropStep {
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
}

/**
 * One RMSProp update (tfjs's, not centered): `ms' = ms*decay + g^2*(1-decay)`,
 * `mom' = mom*momentum + g*lr / sqrt(ms' + eps)`, `x' = x - mom'`, each op in float32.
 *
 * @param x - the variable
 * @param g - its gradient
 * @param ms - accumulated mean square
 * @param mom - accumulated moment
 * @param xo - receives the new variable
 * @param mso - receives the new mean square
 * @param momo - receives the new moment
 * @param s - the step's hyper-parameters
 * @example
 * ```ts
 * const o = () => new Float32Array(1);
 * const [xo, mso, momo] = [o(), o(), o()];
 * rmspropUpdate([1], [0.5], [0], [0], xo, mso, momo, { learningRate: 0.001, decay: 0.9, momentum: 0, epsilon: 1e-7 });
 * ```
 */
export function rmspropUpdate(
  x: ArrayLike<number>,
  g: ArrayLike<number>,
  ms: ArrayLike<number>,
  mom: ArrayLike<number>,
  xo: Float32Array,
  mso: Float32Array,
  momo: Float32Array,
  s: RmspropStep,
): void {
  const decay = f32(s.decay);
  const od = f32(1 - s.decay);
  const momentum = f32(s.momentum);
  const lr = f32(s.learningRate);
  const eps = f32(s.epsilon);
  for (let i = 0; i < x.length; i++) {
    const gi = g[i]!;
    const a = f32(f32(ms[i]! * decay) + f32(f32(gi * gi) * od));
    const m = f32(f32(mom[i]! * momentum) + f32(f32(gi * lr) / f32(Math.sqrt(f32(a + eps)))));
    mso[i] = a;
    momo[i] = m;
    xo[i] = f32(x[i]! - m);
  }
}
