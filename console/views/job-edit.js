// An agency posts a job (#/job-edit, POST /v1/jobs) or replaces one (#/job-edit/<id>, PUT: the
// whole job, so the form is filled from GET /v1/jobs/{id} first). Codes come from the reference
// pickers; the API's own field messages (400/422 `details`) are shown next to their fields.
import { certificates, createJob, getJob, laborBrands, occupations, principal, replaceJob, skills } from '../api.js';
import { clear, errorBox, field, h, showFieldProblems, signedOutBox, splitList } from '../dom.js';
import { label, t } from '../i18n.js';
import { codeList, referenceName, referenceSearch } from '../reference-search.js';
import { regionPicker } from '../region-picker.js';

export const KINDS = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];
const WAGE_UNITS = ['hour', 'day', 'month', 'piece'];
const BENEFITS = ['housing', 'meals', 'transport', 'injuryInsurance'];

export function render(main, { arg, navigate }) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  const place = h('div', h('p.muted', t('common.loading')));
  main.append(h('h2', arg ? t('jobEdit.editTitle') : t('jobEdit.newTitle')), place);
  let alive = true;
  const loaded = arg ? getJob(arg) : Promise.resolve(undefined);
  loaded
    .then((job) => alive && clear(place, jobForm(job, navigate)))
    .catch((error) => alive && clear(place, errorBox(error)));
  return () => {
    alive = false;
  };
}

function jobForm(job, navigate) {
  const boxes = new Map();
  const input = (id, attrs = {}) => h('input', { id: `job-${id}`, ...attrs });
  const select = (id, values, prefix, chosen) =>
    h('select', { id: `job-${id}` }, values.map((value) => h('option', { value, selected: String(value) === String(chosen) }, prefix ? label(prefix, value) : String(value))));
  /** A labelled field with a place for the API's messages about `key` (and the fields under it). */
  const box = (key, text, control) => {
    const message = h('span.field-error', { id: `job-error-${key.replace(/\W/g, '-')}` });
    const el = control.matches('fieldset') ? (control.append(message), control) : field(text, control, message);
    el.dataset.field = key;
    boxes.set(key, { el, message });
    return el;
  };

  const title = input('title', { value: job?.title ?? '', size: 36, maxlength: 200, required: true });
  const description = h('textarea', { id: 'job-description', rows: 3, cols: 48, maxlength: 5000 }, job?.description ?? '');
  const externalId = input('external-id', { value: job?.externalId ?? '', size: 20, maxlength: 100, readOnly: Boolean(job) });
  const kind = select('kind', KINDS, 'kind', job?.kind ?? 'gig');
  const headcount = input('headcount', { type: 'number', min: 1, max: 100000, step: 1, size: 6, value: job?.headcount ?? '', required: true });
  const wageMin = input('wage-min', { type: 'number', min: 0, step: 'any', size: 7, value: job?.wage.min ?? '', required: true });
  const wageMax = input('wage-max', { type: 'number', min: 0, step: 'any', size: 7, value: job?.wage.max ?? '', required: true });
  const wageUnit = select('wage-unit', WAGE_UNITS, 'wage', job?.wage.unit ?? 'day');
  const lat = input('lat', { type: 'number', step: 'any', min: -90, max: 90, size: 9, value: job?.location.lat ?? '' });
  const lon = input('lon', { type: 'number', step: 'any', min: -180, max: 180, size: 9, value: job?.location.lon ?? '' });
  const address = input('address', { value: job?.location.address ?? '', size: 30, maxlength: 500 });
  const region = regionPicker({
    name: 'job-region',
    initial: job?.location.regionCode ?? '',
    // The region's centre, to start from; the agency may move the point.
    onChange: (code, chosen) => {
      lat.value = chosen?.lat ?? '';
      lon.value = chosen?.lon ?? '';
    },
  });
  const startAt = input('start-at', { type: 'datetime-local', value: toLocalInput(job?.startAt) });
  const endAt = input('end-at', { type: 'datetime-local', value: toLocalInput(job?.endAt) });
  const instant = input('instant', { type: 'checkbox', checked: job?.instant ?? false });
  const olderFriendly = input('older-friendly', { type: 'checkbox', checked: job?.olderWorkerFriendly ?? false });
  const benefits = BENEFITS.map((name) => input(`benefit-${name}`, { type: 'checkbox', value: name, checked: job?.benefits?.[name] ?? false }));
  const ageMin = input('age-min', { type: 'number', min: 16, max: 100, step: 1, size: 4, value: job?.ageRange?.min ?? '' });
  const ageMax = input('age-max', { type: 'number', min: 16, max: 100, step: 1, size: 4, value: job?.ageRange?.max ?? '' });
  const relocationQuota = input('relocation-quota', { type: 'number', min: 0, max: 100, step: 1, size: 4, value: job?.relocationQuotaPct ?? '' });
  const sourceRegions = input('source-regions', { value: (job?.crossRegion?.sourceRegionCodes ?? []).join(', '), size: 24, placeholder: '510000, 513400' });

  // The job carries codes only: the names come from the reference lists.
  const skillList = codeList({ id: 'job-skills', levels: 'minimum', initial: (job?.skills ?? []).map((s) => ({ code: s.code, level: s.minLevel })), search: skills });
  const certificateList = codeList({ id: 'job-certificates', initial: (job?.requiredCertificates ?? []).map((c) => ({ code: c.code })), search: certificates });
  const skillSearch = referenceSearch({ id: 'job-skill-search', search: skills, describe: (s) => `${s.name} · ${s.code}`, onPick: (s) => skillList.add(s.code, s.name) });
  const certificateSearch = referenceSearch({ id: 'job-certificate-search', search: certificates, describe: (c) => `${c.name} · ${c.code}`, onPick: (c) => certificateList.add(c.code, c.name) });
  const occupation = chosenOne({ id: 'occupation', initial: job?.occupationCode ? { code: job.occupationCode, name: '' } : undefined });
  const occupationSearch = referenceSearch({ id: 'job-occupation-search', search: occupations, describe: (o) => `${o.name} · ${o.code}`, onPick: (o) => occupation.set(o) });
  const brand = chosenOne({ id: 'brand', initial: job?.laborBrand ? { code: job.laborBrand, name: job.laborBrandName ?? job.laborBrand } : undefined });
  const brandSearch = referenceSearch({ id: 'job-brand-search', search: laborBrands, describe: (b) => `${b.name} · ${b.trade}`, onPick: (b) => brand.set(b) });
  if (job?.occupationCode) {
    referenceName(occupations, job.occupationCode).then((name) => occupation.value()?.code === job.occupationCode && occupation.set({ code: job.occupationCode, name }));
  }

  const general = h('div', { id: 'job-form-error' });
  // Until the picker shows the job's region, the form would send none.
  const submit = h('button.primary', { type: 'submit', id: 'job-submit', disabled: true }, job ? t('jobEdit.save') : t('jobEdit.post'));
  region.ready.finally(() => (submit.disabled = false));

  function body() {
    const optional = (value) => (value === '' ? undefined : value);
    const number = (el) => (el.value === '' ? undefined : Number(el.value));
    const chosenBenefits = Object.fromEntries(benefits.map((b) => [b.value, b.checked]));
    const sources = splitList(sourceRegions.value);
    const ages = { min: number(ageMin), max: number(ageMax) };
    return {
      externalId: optional(externalId.value.trim()),
      title: title.value.trim(),
      description: optional(description.value.trim()),
      kind: kind.value,
      occupationCode: occupation.value()?.code,
      skills: skillList.values().map(({ code, level }) => ({ code, minLevel: level })),
      requiredCertificates: certificateList.values().map(({ code }) => ({ code })),
      headcount: number(headcount),
      wage: { min: number(wageMin), max: number(wageMax), unit: wageUnit.value },
      location: { regionCode: region.value(), lat: number(lat), lon: number(lon), address: optional(address.value.trim()) },
      crossRegion: sources.length ? { sourceRegionCodes: sources } : undefined,
      ageRange: ages.min === undefined && ages.max === undefined ? undefined : ages,
      olderWorkerFriendly: olderFriendly.checked,
      startAt: fromLocalInput(startAt.value),
      endAt: fromLocalInput(endAt.value),
      instant: instant.checked,
      benefits: Object.values(chosenBenefits).some(Boolean) ? chosenBenefits : undefined,
      relocationQuotaPct: number(relocationQuota),
      laborBrand: brand.value()?.code,
      // Not on this form: kept as it is, since PUT replaces the whole job.
      employerId: job?.employerId,
    };
  }

  const showProblems = (error) => showFieldProblems(form, boxes, general, error);

  async function save(event) {
    event.preventDefault();
    submit.disabled = true;
    try {
      const saved = job ? await replaceJob(job.id, body()) : await createJob(body());
      navigate(`#/job/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      showProblems(error);
    } finally {
      submit.disabled = false;
    }
  }

  const form = h(
    'form.card.job-form',
    { id: 'job-form', novalidate: true, onsubmit: save },
    h('div.row', box('title', t('jobEdit.title'), title), box('kind', t('jobEdit.kind'), kind), box('externalId', t('jobEdit.externalId'), externalId)),
    h('div.row', box('description', t('jobEdit.description'), description)),
    h(
      'div.row',
      box('occupationCode', t('jobEdit.occupation'), occupationSearch.input),
      occupation.el,
      occupationSearch.hits,
    ),
    h('div.row', box('skills', t('jobEdit.skills'), skillSearch.input), skillSearch.hits),
    skillList.el,
    h(
      'div.row',
      box('headcount', t('jobEdit.headcount'), headcount),
      box('wage.min', t('jobEdit.wageMin'), wageMin),
      box('wage.max', t('jobEdit.wageMax'), wageMax),
      box('wage.unit', t('jobEdit.wageUnit'), wageUnit),
    ),
    h(
      'fieldset.row',
      h('legend', t('jobEdit.location')),
      box('location.regionCode', t('jobEdit.region'), region.el),
      box('location.lat', t('jobEdit.lat'), lat),
      box('location.lon', t('jobEdit.lon'), lon),
      box('location.address', t('jobEdit.address'), address),
    ),
    h('div.row', box('startAt', t('jobEdit.startAt'), startAt), box('endAt', t('jobEdit.endAt'), endAt)),
    h('div.row', h('label.check', instant, t('jobEdit.instant')), h('label.check', olderFriendly, t('jobEdit.olderFriendly'))),
    box('benefits', '', h('fieldset.row', h('legend', t('jobEdit.benefits')), benefits.map((b) => h('label.check', b, t(`jobEdit.benefit.${b.value}`))))),
    h('div.row', box('laborBrand', t('jobEdit.brand'), brandSearch.input), brand.el, brandSearch.hits),
    h(
      'details.more',
      { open: Boolean(job?.ageRange || job?.relocationQuotaPct !== undefined || job?.crossRegion || job?.requiredCertificates?.length) },
      h('summary', t('jobEdit.more')),
      h('div.row', box('ageRange.min', t('jobEdit.ageMin'), ageMin), box('ageRange.max', t('jobEdit.ageMax'), ageMax), box('relocationQuotaPct', t('jobEdit.relocationQuota'), relocationQuota)),
      h('div.row', box('crossRegion', t('jobEdit.sourceRegions'), sourceRegions)),
      h('div.row', box('requiredCertificates', t('jobEdit.certificates'), certificateSearch.input), certificateSearch.hits),
      certificateList.el,
    ),
    general,
    h('div.actions', submit, job ? h('a', { href: `#/job/${encodeURIComponent(job.id)}` }, t('common.cancel')) : null),
  );
  return form;
}

/** One chosen reference item (occupation, brand) with a button to clear it. */
function chosenOne({ id, initial }) {
  let chosen = initial;
  const el = h('span.chosen-one', { id: `job-${id}-chosen`, 'aria-live': 'polite' });
  function draw() {
    clear(
      el,
      chosen
        ? [h('span', { dataset: { code: chosen.code } }, [chosen.name, chosen.code].filter(Boolean).join(' · ')), h('button.small', { type: 'button', 'aria-label': t('jobEdit.remove', { name: chosen.name }), onclick: () => set(undefined) }, '✕')]
        : h('span.muted', t('common.none')),
    );
  }
  function set(item) {
    chosen = item;
    draw();
  }
  draw();
  return { el, set, value: () => chosen };
}

/** An ISO time as the browser's datetime-local value (its own time zone). */
function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : undefined;
}
