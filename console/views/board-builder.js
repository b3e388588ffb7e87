// A new batch, built by picking (no id typed): jobs found by words, region and posting agency
// (matching's job search), the trip and its escort (带队联系人), then workers from the accepted
// matches for those jobs and from the willing-to-migrate list, never more than the seats.
import { addBatchWorkers, createBatch, searchJobs } from '../api.js';
import { clear, errorBox, field, h, jobSummary, pickList } from '../dom.js';
import { label, t } from '../i18n.js';
import { regionLabel, regionPicker } from '../region-picker.js';
import { workerPicker } from './board-picker.js';

const MODES = ['bus', 'train', 'flight'];

/** A datetime-local value as ISO-8601 with the browser's offset (2026-12-01T08:00:00+08:00). */
export function withOffset(local) {
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function tomorrowAtSeven() {
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  return new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60000).toISOString().slice(0, 11) + '07:00';
}

/** The builder; `done(batch, seatResult | error)` after the batch was created. */
export function batchBuilder(who, done) {
  const jobs = new Map();
  const message = h('div.message', { id: 'builder-message' });

  const jobStep = jobFinder(jobs, () => drawChosenJobs());
  const chosenJobs = h('ul.chosen-jobs', { id: 'builder-chosen-jobs' });
  const origin = regionPicker({ name: 'builder-origin', initial: who.region });
  const station = h('input', { id: 'builder-station', size: 22 });
  const address = h('input', { id: 'builder-address', required: true, size: 34 });
  const destination = h('output', { id: 'builder-destination', dataset: { code: '' } }, '—');
  const employer = h('input', { id: 'builder-employer', size: 22 });
  const departAt = h('input', { id: 'builder-depart', type: 'datetime-local', value: tomorrowAtSeven(), required: true });
  const mode = h('select', { id: 'builder-mode' }, MODES.map((m) => h('option', { value: m }, label('mode', m))));
  const capacity = h('input', { id: 'builder-capacity', type: 'number', min: 1, max: 2000, value: 45, required: true, size: 5 });
  const escort = escortFields();
  const submit = h('button.primary', { type: 'submit', id: 'builder-submit', disabled: true }, t('coord.createAndSeat'));
  const picker = workerPicker({ regionCode: who.region, limit: Number(capacity.value), onChange: () => updateSubmit() });
  capacity.addEventListener('input', () => Number(capacity.value) >= 1 && picker.setLimit(Number(capacity.value)));

  function firstJob() {
    return jobs.values().next().value;
  }

  function drawChosenJobs() {
    clear(
      chosenJobs,
      [...jobs.values()].map((hit) =>
        h('li', { dataset: { jobId: hit.jobId } }, hit.job.title, h('button.small.link', { type: 'button', 'aria-label': t('coord.unpickJob', { title: hit.job.title }), onclick: () => (jobs.delete(hit.jobId), jobStep.redraw(), drawChosenJobs()) }, '×')),
      ),
    );
    const first = firstJob();
    destination.dataset.code = first?.job.location.regionCode ?? '';
    clear(destination, first ? regionLabel(first.job.location.regionCode) : '—');
    if (first && !address.value) address.value = first.job.location.address ?? '';
    picker.setJobs(pickedJobs());
    updateSubmit();
  }

  /** The picked jobs as the worker picker lists their accepted matches. */
  function pickedJobs() {
    return [...jobs.values()].map((hit) => ({ jobId: hit.jobId, title: hit.job.title }));
  }

  function updateSubmit() {
    submit.disabled = jobs.size === 0 || picker.picked().length > Number(capacity.value);
  }

  async function create(event) {
    event.preventDefault();
    clear(message);
    const first = firstJob();
    const body = {
      originRegionCode: origin.value(),
      destination: { jobIds: [...jobs.keys()], regionCode: first.job.location.regionCode, address: address.value.trim() },
      departAt: withOffset(departAt.value),
      transport: { mode: mode.value, capacity: Number(capacity.value) },
    };
    if (station.value.trim()) body.originStationId = station.value.trim();
    if (employer.value.trim()) body.destination.employer = employer.value.trim();
    const contact = escort.value();
    if (contact) body.contact = contact;
    escort.showProblems();
    submit.disabled = true;
    let batch;
    try {
      batch = await createBatch(body);
    } catch (error) {
      if (!escort.showProblems(error)) clear(message, errorBox(error));
      updateSubmit();
      return;
    }
    const workerIds = picker.picked();
    if (!workerIds.length) return done(batch);
    try {
      done(batch, await addBatchWorkers(batch.id, workerIds));
    } catch (error) {
      done(batch, error);
    }
  }

  return h(
    'form.card.batch-builder',
    { id: 'batch-builder', onsubmit: create },
    h('h3', t('coord.newBatch')),
    h('section.builder-step', h('h4', t('coord.step1')), jobStep.el, h('p.muted', t('coord.chosenJobs')), chosenJobs),
    h(
      'section.builder-step',
      h('h4', t('coord.step2')),
      h('div.row', field(t('board.originRegion'), origin.el), field(t('board.originStation'), station)),
      h('div.row', field(t('coord.destRegion'), destination), field(t('board.address'), address), field(t('board.employer'), employer)),
      h('div.row', field(t('board.departAt'), departAt), field(t('board.mode'), mode), field(t('board.capacity'), capacity)),
      escort.el,
    ),
    h('section.builder-step', h('h4', t('coord.step3')), picker.el),
    h('div.actions', submit),
    message,
  );
}

/**
 * The escort's name and phone (带队联系人), both or neither: one left empty is sent as it is, so
 * that the API names it. The API's problems with either are shown beside them.
 */
function escortFields() {
  const name = h('input', { id: 'builder-contact-name', maxLength: 50, size: 12, autocomplete: 'off' });
  const phone = h('input', { id: 'builder-contact-phone', type: 'tel', maxLength: 32, size: 16, autocomplete: 'off', placeholder: t('coord.escortPhoneExample') });
  const problems = h('span.field-error', { id: 'builder-contact-error', role: 'alert' });
  const el = h(
    'div.row.escort',
    field(t('coord.escortName'), name),
    field(t('coord.escortPhone'), phone, h('span.field-hint.muted', t('coord.escortPhoneHint'))),
    problems,
  );

  function value() {
    const [n, p] = [name.value.trim(), phone.value.trim()];
    return n || p ? { name: n, phone: p } : undefined;
  }

  /** Marks the fields the API refused (`contact.name`, `contact.phone`); true when those were all its problems. */
  function showProblems(error) {
    const refused = (error?.details ?? []).filter((d) => d.field === 'contact' || d.field.startsWith('contact.'));
    for (const [key, input] of [['contact.name', name], ['contact.phone', phone]]) {
      if (refused.some((d) => d.field === key || d.field === 'contact')) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    clear(problems, refused.map((d) => `${t(d.field === 'contact.name' ? 'coord.escortName' : 'coord.escortPhone')}：${d.problem}`).join('；'));
    el.querySelector('[aria-invalid="true"]')?.focus();
    return refused.length > 0 && refused.length === error.details.length;
  }

  return { el, value, showProblems };
}

/** Step 1: search open jobs by words, region and posting agency, tick the ones the batch travels to. */
function jobFinder(jobs, onChange) {
  const q = h('input', { id: 'builder-q', type: 'search', size: 28 });
  const region = regionPicker({ name: 'builder-region' });
  const agency = h('input', { id: 'builder-agency', type: 'search', size: 24, maxLength: 100, placeholder: t('coord.jobAgencyExample'), autocomplete: 'off' });
  const results = h('div.job-results', { id: 'builder-jobs' });
  let hits = [];

  function redraw() {
    clear(
      results,
      pickList(hits, {
        row: (hit) => ({ className: '.job-pick', dataset: { jobId: hit.jobId }, checked: jobs.has(hit.jobId), content: jobSummary(hit.job, hit.job.agencyId) }),
        onToggle: (hit, on) => {
          if (on) jobs.set(hit.jobId, hit);
          else jobs.delete(hit.jobId);
          onChange();
        },
        empty: t('search.empty'),
      }),
    );
  }

  async function search() {
    const body = { page: 1, pageSize: 20 };
    if (q.value.trim()) body.q = q.value.trim();
    if (region.value()) body.regionCode = region.value();
    if (agency.value.trim()) body.agencyId = agency.value.trim();
    clear(results, h('p.muted', t('common.loading')));
    try {
      hits = (await searchJobs(body)).items;
      redraw();
    } catch (error) {
      clear(results, errorBox(error));
    }
  }

  const el = h(
    'div.job-finder',
    h(
      'div.row',
      field(t('coord.jobWords'), q),
      field(t('coord.jobRegion'), region.el),
      field(t('coord.jobAgency'), agency),
      h('button', { type: 'button', id: 'builder-search', onclick: search }, t('search.submit')),
    ),
    results,
  );
  // Enter in the words or agency field searches instead of submitting the whole batch form.
  for (const input of [q, agency]) input.addEventListener('keydown', (event) => event.key === 'Enter' && (event.preventDefault(), search()));
  return { el, redraw };
}
