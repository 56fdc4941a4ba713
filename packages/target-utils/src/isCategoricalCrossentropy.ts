// Port of scikeras's scikeras/utils/transformers.py _is_categorical_crossentropy (MIT), for tfjs names.
const CCE_NAMES = new Set([
  'categorical_crossentropy',
  'categoricalCrossentropy',
  'CategoricalCrossentropy',
  'cce',
]);

/**
 * Whether a Keras/tfjs loss is categorical crossentropy (scikeras's `_is_categorical_crossentropy`):
 * one of its names, a function with such a name, or a loss object whose class (or
 * `getClassName()`) is `CategoricalCrossentropy`.
 *
 * @param loss - a loss name, function or object
 * @returns true for categorical crossentropy
 * @example
 * ```ts
 * isCategoricalCrossentropy('categoricalCrossentropy'); // true
 * isCategoricalCrossentropy('binaryCrossentropy'); // false
 * ```
 */
export function isCategoricalCrossentropy(loss: unknown): boolean {
  if (typeof loss === 'string') return CCE_NAMES.has(loss);
  if (typeof loss === 'function') return CCE_NAMES.has(loss.name);
  if (loss && typeof loss === 'object') {
    const o = loss as { getClassName?: () => string; className?: string };
    const name =
      typeof o.getClassName === 'function'
        ? o.getClassName()
        : (o.className ?? loss.constructor?.name);
    return name !== undefined && CCE_NAMES.has(name);
  }
  return false;
}
