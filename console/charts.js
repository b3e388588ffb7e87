// Charts for the console: Apache ECharts (served by dispatch from node_modules at vendor/, loaded
// on first use as a same-origin classic script, so the Content-Security-Policy's script-src 'self'
// holds), each beside an HTML table of exactly its numbers and a CSV download of that table.
import { h, loadVendorScript, saveBlob } from './dom.js';
import { lang, t } from './i18n.js';

/** window.echarts, loading vendor/echarts.min.js once. */
export function loadECharts() {
  return loadVendorScript('echarts.min.js', 'echarts').catch(() => Promise.reject(new Error(t('dashboard.noCharts'))));
}

const PALETTE = ['#1f6feb', '#c0392b', '#1e8e3e', '#b7791f', '#7a1e8f'];

/** A CSV document (UTF-8 with BOM, CRLF, RFC 4180 quoting) of a header and rows. */
export function toCsv(header, rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Hands a CSV to the browser as a Blob download (nothing goes into a URL but a blob: one). */
export function saveCsv(filename, header, rows) {
  saveBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

/**
 * One chart card: a title, a note, the chart and, beside it, a table of the same numbers and a
 * CSV download of that table. `data` is { categories: [{ label, full? }], series: [{ key, label }],
 * values: { [seriesKey]: number[] } }: one row per category, one column per series.
 * `kind` is 'bar' | 'stacked' | 'line'. Returns { el, draw(echarts), dispose() }.
 */
export function chartCard({ id, title, note, categoryHeader, data, kind = 'bar', filename }) {
  const header = [categoryHeader, ...data.series.map((s) => s.label)];
  const rows = data.categories.map((category, i) => [category.full ?? category.label, ...data.series.map((s) => data.values[s.key][i])]);
  const captionId = `${id}-caption`;
  const table = h(
    'table.figures',
    { id: `${id}-table` },
    h('caption.visually-hidden', { id: captionId }, t('dashboard.tableOf', { title })),
    h('thead', h('tr', header.map((text, i) => h('th', { scope: 'col', class: i ? 'num' : '' }, text)))),
    h(
      'tbody',
      rows.length
        ? rows.map(([first, ...numbers], r) =>
            h('tr', { dataset: { row: String(r) } }, h('th', { scope: 'row' }, first), numbers.map((n, c) => h('td.num', { dataset: { series: data.series[c].key } }, String(n)))),
          )
        : h('tr', h('td', { colSpan: header.length }, t('common.none'))),
    ),
  );
  const chart = h('div.chart', { id: `${id}-chart`, role: 'img', 'aria-label': t('dashboard.chartLabel', { title }) });
  const download = h(
    'button.small',
    { type: 'button', id: `${id}-csv`, 'aria-label': t('dashboard.csvOf', { title }), onclick: () => saveCsv(filename, header, rows) },
    t('dashboard.csv'),
  );
  const el = h(
    'section.card.chart-card',
    { id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    note ? h('p.muted.chart-note', note) : null,
    h(
      'div.chart-body',
      chart,
      // A region the keyboard can reach and scroll when the table is wider than the column.
      h('div.chart-side', h('div.table-wrap', { tabindex: '0', role: 'region', 'aria-labelledby': captionId }, table), h('div.actions', download)),
    ),
  );

  let instance;
  let observer;
  let rotate;
  const names = data.categories.map((c) => c.label);
  function fit() {
    if (!instance) return;
    const next = labelRotation(names, chart.clientWidth);
    if (next !== rotate) instance.setOption({ xAxis: { axisLabel: { rotate: next } } });
    rotate = next;
    instance.resize();
  }
  function draw(echarts) {
    instance = echarts.init(chart, null, { renderer: 'canvas', locale: lang() === 'en' ? 'EN' : 'ZH' });
    rotate = labelRotation(names, chart.clientWidth);
    instance.setOption(option(kind, data, rotate));
    observer = new ResizeObserver(fit);
    observer.observe(chart);
  }
  function dispose() {
    observer?.disconnect();
    instance?.dispose();
    instance = undefined;
  }
  return { el, draw, dispose };
}

/** Slanted axis labels when they would not fit side by side (a phone, many counties). */
function labelRotation(names, width) {
  const textWidth = (text) => [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e7f ? 12 : 7), 0);
  // Each category gets an equal band of the plot's width (less the value axis); labels are
  // centred on their bands, so two neighbours collide when their half-widths outgrow one band.
  const band = Math.max(width - 50, 0) / Math.max(names.length, 1);
  const widths = names.map(textWidth);
  const collide = widths.some((w, i) => i + 1 < widths.length && (w + widths[i + 1]) / 2 + 4 > band);
  return collide ? 35 : 0;
}

function option(kind, data, rotate) {
  const names = data.categories.map((c) => c.label);
  const series = data.series.map((s) => ({
    name: s.label,
    type: kind === 'line' ? 'line' : 'bar',
    stack: kind === 'stacked' ? 'total' : undefined,
    data: data.values[s.key],
    barMaxWidth: 28,
    symbolSize: 7,
    emphasis: { focus: 'series' },
  }));
  return {
    color: PALETTE,
    animation: false,
    // Drawn into the canvas: the HTML tooltip would write style="…" attributes the policy refuses.
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 12, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate, hideOverlap: false },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}
