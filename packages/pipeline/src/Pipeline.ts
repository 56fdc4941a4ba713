// Port of scikit-learn's sklearn/pipeline.py Pipeline (BSD-3-Clause).
import {
  DEFAULT_TAGS,
  ValueError,
  clone,
  isEstimator,
  isFitted,
  type EstimatorTags,
  type EstimatorType,
  type Params,
  typeName,
  pyList,
  pyRepr,
  registerEstimator,
  safeSetOutput,
  type OutputConfig,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { BaseComposition } from './BaseComposition';
import { timed } from './internal/elapsed';
import { installPipelineDelegates } from './internal/pipelineDelegates';
import { callFit, disposeIntermediate, fitTransformOne } from './internal/stepCalls';
import { andThen, reduceMaybe, type MaybePromise } from './maybeAsync';
import type { Memory, Passthrough, PipelineStep, StepEstimator } from './types';

/** Params of {@link Pipeline}. */
export interface PipelineParams {
  /**
   * The `[name, estimator]` steps, in order: every step but the last transforms
   * (`fit` + `transform`), or is `'passthrough'`/`null` (skipped); the last one may be any
   * estimator, `'passthrough'` or `null`. @defaultValue []
   */
  steps?: PipelineStep[];
  /**
   * Caches the fitted transformers: `null` (no caching) or an object with joblib.Memory's
   * `cache(fn)` interface. With a memory, transformers are cloned before they are fitted.
   * @defaultValue null
   */
  memory?: Memory | null;
  /** Print the time each step took to fit (`console.log`). @defaultValue false */
  verbose?: boolean;
}

/**
 * What the constructor of a `Pipeline` with steps of type `S` takes: {@link PipelineParams},
 * with `steps` typed as given (the step names and estimators' types are kept).
 *
 * @typeParam S - the steps' type
 */
export type PipelineArgs<S extends readonly PipelineStep[]> = Omit<PipelineParams, 'steps'> & {
  steps?: S;
};

/**
 * Each step's name as a param (what `setParams` and a param grid may put in its place): the
 * step's own estimator type, another estimator, `'passthrough'` or `null`. The step's params
 * are then `name__param` keys (see `NestedParams`). Names typed `string` (steps given as a
 * `PipelineStep[]` value) make any key and value acceptable.
 *
 * @typeParam S - the steps' type
 * @example
 * ```ts
 * type T = PipelineStepParams<[['scaler', StandardScaler], ['clf', KerasClassifier]]>;
 * // { scaler?: StandardScaler | StepEstimator | 'passthrough' | null; clf?: ... }
 * ```
 */
export type PipelineStepParams<S extends readonly PipelineStep[]> = {
  [E in S[number] as E[0]]?: string extends E[0]
    ? unknown
    : E[1] | StepEstimator | Passthrough | null;
};

/**
 * What `setParams` and a typed param grid accept on a `Pipeline` with steps of type `S`: its
 * params (`steps` any list of steps) and each step by name (see {@link PipelineStepParams}).
 *
 * @typeParam S - the steps' type
 */
export type PipelineSettableParams<S extends readonly PipelineStep[]> = PipelineArgs<
  readonly PipelineStep[]
> &
  PipelineStepParams<S>;

/** Options of `Pipeline.score`. */
export interface PipelineScoreOptions {
  /** Passed as `{ sampleWeight }` to the last step's `score` when given. */
  sampleWeight?: ArrayLike<number> | null;
}

/** A step's estimator or its stand-in for "skip". */
type StepValue = StepEstimator | 'passthrough' | null;

function isSkip(est: unknown): est is 'passthrough' | null {
  return est === null || est === 'passthrough';
}

function hasMethod(est: unknown, name: string): boolean {
  return typeof (est as Record<string, unknown> | null)?.[name] === 'function';
}

function checkMemory(memory: unknown): Memory | null {
  if (memory === null || memory === undefined) return null;
  if (typeof (memory as Memory).cache === 'function') return memory as Memory;
  throw new ValueError(
    `'memory' should be null or an object with the joblib.Memory interface (a cache(fn) method), got memory=${pyRepr(memory)} instead.`,
  );
}

/* eslint-disable @typescript-eslint/no-unused-vars */
export interface Pipeline<
  S extends readonly PipelineStep[] = PipelineStep[],
> extends Required<PipelineParams> {
  /** Transforms X through every transformer, then the last step's `predict` (only when the last step has `predict`). @param options - passed to the last step's `predict` */
  predict(X: unknown, options?: Record<string, unknown>): MaybePromise<any>;
  /** Transforms X, then the last step's `predictProba` (only when it has one). */
  predictProba(X: unknown, options?: Record<string, unknown>): MaybePromise<any>;
  /** Transforms X, then the last step's `predictLogProba` (only when it has one). */
  predictLogProba(X: unknown, options?: Record<string, unknown>): MaybePromise<any>;
  /** Transforms X, then the last step's `decisionFunction` (only when it has one). */
  decisionFunction(X: unknown): MaybePromise<any>;
  /** Transforms X, then the last step's `scoreSamples` (only when it has one). */
  scoreSamples(X: unknown): MaybePromise<any>;
  /** Transforms X, then the last step's `score(Xt, y[, { sampleWeight }])` (only when it has one). */
  score(X: unknown, y?: unknown, options?: PipelineScoreOptions): MaybePromise<number>;
  /** Fits the transformers, then the last step's `fitPredict` (only when it has one); options routed as in `fit`. */
  fitPredict(X: unknown, y?: unknown, params?: Record<string, unknown>): MaybePromise<any>;
  /** Applies every step's `transform` (only when the last step transforms or is `'passthrough'`). */
  transform(X: unknown): MaybePromise<any>;
  /** Applies every step's `inverseTransform` in reverse order (only when all steps have one). */
  inverseTransform(Xt: unknown): MaybePromise<any>;
  /** Fits every step and returns the transformed training data (only when the last step transforms or is `'passthrough'`). */
  fitTransform(X: unknown, y?: unknown, params?: Record<string, unknown>): MaybePromise<any>;
}
/* eslint-enable @typescript-eslint/no-unused-vars */

/**
 * A chain of transformers with a final estimator, scikit-learn's `Pipeline`: `fit` fits each
 * transformer on the output of the previous one, then the last step; `predict`, `score`,
 * `transform`, ... transform X through the fitted transformers and call the last step.
 * Each method exists only when the last step has it (`typeof pipe.predictProba`).
 *
 * Methods return values when every step involved does, and Promises as soon as one step is
 * async (a Keras wrapper): `await` always works.
 *
 * @example
 * ```ts
 * const pipe = new Pipeline({ steps: [['scaler', new StandardScaler()], ['clf', clf]] });
 * await pipe.fit(X, y, { clf__epochs: 5 });
 * await pipe.predict(X);
 * pipe.setParams({ scaler: 'passthrough', clf__hidden: 32 });
 * ```
 * @remarks Indexing: `pipe.at(0)` is scikit-learn's `pipe[0]`, `pipe.get('scaler')` is
 *   `pipe['scaler']`, `pipe.slice(0, 2)` is `pipe[:2]` (a shallow copy, as in scikit-learn),
 *   `pipe.length` is `len(pipe)`. Unavailable methods read as `undefined` (Python's
 *   `hasattr` is false), so calling one is JavaScript's TypeError "... is not a function".
 * @typeParam S - the steps' type, inferred from `steps` (names and estimator types kept): a
 *   typed param grid then knows `scaler__withMean`, `clf__epochs`, `clf__model__hidden`, ...
 *   (steps given as a `PipelineStep[]` value, or by `makePipeline`, accept any name)
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.pipeline.Pipeline.html
 */
export class Pipeline<
  const S extends readonly PipelineStep[] = PipelineStep[],
> extends BaseComposition<PipelineArgs<S>, PipelineSettableParams<S>> {
  static estimatorName = 'Pipeline';
  static override defaults: Readonly<Params> = {
    steps: [],
    memory: null,
    verbose: false,
  } satisfies Required<PipelineParams>;

  protected override get itemsParam(): string {
    return 'steps';
  }

  protected override replaceItem(name: string, value: unknown): void {
    this.steps = this.steps.map((s): PipelineStep =>
      s[0] === name ? [name, value as StepValue] : s,
    );
  }

  /** The number of steps (`len(pipe)`). */
  get length(): number {
    return this.steps.length;
  }

  /** The steps by name (scikit-learn's `named_steps`). */
  get namedSteps(): Record<string, StepValue> {
    return Object.fromEntries(this.steps.map(([n, e]) => [n, e]));
  }

  /**
   * The step at `index` (negative counts from the end): scikit-learn's `pipe[index]`.
   *
   * @param index - a position
   * @returns the step's estimator (or `'passthrough'`/`null`)
   * @throws RangeError when there is no such step
   * @example
   * ```ts
   * pipe.at(-1); // the final estimator
   * ```
   */
  at(index: number): StepValue {
    const n = this.steps.length;
    const i = index < 0 ? index + n : index;
    if (!Number.isInteger(index) || i < 0 || i >= n)
      throw new RangeError(`Pipeline index ${index} is out of range: the pipeline has ${n} steps.`);
    return this.steps[i]![1];
  }

  /**
   * The step named `name`: scikit-learn's `pipe['scaler']`.
   *
   * @param name - a step name
   * @returns the step's estimator (or `'passthrough'`/`null`)
   * @throws RangeError when no step has that name
   * @example
   * ```ts
   * pipe.get('scaler');
   * ```
   */
  get(name: string): StepValue {
    const step = this.steps.find(([n]) => n === name);
    if (!step)
      throw new RangeError(
        `No step named '${name}': the steps are ${pyList(this.steps.map(([n]) => n))}.`,
      );
    return step[1];
  }

  /**
   * A new Pipeline of the steps from `start` to `end` (excluded; negatives count from the end):
   * scikit-learn's `pipe[start:end]`. A shallow copy: the step estimators are shared.
   *
   * @param start - first step @defaultValue 0
   * @param end - end (excluded) @defaultValue the number of steps
   * @returns the sub-pipeline, with the same `memory` and `verbose`
   * @example
   * ```ts
   * pipe.slice(0, -1).transform(X); // every step but the last
   * ```
   */
  slice(start?: number, end?: number): Pipeline {
    const Klass = this.constructor as new (p: PipelineParams) => Pipeline;
    return new Klass({
      steps: this.steps.slice(start, end),
      memory: this.memory,
      verbose: this.verbose,
    });
  }

  /** The last step (`null` reads as `'passthrough'`). */
  protected get finalEstimator(): StepEstimator | 'passthrough' {
    const last = this.steps[this.steps.length - 1]?.[1];
    return isSkip(last) || last === undefined ? 'passthrough' : last;
  }

  /** The last step's `estimatorType` (`isClassifier(pipe)` follows the last step). */
  override get estimatorType(): EstimatorType | undefined {
    const last = Array.isArray(this.steps) ? this.steps[this.steps.length - 1]?.[1] : undefined;
    return (
      (last as { estimatorType?: EstimatorType } | null | undefined)?.estimatorType ?? undefined
    );
  }

  /** The class labels of the last step (a classifier), once fitted. */
  get classes_(): unknown {
    return (this.steps[this.steps.length - 1]?.[1] as { classes_?: unknown } | null)?.classes_;
  }

  /** The number of features the first step was fitted on. */
  get nFeaturesIn_(): number | undefined {
    return (this.steps[0]?.[1] as { nFeaturesIn_?: number } | null)?.nFeaturesIn_;
  }

  /** The feature names the first step was fitted on (arrays of records, Arrow tables). */
  get featureNamesIn_(): string[] | undefined {
    return (this.steps[0]?.[1] as { featureNamesIn_?: string[] } | null)?.featureNamesIn_;
  }

  /** Whether the pipeline is fitted: its last estimator is (scikit-learn's `__sklearn_is_fitted__`). */
  isFitted(): boolean {
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const est = this.steps[i]![1];
      if (!isSkip(est)) return isFitted(est as object);
    }
    return true;
  }

  /** Tags from the steps: input tags of the first estimator, target tags of the last. */
  override getTags(): EstimatorTags {
    const base = super.getTags();
    if (!Array.isArray(this.steps)) return base;
    const tagsOf = (e: unknown): EstimatorTags => ({
      ...DEFAULT_TAGS,
      ...(hasMethod(e, 'getTags') ? (e as StepEstimator).getTags!() : {}),
    });
    const ests = this.steps.map((s) => s?.[1]).filter((e) => isEstimator(e));
    if (ests.length === 0) return base;
    const first = tagsOf(ests[0]);
    const last = tagsOf(ests[ests.length - 1]);
    return {
      ...base,
      allowNan: first.allowNan,
      XTypes: first.XTypes,
      requiresY: last.requiresY,
      multioutput: last.multioutput,
      poorScore: last.poorScore,
      deterministic: ests.every((e) => tagsOf(e).deterministic),
    };
  }

  /** scikit-learn's `_validate_steps`. */
  protected validateSteps(): void {
    const steps = this.steps as unknown;
    if (
      !Array.isArray(steps) ||
      steps.some((s) => !Array.isArray(s) || s.length !== 2 || typeof s[0] !== 'string')
    )
      throw new TypeError(
        `Pipeline steps should be a list of [name, estimator] pairs with string names; got ${pyRepr(steps)}.`,
      );
    if (steps.length === 0)
      throw new ValueError(
        "Pipeline has no steps: give a list of [name, estimator] pairs, e.g. new Pipeline({ steps: [['scaler', scaler], ['clf', clf]] }).",
      );
    this.validateNames(steps.map(([n]) => n as string));
    for (const [, t] of steps.slice(0, -1)) {
      if (isSkip(t)) continue;
      if (!(hasMethod(t, 'fit') || hasMethod(t, 'fitTransform')) || !hasMethod(t, 'transform'))
        throw new TypeError(
          `All intermediate steps should be transformers and implement fit and transform or be the string 'passthrough' ${pyRepr(t)} (type ${typeName(t)}) doesn't`,
        );
    }
    const last = steps[steps.length - 1][1];
    if (!isSkip(last) && !hasMethod(last, 'fit'))
      throw new TypeError(
        `Last step of Pipeline should implement fit or be the string 'passthrough'. ${pyRepr(last)} (type ${typeName(last)}) doesn't`,
      );
  }

  /** The verbose line of step `i`, or null when not verbose. */
  protected logMessage(i: number): string | null {
    if (!this.verbose) return null;
    return `(step ${i + 1} of ${this.steps.length}) Processing ${this.steps[i]![0]}`;
  }

  /** Splits `step__param` fit options by step (scikit-learn's `_check_fit_params`). */
  protected checkFitParams(
    params: Record<string, unknown> | undefined,
  ): Record<string, Record<string, unknown>> {
    const routed: Record<string, Record<string, unknown>> = {};
    for (const [name, step] of this.steps) if (step !== null) routed[name] = {};
    for (const [key, value] of Object.entries(params ?? {})) {
      const sep = key.indexOf('__');
      if (sep < 0)
        throw new ValueError(
          `Pipeline.fit does not accept the ${key} parameter. You can pass parameters to specific steps of your pipeline using the stepname__parameter format, e.g. \`Pipeline.fit(X, y, { logisticregression__sampleWeight: sampleWeight })\`.`,
        );
      const step = key.slice(0, sep);
      const target = routed[step];
      if (!target)
        throw new ValueError(
          `Pipeline.fit got the parameter '${key}' for a step named '${step}', but no step has that name. The steps are ${pyList(this.steps.map(([n]) => n))}.`,
        );
      target[key.slice(sep + 2)] = value;
    }
    return routed;
  }

  /** Fits every step but the last on the output of the previous one; returns the last Xt. */
  protected fitTransformers(
    X: unknown,
    y: unknown,
    routed: Record<string, Record<string, unknown>>,
  ): MaybePromise<unknown> {
    this.validateSteps();
    const memory = checkMemory(this.memory);
    // with a memory, fitted clones replace the steps in a copy of the list (scikit-learn's shallow copy)
    const steps = memory ? [...this.steps] : this.steps;
    if (memory) this.steps = steps;
    const indices = steps.slice(0, -1).map((_, i) => i);
    return reduceMaybe(indices, X as unknown, (Xt, i) =>
      timed('Pipeline', this.logMessage(i), () => {
        const [name, t] = steps[i]!;
        if (isSkip(t)) return Xt;
        const run = memory ? memory.cache(fitTransformOne) : fitTransformOne;
        const est = memory ? clone(t) : t;
        return andThen(run(est, Xt, y, null, routed[name]), ([Xnext, fitted]) => {
          if (memory) steps[i] = [name, fitted];
          disposeIntermediate(Xt, X, Xnext);
          return Xnext;
        });
      }),
    );
  }

  /**
   * Fits the transformers one after the other, each on the previous one's output, then the
   * last step. Fit options are routed by step name: `{ clf__epochs: 3, clf__sampleWeight: w }`
   * calls the `clf` step's `fit(Xt, y, { epochs: 3, sampleWeight: w })`.
   *
   * @param X - training data, in the form the first step takes
   * @param y - targets (passed to every step)
   * @param params - `step__option` fit options
   * @returns this (a Promise of it when a step's `fit` is async)
   * @throws ValueError for an option without `__` ("Pipeline.fit does not accept the sampleWeight parameter. ...") or for unknown step names
   * @throws TypeError for an invalid step ("All intermediate steps should be transformers ...")
   * @example
   * ```ts
   * await pipe.fit(X, y, { clf__epochs: 3 });
   * ```
   */
  fit(X: unknown, y?: unknown, params?: Record<string, unknown>): MaybePromise<this> {
    const routed = this.checkFitParams(params);
    return andThen(this.fitTransformers(X, y, routed), (Xt) =>
      timed('Pipeline', this.logMessage(this.steps.length - 1), () => {
        const last = this.finalEstimator;
        if (last === 'passthrough') return this;
        const name = this.steps[this.steps.length - 1]![0];
        return andThen(callFit(last, Xt, y, routed[name]) as MaybePromise<unknown>, () => {
          disposeIntermediate(Xt, X);
          return this;
        });
      }),
    );
  }

  /**
   * Output feature names: each transformer's `getFeatureNamesOut` applied in turn.
   *
   * @param inputFeatures - names of the input features (optional)
   * @returns the names of the output features
   * @throws TypeError when a step has no `getFeatureNamesOut` ("Estimator clf does not provide getFeatureNamesOut. Did you mean to call pipe.slice(0, -1).getFeatureNamesOut()?")
   * @example
   * ```ts
   * pipe.slice(0, -1).getFeatureNamesOut(); // ['num__age', 'cat__city_Oslo', ...]
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    let names: unknown = inputFeatures ?? undefined;
    for (const [name, t] of this.steps) {
      if (isSkip(t)) continue;
      if (!hasMethod(t, 'getFeatureNamesOut'))
        throw new TypeError(
          `Estimator ${name} does not provide getFeatureNamesOut. Did you mean to call pipe.slice(0, -1).getFeatureNamesOut()?`,
        );
      names = t.getFeatureNamesOut!(names as string[] | undefined);
    }
    return names as string[];
  }

  /**
   * Chooses what `transform` and `fitTransform` of the steps return (scikit-learn's
   * `set_output`): `setOutput` of every step that transforms (a classifier at the end is left
   * alone; `'passthrough'` and `null` steps are skipped). With `'array2d'` the data flows from
   * step to step as one `{ data: Float64Array, shape }`, which the Keras wrappers take as X.
   *
   * @param config - `{ transform: 'default' | 'array2d' }`; `transform` null or absent changes nothing
   * @returns this
   * @throws ValueError "Unable to configure output for T() because `setOutput` is not available." for a transforming step without `setOutput`
   * @example
   * ```ts
   * const pipe = makePipeline(new StandardScaler(), clf).setOutput({ transform: 'array2d' });
   * await pipe.fit({ data: Float64Array.from(values), shape: [n, d] }, y);
   * ```
   * @see https://scikit-learn.org/1.2/modules/generated/sklearn.pipeline.Pipeline.html#sklearn.pipeline.Pipeline.set_output
   */
  setOutput(config: OutputConfig = {}): this {
    for (const [, step] of Array.isArray(this.steps) ? this.steps : []) {
      if (!isSkip(step)) safeSetOutput(step, config);
    }
    return this;
  }

  /** Frees the resources of every step that has a `dispose` method (tfjs models). */
  dispose(): void {
    for (const [, t] of Array.isArray(this.steps) ? this.steps : []) {
      if (!isSkip(t) && hasMethod(t, 'dispose')) t.dispose!();
    }
  }
}

installPipelineDelegates(Pipeline.prototype);
registerEstimator(Pipeline, { module: MODULE_URL });
