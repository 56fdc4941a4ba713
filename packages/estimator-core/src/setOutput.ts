// Port of scikit-learn's sklearn/utils/_set_output.py (BSD-3-Clause): the container that a
// transformer's `transform` and `fitTransform` return, chosen per estimator with `setOutput`.
import { ValueError } from './errors';
import { isArray2D } from './internal/guards';
import { matrixToRows } from './matrixToRows';
import { pyList, pyRepr, pyStr } from './repr';
import type { Array2D } from './types';

/**
 * What `transform` and `fitTransform` return: `'default'`, the transformer's own form (rows:
 * `number[][]` for numeric output), or `'array2d'`, one row-major `{ data: Float64Array, shape }`
 * (estimator-core's {@link Array2D}) for numeric output.
 */
export type TransformOutput = 'default' | 'array2d';

/** Options of `setOutput` (scikit-learn's `set_output(*, transform=None)`). */
export interface OutputConfig {
  /** The container of `transform` and `fitTransform`; `null`/absent leaves it unchanged. @defaultValue null */
  transform?: TransformOutput | null;
}

/** The output config a value of {@link OutputConfig} resolves to. */
export interface ResolvedOutputConfig {
  transform: TransformOutput;
}

const KEY = Symbol.for('@scikeras/estimator-core/outputConfig');
const OUTPUTS: readonly TransformOutput[] = ['array2d', 'default'];

/** The output config set on this estimator itself (not its default), or undefined. */
export function ownOutputConfig(est: object): ResolvedOutputConfig | undefined {
  const own = (est as Record<symbol, ResolvedOutputConfig | undefined>)[KEY];
  return own && Object.prototype.hasOwnProperty.call(est, KEY) ? { ...own } : undefined;
}

function store(est: object, config: ResolvedOutputConfig): void {
  // a non-enumerable symbol: not a param, not fitted state, invisible to Object.keys and JSON
  Object.defineProperty(est, KEY, {
    value: { ...config },
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

/**
 * Records the output container of an estimator's `transform` and `fitTransform` (what
 * `setOutput` does in every transformer of scikeras-ts). `clone`, `saveEstimator`/`loadEstimator`
 * and worker threads keep it.
 *
 * @param est - the estimator
 * @param config - `{ transform: 'default' | 'array2d' }`; `transform` null or absent changes nothing
 * @throws TypeError for an option other than `transform`
 * @throws ValueError for another container: "output config must be in ['array2d', 'default'], got pandas"
 * @example
 * ```ts
 * setOutputConfig(scaler, { transform: 'array2d' });
 * getOutputConfig(scaler); // { transform: 'array2d' }
 * ```
 * @remarks scikit-learn 1.2 checks the value when `transform` runs; we check it here, where the
 * mistake is made. `'pandas'` and `'polars'` have no JavaScript counterpart.
 * @see https://scikit-learn.org/1.2/auto_examples/miscellaneous/plot_set_output.html
 */
export function setOutputConfig(est: object, config: OutputConfig = {}): void {
  if (typeof config !== 'object' || config === null)
    throw new TypeError(
      `setOutput expects an options object like { transform: 'array2d' }, got ${pyRepr(config)}.`,
    );
  for (const k of Object.keys(config)) {
    if (k !== 'transform')
      throw new TypeError(
        `setOutput got an unexpected option '${k}'. The options are: ['transform'].`,
      );
  }
  const transform = config.transform;
  if (transform === undefined || transform === null) return;
  if (!OUTPUTS.includes(transform)) {
    throw new ValueError(
      `output config must be in ${pyList(OUTPUTS)}, got ${pyStr(transform)}` +
        (transform === ('pandas' as string) || transform === ('polars' as string)
          ? ". There are no DataFrames here: 'array2d' gives one Float64Array with its shape."
          : ''),
    );
  }
  store(est, { ...ownOutputConfig(est), transform });
}

/**
 * The output config of an estimator: what `setOutput` set, else `'default'`.
 *
 * @param est - the estimator
 * @returns `{ transform }`
 * @example
 * ```ts
 * getOutputConfig(new StandardScaler()); // { transform: 'default' }
 * ```
 */
export function getOutputConfig(est: object): ResolvedOutputConfig {
  return { transform: ownOutputConfig(est)?.transform ?? 'default' };
}

/**
 * Copies the output config of one estimator to another (`clone` and the codec do this, as
 * scikit-learn's `clone` keeps `_sklearn_output_config`).
 *
 * @internal
 */
export function copyOutputConfig(from: object, to: object): void {
  const own = ownOutputConfig(from);
  if (own) store(to, own);
}

/**
 * Calls `est.setOutput(config)` when the estimator transforms, as a meta-estimator does for its
 * steps (scikit-learn's `_safe_set_output`): an estimator without `transform`/`fitTransform` (a
 * classifier) is left alone.
 *
 * @param est - a step
 * @param config - the options of `setOutput`
 * @returns the step
 * @throws ValueError "Unable to configure output for Scaler() because `setOutput` is not available."
 * @example
 * ```ts
 * for (const [, step] of pipe.steps) safeSetOutput(step, { transform: 'array2d' });
 * ```
 */
export function safeSetOutput<T>(est: T, config: OutputConfig): T {
  const o = est as { transform?: unknown; fitTransform?: unknown; setOutput?: unknown } | null;
  const transforms =
    typeof o?.transform === 'function' ||
    (typeof o?.fitTransform === 'function' &&
      config.transform !== undefined &&
      config.transform !== null);
  if (!transforms) return est;
  if (typeof o!.setOutput !== 'function') {
    throw new ValueError(
      `Unable to configure output for ${pyRepr(est)} because \`setOutput\` is not available.`,
    );
  }
  (o!.setOutput as (c: OutputConfig) => unknown).call(est, config);
  return est;
}

/** Numeric rows as one Float64Array, or null when a value is not a number (strings, null, ...). */
function numericRows(rows: readonly unknown[]): Array2D | null {
  const n = rows.length;
  const first = rows[0];
  if (n === 0 || !(Array.isArray(first) || ArrayBuffer.isView(first))) return null;
  const d = (first as ArrayLike<unknown>).length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ArrayLike<unknown>;
    if (!(Array.isArray(r) || ArrayBuffer.isView(r)) || r.length !== d) return null;
    const off = i * d;
    for (let j = 0; j < d; j++) {
      const v = r[j];
      if (typeof v !== 'number') return null;
      data[off + j] = v;
    }
  }
  return { data, shape: [n, d] };
}

/**
 * A transform's result in the container the estimator's output config asks for (scikit-learn's
 * `_wrap_data_with_container`): with `'array2d'`, numeric rows or a typed result become one
 * `{ data: Float64Array, shape }`; with `'default'`, a typed result becomes `number[][]`.
 * Anything else (rows holding strings, 1-D output) is returned as it is: an Array2D holds
 * numbers only.
 *
 * @param est - the transformer
 * @param result - its result: rows, or a row-major `{ data, shape }`
 * @returns the result in the configured container
 * @example
 * ```ts
 * return wrapTransformOutput(this, { data: out, shape: [n, d] }); // in a transformer's transform
 * ```
 */
export function wrapTransformOutput(est: object, result: unknown): any {
  const array2d = getOutputConfig(est).transform === 'array2d';
  if (isArray2D(result)) {
    if (!array2d) return matrixToRows(result.data, result.shape[0], result.shape[1]);
    return result.data instanceof Float64Array
      ? result
      : { data: Float64Array.from(result.data), shape: [result.shape[0], result.shape[1]] };
  }
  if (array2d && Array.isArray(result)) return numericRows(result) ?? result;
  return result;
}
