// An agency's own jobs (GET /v1/jobs): status and kind filters, pages, filled / headcount and
// status of each; links to the job's page and to posting a new one.
import { listJobs, principal } from '../api.js';
import { badge, clear, errorBox, field, h, pager, signedOutBox, wageText } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { KINDS } from './job-edit.js';

const STATUSES = ['open', 'filled', 'closed', 'expired'];
const PAGE_SIZE = 20;
const last = { status: '', kind: '', page: 1 };

export function render(main) {
  if (!principal()) {
    main.append(signedOutBox());
    return;
  }
  const filter = (id, values, prefix, chosen) =>
    h('select', { id }, h('option', { value: '' }, t('jobs.all')), values.map((value) => h('option', { value, selected: value === chosen }, label(prefix, value))));
  const status = filter('jobs-status', STATUSES, 'jobStatus', last.status);
  const kind = filter('jobs-kind', KINDS, 'kind', last.kind);
  const results = h('div', { id: 'jobs-results' });
  let alive = true;

  async function load(page) {
    Object.assign(last, { status: status.value, kind: kind.value, page });
    clear(results, h('p.muted', t('common.loading')));
    try {
      const result = await listJobs({ status: last.status, kind: last.kind, page, pageSize: PAGE_SIZE });
      if (alive) clear(results, jobTable(result), pager(result, load, { id: 'jobs', always: true }));
    } catch (error) {
      if (alive) clear(results, errorBox(error));
    }
  }

  main.append(
    h('div.toolbar', h('h2', t('jobs.title')), h('a.button.primary', { href: '#/job-edit', id: 'jobs-new' }, t('jobs.new'))),
    h(
      'form.card.inline',
      { id: 'jobs-filters', onsubmit: (event) => (event.preventDefault(), load(1)) },
      field(t('jobs.status'), status),
      field(t('jobs.kind'), kind),
      h('button', { type: 'submit', id: 'jobs-apply' }, t('jobs.apply')),
    ),
    results,
  );
  load(last.page);
  return () => {
    alive = false;
  };
}

function jobTable({ items, total }) {
  if (!items.length) return h('p.empty', t('jobs.empty'));
  return h(
    'div.table-wrap',
    { tabindex: 0, role: 'region', 'aria-label': t('jobs.title') },
    h(
      'table.figures.job-table',
      h('caption.visually-hidden', t('jobs.total', { total })),
      h('thead', h('tr', ['title', 'kind', 'wage', 'filled', 'status', 'updated'].map((col) => h('th', { scope: 'col', class: col === 'filled' ? 'num' : '' }, t(`jobs.col.${col}`))))),
      h(
        'tbody',
        items.map((job) =>
          h(
            'tr',
            { dataset: { jobId: job.id } },
            h('th', { scope: 'row' }, h('a', { href: `#/job/${encodeURIComponent(job.id)}` }, job.title)),
            h('td', badge('kind', job.kind)),
            h('td', wageText(job.wage)),
            h('td.num', { dataset: { field: 'filled' } }, `${job.filled} / ${job.headcount}`),
            h('td', { dataset: { field: 'status' } }, badge('jobStatus', job.status)),
            h('td', formatTime(job.updatedAt)),
          ),
        ),
      ),
    ),
  );
}

