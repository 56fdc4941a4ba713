// The build context as a Proxy that records which params the model-building function reads.
import type { Params } from '@scikeras/estimator-core';
import type { BuildContext } from '../BuildContext';

/** A build context and what its reader did with it. */
export interface TrackedBuildContext {
  /** The context handed to the build function. */
  ctx: BuildContext<any>;
  /** Names read from the context or from its `params` (`ctx.hidden`, `'hidden' in ctx`, destructuring). */
  reads: ReadonlySet<string>;
  /** Whether the context or its `params` was enumerated (spread, `Object.keys`): then every param counts as read. */
  enumerated(): boolean;
}

function tracker(target: object, reads: Set<string>, onEnumerate: () => void): object {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'string') reads.add(prop);
      return Reflect.get(t, prop, receiver);
    },
    has(t, prop) {
      if (typeof prop === 'string') reads.add(prop);
      return Reflect.has(t, prop);
    },
    ownKeys(t) {
      onEnumerate();
      return Reflect.ownKeys(t);
    },
  });
}

/**
 * Wraps the build context so that the wrapper can tell, after `fit`, which of the user's
 * params the build function never read (see `unusedParams`).
 *
 * @param values - the context's values (params routed to the model, metadata, X, y, meta, compileKwargs)
 * @param params - every param (`getParams()`), exposed as `ctx.params`
 * @returns the context and its read log
 * @example
 * ```ts
 * const t = trackedBuildContext({ hidden: 8 }, { hidden: 8 });
 * void t.ctx.hidden;
 * t.reads.has('hidden'); // true
 * ```
 */
export function trackedBuildContext(values: Params, params: Params): TrackedBuildContext {
  const reads = new Set<string>();
  let enumerated = false;
  const onEnumerate = (): void => {
    enumerated = true;
  };
  const ctx = tracker(
    { ...values, params: tracker({ ...params }, reads, onEnumerate) },
    reads,
    onEnumerate,
  ) as BuildContext<any>;
  return { ctx, reads, enumerated: () => enumerated };
}
