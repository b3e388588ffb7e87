// The dispatch board (点对点劳务输出): create a batch, open one, its manifest with seats left,
// board / depart / arrive per worker and for everyone, close or cancel.
import { addBatchWorkers, batchAction, createBatch, getBatch, principal, removeBatchWorker } from '../api.js';
import { badge, errorBox, field, h, shortId, signedOutBox, splitIds, clear } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { regionPicker } from '../region-picker.js';

const RECENT_KEY = 'laowu.console.recentBatches';
const FLOW = ['planned', 'boarding', 'departed', 'arrived', 'closed'];
const MODES = ['bus', 'train', 'flight'];

function recent() {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
  } catch {
    return [];
  }
}

function remember(batch) {
  const list = [{ id: batch.id, label: `${batch.originRegionCode} → ${batch.destination.regionCode} · ${formatTime(batch.departAt)}` }, ...recent().filter((b) => b.id !== batch.id)];
  localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, 12)));
}

/** A datetime-local value as ISO-8601 with the browser's offset (2026-12-01T08:00:00+08:00). */
export function withOffset(local) {
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function render(main, { arg, navigate }) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  const idInput = h('input', { id: 'batch-id', value: arg ?? '', size: 40, placeholder: 'xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx' });
  const openForm = h(
    'form.inline',
    { onsubmit: (event) => (event.preventDefault(), idInput.value.trim() && navigate(`#/board/${encodeURIComponent(idInput.value.trim())}`)) },
    field(t('board.batchId'), idInput),
    h('button.primary', { type: 'submit', id: 'batch-open' }, t('board.open')),
  );
  const recentList = recent();
  const side = h(
    'aside.card.side',
    h('h3', t('board.recent')),
    recentList.length
      ? h('ul.recent', recentList.map((b) => h('li', h('a', { href: `#/board/${b.id}`, class: b.id === arg ? 'active' : '' }, shortId(b.id)), h('span.muted', ` ${b.label}`))))
      : h('p.muted', t('common.none')),
    createForm(who, navigate),
  );
  const panel = h('section.batch-panel', { id: 'batch-panel' });
  main.append(h('div.toolbar', h('h2', t('board.title')), openForm), h('div.board-layout', side, panel));
  if (!arg) return;

  let alive = true;
  const view = { batch: undefined, message: undefined, busy: false };

  async function load() {
    try {
      view.batch = await getBatch(arg);
      remember(view.batch);
      view.message = undefined;
    } catch (error) {
      view.message = errorBox(error);
    }
    if (alive) draw();
  }

  async function run(fn) {
    view.busy = true;
    draw();
    try {
      const result = await fn();
      if (result?.id && result.state) view.batch = result;
      else await load();
      if (!result?.id) return result;
    } catch (error) {
      view.message = errorBox(error);
    } finally {
      view.busy = false;
      if (alive) draw();
    }
  }

  function draw() {
    const b = view.batch;
    if (!b) return clear(panel, view.message ?? h('p.muted', t('common.loading')));
    const manifestOpen = b.state === 'planned' || b.state === 'boarding';
    const action = (name, text, enabled, kind = '') =>
      h(`button${kind}`, { type: 'button', dataset: { action: name }, disabled: view.busy || !enabled, onclick: () => {
        if (name === 'cancel' && !confirm(t('board.confirmCancel'))) return;
        view.message = undefined;
        run(() => batchAction(b.id, name));
      } }, text);
    const addInput = h('textarea', { id: 'batch-add-workers', rows: 2, cols: 40 });
    const addMessage = h('span.muted', { id: 'batch-add-result' });
    clear(panel, 
      h(
        'div.card.batch-summary',
        { dataset: { state: b.state, batchId: b.id } },
        h('div.batch-head', h('h3', `${t('board.batchId')} ${shortId(b.id)}`), h('span.batch-state', { id: 'batch-state', dataset: { state: b.state } }, badge('batch.state', b.state))),
        stepper(b.state),
        h(
          'dl.facts',
          h('dt', t('board.originRegion')), h('dd', `${b.originRegionCode}${b.originStationId ? ` · ${b.originStationId}` : ''}`),
          h('dt', t('board.destination')), h('dd', `${b.destination.regionCode} · ${b.destination.address}${b.destination.employer ? ` · ${b.destination.employer}` : ''}`),
          h('dt', t('board.departs')), h('dd', formatTime(b.departAt)),
          h('dt', t('board.mode')), h('dd', label('mode', b.transport.mode)),
          h('dt', t('board.seatsLeft')), h('dd', { id: 'batch-seats', dataset: { seatsLeft: b.seatsLeft } }, t('board.seats', { taken: b.seatsTaken, capacity: b.transport.capacity, left: b.seatsLeft })),
        ),
        h('div.seat-bar', h('span.seat-fill', { style: { width: `${Math.round((100 * b.seatsTaken) / Math.max(b.transport.capacity, 1))}%` } })),
        h(
          'div.actions',
          action('board', t('board.boardAll'), b.state === 'planned' || b.state === 'boarding', '.primary'),
          action('depart', t('board.depart'), b.state === 'boarding', '.primary'),
          action('arrive', t('board.arriveAll'), b.state === 'departed' || b.state === 'arrived', '.primary'),
          action('close', t('board.close'), b.state === 'arrived'),
          action('cancel', t('board.cancel'), ['planned', 'boarding', 'departed'].includes(b.state), '.danger'),
          h('button', { type: 'button', onclick: () => load() }, t('common.refresh')),
        ),
        view.message,
      ),
      h(
        'div.card',
        h('h3', t('board.manifest')),
        b.workers.length ? manifestTable(b, view, run) : h('p.empty', t('board.emptyManifest')),
        manifestOpen
          ? h(
              'form.inline.add-workers',
              {
                onsubmit: async (event) => {
                  event.preventDefault();
                  const ids = splitIds(addInput.value);
                  if (!ids.length) return;
                  view.message = undefined;
                  const result = await run(() => addBatchWorkers(b.id, ids));
                  if (result) {
                    const text = t('board.addResult', { seated: result.seated.length, already: result.alreadySeated.length, waitlisted: result.waitlisted.length, rejected: result.rejected.length });
                    const problems = result.rejected.map((r) => `${shortId(r.workerId)}: ${r.code}`).join('; ');
                    panel.querySelector('#batch-add-result')?.replaceChildren(problems ? `${text} — ${problems}` : text);
                  }
                },
              },
              field(t('board.addWorkers'), addInput),
              h('button', { type: 'submit', id: 'batch-add-submit', disabled: view.busy }, t('board.submitAdd')),
              addMessage,
            )
          : null,
      ),
    );
  }

  load();
  return () => {
    alive = false;
  };
}

function stepper(current) {
  const index = FLOW.indexOf(current);
  return h(
    'ol.stepper',
    FLOW.map((s, i) => h('li', { class: current === 'cancelled' ? 'off' : i < index ? 'done' : i === index ? 'now' : '' }, label('batch.state', s))),
    current === 'cancelled' ? h('li.now.cancelled', label('batch.state', 'cancelled')) : null,
  );
}

function manifestTable(b, view, run) {
  const perWorker = (name, text, enabled, workerId) =>
    h('button.small', { type: 'button', dataset: { action: name }, disabled: view.busy || !enabled, onclick: () => run(() => batchAction(b.id, name, [workerId])) }, text);
  return h(
    'table.manifest',
    { id: 'manifest' },
    h('thead', h('tr', ['worker', 'station', 'groups', 'job', 'basis', 'status', 'actions'].map((c) => h('th', t(`board.col.${c}`))))),
    h(
      'tbody',
      b.workers.map((w) =>
        h(
          'tr',
          { dataset: { workerId: w.workerId, status: w.status } },
          h('td', h('a', { href: `#/worker/${w.workerId}` }, shortId(w.workerId))),
          h('td', w.stationId ?? '—'),
          h('td', w.priorityGroups.map((g) => badge('group', g))),
          h('td', shortId(w.jobId)),
          h('td', label('basis', w.basis)),
          h('td.seat-status', badge('seat', w.status), w.boardedAt ? h('span.muted', ` ${formatTime(w.boardedAt)}`) : null),
          h(
            'td.actions',
            perWorker('board', t('board.boardOne'), (b.state === 'planned' || b.state === 'boarding') && w.status === 'seated', w.workerId),
            perWorker('arrive', t('board.arriveOne'), (b.state === 'departed' || b.state === 'arrived') && w.status === 'boarded', w.workerId),
            b.state === 'planned' || b.state === 'boarding'
              ? h('button.small.danger', { type: 'button', disabled: view.busy, onclick: () => run(() => removeBatchWorker(b.id, w.workerId)) }, t('board.remove'))
              : null,
          ),
        ),
      ),
    ),
  );
}

function createForm(who, navigate) {
  const origin = regionPicker({ name: 'batch-origin', initial: who.region && who.region !== '100000' ? who.region : '' });
  const dest = regionPicker({ name: 'batch-dest' });
  const station = h('input', { id: 'batch-station', value: who.role === 'station' ? who.sub : '', size: 22 });
  const jobIds = h('textarea', { id: 'batch-jobs', rows: 2, cols: 34, required: true });
  const address = h('input', { id: 'batch-address', required: true, size: 30 });
  const employer = h('input', { id: 'batch-employer', size: 22 });
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const localValue = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60000).toISOString().slice(0, 11) + '07:00';
  const departAt = h('input', { id: 'batch-depart', type: 'datetime-local', value: localValue, required: true });
  const mode = h('select', { id: 'batch-mode' }, MODES.map((m) => h('option', { value: m }, label('mode', m))));
  const capacity = h('input', { id: 'batch-capacity', type: 'number', min: 1, max: 2000, value: 45, required: true, size: 5 });
  const message = h('div.message');
  return h(
    'form.create-batch',
    {
      id: 'batch-create',
      onsubmit: async (event) => {
        event.preventDefault();
        clear(message);
        const body = {
          originRegionCode: origin.value(),
          destination: { jobIds: splitIds(jobIds.value), regionCode: dest.value(), address: address.value.trim() },
          departAt: withOffset(departAt.value),
          transport: { mode: mode.value, capacity: Number(capacity.value) },
        };
        if (station.value.trim()) body.originStationId = station.value.trim();
        if (employer.value.trim()) body.destination.employer = employer.value.trim();
        try {
          const batch = await createBatch(body);
          remember(batch);
          navigate(`#/board/${batch.id}`);
        } catch (error) {
          clear(message, errorBox(error));
        }
      },
    },
    h('h3', t('board.create')),
    field(t('board.originRegion'), origin.el),
    field(t('board.originStation'), station),
    field(t('board.jobIds'), jobIds),
    field(t('board.destRegion'), dest.el),
    field(t('board.address'), address),
    field(t('board.employer'), employer),
    field(t('board.departAt'), departAt),
    h('div.row', field(t('board.mode'), mode), field(t('board.capacity'), capacity)),
    h('button.primary', { type: 'submit', id: 'batch-create-submit' }, t('board.submitCreate')),
    message,
  );
}
