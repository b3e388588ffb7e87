// Job search for a walk-in worker: keywords, region, posting agency, near (geolocation or a typed
// point), kinds, minimum wage, instant only; facet counts by kind and city (matching POST /v1/search/jobs).
import { principal, searchJobs } from '../api.js';
import { errorBox, field, h, jobSummary, pager, signedOutBox, clear } from '../dom.js';
import { label, t } from '../i18n.js';
import { regionPicker } from '../region-picker.js';

const KINDS = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];
const last = { request: undefined, result: undefined };

export function render(main) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  const q = h('input', { id: 'search-q', type: 'search', placeholder: t('search.qPlaceholder'), size: 28, value: last.request?.q ?? '' });
  const picker = regionPicker({
    name: 'search-region',
    initial: last.request?.regionCode ?? '',
    onChange: (code, region) => {
      // A chosen region's centre is a handy typed point for "near".
      if (region && !nearOn.checked) {
        lat.value = region.lat;
        lon.value = region.lon;
      }
    },
  });
  const agency = h('input', { id: 'search-agency', type: 'search', size: 24, maxLength: 100, placeholder: t('coord.jobAgencyExample'), autocomplete: 'off', value: last.request?.agencyId ?? '' });
  const nearOn = h('input', { id: 'search-near', type: 'checkbox', checked: Boolean(last.request?.near) });
  const lat = h('input', { id: 'search-lat', type: 'number', step: 'any', min: -90, max: 90, size: 9, value: last.request?.near?.lat ?? '' });
  const lon = h('input', { id: 'search-lon', type: 'number', step: 'any', min: -180, max: 180, size: 9, value: last.request?.near?.lon ?? '' });
  const km = h('input', { id: 'search-km', type: 'number', step: 'any', min: 0.1, max: 2000, size: 5, value: last.request?.near?.km ?? 30 });
  const locateMessage = h('span.muted', { id: 'locate-message' });
  const locate = h(
    'button',
    {
      type: 'button',
      id: 'search-locate',
      onclick: () => {
        if (!navigator.geolocation) return (locateMessage.textContent = t('search.locateFailed', { message: 'geolocation' }));
        locateMessage.textContent = t('search.locating');
        navigator.geolocation.getCurrentPosition(
          (position) => {
            lat.value = position.coords.latitude.toFixed(5);
            lon.value = position.coords.longitude.toFixed(5);
            nearOn.checked = true;
            locateMessage.textContent = '';
          },
          (error) => (locateMessage.textContent = t('search.locateFailed', { message: error.message })),
          { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 },
        );
      },
    },
    t('search.locate'),
  );
  const kindBoxes = KINDS.map((kind) => h('input', { type: 'checkbox', name: 'kind', value: kind, checked: last.request?.kinds?.includes(kind) ?? false }));
  const wageMin = h('input', { id: 'search-wage', type: 'number', min: 0, step: 10, size: 6, value: last.request?.wageMin ?? '' });
  const instantOnly = h('input', { id: 'search-instant', type: 'checkbox', checked: last.request?.instantOnly ?? false });
  const results = h('div.results', { id: 'search-results' });
  const facets = h('aside.facets', { id: 'search-facets' });

  function buildRequest(page = 1) {
    const body = { page, pageSize: 20 };
    if (q.value.trim()) body.q = q.value.trim();
    if (picker.value()) body.regionCode = picker.value();
    if (agency.value.trim()) body.agencyId = agency.value.trim();
    const kinds = kindBoxes.filter((b) => b.checked).map((b) => b.value);
    if (kinds.length) body.kinds = kinds;
    if (nearOn.checked && lat.value !== '' && lon.value !== '') body.near = { lat: Number(lat.value), lon: Number(lon.value), km: Number(km.value || 30) };
    if (wageMin.value !== '') body.wageMin = Number(wageMin.value);
    if (instantOnly.checked) body.instantOnly = true;
    return body;
  }

  async function run(body) {
    clear(results, h('p.muted', t('common.loading')));
    try {
      const result = await searchJobs(body);
      last.request = body;
      last.result = result;
      draw(result, body);
    } catch (error) {
      clear(results, errorBox(error));
    }
  }

  function draw(result, body) {
    clear(results, 
      h('p.total', { id: 'search-total' }, t('search.total', { total: result.total })),
      result.items.length
        ? h(
            'ol.job-list',
            result.items.map((item) =>
              h('li.card.job-hit', { dataset: { jobId: item.jobId } }, jobSummary(item.job, hitExtras(item))),
            ),
          )
        : h('p.empty', t('search.empty')),
      pager(result, (page) => run({ ...body, page })),
    );
    clear(facets, 
      h('h3', t('search.facets.kinds')),
      h(
        'ul.facet-list',
        { id: 'facet-kinds' },
        result.facets.kinds.map((f) =>
          h(
            'li',
            h(
              'button.link',
              {
                type: 'button',
                dataset: { kind: f.kind },
                onclick: () => {
                  for (const box of kindBoxes) box.checked = box.value === f.kind;
                  run(buildRequest());
                },
              },
              label('kind', f.kind),
            ),
            h('span.facet-count', String(f.count)),
          ),
        ),
      ),
      h('h3', t('search.facets.cities')),
      h(
        'ul.facet-list',
        { id: 'facet-cities' },
        result.facets.cities.map((f) =>
          h(
            'li',
            h('button.link', { type: 'button', dataset: { code: f.code }, onclick: async () => (await picker.set(f.code), run(buildRequest())) }, f.name ?? f.code),
            h('span.facet-count', String(f.count)),
          ),
        ),
      ),
    );
  }

  const form = h(
    'form.card.search-form',
    { id: 'search-form', onsubmit: (event) => (event.preventDefault(), run(buildRequest())) },
    h('div.row', field(t('search.q'), q), field(t('search.region'), picker.el), field(t('search.agency'), agency)),
    h(
      'fieldset.row',
      h('legend', t('search.near')),
      h('label.check', nearOn, t('search.nearEnabled')),
      field(t('search.lat'), lat),
      field(t('search.lon'), lon),
      field(t('search.km'), km),
      locate,
      locateMessage,
    ),
    h('fieldset.row', h('legend', t('search.kinds')), kindBoxes.map((box) => h('label.check', box, label('kind', box.value)))),
    h('div.row', field(t('search.wageMin'), wageMin), h('label.check', instantOnly, t('search.instantOnly')), h('button.primary', { type: 'submit', id: 'search-submit' }, t('search.submit'))),
  );
  main.append(h('h2', t('search.title')), form, h('div.search-layout', facets, results));
  if (last.result) draw(last.result, last.request);
}

/** What a hit says beside the job: how far (when searched near a point) and who posted it. */
function hitExtras(item) {
  const distance = item.distanceKm !== undefined ? t('search.distance', { km: Number(item.distanceKm).toFixed(1) }) : undefined;
  return [distance, item.job.agencyId ? t('search.agencyOf', { agency: item.job.agencyId }) : undefined].filter(Boolean).join(' · ');
}
