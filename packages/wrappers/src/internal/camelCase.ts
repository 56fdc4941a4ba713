// Keras's snake_case names to tfjs's camelCase ones.

/**
 * `snake_case` to `camelCase` (`'learning_rate'` -> `'learningRate'`); camelCase passes through.
 *
 * @param s - a name
 * @returns the camelCase name
 * @example
 * ```ts
 * camelCase('sparse_categorical_crossentropy'); // 'sparseCategoricalCrossentropy'
 * ```
 */
export function camelCase(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
