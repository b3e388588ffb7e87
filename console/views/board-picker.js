// Workers to seat on a batch, ticked from two lists, names, ID numbers and phones masked as
// worker-profiles returns them: first the workers who accepted a match for the batch's jobs
// (dispatch, only those the coordinator may seat), then the willing-to-migrate list
// (有外出务工意愿人员名单) of the coordinator's region. One choice across both, never more workers
// than seats; a worker on both lists shows once, among the accepted.
import { acceptedMatches, listPage, listRowsOf } from '../api.js';
import { badge, clear, errorBox, h, pager, pickList } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';

const PAGE_SIZE = 50;
/** What GET /v1/dispatch/accepted-matches takes at once. */
const JOBS_PER_REQUEST = 20;
const ACCEPTED_PAGE_SIZE = 100;

/**
 * { el, picked(), setLimit(n), setJobs(jobs), reset() }; onChange(pickedIds) after every change.
 * `jobs`: [{ jobId, title }], the jobs whose accepted matches are offered (none: that section waits).
 */
export function workerPicker({ regionCode, jobs = [], limit, onChange = () => {} }) {
  /** workerId → { name, accepted }: `accepted` when ticked in the accepted section. */
  const chosen = new Map();
  let seats = limit;
  const count = h('p.picker-count', { id: 'picker-count', role: 'status' });
  const chosenNames = h('p.picker-chosen.muted');
  const picks = {
    state: (workerId, onBatch = false) => ({ checked: chosen.has(workerId), disabled: !chosen.has(workerId) && (onBatch || chosen.size >= seats) }),
    toggle,
  };
  const accepted = acceptedSection(regionCode, picks, acceptedChanged);
  const willing = willingSection(regionCode, picks, accepted.has);
  const el = h('section.worker-picker', { id: 'worker-picker' }, count, chosenNames, accepted.el, willing.el);

  function drawCount() {
    count.dataset.picked = String(chosen.size);
    count.dataset.capacity = String(seats);
    count.classList.toggle('over', chosen.size > seats);
    clear(count, t('coord.pickedOf', { picked: chosen.size, capacity: seats }), chosen.size >= seats ? h('span.muted', ` · ${t('coord.seatsFull')}`) : null);
    clear(chosenNames, chosen.size ? t('coord.chosenWorkers', { names: [...chosen.values()].map((c) => c.name).join('、') }) : '');
  }

  /** Ticks change the boxes in place rather than redrawing the lists, so focus stays on the box just ticked. */
  function syncBoxes() {
    for (const box of el.querySelectorAll('li.pick input[type="checkbox"]')) {
      const { checked, disabled } = picks.state(box.value, box.closest('li').dataset.onBatch === 'true');
      box.checked = checked;
      box.disabled = disabled;
    }
  }

  function changed() {
    drawCount();
    syncBoxes();
    onChange([...chosen.keys()]);
  }

  function toggle(workerId, name, on, fromAccepted) {
    if (on && chosen.size >= seats) return syncBoxes();
    if (on) chosen.set(workerId, { name, accepted: fromAccepted });
    else chosen.delete(workerId);
    changed();
  }

  /** Workers ticked among the accepted who are no longer there (their job was taken off) are unticked. */
  function acceptedChanged() {
    const dropped = [...chosen].filter(([workerId, pick]) => pick.accepted && !accepted.has(workerId));
    for (const [workerId] of dropped) chosen.delete(workerId);
    willing.refilter();
    if (dropped.length) changed();
  }

  drawCount();
  accepted.setJobs(jobs);
  willing.load();
  return {
    el,
    picked: () => [...chosen.keys()],
    setLimit(n) {
      seats = n;
      changed();
    },
    setJobs: accepted.setJobs,
    reset() {
      chosen.clear();
      changed();
    },
  };
}


function workerFacts(row) {
  return [
    h('span.muted', ` ${label('worker.gender', row.gender)} · ${t('coord.age', { n: row.ageYears })} · ${row.homeRegionCode}`),
    row.priorityGroups.map((g) => badge('group', g)),
  ];
}

/**
 * The accepted matches for the jobs, one row per worker (their jobs listed in it), newest acceptance
 * first, 50 to a page. `onLoaded()` after each new list.
 */
function acceptedSection(regionCode, picks, onLoaded) {
  let workers = [];
  let listed = new Set();
  let page = 1;
  let jobKey = '';
  let loads = 0;
  const body = h('div.accepted-rows', { dataset: { state: 'idle' } });
  const el = h('section.picker-part.accepted-picker', { id: 'accepted-picker' }, h('h5', t('coord.acceptedTitle')), body);

  function row(worker) {
    const name = worker.row?.name ?? t('coord.unlistedWorker');
    return {
      value: worker.workerId,
      dataset: { workerId: worker.workerId, onBatch: String(worker.onActiveBatch) },
      ...picks.state(worker.workerId, worker.onActiveBatch),
      content: h(
        'span.pick-text',
        h('span.pick-name', name),
        worker.row ? workerFacts(worker.row) : h('span.muted', ` ${t('coord.unlistedHint', { station: worker.stationId })}`),
        worker.onActiveBatch ? h('span.badge.on-batch', t('coord.onActiveBatch')) : null,
        h(
          'span.pick-detail',
          worker.matches.map((m) => t('coord.acceptedFor', { title: m.title, score: Number(m.score).toFixed(2), time: formatTime(m.acceptedAt) })).join('；'),
        ),
      ),
    };
  }

  function draw() {
    const shown = workers.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    clear(
      body,
      pickList(shown, {
        row,
        onToggle: (worker, on) => picks.toggle(worker.workerId, worker.row?.name ?? t('coord.unlistedWorker'), on, true),
        empty: t(jobKey ? 'coord.noAccepted' : 'coord.acceptedPickJobs'),
      }),
      pager({ page, pageSize: PAGE_SIZE, total: workers.length }, (next) => ((page = next), draw())),
    );
  }

  async function setJobs(jobs) {
    const key = jobs.map((j) => j.jobId).sort().join(',');
    if (key === jobKey && body.dataset.state === 'ready') return;
    jobKey = key;
    const load = ++loads;
    body.dataset.state = 'loading';
    clear(body, h('p.muted', t('common.loading')));
    try {
      const found = jobs.length ? await acceptedWorkers(regionCode, jobs) : [];
      if (load !== loads) return;
      [workers, listed, page] = [found, new Set(found.map((w) => w.workerId)), 1];
      body.dataset.state = 'ready';
      draw();
      onLoaded();
    } catch (error) {
      if (load === loads) clear(body, errorBox(error));
    }
  }

  return { el, setJobs, has: (workerId) => listed.has(workerId) };
}

/** Every accepted match for the jobs, grouped by worker with their masked list row (when a list holds them). */
async function acceptedWorkers(regionCode, jobs) {
  const titleOf = new Map(jobs.map((j) => [j.jobId, j.title]));
  const items = [];
  for (let i = 0; i < jobs.length; i += JOBS_PER_REQUEST) {
    const jobIds = jobs.slice(i, i + JOBS_PER_REQUEST).map((j) => j.jobId);
    for (let page = 1; ; page++) {
      const result = await acceptedMatches(jobIds, page, ACCEPTED_PAGE_SIZE);
      items.push(...result.items);
      if (page * ACCEPTED_PAGE_SIZE >= result.total) break;
    }
  }
  const byWorker = new Map();
  for (const item of items.sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt))) {
    const worker = byWorker.get(item.workerId) ?? { workerId: item.workerId, stationId: item.stationId, onActiveBatch: item.onActiveBatch, matches: [] };
    worker.matches.push({ title: titleOf.get(item.jobId), score: item.score, acceptedAt: item.acceptedAt });
    byWorker.set(item.workerId, worker);
  }
  const rows = byWorker.size ? await listRowsOf(regionCode, [...byWorker.keys()]).catch(() => new Map()) : new Map();
  return [...byWorker.values()].map((worker) => ({ ...worker, row: rows.get(worker.workerId) }));
}

/** The region's willing-to-migrate list, 50 to a page, without the workers the accepted section lists. */
function willingSection(regionCode, picks, isAccepted) {
  let page = 1;
  let rows = [];
  let total = 0;
  let hidden = '';
  const body = h('div.picker-rows');
  const el = h('section.picker-part.willing-picker', h('h5', t('coord.pickerTitle', { region: regionCode })), body);
  const hiddenNow = () => rows.filter((r) => isAccepted(r.id)).map((r) => r.id).join();

  /** Redrawn only when the accepted section now hides other rows of this page (a redraw would take the focus away). */
  function refilter() {
    if (body.dataset.state === 'ready' && hiddenNow() !== hidden) draw();
  }

  function draw() {
    hidden = hiddenNow();
    clear(
      body,
      pickList(
        rows.filter((r) => !isAccepted(r.id)),
        {
          row: (r) => ({ value: r.id, dataset: { workerId: r.id }, ...picks.state(r.id), content: [h('span.pick-name', r.name), workerFacts(r)] }),
          onToggle: (r, on) => picks.toggle(r.id, r.name, on, false),
          empty: t('coord.noWilling'),
        },
      ),
      pager({ page, pageSize: PAGE_SIZE, total }, load),
    );
  }

  async function load(next = 1) {
    body.dataset.state = 'loading';
    clear(body, h('p.muted', t('common.loading')));
    try {
      ({ items: rows, total } = await listPage('willing-to-migrate', regionCode, next, PAGE_SIZE));
      page = next;
      body.dataset.state = 'ready';
      draw();
    } catch (error) {
      clear(body, errorBox(error));
    }
  }

  return { el, load, refilter };
}
