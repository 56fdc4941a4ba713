// Port of scikit-learn's sklearn/utils/estimator_checks.py checks of the params protocol (BSD-3-Clause).
import { clone } from '../clone';
import { DEFAULT_TAGS } from '../BaseEstimator';
import { pyRepr } from '../repr';
import { estimatorNameOf } from '../registry/estimatorNameOf';
import { ensure, pyList, sameSnapshot, snapshot } from './assertions';
import type { EstimatorCheck } from './context';
import type { CheckableEstimator } from './types';

function ownKeys(est: object): string[] {
  return Object.keys(est);
}

function paramsEqual(a: Record<string, unknown>, b: Record<string, unknown>): string | undefined {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.join('\0') !== kb.join('\0')) return `keys ${pyList(ka)} vs ${pyList(kb)}`;
  for (const k of ka) {
    if (!sameSnapshot(snapshot(a[k]), snapshot(b[k])))
      return `'${k}': ${pyRepr(a[k])} vs ${pyRepr(b[k])}`;
  }
  return undefined;
}

export const checkParametersDefaultConstructible: EstimatorCheck = {
  name: 'checkParametersDefaultConstructible',
  sklearn: ['check_parameters_default_constructible'],
  applies: () => true,
  async run(ctx) {
    const Klass = ctx.make().constructor as new () => CheckableEstimator;
    let est: CheckableEstimator;
    try {
      est = new Klass();
    } catch (e) {
      throw new Error(
        `Estimator ${ctx.name} should be constructible with no arguments (every param has a default); new ${ctx.name}() threw: ${(e as Error).message}`,
      );
    }
    const defaults = (Klass as unknown as { defaults?: Record<string, unknown> }).defaults;
    if (!defaults) return;
    const params = est.getParams(false);
    for (const [k, v] of Object.entries(params)) {
      // BaseEstimator subclasses: the class chain's defaults; compare only the keys it lists
      let def: unknown = undefined;
      let found = false;
      for (let c: any = Klass; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
        if (Object.prototype.hasOwnProperty.call(c, 'defaults') && k in c.defaults) {
          def = c.defaults[k];
          found = true;
          break;
        }
      }
      if (!found) continue;
      ensure(
        sameSnapshot(snapshot(v), snapshot(def)),
        () =>
          `Estimator ${ctx.name}: the default of parameter '${k}' is ${pyRepr(def)} in static defaults, but new ${ctx.name}() has ${pyRepr(v)}.`,
      );
    }
  },
};

export const checkNoAttributesSetInInit: EstimatorCheck = {
  name: 'checkNoAttributesSetInInit',
  sklearn: ['check_no_attributes_set_in_init'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    const params = Object.keys(est.getParams(false));
    const missing = params.filter((p) => !(p in est));
    ensure(
      missing.length === 0,
      () =>
        `Estimator ${ctx.name} should store all parameters as an attribute during init. Did not find attributes ${pyList(missing.sort())}.`,
    );
    const invalid = ownKeys(est).filter((k) => !params.includes(k));
    ensure(
      invalid.length === 0,
      () =>
        `Estimator ${ctx.name} should not set any attribute apart from parameters during init. Found attributes ${pyList(invalid.sort())}.`,
    );
  },
};

export const checkEstimatorRepr: EstimatorCheck = {
  name: 'checkEstimatorRepr',
  sklearn: ['check_estimator_repr (scikit-learn >= 1.6)'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    let s: string;
    try {
      s = String(est);
    } catch (e) {
      throw new Error(`Repr of ${ctx.name} failed with error: ${(e as Error).message}.`);
    }
    ensure(
      typeof s === 'string' && s.includes(ctx.name) && !s.startsWith('[object'),
      () =>
        `String(estimator) of ${ctx.name} should name the class and its params (scikit-learn's repr), got '${s}'.`,
    );
  },
};

export const checkEstimatorCloneable: EstimatorCheck = {
  name: 'checkEstimatorCloneable',
  sklearn: ['check_estimator_cloneable (scikit-learn >= 1.6)', 'clone use throughout the checks'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    let c: CheckableEstimator;
    try {
      c = clone(est);
    } catch (e) {
      throw new Error(`Cloning ${ctx.name} failed with error: ${(e as Error).message}`);
    }
    ensure(c !== est, `clone(${ctx.name}) returned the same object.`);
    ensure(
      Object.getPrototypeOf(c) === Object.getPrototypeOf(est),
      () => `clone(${ctx.name}) returned a ${estimatorNameOf(c)}.`,
    );
    const a = est.getParams(false);
    const b = c.getParams(false);
    const diff = paramsEqual(a, b);
    ensure(diff === undefined, () => `clone(${ctx.name}) changed its params: ${diff}.`);
    for (const [k, v] of Object.entries(a)) {
      if (
        v !== null &&
        typeof v === 'object' &&
        (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)
      ) {
        ensure(
          b[k] !== v,
          `clone(${ctx.name}) shares the container of parameter '${k}' with the original; clone should deep-copy arrays and plain objects.`,
        );
      }
    }
    await ctx.fit(est);
    const fresh = clone(est);
    const fitted = Object.keys(fresh)
      .filter(
        (k) => k.endsWith('_') && (fresh as unknown as Record<string, unknown>)[k] !== undefined,
      )
      .sort();
    ensure(
      fitted.length === 0,
      () =>
        `clone of a fitted ${ctx.name} keeps fitted attributes ${pyList(fitted)}; a clone must be unfitted.`,
    );
  },
};

export const checkGetParamsInvariance: EstimatorCheck = {
  name: 'checkGetParamsInvariance',
  sklearn: ['check_get_params_invariance'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    const shallow = est.getParams(false);
    const deep = est.getParams(true);
    for (const [k, v] of Object.entries(shallow)) {
      ensure(
        k in deep && Object.is(deep[k], v),
        () =>
          `getParams(false) of ${ctx.name} should be a subset of getParams(true): '${k}' is ${pyRepr(v)} in the shallow params but ${k in deep ? pyRepr(deep[k]) : 'missing'} in the deep ones.`,
      );
    }
  },
};

const SET_PARAMS_MSG = 'getParams result does not match what was passed to setParams';

export const checkSetParams: EstimatorCheck = {
  name: 'checkSetParams',
  sklearn: ['check_set_params'],
  applies: () => true,
  async run(ctx) {
    const est = ctx.make();
    const orig = est.getParams(false);
    const ret = est.setParams({ ...orig });
    ensure(ret === est, `setParams of ${ctx.name} should return the estimator itself (this).`);
    let curr = est.getParams(false);
    const same = (want: Record<string, unknown>, got: Record<string, unknown>, ctxt: string) => {
      const kw = Object.keys(want).sort().join(',');
      const kg = Object.keys(got).sort().join(',');
      ensure(kw === kg, () => `${SET_PARAMS_MSG} (${ctxt}): keys [${kw}] vs [${kg}].`);
      for (const k of Object.keys(got))
        ensure(
          Object.is(want[k], got[k]),
          () =>
            `${SET_PARAMS_MSG} (${ctxt}): '${k}' was set to ${pyRepr(want[k])} but getParams gives ${pyRepr(got[k])}.`,
        );
    };
    same(orig, curr, 'round trip');
    const testParams: Record<string, unknown> = { ...orig };
    for (const name of Object.keys(orig)) {
      for (const value of [-Infinity, Infinity, null]) {
        testParams[name] = value;
        try {
          est.setParams({ ...testParams });
        } catch (e) {
          // validation in setParams: allowed, but params must not change
          const before = curr;
          curr = est.getParams(false);
          same(
            before,
            curr,
            `after setParams threw ${(e as Error).name ?? 'an error'} for '${name}'`,
          );
          continue;
        }
        curr = est.getParams(false);
        same(testParams, curr, `'${name}' = ${pyRepr(value)}`);
      }
      testParams[name] = orig[name];
    }
  },
};

export const checkEstimatorGetTagsDefaultKeys: EstimatorCheck = {
  name: 'checkEstimatorGetTagsDefaultKeys',
  sklearn: ['check_estimator_get_tags_default_keys'],
  applies: (ctx) =>
    typeof ctx.probe.getTags === 'function' ? true : 'the estimator has no getTags()',
  async run(ctx) {
    const tags = ctx.make().getTags!() as Record<string, unknown>;
    const missing = Object.keys(DEFAULT_TAGS).filter((k) => !(k in tags));
    ensure(
      missing.length === 0,
      () => `getTags() of ${ctx.name} misses the default tag keys ${pyList(missing)}.`,
    );
  },
};

/** The params-protocol checks. */
export const PARAM_CHECKS: readonly EstimatorCheck[] = [
  checkParametersDefaultConstructible,
  checkNoAttributesSetInInit,
  checkEstimatorRepr,
  checkEstimatorCloneable,
  checkGetParamsInvariance,
  checkSetParams,
  checkEstimatorGetTagsDefaultKeys,
];
