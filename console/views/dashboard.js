// The bureau's dashboard (劳动就业局): five charts of figures the apps already publish, each with
// its numbers as a table and a CSV download of that table.
// - lists by area: GET /v1/lists/{employed|unemployed|willing-to-migrate}?regionCode= (total) per
//   county of the chosen city (per city of a province; the county itself for a county);
// - monthly monitoring, last 6 China months: GET /v1/monitoring/summary?regionCode=&months=;
// - placements and 3-month retention by priority group: GET /v1/dispatch/stats (the caller's scope);
// - follow-ups due by area and reason: GET /v1/follow-ups/due/summary?regionCode= (counts by home county);
// - complaints by status: GET /v1/complaints?regionCode=&status= (total).
// Requests run a few at a time and are bounded (areas).
import { complaintsPage, dispatchStats, followUpsDueSummary, listPage, monitoringSummary, principal, regions } from '../api.js';
import { chartCard, loadECharts } from '../charts.js';
import { clear, errorBox, h, signedOutBox } from '../dom.js';
import { label, lang, t } from '../i18n.js';
import { regionPicker } from '../region-picker.js';
import { mapWithConcurrency, regionLevel, regionPrefix } from '../util.js';

const LISTS = ['employed', 'unemployed', 'willing-to-migrate'];
const MONTHS = 6;
/** At most this many areas (a city has about 10–20 counties, a province up to 21 cities). */
const MAX_AREAS = 40;
const PARALLEL = 6;
const GROUPS = ['poverty_alleviated', 'monitoring_target', 'relocated'];
const COMPLAINT_STATUSES = ['received', 'accepted', 'resolved', 'rejected'];
const DUE_REASONS = ['none_this_month', 'past_due'];

const inParallel = (tasks) => mapWithConcurrency(tasks, PARALLEL);

const monthName = (month) =>
  new Intl.DateTimeFormat(lang(), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** The areas the by-area charts show: the children of the region, or the region itself. */
async function areasOf(region) {
  const children = region.level === 'county' ? [] : await regions(region.code);
  const list = children.length ? children : [region];
  return list.slice(0, MAX_AREAS).map((r) => ({ code: r.code, label: r.name ?? r.code, full: r.name ? `${r.name} ${r.code}` : r.code }));
}

async function listsFigures(areas) {
  const totals = await inParallel(areas.flatMap((area) => LISTS.map((kind) => () => listPage(kind, area.code).then((p) => p.total))));
  const values = Object.fromEntries(LISTS.map((kind, k) => [kind, areas.map((_, a) => totals[a * LISTS.length + k])]));
  return { categories: areas, series: LISTS.map((kind) => ({ key: kind, label: t(`dashboard.lists.${kind}`) })), values };
}

/**
 * Per month: 就业 (status at the month's end employed), 未就业 (unemployed at any time in the month)
 * and 失联 (the last follow-up up to the month's end was unreachable), counted by worker-profiles.
 */
async function monitoringFigures(regionCode) {
  const { months } = await monitoringSummary(regionCode, MONTHS);
  const keys = ['monitored', 'employed', 'unemployed', 'unreachable'];
  return {
    // Short month names on the axis (7月, Jul), the full YYYY-MM in the table and the CSV.
    categories: months.map((m) => ({ label: monthName(m.month), full: m.month })),
    series: keys.map((key) => ({ key, label: t(`dashboard.monitoring.${key}`) })),
    values: Object.fromEntries(keys.map((key) => [key, months.map((m) => m[key])])),
  };
}

async function placementFigures() {
  const stats = await dispatchStats();
  const rows = ['total', ...GROUPS];
  const count = (measure, row) => (row === 'total' ? stats.totals[measure].total : (stats.totals[measure].byPriorityGroup[row] ?? 0));
  const measures = ['placed', 'checked3m', 'retained3m'];
  return {
    categories: rows.map((row) => (row === 'total' ? { label: t('dashboard.all'), full: t('dashboard.allWorkers') } : { label: label('group', row) })),
    series: measures.map((m) => ({ key: m, label: t(`dashboard.placements.${m}`) })),
    values: Object.fromEntries(measures.map((m) => [m, rows.map((row) => count(m, row))])),
    period: { from: stats.from, to: stats.to },
  };
}

async function dueFigures(regionCode, areas) {
  const { counts } = await followUpsDueSummary(regionCode);
  const rows = areas.map((area) => ({ ...area, prefix: regionPrefix(area.code) }));
  const other = { code: '', label: t('dashboard.otherArea'), full: t('dashboard.otherArea'), prefix: null };
  const totals = new Map([...rows, other].map((row) => [row, Object.fromEntries(DUE_REASONS.map((r) => [r, 0]))]));
  for (const { homeRegionCode, reason, count } of counts) {
    const row = rows.find((r) => homeRegionCode.startsWith(r.prefix)) ?? other;
    totals.get(row)[reason] = (totals.get(row)[reason] ?? 0) + count;
  }
  const shown = DUE_REASONS.some((r) => totals.get(other)[r] > 0) ? [...rows, other] : rows;
  return {
    categories: shown,
    series: DUE_REASONS.map((r) => ({ key: r, label: t(`dashboard.due.${r}`) })),
    values: Object.fromEntries(DUE_REASONS.map((r) => [r, shown.map((row) => totals.get(row)[r])])),
  };
}

async function complaintFigures(regionCode) {
  const totals = await inParallel(COMPLAINT_STATUSES.map((status) => () => complaintsPage(regionCode, status).then((p) => p.total)));
  return {
    categories: COMPLAINT_STATUSES.map((status) => ({ label: t(`dashboard.complaint.${status}`) })),
    series: [{ key: 'complaints', label: t('dashboard.complaints.count') }],
    values: { complaints: totals },
  };
}

/** The stats' period in China dates; from the beginning when `from` is the epoch (the API's default). */
function periodText({ from, to }) {
  const day = (iso) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
  return new Date(from).getTime() <= 0 ? t('dashboard.periodUntil', { to: day(to) }) : t('dashboard.period', { from: day(from), to: day(to) });
}

export function render(main) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  if (who.role !== 'bureau' && who.role !== 'admin') {
    main.append(h('h2', t('dashboard.title')), h('p.notice', t('dashboard.onlyBureau')));
    return;
  }
  const home = who.region && who.region !== '100000' ? who.region : '';
  const picker = regionPicker({ name: 'dashboard-region', initial: home });
  const status = h('p.muted', { id: 'dashboard-status', role: 'status', 'aria-live': 'polite' });
  const grid = h('div.dashboard', { id: 'dashboard-charts' });
  let cards = [];
  let generation = 0;

  function disposeCards() {
    for (const card of cards) card.dispose();
    cards = [];
  }

  async function load() {
    const mine = ++generation;
    disposeCards();
    const chosen = picker.region();
    const regionCode = chosen?.code ?? home;
    if (!regionCode) {
      clear(grid);
      clear(status, t('dashboard.chooseRegion'));
      return;
    }
    const region = chosen ?? { code: regionCode, name: undefined, level: regionLevel(regionCode) };
    grid.dataset.state = 'loading';
    clear(status, t('common.loading'));
    clear(grid);
    const echartsReady = loadECharts();
    echartsReady.catch(() => undefined); // each card reports it; not an unhandled rejection when every card failed first
    const areas = areasOf(region);
    const sections = [
      {
        id: 'chart-lists',
        title: t('dashboard.lists.title'),
        note: t('dashboard.lists.note', { region: region.code }),
        categoryHeader: t('dashboard.area'),
        kind: 'bar',
        figures: () => areas.then(listsFigures),
      },
      {
        id: 'chart-monitoring',
        title: t('dashboard.monitoring.title', { n: MONTHS }),
        note: t('dashboard.monitoring.note'),
        categoryHeader: t('dashboard.month'),
        kind: 'line',
        figures: () => monitoringFigures(region.code),
      },
      {
        id: 'chart-placements',
        title: t('dashboard.placements.title'),
        note: t('dashboard.placements.note', { region: who.role === 'admin' ? t('dashboard.everywhere') : who.region }),
        categoryHeader: t('dashboard.group'),
        kind: 'bar',
        figures: placementFigures,
      },
      {
        id: 'chart-due',
        title: t('dashboard.due.title'),
        note: t('dashboard.due.note'),
        categoryHeader: t('dashboard.area'),
        kind: 'stacked',
        figures: () => areas.then((list) => dueFigures(region.code, list)),
      },
      {
        id: 'chart-complaints',
        title: t('dashboard.complaints.title'),
        note: t('dashboard.complaints.note'),
        categoryHeader: t('dashboard.complaintStatus'),
        kind: 'bar',
        figures: () => complaintFigures(region.code),
      },
    ];
    const slots = sections.map((section) => {
      const slot = h('section.card.chart-card', { id: section.id, 'aria-busy': 'true' }, h('h3', section.title), h('p.muted', t('common.loading')));
      grid.append(slot);
      return slot;
    });
    let failed = 0;
    await Promise.all(
      sections.map(async (section, i) => {
        let card;
        try {
          const data = await section.figures();
          const echarts = await echartsReady;
          if (mine !== generation) return;
          const note = data.period ? `${section.note} ${periodText(data.period)}` : section.note;
          card = chartCard({ ...section, note, data, filename: `laowu-${section.id.replace('chart-', '')}-${region.code}.csv` });
          slots[i].replaceWith(card.el);
          cards.push(card);
          card.draw(echarts);
          card.el.dataset.state = 'ready';
        } catch (error) {
          if (mine !== generation) return;
          failed++;
          card?.dispose();
          const box = h('section.card.chart-card', { id: section.id, dataset: { state: 'error' } }, h('h3', section.title), errorBox(error));
          (card?.el.isConnected ? card.el : slots[i]).replaceWith(box);
        }
      }),
    );
    if (mine !== generation) return;
    grid.dataset.state = 'ready';
    clear(status, failed ? t('dashboard.someFailed', { n: failed }) : t('dashboard.loaded', { region: region.name ? `${region.name} ${region.code}` : region.code }));
  }

  const form = h(
    'form.inline.card.dashboard-form',
    {
      id: 'dashboard-form',
      onsubmit: (event) => {
        event.preventDefault();
        void load();
      },
    },
    h('fieldset', h('legend', t('dashboard.region')), picker.el),
    h('button.primary', { type: 'submit', id: 'dashboard-refresh' }, t('dashboard.show')),
  );

  main.append(h('h2', t('dashboard.title')), h('p.muted', t('dashboard.intro')), form, status, grid);
  void picker.ready.then(() => load());
  return () => {
    generation++;
    disposeCards();
  };
}
