// Renders a tour plot to an SVG string with Apache ECharts' server-side renderer (no DOM, no
// network): the same code draws the HTML report in Node and the live charts on the web page.
import * as echarts from 'echarts';
import type { Plot } from '../types';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1'];

function optionFor(plot: Plot): echarts.EChartsOption {
  const base = {
    animation: false,
    color: PALETTE,
    title: { text: plot.title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 64, right: 24, top: 48, bottom: 56 },
  };
  if (plot.kind === 'lines') {
    const n = Math.max(0, ...plot.series.map((s) => s.data.length));
    return {
      ...base,
      legend: { bottom: 0, type: 'scroll' },
      grid: { ...base.grid, bottom: 64 },
      xAxis: {
        type: 'category',
        name: plot.xName,
        nameLocation: 'middle',
        nameGap: 26,
        data: Array.from({ length: n }, (_, i) => String(i + 1)),
      },
      yAxis: { type: 'value', name: plot.yName, scale: true },
      series: plot.series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.data.map((v) => Number(v.toFixed(4))),
        showSymbol: false,
      })),
    };
  }
  if (plot.kind === 'heatmap') {
    const flat = plot.values.flat();
    return {
      ...base,
      grid: { ...base.grid, right: 90 },
      xAxis: {
        type: 'category',
        name: plot.xName,
        nameLocation: 'middle',
        nameGap: 30,
        data: plot.xLabels,
      },
      yAxis: {
        type: 'category',
        name: plot.yName,
        nameLocation: 'middle',
        nameGap: 44,
        data: plot.yLabels,
        inverse: true,
      },
      visualMap: {
        min: Math.min(...flat),
        max: Math.max(...flat),
        calculable: false,
        orient: 'vertical',
        right: 8,
        top: 'middle',
        inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
      },
      series: [
        {
          type: 'heatmap',
          data: plot.values.flatMap((row, i) => row.map((v, j) => [j, i, v])),
          label: { show: true, fontSize: 11 },
        },
      ],
    };
  }
  const xs = plot.points.map((p) => p[0]);
  const ys = plot.points.map((p) => p[1]);
  const lo = Math.min(...xs, ...ys);
  const hi = Math.max(...xs, ...ys);
  return {
    ...base,
    legend: { bottom: 0 },
    grid: { ...base.grid, bottom: 64 },
    xAxis: { type: 'value', name: plot.xName, nameLocation: 'middle', nameGap: 26, scale: true },
    yAxis: { type: 'value', name: plot.yName, nameLocation: 'middle', nameGap: 44, scale: true },
    series: [
      { type: 'scatter', name: 'test samples', data: plot.points, symbolSize: 5 },
      {
        type: 'line',
        name: 'y = x',
        data: [
          [lo, lo],
          [hi, hi],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', color: '#888' },
      },
    ],
  };
}

/**
 * Renders one plot to a standalone `<svg>` string.
 *
 * @param plot - the plot
 * @param width - pixels
 * @param height - pixels
 * @returns the SVG markup
 */
export function plotToSVG(plot: Plot, width = 560, height = 360): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(optionFor(plot));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
