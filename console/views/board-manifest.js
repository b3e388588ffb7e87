// A batch with what the console may show about its workers, and its printable manifest (乘车名单):
// one A4 page per 40 workers, each page with the batch's header and the table's head.
import { getBatch, getJob, listRowsOf } from '../api.js';
import { badge, clear, errorBox, h, shortId } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { regionName } from '../region-picker.js';

export const ROWS_PER_PAGE = 40;

/**
 * The batch, its workers' list rows (masked names) and its jobs' titles. The names come from the
 * coordinator's region's lists (an admin: the batch's origin); a worker found there is shown by
 * the start of its id instead.
 */
export async function loadBatchDetails(id, who) {
  const batch = await getBatch(id);
  const region = who.role === 'coordinator' ? who.region : batch.originRegionCode;
  const [rows, titles] = await Promise.all([
    listRowsOf(region, batch.workers.map((w) => w.workerId)).catch(() => new Map()),
    jobTitles(batch.destination.jobIds),
  ]);
  return { batch, rows, titles };
}

async function jobTitles(jobIds) {
  const jobs = await Promise.all(jobIds.map((id) => getJob(id).catch(() => undefined)));
  return new Map(jobIds.map((id, i) => [id, jobs[i]?.title ?? shortId(id)]));
}

export function workerName(rows, workerId) {
  return rows.get(workerId)?.name ?? shortId(workerId);
}

export function renderManifest(main, id, who) {
  const sheet = h('div.manifest-sheet', { id: 'manifest-sheet' }, h('p.muted', t('common.loading')));
  main.append(
    h(
      'div.toolbar.no-print',
      h('h2', t('coord.manifestTitle')),
      h('a', { href: `#/board/${id}` }, t('coord.backToBatch')),
      h('button.primary', { type: 'button', id: 'manifest-print', onclick: () => window.print() }, t('coord.print')),
    ),
    sheet,
  );
  drawManifest(sheet, id, who);
}

async function drawManifest(sheet, id, who) {
  try {
    const { batch, rows, titles } = await loadBatchDetails(id, who);
    const [from, to] = await Promise.all([regionName(batch.originRegionCode), regionName(batch.destination.regionCode)]);
    const route = `${from} ${batch.originRegionCode} → ${to} ${batch.destination.regionCode} · ${batch.destination.address}`;
    const travellers = batch.workers.filter((w) => w.status !== 'no_show');
    const pages = [];
    for (let i = 0; i < Math.max(travellers.length, 1); i += ROWS_PER_PAGE) pages.push(travellers.slice(i, i + ROWS_PER_PAGE));
    clear(
      sheet,
      pages.map((lines, index) =>
        h(
          'section.manifest-page',
          { dataset: { page: index + 1 } },
          manifestHeader(batch, route, t('coord.pageOf', { page: index + 1, pages: pages.length })),
          manifestTable(lines, index * ROWS_PER_PAGE, rows, titles),
        ),
      ),
    );
    sheet.dataset.state = 'ready';
    sheet.dataset.pages = String(pages.length);
  } catch (error) {
    clear(sheet, errorBox(error));
  }
}

function manifestHeader(batch, route, pageText) {
  return h(
    'header.manifest-head',
    h('h3', t('coord.manifestHeading'), h('span.manifest-pageno', pageText)),
    h(
      'dl.facts.manifest-facts',
      h('dt', t('coord.batch')), h('dd', batch.id),
      h('dt', t('coord.route')), h('dd', route),
      h('dt', t('board.departs')), h('dd', `${formatTime(batch.departAt)} · ${label('mode', batch.transport.mode)}`),
      ...contactFacts(batch),
      h('dt', t('coord.headcount')), h('dd', t('board.seats', { taken: batch.seatsTaken, capacity: batch.transport.capacity, left: batch.seatsLeft })),
    ),
  );
}

/** The escort (带队联系人) when the batch has one, its phone as dispatch gives it to this reader; else the coordinator. */
function contactFacts(batch) {
  if (!batch.contact) return [h('dt', t('coord.contact')), h('dd', t('coord.contactValue', { coordinator: batch.coordinatorId }))];
  return [h('dt', t('coord.escort')), h('dd.manifest-contact', t('coord.escortValue', { name: batch.contact.name, phone: batch.contact.phone }))];
}

function manifestTable(lines, offset, rows, titles) {
  return h(
    'table.manifest-print',
    h('thead', h('tr', ['no', 'name', 'gender', 'groups', 'job', 'status', 'signature'].map((c) => h('th', t(`coord.col.${c}`))))),
    h(
      'tbody',
      lines.map((w, i) =>
        h(
          'tr',
          { dataset: { workerId: w.workerId } },
          h('td', String(offset + i + 1)),
          h('td', workerName(rows, w.workerId)),
          h('td', rows.has(w.workerId) ? label('worker.gender', rows.get(w.workerId).gender) : '—'),
          h('td', w.priorityGroups.map((g) => badge('group', g))),
          h('td', titles.get(w.jobId) ?? shortId(w.jobId)),
          h('td', label('seat', w.status)),
          h('td.signature'),
        ),
      ),
    ),
  );
}
