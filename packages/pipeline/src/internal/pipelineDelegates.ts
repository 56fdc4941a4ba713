// Port of scikit-learn's sklearn/pipeline.py Pipeline methods delegated to the final estimator (BSD-3-Clause).
import { andThen, reduceMaybe, type MaybePromise } from '../maybeAsync';
import type { PipelineStep, StepEstimator } from '../types';
import { availableIf } from './availableIf';
import { timed } from './elapsed';
import { callFit, callWith, disposeIntermediate } from './stepCalls';

/** What the delegates use of a Pipeline (its protected members included). */
interface PipelineInternals {
  steps: PipelineStep[];
  readonly finalEstimator: StepEstimator | 'passthrough';
  checkFitParams(
    params: Record<string, unknown> | undefined,
  ): Record<string, Record<string, unknown>>;
  fitTransformers(
    X: unknown,
    y: unknown,
    routed: Record<string, Record<string, unknown>>,
  ): MaybePromise<unknown>;
  logMessage(i: number): string | null;
}

function isSkip(est: unknown): boolean {
  return est === null || est === 'passthrough';
}

function has(est: unknown, name: string): boolean {
  return typeof (est as Record<string, unknown> | null)?.[name] === 'function';
}

/** The steps that run (not `'passthrough'`/`null`), with or without the last one. */
function active(p: PipelineInternals, withFinal: boolean): StepEstimator[] {
  const steps = withFinal ? p.steps : p.steps.slice(0, -1);
  return steps.map(([, t]) => t).filter((t): t is StepEstimator => !isSkip(t));
}

/** X through the `transform` of each active step; intermediate tensors are freed. */
function transformThrough(
  p: PipelineInternals,
  X: unknown,
  withFinal: boolean,
): MaybePromise<unknown> {
  return reduceMaybe(active(p, withFinal), X, (Xt, t) =>
    andThen(t.transform!(Xt) as MaybePromise<unknown>, (next) => {
      disposeIntermediate(Xt, X, next);
      return next;
    }),
  );
}

/** `method` of the final estimator on the transformed X. */
function delegateToFinal(method: string, withOptions: boolean) {
  return function (this: PipelineInternals, X: unknown, options?: Record<string, unknown>) {
    return andThen(transformThrough(this, X, false), (Xt) =>
      andThen(
        callWith(
          this.finalEstimator as StepEstimator,
          method,
          [Xt],
          withOptions ? options : undefined,
        ) as MaybePromise<unknown>,
        (out) => {
          disposeIntermediate(Xt, X, out);
          return out;
        },
      ),
    );
  };
}

function score(
  this: PipelineInternals,
  X: unknown,
  y?: unknown,
  options: { sampleWeight?: ArrayLike<number> | null } = {},
) {
  const sw = options?.sampleWeight;
  return andThen(transformThrough(this, X, false), (Xt) =>
    andThen(
      callWith(
        this.finalEstimator as StepEstimator,
        'score',
        [Xt, y],
        sw !== undefined && sw !== null ? { sampleWeight: sw } : undefined,
      ) as MaybePromise<unknown>,
      (s) => {
        disposeIntermediate(Xt, X);
        return s;
      },
    ),
  );
}

/** Fits the transformers, then runs `last(Xt, routedOptions)` timed as the last step. */
function fitThenLast(
  p: PipelineInternals,
  X: unknown,
  y: unknown,
  params: Record<string, unknown> | undefined,
  last: (Xt: unknown, options: Record<string, unknown> | undefined) => MaybePromise<unknown>,
): MaybePromise<unknown> {
  const routed = p.checkFitParams(params);
  const n = p.steps.length;
  return andThen(p.fitTransformers(X, y, routed), (Xt) =>
    timed('Pipeline', p.logMessage(n - 1), () =>
      andThen(last(Xt, routed[p.steps[n - 1]![0]]), (out) => {
        disposeIntermediate(Xt, X, out);
        return out;
      }),
    ),
  );
}

function fitPredict(
  this: PipelineInternals,
  X: unknown,
  y?: unknown,
  params?: Record<string, unknown>,
) {
  return fitThenLast(
    this,
    X,
    y,
    params,
    (Xt, opts) =>
      callWith(
        this.finalEstimator as StepEstimator,
        'fitPredict',
        [Xt, y],
        opts,
      ) as MaybePromise<unknown>,
  );
}

function fitTransform(
  this: PipelineInternals,
  X: unknown,
  y?: unknown,
  params?: Record<string, unknown>,
) {
  return fitThenLast(this, X, y, params, (Xt, opts) => {
    const last = this.finalEstimator;
    if (last === 'passthrough') return Xt;
    if (has(last, 'fitTransform'))
      return callWith(last, 'fitTransform', [Xt, y], opts) as MaybePromise<unknown>;
    return andThen(callFit(last, Xt, y, opts) as MaybePromise<unknown>, () => last.transform!(Xt));
  });
}

function transform(this: PipelineInternals, X: unknown) {
  return transformThrough(this, X, true);
}

function inverseTransform(this: PipelineInternals, Xt: unknown) {
  const steps = active(this, true).reverse();
  return reduceMaybe(steps, Xt, (cur, t) =>
    andThen(t.inverseTransform!(cur) as MaybePromise<unknown>, (next) => {
      disposeIntermediate(cur, Xt, next);
      return next;
    }),
  );
}

const finalHas = (name: string) => (p: PipelineInternals) => has(p.finalEstimator, name);

/**
 * Installs the methods that exist only when the final estimator (or every step) has them,
 * scikit-learn's `available_if` methods of Pipeline.
 */
export function installPipelineDelegates(proto: object): void {
  const p = proto as PipelineInternals;
  for (const [name, withOptions] of [
    ['predict', true],
    ['predictProba', true],
    ['predictLogProba', true],
    ['decisionFunction', false],
    ['scoreSamples', false],
  ] as const) {
    availableIf(p, name, finalHas(name), delegateToFinal(name, withOptions));
  }
  availableIf(p, 'score', finalHas('score'), score);
  availableIf(p, 'fitPredict', finalHas('fitPredict'), fitPredict);
  const canTransform = (self: PipelineInternals) =>
    self.finalEstimator === 'passthrough' || has(self.finalEstimator, 'transform');
  availableIf(p, 'transform', canTransform, transform);
  availableIf(
    p,
    'fitTransform',
    (self) => canTransform(self) || has(self.finalEstimator, 'fitTransform'),
    fitTransform,
  );
  availableIf(
    p,
    'inverseTransform',
    (self) => active(self, true).every((t) => has(t, 'inverseTransform')),
    inverseTransform,
  );
}
