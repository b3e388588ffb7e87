// A worker's page: the masked profile and its editable defaults, the status history with a new
// status recorded (worker-profiles), follow-ups and flexible income (worker-profiles), placements
// (dispatch), training suggestions and the ranked matching jobs with reasons (matching), and the
// complaints filed for the worker (job-collection, GET /v1/complaints?workerId=).
import {
  certificates, getWorker, patchWorker, placementsPage, principal, recordEmploymentStatus, recordFollowUp, recordIncome, trainingSuggestions, workerComplaints, workerFollowUps, workerIncome,
  skills, workerMatches, workerStatusHistory,
} from '../api.js';
import { badge, errorBox, field, h, jobSummary, reasonsList, signedOutBox, clear } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { codeList, namedCodes, referenceSearch } from '../reference-search.js';
import { regionLabel, regionPicker } from '../region-picker.js';
import { STATUSES } from './workers.js';

const GROUPS = ['poverty_alleviated', 'monitoring_target', 'relocated'];
const BASES = ['residence', 'employment', 'insured'];
const FOLLOW_UP_KINDS = ['call', 'visit'];
const FOLLOW_UP_OUTCOMES = ['employed', 'unemployed', 'unstable', 'unreachable'];

export function render(main, { arg, navigate }) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  main.append(h('h2', t('worker.title')));
  if (!arg) {
    // Workers are opened from a list, a lookup or the feed, never by typing an id.
    main.append(h('p', h('a', { href: '#/workers' }, t('worker.findInList'))));
    return;
  }

  // A bureau reads a worker but neither changes one nor gets training suggestions (station, admin).
  const mayChange = ['station', 'admin'].includes(principal().role);
  let alive = true;
  const reload = () => alive && navigate(`#/worker/${encodeURIComponent(arg)}`);
  const section = (id, title) => h('section.card', { id }, h('h3', t(title)), h('p.muted', t('common.loading')));
  const profile = h('section.card.profile', { id: 'worker-profile' }, h('p.muted', t('common.loading')));
  const history = section('worker-history', 'worker.history');
  const followUps = section('worker-follow-ups', 'worker.followUps');
  const income = section('worker-income', 'worker.income');
  const placements = section('worker-placements', 'worker.placements');
  const training = section('worker-training', 'worker.training');
  const matches = section('worker-matches', 'worker.matches');
  const complaints = section('worker-complaints', 'worker.complaints');
  main.append(h('div.grid-2.worker-page', h('div.column', profile, history, followUps, income), h('div.column', matches, mayChange ? training : null, placements, complaints)));

  /** Fills `box` (title kept) with what `load` gives, drawn by `draw`; an error in place of it. */
  const fill = (box, title, load, draw) =>
    load()
      .then((data) => alive && clear(box, h('h3', t(title)), draw(data)))
      .catch((error) => alive && clear(box, h('h3', t(title)), errorBox(error)));

  getWorker(arg)
    .then((worker) => {
      if (!alive) return;
      clear(profile, ...profileView(worker), mayChange ? editForm(worker, reload) : null);
      fill(history, 'worker.history', () => workerStatusHistory(arg), (entries) => [historyView(entries), mayChange ? statusForm(worker, reload) : null]);
    })
    .catch((error) => {
      if (!alive) return;
      clear(profile, h('h3', t('worker.profile')), errorBox(error));
      clear(history, h('h3', t('worker.history')));
    });
  fill(followUps, 'worker.followUps', () => workerFollowUps(arg), (items) => [followUpsView(items), mayChange ? followUpForm(arg, reload) : null]);
  fill(income, 'worker.income', () => workerIncome(arg), ({ months }) => [incomeView(months), mayChange ? incomeForm(arg, reload) : null]);
  fill(placements, 'worker.placements', () => placementsPage({ workerId: arg, pageSize: 50 }), ({ items }) => placementsView(items));
  if (mayChange) fill(training, 'worker.training', () => trainingSuggestions(arg), ({ items }) => trainingView(items));
  fill(matches, 'worker.matches', () => workerMatches(arg, 20), ({ items }) => matchesView(items));
  fill(complaints, 'worker.complaints', () => workerComplaints(arg), ({ items }) => complaintsView(items));

  return () => {
    alive = false;
  };
}

/** Today in China (YYYY-MM-DD), the calendar the API's dates are in. */
function chinaToday() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A form that sends `body()` with `send`, then reloads the page; the API's error in place otherwise. */
/** A form that sends, then reloads the page; `ready` holds the button until its pickers are filled. */
function actionForm(id, children, send, reload, submitText, ready) {
  const message = h('div.form-message');
  const submit = h('button.primary', { type: 'submit', id: `${id}-submit`, disabled: Boolean(ready) }, submitText);
  ready?.finally(() => (submit.disabled = false));
  const onSubmit = async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await send();
      reload();
    } catch (error) {
      submit.disabled = false;
      clear(message, errorBox(error));
    }
  };
  return h('form.record-form', { id, onsubmit: onSubmit }, children, h('div.actions', submit), message);
}

function select(id, values, prefix, selected) {
  return h('select', { id, name: id }, values.map((value) => h('option', { value, selected: value === selected }, label(prefix, value))));
}

function profileView(w) {
  const row = (key, value) => [h('dt', t(key)), h('dd', { dataset: { field: key.split('.')[1] } }, value ?? '—')];
  const prefs = w.preferences ?? {};
  const status = w.employmentStatus ?? {};
  return [
    h('h3', t('worker.profile')),
    h(
      'dl.facts',
      row('worker.name', w.fullName ?? w.name),
      row('worker.idNumber', w.idNumber),
      row('worker.phone', w.phone),
      row('worker.gender', w.gender ? t(`worker.gender.${w.gender}`) : undefined),
      row('worker.age', w.ageYears),
      row('worker.home', regionLabel(w.homeRegionCode)),
      row('worker.residence', regionLabel(w.residenceRegionCode)),
      row('worker.station', w.stationId),
      row('worker.skills', namedCodes(skills, w.skills ?? [])),
      row('worker.certificates', namedCodes(certificates, w.certificates ?? [])),
      row('worker.priorityGroups', w.priorityGroups?.length ? w.priorityGroups.map((g) => badge('group', g)) : t('common.none')),
      row(
        'worker.preferences',
        [
          (prefs.kinds ?? []).map((k) => label('kind', k)).join('、'),
          prefs.willingToMigrate ? t('worker.willingToMigrate') : null,
          prefs.maxCommuteKm !== undefined ? t('worker.maxCommuteKm', { km: prefs.maxCommuteKm }) : null,
          prefs.minWage ? `≥ ${prefs.minWage.amount} ${label('wage', prefs.minWage.unit)}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
    ),
    h(
      'div.status-box',
      { id: 'worker-status', dataset: { status: status.status } },
      h('h4', t('worker.status')),
      h('p', badge('status', status.status), ' ', h('span', { class: w.available ? 'ok' : 'muted' }, w.available ? t('worker.available') : t('worker.unavailable'))),
      status.effectiveDate ? h('p.muted', t('worker.effective', { date: status.effectiveDate }), ' · ', regionLabel(status.regionCode)) : null,
      status.employer ? h('p.muted', t('worker.employer', { employer: status.employer })) : null,
    ),
  ];
}

/** What registration left at its defaults: regions, skills, priority groups, willingness to migrate (PATCH). */
function editForm(w, reload) {
  const home = regionPicker({ name: 'edit-home', initial: w.homeRegionCode });
  const residence = regionPicker({ name: 'edit-residence', initial: w.residenceRegionCode });
  const skillList = codeList({ id: 'edit-skills', levels: 'exact', initial: w.skills, search: skills });
  const skillSearch = referenceSearch({ id: 'edit-skill-search', search: skills, describe: (s) => `${s.name} · ${s.code}`, onPick: (s) => skillList.add(s.code, s.name) });
  const groups = GROUPS.map((g) => h('input', { type: 'checkbox', name: 'edit-group', value: g, checked: w.priorityGroups.includes(g) }));
  const migrate = h('input', { id: 'edit-migrate', type: 'checkbox', checked: Boolean(w.preferences?.willingToMigrate) });
  const body = () => ({
    homeRegionCode: home.value(),
    residenceRegionCode: residence.value(),
    skills: skillList.values().map(({ code, level }) => ({ code, level })),
    priorityGroups: groups.filter((box) => box.checked).map((box) => box.value),
    preferences: { willingToMigrate: migrate.checked },
  });
  return h(
    'details.edit',
    { id: 'worker-edit' },
    h('summary', t('worker.edit')),
    actionForm(
      'worker-edit-form',
      [
        h('fieldset', h('legend', t('worker.home')), home.el),
        h('fieldset', h('legend', t('worker.residence')), residence.el),
        h('fieldset', h('legend', t('worker.skills')), field(t('refs.findSkill'), skillSearch.input), skillSearch.hits, skillList.el),
        h('fieldset', h('legend', t('worker.priorityGroups')), groups.map((box) => h('label.check', box, label('group', box.value)))),
        h('label.check', migrate, t('worker.willingToMigrate')),
      ],
      () => patchWorker(w.id, body()),
      reload,
      t('common.save'),
      Promise.all([home.ready, residence.ready]),
    ),
  );
}

function historyView(history) {
  return h(
    'ol.history',
    history.map((entry) =>
      h(
        'li',
        { dataset: { status: entry.status } },
        `${entry.effectiveDate} · ${label('status', entry.status)} · `,
        regionLabel(entry.regionCode),
        `${entry.employer ? ` · ${entry.employer}` : ''} · ${formatTime(entry.recordedAt)}`,
      ),
    ),
  );
}

/** Records a new status (for unemployment: where it is registered, 九). */
function statusForm(w, reload) {
  const status = select('status-new', STATUSES, 'status', 'unemployed');
  const date = h('input', { id: 'status-date', type: 'date', required: true, value: chinaToday(), max: chinaToday() });
  const region = regionPicker({ name: 'status-region', initial: w.residenceRegionCode });
  const basis = select('status-basis', BASES, 'registeredAt', 'residence');
  const employer = h('input', { id: 'status-employer', maxLength: 200 });
  const body = () => ({
    status: status.value,
    effectiveDate: date.value,
    regionCode: region.value(),
    ...(status.value === 'unemployed' ? { registeredAt: basis.value } : {}),
    ...(employer.value.trim() ? { employer: employer.value.trim() } : {}),
  });
  return h(
    'div.record',
    h('h4', t('worker.recordStatus')),
    actionForm(
      'status-form',
      [field(t('worker.newStatus'), status), field(t('worker.effectiveDate'), date), h('fieldset', h('legend', t('worker.statusRegion')), region.el), field(t('worker.basis'), basis), field(t('worker.employerField'), employer)],
      () => recordEmploymentStatus(w.id, body()),
      reload,
      t('worker.record'),
      region.ready,
    ),
  );
}

function followUpsView(items) {
  if (!items.length) return h('p.empty', t('common.none'));
  return h(
    'ol.follow-ups',
    items.map((f) =>
      h('li', { dataset: { kind: f.kind, outcome: f.outcome } }, `${formatTime(f.at)} · ${label('followUp.kind', f.kind)} · ${label('followUp.outcome', f.outcome)}${f.note ? ` · ${f.note}` : ''}`),
    ),
  );
}

/** Logs a call or visit, now. */
function followUpForm(workerId, reload) {
  const kind = select('follow-up-kind', FOLLOW_UP_KINDS, 'followUp.kind', 'call');
  const outcome = select('follow-up-outcome', FOLLOW_UP_OUTCOMES, 'followUp.outcome', 'employed');
  const note = h('textarea', { id: 'follow-up-note', rows: 2, maxLength: 1000 });
  return actionForm(
    'follow-up-form',
    [field(t('worker.followUpKind'), kind), field(t('worker.followUpOutcome'), outcome), field(t('worker.followUpNote'), note)],
    () => recordFollowUp(workerId, { kind: kind.value, outcome: outcome.value, at: new Date().toISOString(), ...(note.value.trim() ? { note: note.value.trim() } : {}) }),
    reload,
    t('worker.logFollowUp'),
  );
}

function incomeView(months) {
  if (!months.length) return h('p.empty', t('common.none'));
  return h('ol.income', months.map((m) => h('li', { dataset: { month: m.month } }, t('worker.incomeMonth', { month: m.month, amount: m.flexibleIncome }))));
}

/** Records a month's flexible income (CNY). */
function incomeForm(workerId, reload) {
  const month = h('input', { id: 'income-month', type: 'month', required: true, value: chinaToday().slice(0, 7), max: chinaToday().slice(0, 7) });
  const amount = h('input', { id: 'income-amount', type: 'number', required: true, min: 0, step: 0.01, size: 8 });
  return actionForm(
    'income-form',
    [field(t('worker.incomeMonthField'), month), field(t('worker.incomeAmount'), amount)],
    () => recordIncome(workerId, { month: month.value, flexibleIncome: Number(amount.value) }),
    reload,
    t('worker.record'),
  );
}

function placementsView(items) {
  if (!items.length) return h('p.empty', t('common.none'));
  return h(
    'ol.placements',
    items.map((p) =>
      h(
        'li',
        { dataset: { placementId: p.id, active: p.active } },
        `${p.employer?.name ?? '—'} · ${p.regionCode} · ${p.startDate}${p.endDate ? ` – ${p.endDate}` : ''} · ${p.active ? t('worker.placementActive') : t('worker.placementEnded')}`,
        p.checks?.length ? h('span.muted', ` · ${p.checks.map((c) => t('worker.placementCheck', { months: c.afterMonths, ok: c.stillEmployed ? '✓' : '✗' })).join(' ')}`) : null,
      ),
    ),
  );
}

function complaintsView(items) {
  if (!items.length) return h('p.empty', t('common.none'));
  return h(
    'ol.complaints',
    items.map((c) =>
      h(
        'li',
        { dataset: { complaintId: c.id, status: c.status } },
        t('worker.complaintLine', {
          kind: label('complaintKind', c.kind),
          employer: c.employer?.name ?? '—',
          amount: c.amount == null ? '—' : `${c.amount} 元`,
          status: label('dashboard.complaint', c.status),
          filed: formatTime(c.filedAt),
        }),
      ),
    ),
  );
}

function trainingView(items) {
  if (!items.length) return h('p.empty', t('common.none'));
  return h(
    'ol.training',
    items.map((c) =>
      h(
        'li',
        { dataset: { courseId: c.courseId } },
        h('strong', c.title),
        ` · ${c.skill?.name ?? c.skill?.code ?? ''} · ${c.regionCode} · ${c.startDate} – ${c.endDate}${c.subsidized ? ` · ${t('worker.subsidized')}` : ''}`,
        h('div.muted', t('worker.opensJobs', { n: c.opensJobCount })),
      ),
    ),
  );
}

function matchesView(items) {
  if (!items.length) return h('p.empty', t('worker.noMatches'));
  return h(
    'ol.job-list',
    items.map((item) =>
      h(
        'li.card.worker-match',
        { dataset: { jobId: item.jobId } },
        h('div.match-head', h('span.score', t('feed.score', { score: Number(item.score).toFixed(2) }))),
        jobSummary(item.job),
        h('details.why', h('summary', t('feed.reasons')), reasonsList(item.reasons, item.score)),
      ),
    ),
  );
}
