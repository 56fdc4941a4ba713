// After scikeras's scikeras/wrappers.py _get_compile_kwargs and scikeras/utils (MIT): the optimizer.
import * as tf from '@tensorflow/tfjs';
import {
  InvalidParameterError,
  ValueError,
  closestMatch,
  type Params,
} from '@scikeras/estimator-core';
import { camelCase } from './internal/camelCase';

/** An optimizer given to a wrapper: a name, an optimizer class, a factory or an instance. */
export type OptimizerSpec =
  | string
  | tf.Optimizer
  | (new (...args: any[]) => tf.Optimizer)
  | ((params: Params) => tf.Optimizer)
  | null;

interface OptimizerEntry {
  className: string;
  defaults: Record<string, number | boolean>;
}

// Keras 2 defaults (what a scikeras user gets from optimizer="adam"), in tfjs config names.
const OPTIMIZERS: Record<string, OptimizerEntry> = {
  sgd: { className: 'SGD', defaults: { learningRate: 0.01 } },
  momentum: {
    className: 'Momentum',
    defaults: { learningRate: 0.01, momentum: 0.9, useNesterov: false },
  },
  rmsprop: {
    className: 'RMSProp',
    defaults: { learningRate: 0.001, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
  },
  adam: {
    className: 'Adam',
    defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  },
  adagrad: {
    className: 'Adagrad',
    defaults: { learningRate: 0.001, initialAccumulatorValue: 0.1 },
  },
  adadelta: {
    className: 'Adadelta',
    defaults: { learningRate: 0.001, rho: 0.95, epsilon: 1e-7 },
  },
  adamax: {
    className: 'Adamax',
    defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, decay: 0 },
  },
};

// Keras spellings of optimizer params -> tfjs config names (beyond snake_case -> camelCase).
const OPTIMIZER_ALIASES: Record<string, Record<string, string>> = {
  RMSProp: { rho: 'decay' },
  Adam: { beta_1: 'beta1', beta_2: 'beta2' },
  Adamax: { beta_1: 'beta1', beta_2: 'beta2' },
  SGD: { nesterov: 'useNesterov' },
  Momentum: { nesterov: 'useNesterov' },
};

// Spellings that no edit distance finds: Keras 2's deprecated `lr`.
const LEGACY_NAMES: Record<string, string> = { lr: 'learningRate' };

function entryOf(className: string): OptimizerEntry | undefined {
  return Object.values(OPTIMIZERS).find((e) => e.className === className);
}

function configName(className: string, key: string): string {
  return OPTIMIZER_ALIASES[className]?.[key] ?? camelCase(key);
}

/** The params (tfjs config names) an optimizer class takes, or null when we cannot know. */
function validNames(className: string, instance?: tf.Optimizer): string[] | null {
  const entry = entryOf(className);
  if (!instance && !entry) return null;
  const names = Object.keys(instance ? instance.getConfig() : entry!.defaults);
  // SGD with momentum becomes tfjs's Momentum (Keras has one SGD class for both)
  return className === 'SGD' ? [...new Set([...names, 'momentum', 'useNesterov'])] : names;
}

function checkParams(className: string, routed: Params, valid: string[] | null): void {
  if (valid === null) return;
  const sorted = [...valid].sort();
  for (const key of Object.keys(routed)) {
    if (valid.includes(configName(className, key))) continue;
    const match = LEGACY_NAMES[key] ?? closestMatch(camelCase(key), sorted);
    throw new InvalidParameterError(
      `Invalid parameter '${key}' for optimizer ${className}. Valid parameters are: [${sorted
        .map((s) => `'${s}'`)
        .join(', ')}].` + (match ? ` Did you mean '${match}'?` : ''),
    );
  }
}

function optimizerClass(className: string): any {
  const map = tf.serialization.SerializationMap.getMap().classNameMap;
  const entry = map[className];
  if (!entry) throw new ValueError(`Could not interpret optimizer identifier: ${className}`);
  return entry[0];
}

function makeOptimizer(className: string, config: Params): tf.Optimizer {
  const Cls = optimizerClass(className);
  const cfg: Params = { ...(entryOf(className)?.defaults ?? {}) };
  for (const [k, v] of Object.entries(config)) cfg[configName(className, k)] = v;
  if (className === 'SGD' && typeof cfg.momentum === 'number' && cfg.momentum > 0) {
    return makeOptimizer('Momentum', cfg);
  }
  if (className === 'SGD') {
    delete cfg.momentum;
    delete cfg.useNesterov;
  }
  return Cls.fromConfig(Cls, cfg) as tf.Optimizer;
}

function isOptimizerInstance(v: unknown): v is tf.Optimizer {
  return !!v && typeof v === 'object' && v instanceof tf.Optimizer;
}

function isOptimizerClass(v: unknown): v is new (...a: any[]) => tf.Optimizer {
  const proto = typeof v === 'function' ? (v as { prototype?: unknown }).prototype : undefined;
  return !!proto && typeof proto === 'object' && proto instanceof tf.Optimizer;
}

type Resolved =
  | { kind: 'class'; className: string; config: Params }
  | { kind: 'factory'; factory: (p: Params) => unknown };

/**
 * The routed params the optimizer itself takes: those without further routing (scikeras's
 * `unflatten_params` passes a class no `a__b` key: `optimizer__a__b` is for a nested `a`, and an
 * optimizer's config holds no classes).
 */
function ownParams(routed: Params): Params {
  return Object.fromEntries(Object.entries(routed).filter(([k]) => !k.includes('__')));
}

function interpret(spec: unknown, allRouted: Params): Resolved {
  const routed = ownParams(allRouted);
  if (typeof spec === 'string') {
    const entry = OPTIMIZERS[spec.toLowerCase()];
    if (!entry) {
      throw new ValueError(
        `Could not interpret optimizer identifier: '${spec}'. Use one of ${Object.keys(OPTIMIZERS)
          .map((k) => `'${k}'`)
          .join(', ')}, a tf.Optimizer class or instance, or a function returning one.`,
      );
    }
    checkParams(entry.className, routed, validNames(entry.className));
    return { kind: 'class', className: entry.className, config: routed };
  }
  if (isOptimizerInstance(spec)) {
    const className = (spec.constructor as any).className as string;
    checkParams(className, routed, validNames(className, spec));
    return { kind: 'class', className, config: { ...(spec.getConfig() as Params), ...routed } };
  }
  if (isOptimizerClass(spec)) {
    const className = (spec as any).className as string;
    optimizerClass(className);
    checkParams(className, routed, validNames(className));
    return { kind: 'class', className, config: routed };
  }
  if (typeof spec === 'function')
    return { kind: 'factory', factory: spec as (p: Params) => unknown };
  throw new ValueError(
    `Could not interpret optimizer identifier: ${String(spec)}. Pass a name such as 'adam', a tf.Optimizer class or instance, or a function returning one.`,
  );
}

/**
 * Checks the `optimizer` param and its `optimizer__*` params without building anything: the
 * name, class or instance must be known, and every routed param must be one the optimizer takes
 * (params with further routing, `optimizer__a__b`, are not the optimizer's and are left out).
 *
 * @param spec - the `optimizer` param
 * @param routed - the `optimizer__*` params, prefix stripped
 * @throws ValueError "Could not interpret optimizer identifier: ..." for an unknown optimizer
 * @throws InvalidParameterError "Invalid parameter 'lr' for optimizer Adam. Valid parameters are: [...]. Did you mean 'learningRate'?"
 * @example
 * ```ts
 * checkOptimizer('adam', { learning_rate: 0.01, beta_1: 0.8 }); // fine (Keras spellings)
 * checkOptimizer('adam', { lr: 0.01 }); // throws InvalidParameterError
 * ```
 */
export function checkOptimizer(spec: OptimizerSpec | unknown, routed: Params): void {
  // no optimizer: fine for a model compiled by its build function (checked at compile)
  if (spec === null || spec === undefined) return;
  interpret(spec, routed);
}

/**
 * A new optimizer for one model from the `optimizer` param and the `optimizer__*` params:
 * names use Keras defaults, classes are built from their `className`, factories are called
 * with the routed params, instances are re-created from their config (never shared). Routed
 * params take tfjs names (`learningRate`) or Keras ones (`learning_rate`, `beta_1`, `rho`).
 *
 * @param spec - the `optimizer` param
 * @param routed - the `optimizer__*` params, prefix stripped
 * @returns a fresh `tf.Optimizer`
 * @throws ValueError "Could not interpret optimizer identifier: ..." for anything else
 * @throws InvalidParameterError for a routed param the optimizer does not take (see {@link checkOptimizer})
 * @example
 * ```ts
 * resolveOptimizer('adam', { learningRate: 0.01 }); // a new tf.AdamOptimizer
 * ```
 */
export function resolveOptimizer(spec: OptimizerSpec | unknown, routed: Params): tf.Optimizer {
  const r = interpret(spec, routed);
  if (r.kind === 'class') return makeOptimizer(r.className, r.config);
  const made = r.factory(ownParams(routed));
  if (!isOptimizerInstance(made)) {
    throw new ValueError(
      `Could not interpret optimizer identifier: the optimizer factory returned ${String(made)}, not a tf.Optimizer.`,
    );
  }
  return made;
}
