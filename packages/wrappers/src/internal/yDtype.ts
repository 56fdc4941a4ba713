// The dtype vocabulary of targets and numpy's can_cast, for the checks between partialFit calls.
import type { CheckedY } from '@scikeras/estimator-core';

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
  const flat = (y as unknown[]).flatMap((v) => (Array.isArray(v) ? v : [v]));
  const kinds = new Set(
    flat.map((v) =>
      typeof v === 'boolean'
        ? 'bool'
        : typeof v === 'string'
          ? 'string'
          : Number.isInteger(v)
            ? 'int'
            : 'float',
    ),
  );
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
