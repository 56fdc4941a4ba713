// After Keras's keras/losses.py and keras/metrics get() identifiers (Apache-2.0): their full names.
import * as tf from '@tensorflow/tfjs';
import { isBuildable } from '../unflattenParams';

/** Lower case without `_`: `'BinaryCrossentropy'`, `'binary_crossentropy'`, `'binaryCrossentropy'` meet. */
export function normalizeKerasName(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/**
 * scikeras's `_camel2snake`: an underscore before every upper-case letter, lower-cased, leading
 * underscores dropped (`'CustomLoss'` -> `'custom_loss'`, `'AUC'` -> `'a_u_c'`).
 */
export function camel2snake(s: string): string {
  return [...s]
    .map((c) => (c !== c.toLowerCase() ? `_${c.toLowerCase()}` : c))
    .join('')
    .replace(/^_+/, '');
}

const full = (names: Record<string, string[]>): Map<string, string> => {
  const m = new Map<string, string>();
  for (const [name, aliases] of Object.entries(names)) {
    for (const a of [name, ...aliases]) m.set(normalizeKerasName(a), name);
  }
  return m;
};

// Keras's loss functions by full name, with their class names and aliases (tfjs's spellings meet
// them once normalized; `cosine_proximity` is tfjs's and Keras 2.2's name for cosine similarity).
const LOSS_FULL_NAMES: Record<string, string[]> = {
  mean_squared_error: ['mse'],
  mean_absolute_error: ['mae'],
  mean_absolute_percentage_error: ['mape'],
  mean_squared_logarithmic_error: ['msle'],
  binary_crossentropy: ['bce'],
  binary_focal_crossentropy: [],
  categorical_crossentropy: [],
  categorical_focal_crossentropy: [],
  sparse_categorical_crossentropy: [],
  hinge: [],
  squared_hinge: [],
  categorical_hinge: [],
  huber: ['huber_loss'],
  log_cosh: ['logcosh'],
  kl_divergence: ['kld', 'kullback_leibler_divergence'],
  poisson: [],
  cosine_similarity: ['cosine_proximity'],
};

// Keras's metric functions and classes by full name: its own, then its losses (every Keras loss
// function is a metric too); `acc`, `ce`, `crossentropy` are the compile shorthands tfjs keeps.
const METRIC_FULL_NAMES: Record<string, string[]> = {
  accuracy: ['acc'],
  crossentropy: ['ce'],
  binary_accuracy: [],
  categorical_accuracy: [],
  sparse_categorical_accuracy: [],
  top_k_categorical_accuracy: [],
  sparse_top_k_categorical_accuracy: [],
  auc: [],
  precision: [],
  recall: [],
  precision_at_recall: [],
  recall_at_precision: [],
  sensitivity_at_specificity: [],
  specificity_at_sensitivity: [],
  true_positives: [],
  true_negatives: [],
  false_positives: [],
  false_negatives: [],
  root_mean_squared_error: [],
  log_cosh_error: [],
  mean_iou: [],
  r2_score: [],
  ...LOSS_FULL_NAMES,
};

/** Normalized Keras loss identifier -> its full name. */
export const KERAS_LOSS_NAMES: ReadonlyMap<string, string> = full(LOSS_FULL_NAMES);
/** Normalized Keras metric identifier -> its full name. */
export const KERAS_METRIC_NAMES: ReadonlyMap<string, string> = full(METRIC_FULL_NAMES);

// tfjs's loss and metric functions (their JavaScript names are `MSE`, `mape`, ... or get a
// bundler's suffix): their Keras full names, by identity.
const M = tf.metrics;
/** tfjs function -> Keras full name. */
export const TFJS_FUNCTION_NAMES: ReadonlyMap<unknown, string> = new Map<unknown, string>([
  [M.binaryAccuracy, 'binary_accuracy'],
  [M.binaryCrossentropy, 'binary_crossentropy'],
  [M.categoricalAccuracy, 'categorical_accuracy'],
  [M.categoricalCrossentropy, 'categorical_crossentropy'],
  [M.cosineProximity, 'cosine_similarity'],
  [M.meanAbsoluteError, 'mean_absolute_error'],
  [M.meanAbsolutePercentageError, 'mean_absolute_percentage_error'],
  [M.MAPE, 'mean_absolute_percentage_error'],
  [M.mape, 'mean_absolute_percentage_error'],
  [M.meanSquaredError, 'mean_squared_error'],
  [M.MSE, 'mean_squared_error'],
  [M.mse, 'mean_squared_error'],
  [M.precision, 'precision'],
  [M.recall, 'recall'],
  [M.r2Score, 'r2_score'],
  [M.sparseCategoricalAccuracy, 'sparse_categorical_accuracy'],
  [tf.losses.meanSquaredError, 'mean_squared_error'],
  [tf.losses.absoluteDifference, 'mean_absolute_error'],
  [tf.losses.huberLoss, 'huber'],
]);

/** What {@link kerasNameOf} needs to know about the kind of identifier it names. */
export interface KerasNameKind {
  /** Normalized identifier -> full name. */
  names: ReadonlyMap<string, string>;
  /** The `TypeError` message for a value that is none of the accepted forms. */
  typeMessage: string;
  /** The `ValueError` for a string Keras does not know. */
  unknown: (name: string) => Error;
}

/** An object with a `call(yTrue, yPred)` method, as Keras's `Loss` and `Metric` instances are. */
function isCallObject(v: unknown): v is object {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { call?: unknown }).call === 'function'
  );
}

/** The Keras full name of a class name: Keras's own where it knows it, else snake_case. */
function classFullName(name: string, names: ReadonlyMap<string, string>): string {
  return names.get(normalizeKerasName(name)) ?? camel2snake(name);
}

/**
 * scikeras's `loss_name` / `metric_name` core: a class is instantiated first (as scikeras does),
 * then a string is looked up, a loss/metric object is named after its class and a function after
 * itself.
 */
export function kerasNameOf(v: unknown, how: KerasNameKind): string | null {
  let value = v;
  if (isBuildable(value)) value = new (value as unknown as new () => unknown)();
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const name = how.names.get(normalizeKerasName(value));
    if (name === undefined) throw how.unknown(value);
    return name;
  }
  if (isCallObject(value)) return classFullName(value.constructor?.name ?? '', how.names);
  if (typeof value === 'function') {
    const known = TFJS_FUNCTION_NAMES.get(value);
    if (known !== undefined) return known;
    const js = value.name.replace(/(__op|\$\d+)$/, '');
    return js ? camel2snake(js) : '<anonymous>';
  }
  throw new TypeError(how.typeMessage);
}
