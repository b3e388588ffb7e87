// Finding workers (#/workers): the exact lookup of an ID or mobile number (POST /v1/workers/lookup,
// so the number never goes into a URL), and the station's own workers, filtered and paged
// (GET /v1/workers). Personal data is shown masked, as the API returns it.
import { listWorkers, lookupWorkers, principal, skills } from '../api.js';
import { badge, clear, errorBox, field, h, signedOutBox } from '../dom.js';
import { label, t } from '../i18n.js';
import { namedCodes } from '../reference-search.js';

export const STATUSES = ['employed', 'unemployed', 'seeking', 'not_in_labor_force'];
const GROUPS = ['poverty_alleviated', 'monitoring_target', 'relocated'];
const PAGE_SIZE = 20;
// Filters and page survive a visit to a worker's page and back.
const last = { filters: {}, page: 1 };

export function render(main) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  main.append(h('h2', t('workers.title')), lookupCard(), listCard());
}

/** An ID number (18 characters) or a mobile number (11 digits), told apart by their shape. */
function lookupKey(text) {
  const value = text.trim().toUpperCase();
  return /^1\d{10}$/.test(value) ? { phone: value } : { idNumber: value };
}

function lookupCard() {
  const number = h('input', { id: 'lookup-number', required: true, maxLength: 18, autocomplete: 'off', inputMode: 'text' });
  const results = h('div', { id: 'lookup-results', 'aria-live': 'polite' });
  const onSubmit = async (event) => {
    event.preventDefault();
    clear(results, h('p.muted', t('common.loading')));
    try {
      const { items } = await lookupWorkers(lookupKey(number.value));
      clear(results, items.length ? workerRows(items) : h('p.empty', t('workers.lookupNone')));
    } catch (error) {
      clear(results, errorBox(error));
    }
  };
  return h(
    'section.card',
    { id: 'workers-lookup' },
    h('h3', t('workers.lookup')),
    h('form.inline', { onsubmit: onSubmit }, field(t('workers.lookupNumber'), number), h('button.primary', { type: 'submit', id: 'lookup-submit' }, t('workers.find'))),
    results,
  );
}

function listCard() {
  const choice = (name, values, prefix) =>
    h(
      'select',
      { id: `filter-${name}`, name },
      h('option', { value: '' }, t('workers.any')),
      values.map((value) => h('option', { value, selected: last.filters[name] === value }, prefix ? label(prefix, value) : t(`workers.migrate.${value}`))),
    );
  const status = choice('status', STATUSES, 'status');
  const group = choice('priorityGroup', GROUPS, 'group');
  const migrate = choice('willingToMigrate', ['true', 'false']);
  const skill = skillInput('filter-skill', last.filters.skill ?? '');
  const results = h('div', { id: 'workers-list', 'aria-live': 'polite' });

  const load = async () => {
    clear(results, h('p.muted', t('common.loading')));
    try {
      const page = await listWorkers({ ...last.filters, page: last.page, pageSize: PAGE_SIZE });
      clear(results, h('p.muted', { id: 'workers-total', dataset: { total: page.total } }, t('workers.total', { n: page.total })), workerRows(page.items), pager(page, load));
    } catch (error) {
      clear(results, errorBox(error));
    }
  };
  const onSubmit = (event) => {
    event.preventDefault();
    last.filters = { status: status.value, priorityGroup: group.value, willingToMigrate: migrate.value, skill: skill.input.value.trim() };
    last.page = 1;
    load();
  };
  load();
  return h(
    'section.card',
    { id: 'workers-own' },
    h('h3', t('workers.own')),
    h(
      'form.inline.filters',
      { id: 'workers-filters', onsubmit: onSubmit },
      field(t('workers.status'), status),
      field(t('workers.group'), group),
      field(t('workers.migrate'), migrate),
      field(t('workers.skill'), skill.input, skill.list),
      h('button.primary', { type: 'submit', id: 'workers-filter' }, t('workers.filter')),
    ),
    results,
  );
}

function pager({ page, pageSize, total }, load) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (to) => () => {
    last.page = to;
    load();
  };
  return h(
    'nav.pager',
    { 'aria-label': t('workers.pages') },
    h('button', { type: 'button', id: 'workers-prev', disabled: page <= 1, onclick: go(page - 1) }, t('workers.prev')),
    h('span', { id: 'workers-page' }, t('workers.page', { page, pages })),
    h('button', { type: 'button', id: 'workers-next', disabled: page >= pages, onclick: go(page + 1) }, t('workers.next')),
  );
}

/** Workers as rows: masked name, ID and phone, status, groups, skills; each opens the worker's page. */
export function workerRows(items) {
  if (!items.length) return h('p.empty', t('common.none'));
  return h(
    'ul.worker-rows',
    items.map((w) =>
      h(
        'li.worker-row',
        { dataset: { workerId: w.id } },
        h('a.worker-row-link', { href: `#/worker/${encodeURIComponent(w.id)}` }, h('span.worker-row-name', w.name), ' ', h('span.mono', w.idNumber)),
        h('span.mono', w.phone),
        badge('status', w.employmentStatus?.status),
        h('span', w.priorityGroups.map((g) => badge('group', g))),
        h('span.muted', w.skills.length ? namedCodes(skills, w.skills) : null),
      ),
    ),
  );
}

/** A skill code field with suggestions from the taxonomy (GET /v1/reference/skills) as staff type. */
function skillInput(id, value) {
  const list = h('datalist', { id: `${id}-options` });
  let timer;
  const input = h('input', {
    id, name: 'skill', value, list: `${id}-options`, autocomplete: 'off', size: 14,
    oninput: () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const found = await skills(input.value.trim()).catch(() => []);
        clear(list, found.map((s) => h('option', { value: s.code }, s.name)));
      }, 250);
    },
  });
  return { input, list };
}
