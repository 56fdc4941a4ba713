// The self-contained HTML report of a tour run: summary, one block per section with its table
// and its plots as inline SVG (ECharts server-side rendering). No script, no external URL.
import type { SectionOutcome } from '../types';
import { plotToSVG } from './plotToSVG';

/** Facts about the run shown in the report header. */
export interface ReportMeta {
  backend: string;
  quick: boolean;
  date: string;
  totalSeconds: number;
  env: string;
}

function esc(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
h1{font-size:22px;margin-bottom:4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666;font-size:13px} table{border-collapse:collapse;font-size:13px;margin:6px 0}
td,th{border:1px solid #ddd;padding:3px 8px;text-align:left} th{background:#f4f6f8}
td.num{text-align:right;font-variant-numeric:tabular-nums} pre{font-size:12px;background:#f7f7f7;padding:8px;overflow:auto}
.ok{color:#1a7f37;font-weight:600} .fail{color:#cf222e;font-weight:600} .plots{display:flex;flex-wrap:wrap;gap:12px}
.plot{border:1px solid #eee;border-radius:4px;margin:0} .plot svg{max-width:100%;height:auto} .note{color:#555;font-size:12px;margin:2px 0}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:0 28px} main section{min-width:0}`;

function table(headers: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number) =>
    typeof c === 'number' || /^-?[\d.]+( ± [\d.]+)?$/.test(String(c))
      ? `<td class="num">${esc(c)}</td>`
      : `<td>${esc(c)}</td>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map(cell).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The summary table of a run (section, score, bound, ok, time).
 *
 * @param outcomes - the sections' outcomes
 * @returns an HTML table
 */
export function renderSummary(outcomes: SectionOutcome[]): string {
  const rows: (string | number)[][] = outcomes.map((o) => [
    o.name,
    o.result?.scoreName ?? (o.error ? 'error' : ''),
    o.result ? o.result.score.toFixed(3) : '',
    o.result ? `≥ ${o.result.bound}` : '',
    o.passed ? 'yes' : 'NO',
    `${o.seconds.toFixed(1)} s`,
  ]);
  const total = outcomes.reduce((s, o) => s + o.seconds, 0);
  rows.push([
    'total',
    '',
    '',
    '',
    outcomes.every((o) => o.passed) ? 'yes' : 'NO',
    `${total.toFixed(1)} s`,
  ]);
  return table(['section', 'score', 'value', 'bound', 'ok', 'time'], rows);
}

/**
 * One section's block: title, score line, table, notes and plots (inline SVG).
 *
 * @param o - the outcome
 * @returns an HTML `<section>`
 */
export function renderSection(o: SectionOutcome): string {
  const r = o.result;
  const status = o.passed
    ? `<span class="ok">${esc(r!.score.toFixed(3))}</span>`
    : `<span class="fail">${r ? esc(r.score.toFixed(3)) : 'failed'}</span>`;
  const body = r
    ? r.headers.length === 1
      ? `<pre>${esc(r.rows.map((x) => x[0]).join('\n'))}</pre>`
      : table(r.headers, r.rows)
    : `<pre>${esc(o.error ?? '')}</pre>`;
  const notes = (r?.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`).join('');
  const plots = (r?.plots ?? [])
    .map((p) => `<figure class="plot" data-plot="${esc(p.kind)}">${plotToSVG(p)}</figure>`)
    .join('');
  return `<section id="${esc(o.name)}" data-section="${esc(o.name)}"><h2>${esc(o.title)}</h2><p class="meta">${esc(
    r?.scoreName ?? '',
  )}: ${status} (bound ${esc(r?.bound ?? '')}) in ${o.seconds.toFixed(1)} s</p>${body}${notes}${
    plots ? `<div class="plots">${plots}</div>` : ''
  }</section>`;
}

/**
 * Renders the report.
 *
 * @param outcomes - the sections' outcomes
 * @param meta - run facts
 * @returns a complete HTML document
 */
export function renderReport(outcomes: SectionOutcome[], meta: ReportMeta): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>scikeras-ts tour report</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${CSS}</style></head>
<body><h1>scikeras-ts tour</h1>
<p class="meta">${esc(meta.env)}, backend <b>${esc(meta.backend)}</b>, ${meta.quick ? '--quick' : 'full tour'}, ${esc(
    meta.date,
  )}, ${meta.totalSeconds.toFixed(1)} s in all</p>
<h2>Summary</h2>${renderSummary(outcomes)}
<main>
${outcomes.map(renderSection).join('\n')}
</main>
</body></html>
`;
}
