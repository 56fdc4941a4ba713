// Port of scikit-learn's sklearn/utils/estimator_checks.py checks of fit and fitted state (BSD-3-Clause).
import { checkIsFitted } from '../checkIsFitted';
import { clone } from '../clone';
import { toArray2D } from '../checkArray';
import { pyRepr } from '../repr';
import { numSamples } from '../numSamples';
import { takeRows } from '../takeRows';
import {
  CheckFailure,
  ensure,
  errorIs,
  expectRaises,
  firstMismatch,
  messageOf,
  pyList,
  sameSnapshot,
  snapshot,
  toPlain,
  type Plain,
} from './assertions';
import {
  needsDeterministic,
  needsFit,
  needsValidation,
  setRandomState,
  type CheckContext,
  type EstimatorCheck,
} from './context';
import { permutation } from './datasets';
import type { CheckableEstimator } from './types';

/** The training input of the context (X, or y for label transformers). */
function input(ctx: CheckContext): unknown {
  return ctx.mode === '2darray' ? ctx.X : ctx.y;
}

async function outputs(
  ctx: CheckContext,
  est: CheckableEstimator,
  X: unknown,
): Promise<Record<string, Plain>> {
  const out: Record<string, Plain> = {};
  for (const m of ctx.methods(est)) out[m] = toPlain(await ctx.call(est, m, X));
  return out;
}

function compareOutputs(
  a: Record<string, Plain>,
  b: Record<string, Plain>,
  msg: (method: string, why: string) => string,
  rtol: number,
  atol: number,
): void {
  for (const m of Object.keys(a)) {
    const why = firstMismatch(b[m], a[m], rtol, atol);
    ensure(why === undefined, () => msg(m, why!));
  }
}

function isPublic(k: string): boolean {
  return !(k.startsWith('_') || k.endsWith('_'));
}

export const checkEstimatorsFitReturnsSelf: EstimatorCheck = {
  name: 'checkEstimatorsFitReturnsSelf',
  sklearn: ['check_estimators_fit_returns_self'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    const ret = await ctx.fit(est);
    ensure(
      ret === est,
      () =>
        `fit of ${ctx.name} should return the estimator itself (this), got ${ret === undefined ? 'undefined' : pyRepr(ret)}.`,
    );
  },
};

export const checkEstimatorsOverwriteParams: EstimatorCheck = {
  name: 'checkEstimatorsOverwriteParams',
  sklearn: ['check_estimators_overwrite_params'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    const params = est.getParams(true);
    const before = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, snapshot(v)]));
    const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, pyRepr(v)]));
    await ctx.fit(est);
    const after = est.getParams(true);
    for (const [k, orig] of Object.entries(before)) {
      ensure(
        sameSnapshot(orig, snapshot(after[k])),
        () =>
          `Estimator ${ctx.name} should not change or mutate the parameter ${k} from ${shown[k]} to ${pyRepr(after[k])} during fit.`,
      );
    }
  },
};

export const checkDontOverwriteParameters: EstimatorCheck = {
  name: 'checkDontOverwriteParameters',
  sklearn: ['check_dont_overwrite_parameters'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    const rec = est as unknown as Record<string, unknown>;
    const before = new Map(Object.keys(est).map((k) => [k, rec[k]]));
    await ctx.fit(est);
    const publicAfter = Object.keys(est).filter(isPublic);
    const added = publicAfter.filter((k) => !before.has(k));
    ensure(
      added.length === 0,
      () =>
        'Estimator adds public attribute(s) during the fit method. Estimators are only allowed to add private attributes either started with _ or ended with _ but ' +
        `${added.join(', ')} added`,
    );
    const changed = publicAfter.filter((k) => !Object.is(before.get(k), rec[k]));
    ensure(
      changed.length === 0,
      () =>
        'Estimator changes public attribute(s) during the fit method. Estimators are only allowed to change attributes started or ended with _, but ' +
        `${changed.join(', ')} changed`,
    );
  },
};

export const checkDictUnchanged: EstimatorCheck = {
  name: 'checkDictUnchanged',
  sklearn: ['check_dict_unchanged'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make(1);
    await ctx.fit(est);
    const rec = est as unknown as Record<string, unknown>;
    for (const m of ctx.methods(est)) {
      const before = new Map(Object.keys(est).map((k) => [k, rec[k]]));
      await ctx.call(est, m, input(ctx));
      const keys = Object.keys(est);
      const changed = keys.filter((k) => !before.has(k) || !Object.is(before.get(k), rec[k]));
      for (const k of before.keys()) if (!keys.includes(k)) changed.push(k);
      ensure(
        changed.length === 0,
        () =>
          `Estimator changes __dict__ during ${m}: ${pyList(changed)} (own properties of ${ctx.name}).`,
      );
    }
  },
};

export const checkFitCheckIsFitted: EstimatorCheck = {
  name: 'checkFitCheckIsFitted',
  sklearn: ['check_fit_check_is_fitted'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    // a stateless estimator (sklearn's `stateless` tag) is always "fitted"
    if (!ctx.tags.stateless) {
      let passedBefore = true;
      try {
        checkIsFitted(est);
      } catch (e) {
        if (!errorIs(e, 'NotFittedError')) throw e;
        passedBefore = false;
      }
      ensure(!passedBefore, `${ctx.name} passes checkIsFitted before being fit!`);
    }
    await ctx.fit(est);
    try {
      checkIsFitted(est);
    } catch (e) {
      throw new CheckFailure(
        `Estimator fails to pass \`checkIsFitted\` even though it has been fit: ${messageOf(e)}`,
      );
    }
  },
};

export const checkNFeaturesIn: EstimatorCheck = {
  name: 'checkNFeaturesIn',
  sklearn: ['check_n_features_in'],
  applies: needsValidation,
  async run(ctx) {
    const est = ctx.make();
    const rec = est as unknown as Record<string, unknown>;
    ensure(
      rec.nFeaturesIn_ === undefined,
      `${ctx.name} has nFeaturesIn_ before fit; it must be set by fit only.`,
    );
    await ctx.fit(est);
    const d = toArray2D(ctx.X).shape[1];
    ensure(
      rec.nFeaturesIn_ === d,
      () =>
        `${ctx.name} should set nFeaturesIn_ to the number of columns of X in fit: expected ${d}, got ${pyRepr(rec.nFeaturesIn_)}.`,
    );
  },
};

export const checkNFeaturesInAfterFitting: EstimatorCheck = {
  name: 'checkNFeaturesInAfterFitting',
  sklearn: ['check_n_features_in_after_fitting'],
  applies: needsValidation,
  async run(ctx) {
    const est = ctx.make();
    await ctx.fit(est);
    const arr = toArray2D(ctx.X);
    const [n, d] = arr.shape;
    ensure(
      (est as unknown as Record<string, unknown>).nFeaturesIn_ === d,
      () => `${ctx.name} should set nFeaturesIn_ = ${d} in fit.`,
    );
    const Xbad = Array.from({ length: n }, (_, i) => [arr.data[i * d]!]);
    const msg = new RegExp(`X has 1 features, but \\w+ is expecting ${d} features as input`);
    const methods = [...ctx.methods(est)];
    if (typeof est.score === 'function') methods.push('score');
    for (const m of methods) {
      await expectRaises(
        () => (m === 'score' ? ctx.call(est, m, Xbad, ctx.y) : ctx.call(est, m, Xbad)),
        {
          match: msg,
          errMsg: `${ctx.name}.${m} should check the number of features against nFeaturesIn_ (called with 1 feature after fitting on ${d}).`,
        },
      );
    }
  },
};

export const checkEstimatorsUnfitted: EstimatorCheck = {
  name: 'checkEstimatorsUnfitted',
  sklearn: ['check_estimators_unfitted', 'check_transformers_unfitted'],
  applies: (ctx) => {
    const a = needsFit(ctx);
    if (a !== true) return a;
    return ctx.methods(ctx.probe).length > 0
      ? true
      : 'the estimator has no predict/transform method';
  },
  async run(ctx) {
    const est = ctx.make();
    for (const m of ctx.methods(est)) {
      await expectRaises(() => ctx.call(est, m, input(ctx)), {
        types: ['NotFittedError'],
        errMsg: `The unfitted estimator ${ctx.name} does not raise NotFittedError when ${m} is called. Perhaps use checkIsFitted in ${m}.`,
      });
    }
  },
};

function split(ctx: CheckContext): { train: number[]; test: number[] } {
  const n = numSamples(input(ctx));
  const idx = permutation(n, 7);
  const cut = Math.max(1, Math.floor(n * 0.8));
  return { train: idx.slice(0, cut), test: idx.slice(cut) };
}

export const checkFitIdempotent: EstimatorCheck = {
  name: 'checkFitIdempotent',
  sklearn: ['check_fit_idempotent'],
  applies: needsDeterministic,
  async run(ctx) {
    const est = ctx.make();
    if ('warmStart' in est.getParams(true)) est.setParams({ warmStart: false });
    const { train, test } = split(ctx);
    const Xtr = ctx.mode === '2darray' ? takeRows(ctx.X, train) : undefined;
    const ytr = ctx.y === undefined ? undefined : takeRows(ctx.y, train);
    const Xte = takeRows(input(ctx), ctx.mode === '2darray' ? test : train);
    await ctx.fit(est, Xtr, ytr);
    const first = await outputs(ctx, est, Xte);
    setRandomState(est, 0);
    await ctx.fit(est, Xtr, ytr);
    const second = await outputs(ctx, est, Xte);
    compareOutputs(
      first,
      second,
      (m, why) => `Idempotency check failed for method ${m}: ${why}.`,
      2.4e-7,
      1e-9,
    );
  },
};

export const checkCloneRefitReproducible: EstimatorCheck = {
  name: 'checkCloneRefitReproducible',
  sklearn: ['set_random_state + clone in check_fit_idempotent / check_regressors_int'],
  applies: needsDeterministic,
  async run(ctx) {
    const a = ctx.make(0);
    await ctx.fit(a);
    const b = clone(a);
    setRandomState(b, 0);
    await ctx.fit(b);
    const oa = await outputs(ctx, a, input(ctx));
    const ob = await outputs(ctx, b, input(ctx));
    compareOutputs(
      oa,
      ob,
      (m, why) =>
        `${m} of ${ctx.name} differs between an estimator and its clone refit on the same data with the same randomState (${why}). A deterministic estimator must seed all its randomness from randomState; tag it deterministic: false otherwise.`,
      2.4e-7,
      1e-9,
    );
  },
};

function rowsOf(ctx: CheckContext, n: number): unknown {
  const inp = input(ctx);
  return takeRows(
    inp,
    Array.from({ length: Math.min(n, numSamples(inp)) }, (_, i) => i),
  );
}

export const checkMethodsSubsetInvariance: EstimatorCheck = {
  name: 'checkMethodsSubsetInvariance',
  sklearn: ['check_methods_subset_invariance'],
  applies: needsDeterministic,
  async run(ctx) {
    const est = ctx.make(1);
    await ctx.fit(est);
    const X = rowsOf(ctx, 12);
    const n = numSamples(X);
    for (const m of ctx.methods(est)) {
      const full = toPlain(await ctx.call(est, m, X)) as Plain[];
      const byBatch: Plain[] = [];
      for (let i = 0; i < n; i++) {
        const one = toPlain(await ctx.call(est, m, takeRows(X, [i]))) as Plain[];
        byBatch.push(one[0]);
      }
      const why = firstMismatch(byBatch, full, 1e-5, 1e-6);
      ensure(
        why === undefined,
        () => `${m} of ${ctx.name} is not invariant when applied to a subset (${why}).`,
      );
    }
  },
};

export const checkMethodsSampleOrderInvariance: EstimatorCheck = {
  name: 'checkMethodsSampleOrderInvariance',
  sklearn: ['check_methods_sample_order_invariance'],
  applies: needsDeterministic,
  async run(ctx) {
    const est = ctx.make(1);
    await ctx.fit(est);
    const X = rowsOf(ctx, 20);
    const idx = permutation(numSamples(X), 3);
    for (const m of ctx.methods(est)) {
      const full = toPlain(await ctx.call(est, m, X)) as Plain[];
      const perm = toPlain(await ctx.call(est, m, takeRows(X, idx)));
      const why = firstMismatch(
        perm,
        idx.map((i) => full[i]),
        1e-5,
        1e-9,
      );
      ensure(
        why === undefined,
        () =>
          `${m} of ${ctx.name} is not invariant when applied to a dataset with different sample order (${why}).`,
      );
    }
  },
};

/** The checks of fit and fitted state. */
export const FIT_CHECKS: readonly EstimatorCheck[] = [
  checkEstimatorsFitReturnsSelf,
  checkEstimatorsOverwriteParams,
  checkDontOverwriteParameters,
  checkDictUnchanged,
  checkFitCheckIsFitted,
  checkNFeaturesIn,
  checkNFeaturesInAfterFitting,
  checkEstimatorsUnfitted,
  checkFitIdempotent,
  checkCloneRefitReproducible,
  checkMethodsSubsetInvariance,
  checkMethodsSampleOrderInvariance,
];
