// What a station is pushed (#/push-settings): dispatch GET/PUT /v1/stations/{id}/push-settings
// (admin, or the station itself). A station sees its own (the token's sub); an admin types a
// station's id and sees its name (GET /v1/stations/{id}). The three triggers, the minimum score and
// the most pushes per job; PUT replaces all five. The API decides what is valid (the form does not
// block a value): its field messages are shown under their fields. A save applies to matches
// stored after it; what was pushed before stays.
import { getPushSettings, getStation, principal, putPushSettings } from '../api.js';
import { clear, errorBox, field, h, showFieldProblems, signedOutBox } from '../dom.js';
import { formatTime, t } from '../i18n.js';

const TRIGGERS = ['instant', 'crossRegion', 'workerAvailable'];
/** The API's limits (PutPushSettingsRequest), shown beside the fields and set on the inputs. */
const LIMITS = { minScore: { min: 0, max: 1000, step: 'any' }, maxPerJob: { min: 1, max: 500, step: 1 } };

/** The station an admin last opened, kept across redraws (a language switch redraws the view). */
let adminStation = '';

export function render(main) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  const place = h('div', { id: 'push-station' });
  main.append(h('h2', t('push.title')), h('p.muted', t('push.intro')));
  if (who.role === 'station') {
    main.append(place);
    open(place, who.sub);
    return;
  }
  const stationInput = h('input', { id: 'push-station-id', name: 'stationId', value: adminStation, required: true, size: 28, autocomplete: 'off', spellcheck: false });
  main.append(
    h(
      'form.inline.card',
      {
        id: 'push-station-form',
        onsubmit: (event) => {
          event.preventDefault();
          adminStation = stationInput.value.trim();
          if (adminStation) open(place, adminStation);
        },
      },
      field(t('push.stationId'), stationInput),
      h('button.primary', { type: 'submit', id: 'push-station-open' }, t('common.open')),
    ),
    place,
  );
  if (adminStation) open(place, adminStation);
  else stationInput.focus();
}

/** Loads the station's name and settings into `place`; a station the caller may not see shows the API's refusal. */
async function open(place, stationId) {
  place.dataset.opening = stationId;
  const stillWanted = () => place.isConnected && place.dataset.opening === stationId;
  clear(place, h('p.muted', t('common.loading')));
  try {
    // The name is a courtesy: without it the id stands in; the settings' refusal is the one shown.
    const [station, settings] = await Promise.all([getStation(stationId).catch(() => undefined), getPushSettings(stationId)]);
    if (stillWanted()) clear(place, settingsCard(stationId, station, settings));
  } catch (error) {
    if (stillWanted()) clear(place, errorBox(error));
  }
}

function settingsCard(stationId, station, initial) {
  const current = h('dl.facts', { id: 'push-current' });
  const showCurrent = (settings) => clear(current, currentFacts(settings));
  showCurrent(initial);

  const boxes = new Map();
  /** A place under a control for the API's messages about `key`. */
  const problemSlot = (key) => {
    const message = h('span.field-error', { id: `push-error-${key}`, 'aria-live': 'polite' });
    boxes.set(key, { message });
    return message;
  };
  const checks = Object.fromEntries(TRIGGERS.map((key) => [key, h('input', { type: 'checkbox', id: `push-${key}`, name: key, checked: initial[key], 'aria-describedby': `push-${key}-about push-error-${key}` })]));
  const numbers = Object.fromEntries(
    Object.entries(LIMITS).map(([key, limits]) => [key, h('input', { type: 'number', id: `push-${key}`, name: key, ...limits, value: String(initial[key]), size: 8, inputMode: 'decimal', 'aria-describedby': `push-${key}-range push-error-${key}` })]),
  );
  const trigger = (key) => {
    const box = h(
      'div.trigger-option',
      { dataset: { field: key } },
      h('label.check', checks[key], h('strong', t(`push.${key}`))),
      h('p.muted.trigger-about', { id: `push-${key}-about` }, t(`push.${key}.about`)),
      problemSlot(key),
    );
    boxes.get(key).el = box;
    return box;
  };
  const number = (key) => {
    const range = h('span.field-hint', { id: `push-${key}-range` }, t(`push.${key}.range`, LIMITS[key]));
    const el = field(t(`push.${key}`), numbers[key], [range, problemSlot(key)]);
    el.dataset.field = key;
    boxes.get(key).el = el;
    return el;
  };
  const saved = h('span.ok', { id: 'push-saved', role: 'status' });
  const general = h('div', { id: 'push-form-error' });
  const submit = h('button.primary', { type: 'submit', id: 'push-save' }, t('common.save'));

  const body = () => ({
    ...Object.fromEntries(TRIGGERS.map((key) => [key, checks[key].checked])),
    // As typed: an empty or out-of-range number goes to the API, which names the field.
    ...Object.fromEntries(Object.keys(LIMITS).map((key) => [key, numbers[key].value.trim() === '' ? null : Number(numbers[key].value)])),
  });

  const showProblems = (error) => showFieldProblems(form, boxes, general, error);

  async function save(event) {
    event.preventDefault();
    submit.disabled = true;
    saved.textContent = '';
    try {
      const settings = await putPushSettings(stationId, body());
      showProblems(undefined);
      showCurrent(settings);
      saved.textContent = t('push.saved', { time: formatTime(new Date().toISOString()) });
    } catch (error) {
      showProblems(error);
    } finally {
      submit.disabled = false;
    }
  }

  const form = h(
    'form.push-form',
    { id: 'push-form', novalidate: true, onsubmit: save },
    h('fieldset', h('legend', t('push.triggers')), TRIGGERS.map(trigger)),
    h('div.row', number('minScore'), number('maxPerJob')),
    h('p.muted', t('push.appliesFromNow')),
    h('div.actions', submit, saved),
    general,
  );
  return h(
    'section.card.push-settings',
    { dataset: { stationId } },
    h('h3', { id: 'push-station-name' }, station?.name ?? stationId, station?.name ? h('span.muted.mono', ` ${stationId}`) : null),
    h('div.grid-2.push-layout', form, h('div.push-current-box', h('h4', t('push.current')), current)),
  );
}

/** What the API holds now: each setting and its value, in words. */
function currentFacts(settings) {
  return [
    TRIGGERS.map((key) => [h('dt', t(`push.${key}`)), h('dd', { dataset: { field: key, value: String(settings[key]) } }, t(settings[key] ? 'push.on' : 'push.off'))]),
    Object.keys(LIMITS).map((key) => [h('dt', t(`push.${key}`)), h('dd', { dataset: { field: key, value: String(settings[key]) } }, String(settings[key]))]),
  ];
}
