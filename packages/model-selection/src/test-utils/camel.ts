// Test helper: scikit-learn's snake_case cv_results_ keys as ours.
export function camelKey(k: string): string {
  if (k.startsWith('param_')) {
    const name = k.slice('param_'.length);
    return 'param' + name.charAt(0).toUpperCase() + name.slice(1);
  }
  return k.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** cvResults in camelCase keys, timing keys removed. */
export function camelResults(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [camelKey(k), v]));
}
