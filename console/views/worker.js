// A worker's page: the masked profile and current status (worker-profiles), their ranked
// matching jobs with reasons (matching).
import { getWorker, principal, workerMatches, workerStatusHistory } from '../api.js';
import { badge, errorBox, field, h, jobSummary, reasonsList, signedOutBox, clear } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';

export function render(main, { arg, navigate }) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  const idInput = h('input', { id: 'worker-id', value: arg ?? '', size: 40, required: true, pattern: '[0-9a-fA-F-]{36}', placeholder: 'xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx' });
  const profile = h('section.card.profile', { id: 'worker-profile' });
  const matches = h('section.card', { id: 'worker-matches' });
  main.append(
    h(
      'div.toolbar',
      h('h2', t('worker.title')),
      h(
        'form.inline',
        { onsubmit: (event) => (event.preventDefault(), navigate(`#/worker/${encodeURIComponent(idInput.value.trim())}`)) },
        field(t('worker.id'), idInput),
        h('button.primary', { type: 'submit', id: 'worker-open' }, t('worker.open')),
      ),
    ),
    arg ? h('div.grid-2', profile, matches) : null,
  );
  if (!arg) return;

  let alive = true;
  profile.append(h('p.muted', t('common.loading')));
  matches.append(h('h3', t('worker.matches')), h('p.muted', t('common.loading')));

  getWorker(arg)
    .then(async (worker) => {
      if (!alive) return;
      clear(profile, ...profileView(worker));
      const history = await workerStatusHistory(arg).catch(() => undefined);
      if (alive && Array.isArray(history) && history.length) profile.append(historyView(history));
    })
    .catch((error) => alive && clear(profile, h('h3', t('worker.profile')), errorBox(error)));

  workerMatches(arg, 20)
    .then(({ items }) => {
      if (!alive) return;
      clear(matches, 
        h('h3', t('worker.matches')),
        items.length
          ? h(
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
            )
          : h('p.empty', t('worker.noMatches')),
      );
    })
    .catch((error) => alive && clear(matches, h('h3', t('worker.matches')), errorBox(error)));

  return () => {
    alive = false;
  };
}

function profileView(w) {
  const row = (key, value) => [h('dt', t(key)), h('dd', { dataset: { field: key.split('.')[1] } }, value ?? '—')];
  const skills = (list) => (list?.length ? list.map((s) => `${s.code} L${s.level}`).join('，') : t('common.none'));
  const prefs = w.preferences ?? {};
  const status = w.employmentStatus ?? {};
  return [
    h('h3', t('worker.profile')),
    h(
      'dl.facts',
      row('worker.name', w.name),
      row('worker.idNumber', w.idNumber),
      row('worker.phone', w.phone),
      row('worker.gender', w.gender ? t(`worker.gender.${w.gender}`) : undefined),
      row('worker.age', w.ageYears),
      row('worker.home', w.homeRegionCode),
      row('worker.residence', w.residenceRegionCode),
      row('worker.station', w.stationId),
      row('worker.skills', skills(w.skills)),
      row('worker.certificates', skills(w.certificates)),
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
      status.effectiveDate ? h('p.muted', t('worker.effective', { date: status.effectiveDate, region: status.regionCode })) : null,
      status.employer ? h('p.muted', t('worker.employer', { employer: status.employer })) : null,
    ),
  ];
}

function historyView(history) {
  return h(
    'details.history',
    h('summary', t('worker.history')),
    h(
      'ol',
      history.map((entry) => h('li', `${entry.effectiveDate} · ${label('status', entry.status)} · ${entry.regionCode}${entry.employer ? ` · ${entry.employer}` : ''} · ${formatTime(entry.recordedAt)}`)),
    ),
  );
}
