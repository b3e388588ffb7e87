// Registering a walk-in worker (#/register): only the ID number, name and mobile number. The rest
// comes from the station: home and residence = the station's county (the token's region), the
// location = the station's own (dispatch GET /v1/stations/{id}); without a station record the
// location is left out and worker-profiles puts the worker at the centre of the residence county.
// Everything else is edited afterwards on the worker's page.
import { getStation, principal, registerWorker } from '../api.js';
import { errorBox, field, h, signedOutBox, clear } from '../dom.js';
import { t } from '../i18n.js';
import { residentIdProblem } from '../resident-id.js';

export function render(main, { navigate }) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  const idHint = h('span.field-hint', { id: 'register-id-hint', 'aria-live': 'polite' });
  const idNumber = h('input', {
    id: 'register-id', name: 'idNumber', required: true, maxLength: 18, autocomplete: 'off', inputMode: 'text', 'aria-describedby': 'register-id-hint',
    oninput: () => checkIdNumber(idNumber, idHint),
  });
  const name = h('input', { id: 'register-name', name: 'name', required: true, maxLength: 50, autocomplete: 'off' });
  const phone = h('input', { id: 'register-phone', name: 'phone', type: 'tel', required: true, pattern: '1[3-9][0-9]{9}', maxLength: 11, inputMode: 'numeric', autocomplete: 'off' });
  const outcome = h('div', { id: 'register-outcome' });
  const submit = h('button.primary', { type: 'submit', id: 'register-submit' }, t('register.submit'));

  const onSubmit = async (event) => {
    event.preventDefault();
    if (!checkIdNumber(idNumber, idHint)) return idNumber.reportValidity();
    submit.disabled = true;
    clear(outcome, h('p.muted', t('common.loading')));
    try {
      const { id } = await registerWorker(await registration(who, { idNumber: idNumber.value.trim().toUpperCase(), name: name.value.trim(), phone: phone.value.trim() }));
      navigate(`#/worker/${encodeURIComponent(id)}`);
    } catch (error) {
      submit.disabled = false;
      if (error.status === 409 && error.body?.existingId) return navigate(`#/worker/${encodeURIComponent(error.body.existingId)}`);
      clear(outcome, error.status === 409 ? h('p.error', { role: 'alert' }, t('register.elsewhere')) : errorBox(error));
    }
  };

  main.append(
    h('h2', t('register.title')),
    h(
      'form.card.register-form',
      { id: 'register-form', onsubmit: onSubmit },
      h('p.muted', t('register.defaults', { region: who.region })),
      field(t('register.idNumber'), idNumber, idHint),
      field(t('register.name'), name),
      field(t('register.phone'), phone),
      h('div.actions', submit),
    ),
    outcome,
  );
  idNumber.focus();
}

/** Says, as staff type, whether the number's check character is right; true when it may be sent. */
function checkIdNumber(input, hint) {
  const problem = residentIdProblem(input.value);
  // A number still being typed is not wrong yet.
  const typing = problem === 'length' && input.value.trim().length < 18;
  input.setCustomValidity(problem ? t(`register.id.${problem}`) : '');
  input.setAttribute('aria-invalid', problem && !typing ? 'true' : 'false');
  hint.textContent = typing ? '' : t(`register.id.${problem ?? 'ok'}`);
  hint.className = `field-hint ${problem ? 'error-inline' : 'ok'}`;
  return !problem;
}

/** The full registration: the three fields typed, the rest from the station. */
async function registration(who, typed) {
  const station = await getStation(who.sub).catch((error) => (error.status === 404 || error.status === 403 ? undefined : Promise.reject(error)));
  return {
    ...typed,
    stationId: who.sub,
    homeRegionCode: who.region,
    residenceRegionCode: who.region,
    ...(station?.location ? { location: { lat: station.location.lat, lon: station.location.lon } } : {}),
  };
}
