// scikeras's scikeras/wrappers.py _initialize and _fit_keras_model (MIT), run as one transaction.
import type * as tf from '@tensorflow/tfjs';
import { collectDefaults, estimatorNameOf } from '@scikeras/estimator-core';
import { AUTO_LOSS } from '../autoLoss';
import { compileKwargsFrom } from '../compileKwargs';
import type { FitPlan } from './FitPlanner';
import { FitTransaction } from './FitTransaction';
import { fitKerasModel } from './fitKerasModel';
import { appendHistory } from './history';
import {
  checkModelCompatibility,
  compileModel,
  disposeOptimizer,
  isCompiled,
  makeModel,
  noLossError,
} from './modelLifecycle';
import type { KerasData } from './tensorData';
import { trackedBuildContext, type TrackedBuildContext } from './trackedBuildContext';
import { findUnusedParams, warnUnusedParams } from './unusedParams';
import type { BoundHooks } from './BoundHooks';

interface FittedWrapper {
  model_?: tf.LayersModel;
  history_?: Record<string, number[]>;
  nOutputsExpected_?: number;
}

async function initializeModel(
  plan: FitPlan,
  hooks: BoundHooks,
  txn: FitTransaction,
  train: boolean,
): Promise<TrackedBuildContext> {
  txn.clear();
  hooks.beforeInitialize();
  txn.stage(plan.attributes);
  const kw = compileKwargsFrom(plan.routed);
  const meta = hooks.getMetadata();
  const auto = kw.loss === AUTO_LOSS;
  // the build context gets the loss the target picks (the model is not built yet)
  if (auto) kw.loss = hooks.autoLoss(null, meta);
  const values = { ...plan.routed.model, ...meta, X: plan.X, y: plan.y, meta, compileKwargs: kw };
  const tracked = trackedBuildContext(values, plan.deepParams);
  let adopted = false;
  try {
    const model = await makeModel(plan.make!, tracked.ctx, plan.randomState);
    // a prebuilt model used as it is (copyModel: false) stays the user's if the fit fails
    if (!plan.prebuilt || model !== plan.prebuilt) txn.adopt(model);
    if (auto && !isCompiled(model)) kw.loss = hooks.autoLoss(model, meta);
    adopted = compileModel(model, kw, train);
    txn.stage({ model_: model, initialized_: true, history_: {}, currentEpoch_: 0 });
  } finally {
    if (!adopted) disposeOptimizer(kw.optimizer);
  }
  return tracked;
}

async function trainModel(
  est: FittedWrapper,
  plan: FitPlan,
  hooks: BoundHooks,
  txn: FitTransaction,
): Promise<void> {
  const [x] = hooks.preProcessX(plan.X);
  const [y, yExtra] = hooks.preProcessY(plan.y);
  if (!plan.warm) txn.stage(yExtra);
  const v = plan.validation;
  const validation: [KerasData, KerasData] | null = v
    ? [hooks.preProcessX(v.X)[0], hooks.preProcessY(v.y)[0]]
    : null;
  const model = est.model_!;
  if (!isCompiled(model)) throw noLossError(); // initialized without a loss
  checkModelCompatibility(
    model,
    est.nOutputsExpected_,
    plan.routed.compile.loss,
    collectDefaults(est.constructor).loss ?? null,
  );
  const history = await fitKerasModel(model, {
    x,
    y,
    n: plan.X.shape[0],
    validation,
    sampleWeight: plan.sampleWeight,
    epochs: plan.epochs,
    initialEpoch: plan.initialEpoch,
    fitArgs: plan.fitArgs,
    callbacks: plan.callbacks,
    randomState: plan.randomState,
    trainer: plan.trainer,
  });
  txn.stage(appendHistory(est.history_, history.history, plan.initialEpoch));
}

/**
 * Runs a planned fit as one transaction (see {@link FitTransaction}): for a fit from scratch,
 * records the new attributes, builds the model (one optimizer, from the routed params) and
 * compiles it; when `train`, pre-processes the data and trains. On success it commits and warns
 * about the params nothing read; on failure it restores the estimator and rethrows.
 *
 * @param est - the wrapper
 * @param plan - from `FitPlanner.plan`
 * @param hooks - the wrapper's bound hooks
 * @param train - false for `initialize`
 * @throws whatever building, compiling or training throws (the estimator then unchanged)
 * @example
 * ```ts
 * await runFit(est, planner.plan(X, y, { caller: 'fit' }), hooks, true);
 * ```
 */
export async function runFit(
  est: FittedWrapper,
  plan: FitPlan,
  hooks: BoundHooks,
  train: boolean,
): Promise<void> {
  const txn = new FitTransaction(est, plan.warm ? est.model_ : undefined);
  let tracked: TrackedBuildContext | null = null;
  try {
    if (!plan.warm) tracked = await initializeModel(plan, hooks, txn, train);
    if (train) await trainModel(est, plan, hooks, txn);
    txn.commit();
  } catch (e) {
    txn.rollback();
    throw e;
  }
  if (tracked) {
    const declared = new Set(Object.keys(collectDefaults(est.constructor)));
    const unused = findUnusedParams({
      ...plan.use,
      declared,
      reads: tracked.reads,
      enumerated: tracked.enumerated(),
    });
    warnUnusedParams(estimatorNameOf(est), unused);
  }
}
