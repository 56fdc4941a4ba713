// The dtype vocabulary of targets and numpy's can_cast, for the checks between partialFit calls.
import type { CheckedY } from '@scikeras/estimator-core';

function kindOf(v: unknown): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return Number.isInteger(v) ? 'int' : 'float';
}

/**
 * The kind of a target's values: `'bool'`, `'int'`, `'float'`, `'string'`, or `'object'` (mixed).
 *
 * @param y - a validated target
 * @returns the kind
 * @example
 * ```ts
 * dtypeOfY([1, 2, 3]); // 'int'
 * ```
 */
export function dtypeOfY(y: CheckedY): string {
  if (ArrayBuffer.isView(y))
    return y instanceof Float32Array || y instanceof Float64Array ? 'float' : 'int';
  // one pass, nothing copied (a 1M-label y is not flattened into a second array)
  const kinds = new Set<string>();
  const list = y as readonly unknown[];
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!Array.isArray(v)) kinds.add(kindOf(v));
    else for (let j = 0; j < v.length; j++) kinds.add(kindOf(v[j]));
  }
  if (kinds.size === 0) return 'float';
  if (kinds.size === 1) return [...kinds][0]!;
  if (kinds.has('string')) return 'object';
  return kinds.has('float') ? 'float' : 'int';
}

/**
 * Whether values of one kind can be cast safely to another (numpy's `can_cast`).
 *
 * @param from - the new kind
 * @param to - the fitted kind
 * @returns true when safe
 * @example
 * ```ts
 * canCast('int', 'float'); // true
 * ```
 */
const CAST_ORDER = ['bool', 'int', 'float'];
export function canCast(from: string, to: string): boolean {
  if (from === to || to === 'object') return true;
  const a = CAST_ORDER.indexOf(from);
  const b = CAST_ORDER.indexOf(to);
  return a >= 0 && b >= 0 && a <= b;
}
