// Port of scikit-learn's sklearn/preprocessing/_encoders.py OneHotEncoder._compute_drop_idx
// (BSD-3-Clause), without infrequent categories.
import { ValueError } from '@scikeras/estimator-core';
import { categoryStr, type Categories, type Category } from './categories';

function sameCategory(a: unknown, b: Category): boolean {
  if (typeof a === 'number' && typeof b === 'number' && a !== a) return b !== b;
  if ((a === null || a === undefined) && b === null) return true;
  return a === b;
}

/**
 * The index of the dropped category of each feature (null: none dropped), or null without
 * `drop`.
 *
 * @throws ValueError "`drop` should have length equal to the number of features (2), got 1"
 * @throws ValueError "The following categories were supposed to be dropped, but were not found in the training data.\nCategory: 0, Feature: z"
 */
export function computeDropIdx(
  drop: 'first' | 'if_binary' | readonly unknown[] | null,
  categories: readonly Categories[],
): (number | null)[] | null {
  if (drop === null || drop === undefined) return null;
  if (drop === 'first') return categories.map(() => 0);
  if (drop === 'if_binary') return categories.map((c) => (c.length === 2 ? 0 : null));
  const values = Array.from(drop as ArrayLike<unknown>);
  if (values.length !== categories.length) {
    throw new ValueError(
      `\`drop\` should have length equal to the number of features (${categories.length}), got ${values.length}`,
    );
  }
  const missing: string[] = [];
  const idx = values.map((v, j) => {
    const cats = Array.from(categories[j] as ArrayLike<Category>);
    const k = cats.findIndex((c) => sameCategory(v, c));
    // scikit-learn labels the feature index "Category" and the value "Feature"
    if (k < 0) missing.push(`Category: ${j}, Feature: ${categoryStr(v as Category, false)}`);
    return k;
  });
  if (missing.length > 0) {
    throw new ValueError(
      `The following categories were supposed to be dropped, but were not found in the training data.\n${missing.join('\n')}`,
    );
  }
  return idx;
}
