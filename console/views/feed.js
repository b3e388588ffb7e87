// The station's live match feed, one card per job: SSE from dispatch read with fetch() (Authorization
// header, Last-Event-ID on reconnect), merged with the station's stored matches. Under each job, the
// station's matching workers (masked name and age from worker-profiles: the push carries only ids)
// with offer / accept / decline, and once accepted, recording the hire as a placement (dispatch).
// The job's headcount and filled come from job-collection; filled follows a placement through events.
import {
  authHeaders, createPlacement, getJob, listWorkers, matchAction, placementsPage, principal, stationMatches, stationStreamUrl,
} from '../api.js';
import { badge, clear, errorBox, field, h, reasonsList, shortId, signedOutBox, wageText } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { openEventStream } from '../sse.js';

const STATION_KEY = 'laowu.console.station';
const LAST_ID_KEY = 'laowu.console.lastEventId.';
const STATUSES = ['new', 'offered', 'accepted', 'declined', 'expired'];
/** Job cards drawn at once, and matches kept in memory: a busy station can receive thousands. */
const SHOWN = 50;
const KEPT = 1000;
/** Profile and job look-ups in flight at once (a job with 50 candidates must not fire 50 requests together). */
const LOOKUPS_AT_ONCE = 4;
/** The most workers GET /v1/workers reads by id at once. */
const WORKERS_PER_READ = 100;
const KEY_REASONS = 3;
/** After a hire, how often and how long to re-read the job until its `filled` moved (it follows through Kafka). */
const FILLED_POLL_MS = 1000;
const FILLED_POLL_TRIES = 60;

const state = {
  stationId: '',
  stream: undefined,
  streamState: { state: 'idle' },
  matches: new Map(),
  /** workerId → { worker } | { error } | { pending: true } */
  workers: new Map(),
  /** jobId → { job, hired: Map(workerId → placementId) } | { error } | { pending: true } */
  jobs: new Map(),
  errors: new Map(),
  busy: new Set(),
  /** Matches pushed live and not yet seen (their card not focused or marked read). */
  unread: new Set(),
  /** matchId → the hire form's values, kept across redraws. */
  hireForms: new Map(),
  filter: '',
  mounted: undefined,
  loadError: undefined,
};
const unseenListeners = new Set();

export function onUnseenChange(listener) {
  unseenListeners.add(listener);
}

function announceUnread() {
  for (const listener of unseenListeners) listener(state.unread.size);
}

export function unseenBadge() {
  const n = state.unread.size;
  return n > 0 ? h('span.count', { id: 'feed-unseen', title: t('feedJobs.unreadTotal', { n }) }, String(n)) : null;
}

function defaultStation() {
  const who = principal();
  if (who?.role === 'station') return who.sub;
  return localStorage.getItem(STATION_KEY) ?? '';
}

/** Closes the stream and forgets the matches (sign-out, other token, other URLs). */
export function stopFeed() {
  state.stream?.close();
  state.stream = undefined;
  state.stationId = '';
  for (const map of [state.matches, state.errors, state.workers, state.jobs, state.hireForms, unreadWorkers]) map.clear();
  state.streamState = { state: 'idle' };
  state.unread.clear();
  announceUnread();
}

function startFeed(stationId) {
  stopFeed();
  state.stationId = stationId;
  localStorage.setItem(STATION_KEY, stationId);
  let listed = false;
  state.stream = openEventStream({
    url: stationStreamUrl(stationId),
    headers: authHeaders,
    lastEventId: sessionStorage.getItem(LAST_ID_KEY + stationId) ?? '',
    onId: (id) => sessionStorage.setItem(LAST_ID_KEY + stationId, id),
    onState: (next) => {
      state.streamState = next;
      // The stream is open first, then the stored matches are read: nothing falls in between.
      if (next.state === 'open' && !listed) {
        listed = true;
        loadList();
      }
      drawStatus();
    },
    onEvent: (event) => {
      if (event.event !== 'match') return;
      try {
        receive(JSON.parse(event.data), event.id);
      } catch {
        // not a match: ignored
      }
    },
  });
}

function receive(match, deliveryId) {
  const known = state.matches.get(match.matchId);
  state.matches.set(match.matchId, { ...known, ...match, status: known?.status ?? 'new', deliveryId, live: true });
  if (!known) {
    state.unread.add(match.matchId);
    prune();
    announceUnread();
  }
  drawList(known ? undefined : match.matchId);
}

async function loadList() {
  const stationId = state.stationId;
  try {
    const { items } = await stationMatches(stationId, undefined, 100);
    if (stationId !== state.stationId) return;
    for (const item of items) state.matches.set(item.matchId, { ...state.matches.get(item.matchId), ...item });
    state.loadError = undefined;
  } catch (error) {
    state.loadError = error;
  }
  drawList();
}

// ---- look-ups: workers' masked profiles, jobs' seats and hires -------------------------------

const lookups = [];
let lookupsRunning = 0;

/** Runs `task` when fewer than LOOKUPS_AT_ONCE look-ups are in flight. */
function queueLookup(task) {
  lookups.push(task);
  runLookups();
}

function runLookups() {
  while (lookupsRunning < LOOKUPS_AT_ONCE && lookups.length) {
    lookupsRunning += 1;
    lookups
      .shift()()
      .finally(() => {
        lookupsRunning -= 1;
        drawList();
        runLookups();
      });
  }
}

/** Workers waiting for their masked profile: read together, up to WORKERS_PER_READ in one request. */
const unreadWorkers = new Set();

function ensureWorker(workerId) {
  if (state.workers.has(workerId)) return;
  state.workers.set(workerId, { pending: true });
  // Queued after the current drawing, so that every worker it asks for goes in one request.
  if (unreadWorkers.size === 0) queueMicrotask(() => queueLookup(readWaitingWorkers));
  unreadWorkers.add(workerId);
}

async function readWaitingWorkers() {
  const workerIds = [...unreadWorkers].slice(0, WORKERS_PER_READ);
  if (workerIds.length === 0) return;
  for (const workerId of workerIds) unreadWorkers.delete(workerId);
  if (unreadWorkers.size) queueLookup(readWaitingWorkers);
  const stationId = state.stationId;
  const entries = await listWorkers({ workerIds: workerIds.join(','), pageSize: WORKERS_PER_READ }).then(
    ({ items }) => {
      const found = new Map(items.map((worker) => [worker.id, { worker }]));
      return workerIds.map((workerId) => [workerId, found.get(workerId) ?? { error: 'not readable' }]);
    },
    (error) => workerIds.map((workerId) => [workerId, { error }]),
  );
  if (stationId === state.stationId) for (const [workerId, entry] of entries) state.workers.set(workerId, entry);
}

async function readJob(jobId) {
  const [job, placements] = await Promise.all([getJob(jobId), placementsPage({ jobId, active: 'true', pageSize: 100 })]);
  return { job, hired: new Map(placements.items.map((p) => [p.workerId, p.id])) };
}

function ensureJob(jobId) {
  if (state.jobs.has(jobId)) return;
  state.jobs.set(jobId, { pending: true });
  const stationId = state.stationId;
  queueLookup(async () => {
    const entry = await readJob(jobId).catch((error) => ({ error }));
    if (stationId === state.stationId) state.jobs.set(jobId, entry);
  });
}

/** Re-reads the job until its `filled` differs from `before`, or gives up after FILLED_POLL_TRIES. */
async function followFilled(jobId, before) {
  for (let i = 0; i < FILLED_POLL_TRIES; i++) {
    await new Promise((done) => setTimeout(done, FILLED_POLL_MS));
    const entry = await readJob(jobId).catch(() => undefined);
    if (!entry) continue;
    state.jobs.set(jobId, entry);
    drawList();
    if (entry.job.filled !== before) return;
  }
}

// ---- actions ---------------------------------------------------------------------------------

async function runAction(matchId, call) {
  state.busy.add(matchId);
  state.errors.delete(matchId);
  drawList();
  try {
    await call();
  } catch (error) {
    const current = error.body?.currentStatus;
    if (current) state.matches.set(matchId, { ...state.matches.get(matchId), status: current });
    state.errors.set(matchId, error);
  } finally {
    state.busy.delete(matchId);
    drawList();
  }
}

function act(matchId, action) {
  return runAction(matchId, async () => {
    const updated = await matchAction(matchId, action);
    state.matches.set(matchId, { ...state.matches.get(matchId), ...updated });
  });
}

function chinaToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function openHireForm(match) {
  state.hireForms.set(match.matchId, { employer: '', startDate: chinaToday(), wage: String(match.job?.wage?.min ?? '') });
  drawList();
  focusAfterDraw = `${match.matchId}:employer`;
}

function recordHire(match) {
  const form = state.hireForms.get(match.matchId);
  const wageUnit = match.job?.wage?.unit;
  return runAction(match.matchId, async () => {
    const before = state.jobs.get(match.jobId)?.job?.filled;
    const placement = await createPlacement({
      workerId: match.workerId,
      jobId: match.jobId,
      matchId: match.matchId,
      source: 'match',
      employer: { name: form.employer.trim() },
      startDate: form.startDate,
      wage: form.wage && wageUnit ? { amount: Number(form.wage), unit: wageUnit } : undefined,
    });
    state.hireForms.delete(match.matchId);
    const entry = state.jobs.get(match.jobId);
    if (entry?.hired) entry.hired.set(match.workerId, placement.id);
    focusAfterDraw = `${match.matchId}:hired`;
    followFilled(match.jobId, before);
  });
}

/** The card was seen (focused, clicked or marked read): its live matches are no longer unread. */
function markSeen(group, card) {
  let changed = false;
  for (const m of group.matches) changed = state.unread.delete(m.matchId) || changed;
  if (!changed) return;
  announceUnread();
  showSeen(card);
}

/**
 * Takes the unread marks off the card in place, not by a redraw: the focus that got here comes
 * with the press on one of the card's buttons, and a redraw between the press and the release
 * would replace the button, so the click would never reach it.
 */
function showSeen(card) {
  card.dataset.unread = '0';
  card.classList.remove('has-unread');
  for (const badge of card.querySelectorAll('.badge.live')) badge.remove();
  const marks = card.querySelector('.unread');
  const hadFocus = marks?.contains(document.activeElement);
  marks?.remove();
  if (hadFocus) card.querySelector('.job-title')?.focus();
  if (state.mounted) state.mounted.markAll.disabled = state.unread.size === 0;
}

function markAllSeen() {
  state.unread.clear();
  announceUnread();
  drawList();
}

// ---- drawing ---------------------------------------------------------------------------------

function drawStatus() {
  const el = state.mounted?.status;
  if (!el) return;
  const s = state.streamState;
  const text =
    s.state === 'retrying'
      ? t('feed.state.retrying', { seconds: Math.round(s.inMs / 1000) })
      : s.state === 'denied'
        ? t('feed.state.denied', { status: s.status })
        : t(`feed.state.${s.state}`);
  el.className = `stream-state state-${s.state}`;
  el.dataset.state = s.state;
  clear(el, h('span.dot'), text, state.stream?.lastEventId ? h('span.muted', ` · ${t('feed.lastEvent', { id: state.stream.lastEventId })}`) : null);
}

let drawPending = false;
/** A control to focus after the next draw (data-focus-key), e.g. the hire form's first field. */
let focusAfterDraw;
const highlights = new Set();

/** Redraws at most once per frame, however fast events arrive. */
function drawList(highlight) {
  if (highlight) highlights.add(highlight);
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => {
    drawPending = false;
    drawNow();
    highlights.clear();
  });
}

/** The matches by job: instant jobs first, then the job with the newest match. */
function jobGroups(matches) {
  const groups = new Map();
  for (const m of matches) {
    const group = groups.get(m.jobId) ?? { jobId: m.jobId, job: m.job, matches: [], newest: '', instant: false };
    group.matches.push(m);
    if (String(m.createdAt) > group.newest) (group.newest = String(m.createdAt)), (group.job = m.job);
    group.instant ||= m.lane === 'instant' || Boolean(m.job?.instant);
    groups.set(m.jobId, group);
  }
  for (const group of groups.values()) group.matches.sort((a, b) => Number(b.score) - Number(a.score));
  return [...groups.values()].sort((a, b) => Number(b.instant) - Number(a.instant) || b.newest.localeCompare(a.newest));
}

function drawNow() {
  const view = state.mounted;
  if (!view) return;
  const items = [...state.matches.values()].filter((m) => !state.filter || m.status === state.filter);
  const groups = jobGroups(items);
  view.count.textContent =
    groups.length > SHOWN ? t('feedJobs.countShown', { jobs: groups.length, n: items.length, shown: SHOWN }) : t('feedJobs.count', { jobs: groups.length, n: items.length });
  view.markAll.disabled = state.unread.size === 0;
  // A redraw replaces the cards: keep the keyboard focus on the same control.
  const focused = view.list.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
  clear(
    view.list,
    state.loadError ? errorBox(state.loadError) : null,
    ...(groups.length ? groups.slice(0, SHOWN).map(jobCard) : [h('p.empty', { id: 'feed-empty' }, t('feed.empty'))]),
  );
  const key = focusAfterDraw ?? focused;
  const free = document.activeElement === document.body || view.list.contains(document.activeElement);
  focusAfterDraw = key && free && !focusControl(view.list, key) ? key : undefined;
  drawStatus();
}

/**
 * Focuses the control `key` names, else (an action that went away) the same row's next action, else
 * its first control. False while that control is disabled (its action is running): try again next draw.
 */
function focusControl(list, key) {
  const exact = list.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  if (exact?.disabled) return false;
  const row = CSS.escape(`${key.split(':')[0]}:`);
  const control = exact ?? list.querySelector(`[data-action][data-focus-key^="${row}"]:not(:disabled)`) ?? list.querySelector(`[data-focus-key^="${row}"]`);
  control?.focus();
  return true;
}

/** Forgets the oldest settled matches beyond KEPT. */
function prune() {
  if (state.matches.size <= KEPT) return;
  const settled = [...state.matches.values()]
    .filter((m) => m.status !== 'new' && m.status !== 'offered')
    .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const all = settled.length ? settled : [...state.matches.values()].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  for (const m of all.slice(0, state.matches.size - KEPT)) {
    state.matches.delete(m.matchId);
    state.unread.delete(m.matchId);
  }
}

function jobCard(group) {
  ensureJob(group.jobId);
  const job = group.job ?? {};
  const unread = group.matches.filter((m) => state.unread.has(m.matchId)).length;
  const titleId = `job-${group.jobId}-title`;
  const mixedTriggers = new Set(group.matches.map((m) => m.trigger)).size > 1;
  return h(
    'section.card.job-card',
    {
      dataset: { jobId: group.jobId, unread: String(unread), instant: String(group.instant) },
      class: unread ? 'has-unread' : '',
      'aria-labelledby': titleId,
      onfocusin: (event) => markSeen(group, event.currentTarget),
      onclick: (event) => markSeen(group, event.currentTarget),
    },
    h(
      'header.job-card-head',
      h('h3.job-title', { id: titleId, tabindex: '-1', dataset: { focusKey: `${group.jobId}:title` } }, job.title ?? shortId(group.jobId), ' ', job.kind ? badge('kind', job.kind) : null, job.instant ? h('span.badge.instant', t('job.instant')) : null),
      unread
        ? h(
            'span.unread',
            h('span.unread-count', { 'aria-label': t('feedJobs.unread', { n: unread }) }, String(unread)),
            h('button.small', { type: 'button', dataset: { focusKey: `${group.jobId}:seen` }, onclick: (event) => markSeen(group, event.currentTarget.closest('.job-card')) }, t('feedJobs.markSeen')),
          )
        : null,
    ),
    jobFacts(group, job),
    pushedBy(group),
    h('div.worker-rows', group.matches.map((m) => workerRow(m, highlights.has(m.matchId), mixedTriggers))),
  );
}

/** Wage, place, start, agency, and the seats as job-collection tells them (headcount, filled, status). */
function jobFacts(group, job) {
  const entry = state.jobs.get(group.jobId);
  const seats = entry?.job
    ? h(
        'span.seats',
        { dataset: { filled: String(entry.job.filled), headcount: String(entry.job.headcount), status: entry.job.status } },
        t('feedJobs.seats', { filled: entry.job.filled, headcount: entry.job.headcount }),
        ' ',
        badge('jobStatus', entry.job.status),
      )
    : job.headcountLeft !== undefined
      ? h('span.seats', t('job.headcountLeft', { n: job.headcountLeft }))
      : null;
  const facts = [
    wageText(job.wage),
    job.location?.address ?? job.location?.regionCode,
    job.startAt ? t('job.start', { time: formatTime(job.startAt) }) : null,
    job.agencyId ? t('feedJobs.agency', { agency: job.agencyId }) : null,
  ].filter(Boolean);
  return h('div.job-meta', facts.join(' · '), seats ? ' · ' : null, seats, entry?.error ? errorBox(entry.error) : null);
}

/** Why the station got these matches: each trigger and lane among them. */
function pushedBy(group) {
  const triggers = [...new Set(group.matches.map((m) => m.trigger).filter(Boolean))];
  const lanes = [...new Set(group.matches.map((m) => m.lane).filter(Boolean))];
  return h(
    'div.pushed-by',
    h('span.muted', `${t('feedJobs.pushedBy')}: `),
    triggers.map((trigger) => h('span.match-trigger', { dataset: { trigger } }, badge('match.trigger', trigger))),
    lanes.map((lane) => h('span.match-lane', { dataset: { lane } }, badge('lane', lane))),
  );
}

/** The worker as the station may see them: masked name, gender, age, priority groups. */
function workerLabel({ workerId, matchId }) {
  ensureWorker(workerId);
  const entry = state.workers.get(workerId);
  const worker = entry?.worker;
  const name = worker ? worker.name : entry?.error ? t('feedJobs.workerUnknown') : t('common.loading');
  return [
    h('a.worker-link', { href: `#/worker/${encodeURIComponent(workerId)}`, dataset: { focusKey: `${matchId}:link` } }, name),
    worker
      ? h(
          'span.worker-facts',
          [label('worker.gender', worker.gender), t('feedJobs.age', { n: worker.ageYears })].join(' · '),
          ' ',
          worker.priorityGroups.map((g) => badge('group', g)),
        )
      : null,
  ];
}

function keyReasons(reasons = []) {
  const top = [...reasons].sort((a, b) => Number(b.contribution) - Number(a.contribution)).slice(0, KEY_REASONS);
  return h(
    'ul.key-reasons',
    { 'aria-label': t('feed.reasons') },
    top.map((r) => h('li', h('span.reason-factor', label('factor', r.factor)), r.detail ? h('span.reason-detail', r.detail) : null)),
  );
}

function workerRow(match, fresh, showTrigger) {
  const busy = state.busy.has(match.matchId);
  const error = state.errors.get(match.matchId);
  return h(
    'article.match',
    { class: fresh ? 'fresh' : '', dataset: { matchId: match.matchId, jobId: match.jobId, workerId: match.workerId, status: match.status, trigger: match.trigger ?? '' } },
    h(
      'div.match-head',
      workerLabel(match),
      state.unread.has(match.matchId) ? h('span.badge.live', t('feed.live')) : null,
      h('span.match-status', { dataset: { status: match.status } }, badge('match.status', match.status)),
    ),
    h(
      'div.match-sub',
      h('span.score', t('feed.score', { score: Number(match.score).toFixed(2) })),
      // The card names the trigger; a row names its own only where the job's matches came by different ones.
      showTrigger && match.trigger ? h('span.match-trigger', { dataset: { trigger: match.trigger } }, badge('match.trigger', match.trigger)) : null,
      h('span.muted.time', formatTime(match.createdAt)),
    ),
    keyReasons(match.reasons),
    h('details.why', h('summary', t('feedJobs.allReasons')), reasonsList(match.reasons, match.score)),
    matchActions(match, busy),
    state.hireForms.has(match.matchId) ? hireForm(match, busy) : null,
    error ? errorBox(error) : null,
  );
}

function matchActions(match, busy) {
  const hired = state.jobs.get(match.jobId)?.hired?.get(match.workerId);
  if (hired) return h('div.actions', h('span.badge.hired', { tabindex: '-1', dataset: { focusKey: `${match.matchId}:hired`, placementId: hired } }, t('feedJobs.hired')));
  const button = (action, text, kind = '', onclick = () => act(match.matchId, action)) =>
    h(`button${kind}`, { type: 'button', disabled: busy, dataset: { action, focusKey: `${match.matchId}:${action}` }, onclick }, text);
  const open = match.status === 'new' || match.status === 'offered';
  if (open)
    return h(
      'div.actions',
      match.status === 'new' ? button('offer', t('feed.offer')) : null,
      button('accept', t('feed.accept'), '.primary'),
      button('decline', t('feed.decline'), '.danger'),
    );
  if (match.status === 'accepted' && !state.hireForms.has(match.matchId)) return h('div.actions', button('hire', t('feedJobs.recordHire'), '.primary', () => openHireForm(match)));
  return null;
}

function hireForm(match, busy) {
  const values = state.hireForms.get(match.matchId);
  const id = (name) => `hire-${match.matchId}-${name}`;
  const input = (name, attrs) =>
    h('input', { id: id(name), name, value: values[name], dataset: { focusKey: `${match.matchId}:${name}` }, oninput: (e) => (values[name] = e.target.value), ...attrs });
  const unit = match.job?.wage?.unit;
  return h(
    'form.hire-form',
    {
      dataset: { matchId: match.matchId },
      onsubmit: (event) => {
        event.preventDefault();
        recordHire(match);
      },
    },
    h('p.muted', t('feedJobs.hireNote')),
    field(t('feedJobs.employer'), input('employer', { required: true, maxLength: 200, autocomplete: 'organization' })),
    field(t('feedJobs.startDate'), input('startDate', { type: 'date', required: true, max: chinaToday() })),
    unit ? field(t('feedJobs.wage', { unit: label('wage', unit) }), input('wage', { type: 'number', min: '0.01', step: '0.01' })) : null,
    h(
      'div.actions',
      h('button.primary', { type: 'submit', disabled: busy, dataset: { action: 'hire-submit', focusKey: `${match.matchId}:hire-submit` } }, t('feedJobs.recordHire')),
      h('button', { type: 'button', dataset: { focusKey: `${match.matchId}:hire-cancel` }, onclick: () => (state.hireForms.delete(match.matchId), drawList()) }, t('common.cancel')),
    ),
  );
}

export function render(main) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  const stationInput = h('input', { id: 'feed-station', value: state.stationId || defaultStation(), required: true, size: 24, readOnly: who.role === 'station' });
  const status = h('div.stream-state', { id: 'stream-state' });
  const count = h('span.muted', { id: 'feed-count' });
  const markAll = h('button', { type: 'button', id: 'feed-mark-all', onclick: markAllSeen }, t('feedJobs.markAllSeen'));
  const list = h('div.job-list', { id: 'feed-list', 'aria-live': 'polite' });
  const filter = h(
    'select',
    { id: 'feed-filter', onchange: () => ((state.filter = filter.value), drawList()) },
    h('option', { value: '' }, t('feed.filter.all')),
    STATUSES.map((s) => h('option', { value: s, selected: state.filter === s }, label('match.status', s))),
  );
  const connected = state.stream && state.stationId === stationInput.value;
  main.append(
    h('div.toolbar',
      h('h2', t('feed.title')),
      h(
        'form.inline',
        {
          onsubmit: (event) => {
            event.preventDefault();
            if (stationInput.value.trim()) startFeed(stationInput.value.trim());
            drawList();
          },
        },
        field(t('feed.station'), stationInput),
        h('button.primary', { type: 'submit', id: 'feed-connect' }, t('feed.connect')),
        h('button', { type: 'button', id: 'feed-disconnect', onclick: () => (stopFeed(), drawList()) }, t('feed.disconnect')),
        field(t('feed.filter'), filter),
        // Refresh re-reads the stored matches and the jobs' seats.
        h('button', { type: 'button', id: 'feed-refresh', onclick: () => (state.jobs.clear(), loadList()) }, t('common.refresh')),
      ),
    ),
    h('div.feed-meta', status, count, markAll),
    list,
  );
  state.mounted = { status, count, list, markAll };
  if (!connected && stationInput.value && (who.role === 'station' || who.role === 'admin')) startFeed(stationInput.value);
  drawList();
  return () => {
    state.mounted = undefined;
  };
}
