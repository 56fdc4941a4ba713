/**
 * Levenshtein distance between two strings (case-insensitive).
 *
 * @param a - one string
 * @param b - the other
 * @returns the number of single-character edits from `a` to `b`
 * @example
 * ```ts
 * editDistance('epoch', 'epochs'); // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `name` (case-insensitive edit distance), or undefined when none is
 * close enough to be a typo: at most `max(2, ceil(name.length / 3))` edits. Used for the
 * "Did you mean ...?" of unknown param and option names.
 *
 * @param name - the name that was given
 * @param candidates - the valid names
 * @returns the closest valid name, or undefined
 * @example
 * ```ts
 * closestMatch('n_job', ['nJobs', 'cv', 'scoring']); // 'nJobs'
 * ```
 */
export function closestMatch(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.ceil(name.length / 3));
  return bestD <= limit ? best : undefined;
}
