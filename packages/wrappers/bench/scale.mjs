// The scale benchmark (`WRAPPERS_BENCH_PARTS=scale node scripts/bench.mjs wrappers`), issue 18
// goal 4: KerasClassifier fit (1 epoch) and predictProba on n x 100 given as ONE Float32Array
// with a shape ({ data, shape }), n = 10k, 100k, 1M (WRAPPERS_BENCH_SCALE_ROWS), MLP 100-64-64-3
// on wasm. Each size runs in its own process (bench/scaleChild.mjs) so its peak RSS is its own;
// next to PyTorch's inference loop on one thread (bench/torchScale.py) in the same run. Writes
// docs/scale.svg (log-log: time and memory against rows) from the figures.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { row, pythonHas } from '../../../scripts/benchUtil.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.WRAPPERS_BENCH_SCALE_ROWS ?? '10000,100000,1000000')
  .split(',')
  .map(Number);

function child(n, mode) {
  const args = [join(here, 'scaleChild.mjs'), String(n), 'wasm', ...(mode ? [mode] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

function torchPredict(sizes) {
  if (!pythonHas('torch')) return null;
  const out = execFileSync(
    '/usr/bin/python3',
    [join(here, 'torchScale.py'), ...sizes.map(String)],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()).predict_ms;
}

/** A log-log line chart (SVG) of series [{ name, color, points: [[x, y]] }]. */
function logLogSvg(title, yLabel, series, { x0 = 0, width = 360, height = 260 } = {}) {
  const pad = { l: 58, r: 12, t: 26, b: 40 };
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const lx = [Math.floor(Math.log10(Math.min(...xs))), Math.ceil(Math.log10(Math.max(...xs)))];
  const ly = [Math.floor(Math.log10(Math.min(...ys))), Math.ceil(Math.log10(Math.max(...ys)))];
  if (ly[0] === ly[1]) ly[1] += 1;
  const X = (v) =>
    x0 + pad.l + ((Math.log10(v) - lx[0]) / (lx[1] - lx[0])) * (width - pad.l - pad.r);
  const Y = (v) =>
    pad.t + (1 - (Math.log10(v) - ly[0]) / (ly[1] - ly[0])) * (height - pad.t - pad.b);
  const parts = [
    `<text x="${x0 + width / 2}" y="16" text-anchor="middle" font-weight="bold">${title}</text>`,
  ];
  for (let e = lx[0]; e <= lx[1]; e++) {
    parts.push(
      `<line x1="${X(10 ** e)}" y1="${pad.t}" x2="${X(10 ** e)}" y2="${height - pad.b}" stroke="#ddd"/>`,
    );
    parts.push(
      `<text x="${X(10 ** e)}" y="${height - pad.b + 14}" text-anchor="middle">1e${e}</text>`,
    );
  }
  for (let e = ly[0]; e <= ly[1]; e++) {
    parts.push(
      `<line x1="${x0 + pad.l}" y1="${Y(10 ** e)}" x2="${x0 + width - pad.r}" y2="${Y(10 ** e)}" stroke="#ddd"/>`,
    );
    parts.push(`<text x="${x0 + pad.l - 4}" y="${Y(10 ** e) + 4}" text-anchor="end">1e${e}</text>`);
  }
  parts.push(`<text x="${x0 + width / 2}" y="${height - 6}" text-anchor="middle">rows</text>`);
  parts.push(
    `<text x="${x0 + 12}" y="${height / 2}" transform="rotate(-90 ${x0 + 12} ${height / 2})" text-anchor="middle">${yLabel}</text>`,
  );
  series.forEach((s, i) => {
    const d = s.points
      .map((p, j) => `${j ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`)
      .join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of s.points)
      parts.push(
        `<circle cx="${X(p[0]).toFixed(1)}" cy="${Y(p[1]).toFixed(1)}" r="3" fill="${s.color}"/>`,
      );
    parts.push(
      `<text x="${x0 + pad.l + 6}" y="${pad.t + 12 + 13 * i}" fill="${s.color}">${s.name}</text>`,
    );
  });
  return parts.join('\n');
}

export function scaleSvg(results, torch) {
  const pts = (f) => results.map((r) => [r.n, f(r)]);
  const time = [
    { name: 'fit, 1 epoch (s)', color: '#c0392b', points: pts((r) => r.fitMs / 1000) },
    { name: 'predictProba (s)', color: '#2471a3', points: pts((r) => r.predictMs / 1000) },
    { name: 'predict, labels (s)', color: '#17a589', points: pts((r) => r.predictLabelsMs / 1000) },
  ];
  if (torch) {
    time.push({
      name: 'PyTorch predict, 1 thread (s)',
      color: '#7f8c8d',
      points: results.map((r) => [r.n, torch[String(r.n)] / 1000]),
    });
  }
  const mem = [
    { name: 'peak RSS (MB)', color: '#8e44ad', points: pts((r) => r.maxRssMB) },
    { name: 'X itself (MB)', color: '#27ae60', points: pts((r) => r.dataMB) },
    { name: 'peak RSS - X (MB)', color: '#d68910', points: pts((r) => r.maxRssMB - r.dataMB) },
  ];
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="740" height="270" font-family="sans-serif" font-size="11">\n' +
    '<rect width="740" height="270" fill="white"/>\n' +
    logLogSvg('Time (wasm, MLP 100-64-64-3)', 'seconds', time) +
    '\n' +
    logLogSvg('Memory', 'MB', mem, { x0: 375 }) +
    '\n</svg>\n'
  );
}

export async function run() {
  // per size: ours, then PyTorch right after (the load on this shared machine drifts)
  const results = [];
  const torch = pythonHas('torch') ? {} : null;
  for (const n of SIZES) {
    const r = child(n);
    r.loadavg = loadavg()[0];
    results.push(r);
    if (torch) Object.assign(torch, torchPredict([n]));
  }
  const cv = SIZES.length ? child(Math.max(...SIZES), 'cv') : null;
  mkdirSync(join(here, '..', '..', '..', 'docs'), { recursive: true });
  writeFileSync(join(here, '..', '..', '..', 'docs', 'scale.svg'), scaleSvg(results, torch));
  const rows = results.flatMap((r) => {
    const extra = {
      backend: r.backend,
      rows: r.n,
      data_MB: Math.round(r.dataMB),
      peak_rss_MB: Math.round(r.maxRssMB),
      over_data_MB: Math.round(r.maxRssMB - r.dataMB),
      fit_peak_MB: Math.round(r.fitPeakMB),
      loadavg: r.loadavg,
    };
    return [
      row('scale', `fit 1 epoch, ${r.n} x 100 (Float32Array + shape)`, r.fitMs, undefined, extra),
      row(
        'scale',
        `predictProba ${r.n} x 100 vs PyTorch 1 thread`,
        r.predictMs,
        torch ? torch[String(r.n)] : undefined,
        { ...extra, rows_per_s: Math.round((r.n / r.predictMs) * 1000) },
      ),
      row(
        'scale',
        `predict (labels) ${r.n} x 100 vs PyTorch 1 thread`,
        r.predictLabelsMs,
        torch ? torch[String(r.n)] : undefined,
        { ...extra, rows_per_s: Math.round((r.n / r.predictLabelsMs) * 1000) },
      ),
    ];
  });
  if (cv) {
    rows.push(
      row(
        'scale',
        `crossValScore ${cv.cv} folds, ${cv.n} x 100 (Float32Array + shape)`,
        cv.cvMs,
        undefined,
        {
          rows: cv.n,
          data_MB: Math.round(cv.dataMB),
          peak_rss_MB: Math.round(cv.maxRssMB),
          over_data_MB: Math.round(cv.maxRssMB - cv.dataMB),
          scores: cv.scores.map((v) => Number(v.toFixed(4))),
          loadavg: loadavg()[0],
        },
      ),
    );
  }
  return rows;
}
