// scikeras's scikeras/wrappers.py _fit and _initialize (MIT), split: every check before any change.
import {
  estimatorNameOf,
  validateParameterConstraints,
  warn,
  type ArrayND,
  type CheckedY,
  type Params,
} from '@scikeras/estimator-core';
import type { Trainer } from '@scikeras/tfjs-trainer';
import type { BuildContext } from '../BuildContext';
import { checkUnsupportedCompileKwargs } from '../compileKwargs';
import { checkOptimizer } from '../resolveOptimizer';
import { routeWrapperParams, type RoutedParams } from '../RoutedParams';
import { validateWrapperParams } from '../wrapperConstraints';
import type { FitOptions } from '../WrapperParams';
import type { CallbackSpec } from './buildCallbacks';
import { checkFitInputs, type FitInputs, type InputMetadata } from './checkFitInputs';
import { encoderMetadata, featureEncoderMetadata } from './encoderMetadata';
import { modelMaker } from './modelLifecycle';
import { resolveTrainer } from './resolveTrainer';
import { checkSampleWeight, dropZeroWeights } from './sampleWeights';
import type { ParamUse } from './unusedParams';
import { checkUnsupportedFitKwargs } from './unsupportedFitKwargs';
import type { BoundHooks } from './BoundHooks';
import { resolveSeed, type RandomSource } from './withRandomState';

/** How `fitInternal` is called: the call's options and which method it is. */
export interface FitCall extends FitOptions {
  caller: 'fit' | 'partialFit' | 'initialize';
}

/** Everything a fit needs, checked: nothing of the estimator has changed yet. */
export interface FitPlan {
  /** Train the current model in place (warm start, `partialFit` after the first call). */
  warm: boolean;
  params: Params;
  deepParams: Params;
  routed: RoutedParams;
  /** The training data (zero-weight rows dropped). */
  X: ArrayND;
  y: CheckedY;
  /** The fitted attributes a fit from scratch records (input metadata, encoders, their metadata). */
  attributes: Params;
  sampleWeight: number[] | null;
  validation: FitInputs | null;
  fitArgs: Params;
  epochs: number;
  initialEpoch: number;
  callbacks: CallbackSpec[];
  /** Makes the model (fits from scratch only). */
  make: ((ctx: BuildContext<any>) => any) | null;
  /** The prebuilt model `make` returns as it is (`copyModel: false`), which the fit must not free. */
  prebuilt: unknown;
  /**
   * The integer seed of this fit: `resolveSeed(randomState)`, drawn once (a RandomState is
   * drawn from once per fit) and used for building and for training.
   */
  randomState: number | null;
  /** What trains the model (the `trainer` param, resolved). */
  trainer: Trainer;
  /** What {@link findUnusedParams} needs besides the build context's reads. */
  use: Pick<ParamUse, 'params' | 'fitKwargs' | 'classDestinations'>;
}

interface WrapperLike extends Partial<InputMetadata> {
  getParams(deep?: boolean): Params;
  paramNames(): string[];
  estimatorType: string | undefined;
  initialized_?: boolean;
  model_?: unknown;
  currentEpoch_?: number;
}

/** Call options without the undefined ones (an option set to undefined is not given). */
function defined(options: Params): Params {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/**
 * The `model` param, or scikeras's deprecated `buildFn` alias when `model` is null (with
 * scikeras's warning, as its `_check_model_param` gives it).
 */
function modelParam(params: Params): unknown {
  const { model, buildFn } = params;
  if ((model === null || model === undefined) && buildFn !== null && buildFn !== undefined) {
    warn(
      '``buildFn`` will be renamed to ``model`` in a future release, at which point use of ``buildFn`` will raise an Error instead.',
    );
    return buildFn;
  }
  return model;
}

function buildsClasses(spec: unknown): boolean {
  if (typeof spec === 'function') return true;
  if (Array.isArray(spec)) return spec.some(buildsClasses);
  if (spec && typeof spec === 'object' && Object.getPrototypeOf(spec) === Object.prototype) {
    return Object.values(spec).some(buildsClasses);
  }
  return false;
}

/**
 * Turns a `fit` / `partialFit` / `initialize` call into a {@link FitPlan}: validates the params
 * (scikit-learn's constraints), the call's options, the optimizer and `model` params, X, y,
 * sample and class weights and the validation data, fits the encoders, and builds the
 * callbacks, all without touching the estimator. Whatever is wrong throws here, first.
 *
 * @example
 * ```ts
 * const plan = new FitPlanner(est, hooks).plan(X, y, { caller: 'fit' });
 * ```
 */
export class FitPlanner {
  constructor(
    private readonly est: WrapperLike,
    private readonly hooks: BoundHooks,
  ) {}

  /**
   * Checks a call and prepares its data.
   *
   * @param X - samples
   * @param y - targets (optional for `initialize`)
   * @param call - the call's options and method
   * @returns the plan
   * @throws InvalidParameterError, ValueError, TypeError for every invalid input
   */
  plan(X: unknown, y: unknown, call: FitCall): FitPlan {
    const { caller, sampleWeight, callbacks, ...options } = call;
    const p = this.#checkParams(caller, options, sampleWeight);
    const data = checkFitInputs(this.est, X, y, {
      ...this.#yChecks(),
      yOptional: caller === 'initialize',
      ...(p.warm ? { fitted: this.est } : {}),
    });
    const attributes = p.warm ? {} : this.#encode(data, y !== undefined && y !== null);
    const weighted =
      caller === 'initialize' ? { ...data, sampleWeight: null } : this.#weigh(data, sampleWeight);
    const { epochs, initialEpoch, validationData, ...fitArgs } = { ...p.routed.fit, ...options };
    checkUnsupportedFitKwargs(fitArgs);
    const vd = validationData as readonly unknown[] | null | undefined;
    const validation = vd
      ? checkFitInputs(this.est, vd[0], vd[1], { ...this.#yChecks(), fitted: data.meta })
      : null;
    return {
      ...p,
      X: weighted.X,
      y: weighted.y,
      attributes,
      sampleWeight: weighted.sampleWeight,
      validation,
      fitArgs,
      epochs: caller === 'partialFit' ? 1 : (epochs as number),
      initialEpoch:
        caller === 'partialFit' && p.warm
          ? (this.est.currentEpoch_ ?? 0)
          : ((initialEpoch as number | undefined) ?? 0),
      callbacks:
        caller === 'initialize'
          ? []
          : (callbacks ?? this.hooks.createCallbacks(p.routed.callbacks)),
      // drawn last, once every check has passed: a fit refused here leaves a RandomState as it was
      randomState: resolveSeed(p.randomState) ?? null,
    };
  }

  /** The params (one snapshot), checked and routed, and what they decide before any data. */
  #checkParams(caller: FitCall['caller'], options: Params, sampleWeight: unknown) {
    const { est, hooks } = this;
    const deepParams = est.getParams(true);
    const names = new Set(est.paramNames());
    const params = Object.fromEntries(Object.entries(deepParams).filter(([k]) => names.has(k)));
    const owner = estimatorNameOf(est);
    validateWrapperParams(hooks.constraints, params, owner);
    const given = defined({ ...options, sampleWeight });
    validateParameterConstraints(hooks.constraints, given, `${owner}.${caller}`);
    const routed = routeWrapperParams(params, hooks.fitKwargs);
    const warm =
      caller !== 'initialize' &&
      (caller === 'partialFit' || params.warmStart === true) &&
      est.initialized_ === true &&
      !!est.model_;
    checkUnsupportedCompileKwargs(routed.compile);
    if (!warm) checkOptimizer(routed.compile.optimizer, routed.optimizer);
    const model = modelParam(params);
    const copy = params.copyModel !== false;
    const make = warm ? null : modelMaker(model, hooks.buildModel as never, copy);
    const classDestinations = new Set(
      (['loss', 'metrics', 'callbacks'] as const).filter((d) =>
        buildsClasses(d === 'callbacks' ? routed.callbacks : routed.compile[d]),
      ),
    );
    return {
      warm,
      params,
      deepParams,
      routed,
      make: make as FitPlan['make'],
      prebuilt: copy ? null : model,
      randomState: params.randomState as number | RandomSource | null,
      trainer: resolveTrainer(params.trainer, owner),
      use: { params, fitKwargs: hooks.fitKwargs, classDestinations },
    };
  }

  #yChecks() {
    return { yNumeric: this.hooks.yNumeric, yFloat32: this.est.estimatorType !== 'classifier' };
  }

  /** Fits the encoders on the data, into new objects, and checks the target they describe. */
  #encode(data: FitInputs, hasY: boolean): Params {
    const targetEncoder_ = this.hooks.targetEncoder().fit(data.y);
    const featureEncoder_ = this.hooks.featureEncoder().fit(data.X);
    const meta = encoderMetadata(targetEncoder_, data.y, data.meta.yNdim_);
    this.hooks.checkTargetMetadata(meta, hasY);
    const featureMeta = featureEncoderMetadata(featureEncoder_);
    return { ...data.meta, targetEncoder_, featureEncoder_, ...meta, ...featureMeta };
  }

  #weigh(data: FitInputs, sampleWeight: FitOptions['sampleWeight']) {
    const given =
      sampleWeight === undefined || sampleWeight === null
        ? null
        : checkSampleWeight(sampleWeight, data.X.shape[0]);
    return dropZeroWeights(data, this.hooks.fitSampleWeight(data.y, given));
  }
}
