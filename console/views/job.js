// One of the agency's jobs (#/job/<id>): its fill status (job-collection), its placements and the
// agency's outcome figures (dispatch), its ranked candidates with reasons and a masked summary
// (matching); edit and close. Only figures the APIs give: no per-job offers or acceptance rates
// exist for an agency to read.
import { closeJob, dispatchStats, getJob, jobCandidates, placementsPage, principal } from '../api.js';
import { badge, clear, errorBox, h, reasonsList, shortId, signedOutBox, wageText } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';

const CANDIDATES = 20;
const OUTCOME_MEASURES = ['dispatched', 'arrived', 'placed', 'checked3m', 'retained3m'];

export function render(main, { arg, navigate }) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  if (!arg) {
    navigate('#/jobs');
    return;
  }
  const facts = h('section.card', { id: 'job-facts' }, h('p.muted', t('common.loading')));
  const outcomes = h('section.card', { id: 'job-outcomes' }, h('h3', t('jobPage.outcomes')), h('p.muted', t('common.loading')));
  const candidates = h('section.card', { id: 'job-candidates' }, h('h3', t('jobPage.candidates')), h('p.muted', t('common.loading')));
  let alive = true;
  const when = (draw) => (value) => alive && draw(value);

  function load() {
    getJob(arg)
      .then(when((job) => clear(facts, factsView(job, { onClose: () => closeJob(arg).then(load) }))))
      .catch(when((error) => clear(facts, errorBox(error))));
    outcomeFigures(arg)
      .then(when((figures) => clear(outcomes, outcomesView(figures))))
      .catch(when((error) => clear(outcomes, h('h3', t('jobPage.outcomes')), errorBox(error))));
    jobCandidates(arg, CANDIDATES)
      .then(when(({ items }) => clear(candidates, candidatesView(items))))
      .catch(when((error) => clear(candidates, h('h3', t('jobPage.candidates')), errorBox(error))));
  }

  main.append(
    h(
      'div.toolbar',
      h('h2', t('jobPage.title')),
      h('div.actions', h('a', { href: '#/jobs' }, t('jobPage.back')), h('a', { href: `#/job-edit/${encodeURIComponent(arg)}`, id: 'job-edit' }, t('jobPage.edit')), h('button', { type: 'button', id: 'job-refresh', onclick: load }, t('common.refresh'))),
    ),
    h('div.grid-2', facts, outcomes),
    candidates,
  );
  load();
  return () => {
    alive = false;
  };
}

/** This job's placements (totals of GET /v1/placements) and the agency's own figures (GET /v1/dispatch/stats). */
async function outcomeFigures(jobId) {
  const [all, active, stats] = await Promise.all([
    placementsPage({ jobId, pageSize: 1 }),
    placementsPage({ jobId, active: 'true', pageSize: 1 }),
    dispatchStats(),
  ]);
  return { placements: all.total, activePlacements: active.total, agency: stats.totals, from: stats.from, to: stats.to };
}

function factsView(job, { onClose }) {
  const row = (key, value) => [h('dt', t(key)), h('dd', { dataset: { field: key.split('.')[1] } }, value ?? '—')];
  const open = job.status === 'open' || job.status === 'filled';
  return [
    h('h3', { id: 'job-heading' }, job.title, ' ', badge('kind', job.kind), job.instant ? h('span.badge.instant', t('job.instant')) : null),
    h(
      'div.fill',
      { id: 'job-fill', dataset: { filled: job.filled, headcount: job.headcount, status: job.status } },
      h('span.fill-figure', t('jobPage.filledOf', { filled: job.filled, headcount: job.headcount })),
      ' ',
      badge('jobStatus', job.status),
    ),
    h('div.seat-bar', h('span.seat-fill', { style: { width: `${Math.min(100, Math.round((100 * job.filled) / Math.max(job.headcount, 1)))}%` } })),
    h(
      'dl.facts',
      row('jobPage.wage', wageText(job.wage)),
      row('jobPage.place', [job.location.regionCode, job.location.address].filter(Boolean).join(' · ')),
      row('jobPage.term', [formatTime(job.startAt), formatTime(job.endAt)].filter(Boolean).join(' – ')),
      row('jobPage.skills', job.skills.length ? job.skills.map((s) => `${s.code}${s.minLevel ? ` ≥L${s.minLevel}` : ''}`).join('，') : t('common.none')),
      row('jobPage.occupation', job.occupationCode),
      row('jobPage.brand', job.laborBrandName ?? job.laborBrand),
      row('jobPage.version', String(job.version)),
      row('jobPage.updated', formatTime(job.updatedAt)),
    ),
    open ? closeControl(onClose) : null,
  ];
}

/** Closing is two steps: the first press asks, the second closes. */
function closeControl(onClose) {
  const message = h('span', { role: 'status' });
  const confirm = h('button.danger', { type: 'button', id: 'job-close-confirm', hidden: true, onclick: () => onClose().catch((error) => clear(message, errorBox(error))) }, t('jobPage.closeConfirm'));
  const ask = h(
    'button.danger',
    {
      type: 'button',
      id: 'job-close',
      onclick: () => {
        ask.hidden = true;
        confirm.hidden = false;
        confirm.focus();
        message.textContent = t('jobPage.closeQuestion');
      },
    },
    t('jobPage.close'),
  );
  return h('div.actions', ask, message, confirm);
}

function outcomesView({ placements, activePlacements, agency, from, to }) {
  const row = (id, text, value) => h('tr', { dataset: { figure: id } }, h('th', { scope: 'row' }, text), h('td.num', String(value)));
  return [
    h('h3', t('jobPage.outcomes')),
    h('h4', t('jobPage.thisJob')),
    h('table.figures', { id: 'job-placements' }, h('tbody', row('placements', t('jobPage.placements'), placements), row('activePlacements', t('jobPage.activePlacements'), activePlacements))),
    h('h4', t('jobPage.agencyFigures')),
    h('p.muted.chart-note', t('jobPage.agencyPeriod', { from: formatTime(from), to: formatTime(to) })),
    h('table.figures', { id: 'job-agency-figures' }, h('tbody', OUTCOME_MEASURES.map((measure) => row(measure, t(`jobPage.measure.${measure}`), agency[measure].total)))),
  ];
}

function candidatesView(items) {
  return [
    h('h3', t('jobPage.candidates'), ' ', h('span.muted', t('jobPage.candidateCount', { n: items.length }))),
    items.length
      ? h(
          'ol.job-list',
          { id: 'job-candidate-list' },
          items.map((item, index) =>
            h(
              'li.card.candidate',
              { dataset: { workerId: item.workerId } },
              h('div.match-head', h('span.score', t('feed.score', { score: Number(item.score).toFixed(2) })), ' ', h('code', shortId(item.workerId))),
              workerLine(item.worker),
              h('details.why', { open: index === 0 }, h('summary', t('feed.reasons')), reasonsList(item.reasons, item.score)),
            ),
          ),
        )
      : h('p.empty', t('jobPage.noCandidates')),
  ];
}

/** The masked summary matching gives an agency: no name, ID number, phone or location. */
function workerLine(w) {
  return h(
    'p.candidate-summary',
    [
      t('jobPage.age', { n: w.ageYears }),
      t('jobPage.home', { code: w.homeRegionCode }),
      w.skills.map((s) => `${s.code} L${s.level}`).join('，'),
      (w.kinds ?? []).map((k) => label('kind', k)).join('、'),
      w.willingToMigrate ? t('worker.willingToMigrate') : null,
      w.priority ? t('jobPage.priority') : null,
      t('jobPage.station', { id: w.stationId }),
    ]
      .filter(Boolean)
      .join(' · '),
  );
}
