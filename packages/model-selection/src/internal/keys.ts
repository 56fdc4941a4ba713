// scikit-learn's cv_results_ / cross_validate keys in camelCase.

/** `'neg_mean_squared_error'` -> `'NegMeanSquaredError'`, `'score'` -> `'Score'`. */
export function pascal(name: string): string {
  const camel = name.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `('test', 'accuracy')` -> `'testAccuracy'`. */
export function resultKey(prefix: string, name: string): string {
  return prefix + pascal(name);
}

/** `'alpha'` -> `'paramAlpha'`, `'model__hidden'` -> `'paramModel__hidden'` (the name is kept). */
export function paramKey(name: string): string {
  return 'param' + name.charAt(0).toUpperCase() + name.slice(1);
}
