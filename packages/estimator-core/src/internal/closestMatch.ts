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
 * The candidate closest to `name`, or undefined when none is close enough to be a typo
 * (an edit distance of at most a third of the name's length, and never less than 2 allowed).
 * The "did you mean" of every unknown-name message.
 *
 * @param name - the unknown name
 * @param candidates - the known names
 * @returns the closest known name, or undefined
 * @example
 * ```ts
 * closestMatch('epoch', ['batchSize', 'epochs']); // 'epochs'
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
