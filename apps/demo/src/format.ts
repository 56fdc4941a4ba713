// Plain-text tables for the terminal.
import type { Cell } from './types';

/**
 * Formats a compact table: header, a rule, rows; numbers right-aligned.
 *
 * @param headers - column titles
 * @param rows - the cells
 * @param indent - spaces before each line
 * @returns the table text
 */
export function formatTable(headers: string[], rows: Cell[][], indent = 2): string {
  const cols = Math.max(headers.length, ...rows.map((r) => r.length));
  const text = (c: Cell | undefined) => (c === undefined ? '' : String(c));
  const widths = Array.from({ length: cols }, (_, j) =>
    Math.max(text(headers[j]).length, ...rows.map((r) => text(r[j]).length)),
  );
  const pad = ' '.repeat(indent);
  const line = (cells: (Cell | undefined)[], header = false) =>
    pad +
    widths
      .map((w, j) => {
        const c = cells[j];
        const s = text(c);
        const right = !header && (typeof c === 'number' || /^-?[\d.]+( ± [\d.]+)?$/.test(s));
        return right ? s.padStart(w) : s.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [
    line(headers, true),
    pad + widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(r)),
  ].join('\n');
}
