// The station's live match feed: SSE from dispatch read with fetch() (Authorization header,
// Last-Event-ID on reconnect), merged with the station's stored matches; offer / accept / decline.
import { matchAction, principal, stationMatches, stationStreamUrl, authHeaders } from '../api.js';
import { badge, errorBox, field, h, jobSummary, reasonsList, shortId, signedOutBox, clear } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { openEventStream } from '../sse.js';

const STATION_KEY = 'laowu.console.station';
const LAST_ID_KEY = 'laowu.console.lastEventId.';
const STATUSES = ['new', 'offered', 'accepted', 'declined', 'expired'];
/** Cards drawn at once, and matches kept in memory: a busy station can receive thousands. */
const SHOWN = 100;
const KEPT = 1000;

const state = {
  stationId: '',
  stream: undefined,
  streamState: { state: 'idle' },
  matches: new Map(),
  errors: new Map(),
  busy: new Set(),
  filter: '',
  unseen: 0,
  mounted: undefined,
  loadError: undefined,
};
const unseenListeners = new Set();

export function onUnseenChange(listener) {
  unseenListeners.add(listener);
}

function setUnseen(n) {
  if (state.unseen === n) return;
  state.unseen = n;
  for (const listener of unseenListeners) listener(n);
}

export function unseenBadge() {
  return state.unseen > 0 ? h('span.count', { id: 'feed-unseen' }, String(state.unseen)) : null;
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
  state.matches.clear();
  state.errors.clear();
  state.streamState = { state: 'idle' };
  setUnseen(0);
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
      let match;
      try {
        match = JSON.parse(event.data);
      } catch {
        return;
      }
      const known = state.matches.get(match.matchId);
      state.matches.set(match.matchId, { ...known, ...match, status: known?.status ?? 'new', deliveryId: event.id, live: true });
      if (!known) prune();
      if (!known) {
        if (state.mounted && document.visibilityState !== 'hidden' && location.hash.startsWith('#/feed')) drawList(match.matchId);
        else setUnseen(state.unseen + 1);
      }
      if (known) drawList();
    },
  });
}

async function loadList() {
  const stationId = state.stationId;
  try {
    const { items } = await stationMatches(stationId, undefined, 100);
    if (stationId !== state.stationId) return;
    for (const item of items) {
      const known = state.matches.get(item.matchId);
      state.matches.set(item.matchId, { ...known, ...item });
    }
    state.loadError = undefined;
  } catch (error) {
    state.loadError = error;
  }
  drawList();
}

async function act(matchId, action) {
  state.busy.add(matchId);
  state.errors.delete(matchId);
  drawList();
  try {
    const updated = await matchAction(matchId, action);
    state.matches.set(matchId, { ...state.matches.get(matchId), ...updated });
  } catch (error) {
    const current = error.body?.currentStatus;
    if (current) state.matches.set(matchId, { ...state.matches.get(matchId), status: current });
    state.errors.set(matchId, error);
  } finally {
    state.busy.delete(matchId);
    drawList();
  }
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

function drawNow() {
  const view = state.mounted;
  if (!view) return;
  const items = [...state.matches.values()]
    .filter((m) => !state.filter || m.status === state.filter)
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)) || String(b.deliveryId ?? '').localeCompare(String(a.deliveryId ?? '')));
  view.count.textContent = items.length > SHOWN ? t('feed.countShown', { n: items.length, shown: SHOWN }) : t('feed.count', { n: items.length });
  clear(view.list, 
    state.loadError ? errorBox(state.loadError) : null,
    ...(items.length ? items.slice(0, SHOWN).map((m) => card(m, highlights.has(m.matchId))) : [h('p.empty', { id: 'feed-empty' }, t('feed.empty'))]),
  );
  drawStatus();
}

/** Forgets the oldest settled matches beyond KEPT. */
function prune() {
  if (state.matches.size <= KEPT) return;
  const settled = [...state.matches.values()]
    .filter((m) => m.status !== 'new' && m.status !== 'offered')
    .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const all = settled.length ? settled : [...state.matches.values()].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  for (const m of all.slice(0, state.matches.size - KEPT)) state.matches.delete(m.matchId);
}

function card(match, fresh) {
  const busy = state.busy.has(match.matchId);
  const error = state.errors.get(match.matchId);
  const open = match.status === 'new' || match.status === 'offered';
  const button = (action, text, kind = '') =>
    h(`button${kind}`, { type: 'button', disabled: busy, dataset: { action }, onclick: () => act(match.matchId, action) }, text);
  return h(
    'article.card.match',
    { class: fresh ? 'fresh' : '', dataset: { matchId: match.matchId, jobId: match.jobId, workerId: match.workerId, status: match.status } },
    h(
      'div.match-head',
      h('span.score', t('feed.score', { score: Number(match.score).toFixed(2) })),
      h('span.match-status', { dataset: { status: match.status } }, badge('match.status', match.status)),
      match.trigger ? h('span.match-trigger', { dataset: { trigger: match.trigger } }, badge('match.trigger', match.trigger)) : null,
      match.live && match.status === 'new' ? h('span.badge.live', t('feed.live')) : null,
      h('span.muted.time', formatTime(match.createdAt)),
    ),
    jobSummary(match.job),
    h(
      'div.match-ids',
      h('span', `${t('feed.worker')}: `, h('a', { href: `#/worker/${encodeURIComponent(match.workerId)}`, class: 'worker-link' }, shortId(match.workerId))),
      h('span.muted', `${t('feed.job')}: ${shortId(match.jobId)}`),
    ),
    h('details.why', { open: true }, h('summary', t('feed.reasons')), reasonsList(match.reasons, match.score)),
    open
      ? h(
          'div.actions',
          match.status === 'new' ? button('offer', t('feed.offer')) : null,
          button('accept', t('feed.accept'), '.primary'),
          button('decline', t('feed.decline'), '.danger'),
        )
      : null,
    error ? errorBox(error) : null,
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
  const list = h('div.match-list', { id: 'feed-list', 'aria-live': 'polite' });
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
        h('button', { type: 'button', onclick: () => loadList() }, t('common.refresh')),
      ),
    ),
    h('div.feed-meta', status, count),
    list,
  );
  state.mounted = { status, count, list };
  setUnseen(0);
  if (!connected && stationInput.value && (who.role === 'station' || who.role === 'admin')) startFeed(stationInput.value);
  drawList();
  return () => {
    state.mounted = undefined;
  };
}
