// The coordinator's dispatch board (点对点劳务输出): #/board lists the coordinator's batches,
// #/board/new builds one by picking jobs and workers, #/board/<id> is a batch with its check-in
// list (tick each worker as they board, then depart and arrive), #/board/<id>/manifest prints it.
import { addBatchWorkers, batchAction, listBatches, principal, removeBatchWorker } from '../api.js';
import { badge, clear, errorBox, h, pager, shortId, signedOutBox } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { regionLabel } from '../region-picker.js';
import { batchBuilder } from './board-builder.js';
import { loadBatchDetails, renderManifest, workerName } from './board-manifest.js';
import { workerPicker } from './board-picker.js';

const FLOW = ['planned', 'boarding', 'departed', 'arrived', 'closed'];
// What the builder's seating call answered, shown once on the new batch's page.
let seatingAfterCreate;

export function render(main, { arg, navigate }) {
  const who = principal();
  if (!who) return void main.append(signedOutBox());
  const [id, sub] = (arg ?? '').split('/');
  if (!id) return void batchList(main);
  if (id === 'new') {
    main.append(
      h('div.toolbar', h('h2', t('board.title')), h('a', { href: '#/board' }, t('coord.backToList'))),
      batchBuilder(who, (batch, seating) => {
        seatingAfterCreate = seating;
        navigate(`#/board/${batch.id}`);
      }),
    );
    return;
  }
  if (sub === 'manifest') return void renderManifest(main, id, who);
  batchPage(main, id, who);
}

function batchList(main) {
  const body = h('div', { id: 'batch-list' }, h('p.muted', t('common.loading')));
  main.append(
    h('div.toolbar', h('h2', t('board.title')), h('a.button.primary', { href: '#/board/new', id: 'batch-new' }, t('coord.newBatch'))),
    h('section.card', h('h3', t('coord.myBatches')), body),
  );
  async function load(page) {
    try {
      const result = await listBatches(page, 20);
      clear(
        body,
        result.items.length ? batchTable(result.items) : h('p.empty', t('coord.noBatches')),
        pager({ page, pageSize: result.pageSize, total: result.total }, load),
      );
      body.dataset.state = 'ready';
    } catch (error) {
      clear(body, errorBox(error));
    }
  }
  load(1);
}

function batchTable(batches) {
  return h(
    'table.batch-list',
    h('thead', h('tr', ['departs', 'route', 'mode', 'state', 'seats'].map((c) => h('th', t(`coord.list.${c}`))))),
    h(
      'tbody',
      batches.map((b) =>
        h(
          'tr',
          { dataset: { batchId: b.id, state: b.state } },
          h('td', h('a', { href: `#/board/${b.id}` }, formatTime(b.departAt))),
          h('td', regionLabel(b.originRegionCode), ' → ', regionLabel(b.destination.regionCode), ` · ${b.destination.address}`),
          h('td', label('mode', b.transport.mode)),
          h('td', badge('batch.state', b.state)),
          h('td', `${b.seatsTaken} / ${b.transport.capacity}`),
        ),
      ),
    ),
  );
}

function batchPage(main, id, who) {
  const panel = h('section.batch-panel', { id: 'batch-panel' }, h('p.muted', t('common.loading')));
  main.append(h('div.toolbar', h('h2', t('board.title')), h('a', { href: '#/board' }, t('coord.backToList'))), panel);
  const view = { details: undefined, message: seatingMessage(seatingAfterCreate), busy: false, ticked: new Set() };
  seatingAfterCreate = undefined;

  async function load() {
    try {
      view.details = await loadBatchDetails(id, who);
    } catch (error) {
      view.message = errorBox(error);
    }
    if (panel.isConnected) draw();
  }

  /** Runs a call on the batch; a batch in the answer replaces the one shown, anything else reloads it. */
  async function run(call, after = () => undefined) {
    view.busy = true;
    view.message = undefined;
    draw();
    try {
      const result = await call();
      if (result?.id && result.state) view.details = { ...view.details, batch: result };
      else await load();
      view.message = after(result);
    } catch (error) {
      view.message = errorBox(error);
    } finally {
      view.busy = false;
      view.ticked = new Set([...view.ticked].filter((w) => view.details?.batch.workers.some((s) => s.workerId === w && s.status === 'seated')));
      if (panel.isConnected) draw();
    }
  }

  let adding;
  function adder() {
    adding ??= addWorkersCard(view.details.batch, who, view, run);
    return adding;
  }

  function draw() {
    if (!view.details) return void clear(panel, view.message ?? h('p.muted', t('common.loading')));
    const { batch } = view.details;
    clear(
      panel,
      summaryCard(batch, view, run),
      checkInCard(view, run, draw),
      (batch.state === 'planned' || batch.state === 'boarding') && batch.seatsLeft > 0 ? adder().update(batch) : null,
    );
  }

  load();
}

function seatingMessage(seating) {
  if (!seating) return undefined;
  if (seating instanceof Error) return errorBox(seating);
  const problems = seating.rejected.map((r) => r.problem);
  return h(
    'p.seat-result',
    { id: 'seat-result', role: 'status' },
    t('board.addResult', { seated: seating.seated.length, already: seating.alreadySeated.length, waitlisted: seating.waitlisted.length, rejected: seating.rejected.length }),
    problems.length ? ` — ${[...new Set(problems)].join('; ')}` : '',
  );
}

function summaryCard(batch, view, run) {
  const action = (name, text, enabled, kind = '') =>
    h(`button${kind}`, { type: 'button', dataset: { action: name }, disabled: view.busy || !enabled, onclick: () => {
      if (name === 'cancel' && !confirm(t('board.confirmCancel'))) return;
      run(() => batchAction(batch.id, name));
    } }, text);
  return h(
    'div.card.batch-summary',
    { dataset: { state: batch.state, batchId: batch.id } },
    h('div.batch-head', h('h3', `${t('coord.batch')} ${shortId(batch.id)}`), h('span.batch-state', { id: 'batch-state', dataset: { state: batch.state } }, badge('batch.state', batch.state))),
    stepper(batch.state),
    h(
      'dl.facts',
      h('dt', t('board.originRegion')), h('dd', regionLabel(batch.originRegionCode), batch.originStationId ? ` · ${batch.originStationId}` : ''),
      h('dt', t('board.destination')), h('dd', regionLabel(batch.destination.regionCode), ` · ${batch.destination.address}${batch.destination.employer ? ` · ${batch.destination.employer}` : ''}`),
      h('dt', t('board.departs')), h('dd', formatTime(batch.departAt)),
      h('dt', t('board.mode')), h('dd', label('mode', batch.transport.mode)),
      h('dt', t('board.seatsLeft')), h('dd', { id: 'batch-seats', dataset: { seatsLeft: batch.seatsLeft } }, t('board.seats', { taken: batch.seatsTaken, capacity: batch.transport.capacity, left: batch.seatsLeft })),
    ),
    h('div.seat-bar', h('span.seat-fill', { style: { width: `${Math.round((100 * batch.seatsTaken) / Math.max(batch.transport.capacity, 1))}%` } })),
    h(
      'div.actions',
      action('depart', t('board.depart'), batch.state === 'boarding', '.primary'),
      action('arrive', t('board.arriveAll'), batch.state === 'departed' || batch.state === 'arrived', '.primary'),
      action('close', t('board.close'), batch.state === 'arrived'),
      action('cancel', t('board.cancel'), ['planned', 'boarding', 'departed'].includes(batch.state), '.danger'),
      h('a.button', { href: `#/board/${batch.id}/manifest`, id: 'batch-manifest' }, t('coord.printManifest')),
    ),
    view.message,
  );
}

function stepper(current) {
  const index = FLOW.indexOf(current);
  return h(
    'ol.stepper',
    FLOW.map((s, i) => h('li', { class: current === 'cancelled' ? 'off' : i < index ? 'done' : i === index ? 'now' : '' }, label('batch.state', s))),
    current === 'cancelled' ? h('li.now.cancelled', label('batch.state', 'cancelled')) : null,
  );
}

/** The check-in list: tick each seated worker as they board, then board the ticked ones at once. */
function checkInCard(view, run, redraw) {
  const { batch, rows, titles } = view.details;
  const checkingIn = batch.state === 'planned' || batch.state === 'boarding';
  const seated = batch.workers.filter((w) => w.status === 'seated');
  const tick = (workerId, on) => {
    if (on) view.ticked.add(workerId);
    else view.ticked.delete(workerId);
    redraw();
  };
  return h(
    'div.card.check-in',
    h('h3', t('coord.checkIn')),
    batch.workers.length
      ? h(
          'table.manifest',
          { id: 'manifest' },
          h('thead', h('tr', ['worker', 'groups', 'job', 'status', 'actions'].map((c) => h('th', t(`board.col.${c}`))))),
          h(
            'tbody',
            batch.workers.map((w) =>
              h(
                'tr',
                { dataset: { workerId: w.workerId, status: w.status } },
                h(
                  'td',
                  checkingIn && w.status === 'seated'
                    ? h('label.check', h('input', { type: 'checkbox', checked: view.ticked.has(w.workerId), disabled: view.busy, onchange: (e) => tick(w.workerId, e.target.checked) }), workerName(rows, w.workerId))
                    : workerName(rows, w.workerId),
                ),
                h('td', w.priorityGroups.map((g) => badge('group', g))),
                h('td', titles.get(w.jobId) ?? shortId(w.jobId)),
                h('td.seat-status', badge('seat', w.status), w.boardedAt ? h('span.muted', ` ${formatTime(w.boardedAt)}`) : null),
                h('td.actions', seatActions(batch, w, view, run)),
              ),
            ),
          ),
        )
      : h('p.empty', t('board.emptyManifest')),
    checkingIn
      ? h(
          'div.actions',
          h('button', { type: 'button', id: 'checkin-tick-all', disabled: view.busy || !seated.length, onclick: () => (seated.forEach((w) => view.ticked.add(w.workerId)), redraw()) }, t('coord.tickAll')),
          h(
            'button.primary',
            { type: 'button', id: 'checkin-board', disabled: view.busy || !view.ticked.size, onclick: () => run(() => batchAction(batch.id, 'board', [...view.ticked])) },
            t('coord.boardTicked', { n: view.ticked.size }),
          ),
        )
      : null,
  );
}

function seatActions(batch, w, view, run) {
  const arriving = (batch.state === 'departed' || batch.state === 'arrived') && w.status === 'boarded';
  const removable = batch.state === 'planned' || batch.state === 'boarding';
  return [
    arriving ? h('button.small', { type: 'button', dataset: { action: 'arrive' }, disabled: view.busy, onclick: () => run(() => batchAction(batch.id, 'arrive', [w.workerId])) }, t('board.arriveOne')) : null,
    removable ? h('button.small.danger', { type: 'button', disabled: view.busy, onclick: () => run(() => removeBatchWorker(batch.id, w.workerId)) }, t('board.remove')) : null,
  ];
}

/** More workers for a batch still boarding: picked from its jobs' accepted matches and the willing-to-migrate list, up to the seats left. */
function addWorkersCard(batch, who, view, run) {
  const submit = h('button', { type: 'button', id: 'batch-add-submit', disabled: true }, t('board.submitAdd'));
  const jobs = batch.destination.jobIds.map((jobId) => ({ jobId, title: view.details.titles.get(jobId) }));
  const picker = workerPicker({ regionCode: who.role === 'coordinator' ? who.region : batch.originRegionCode, jobs, limit: batch.seatsLeft, onChange: (ids) => (submit.disabled = !ids.length) });
  const summary = h('summary');
  const el = h('details.card.add-workers', { id: 'batch-add' }, summary, picker.el, h('div.actions', submit));
  submit.addEventListener('click', async () => {
    submit.disabled = true;
    await run(() => addBatchWorkers(batch.id, picker.picked()), seatingMessage);
    picker.reset();
  });
  /** Kept across redraws (its page and picks); the seats left follow the batch. */
  function update(current) {
    clear(summary, t('coord.addMore', { left: current.seatsLeft }));
    picker.setLimit(current.seatsLeft);
    return el;
  }
  return { update };
}
