// Workers to seat on a batch, picked from the willing-to-migrate list (有外出务工意愿人员名单) of the
// coordinator's region, as worker-profiles returns it (names, ID numbers and phones masked). The
// picker never lets more workers be picked than there are seats.
import { listPage } from '../api.js';
import { badge, clear, errorBox, h } from '../dom.js';
import { label, t } from '../i18n.js';

const PAGE_SIZE = 50;

/** { el, picked(), setLimit(n), reset() }; onChange(pickedIds) after every tick. */
export function workerPicker({ regionCode, limit, onChange = () => {} }) {
  const chosen = new Map();
  let seats = limit;
  let page = 1;
  let rows = [];
  let total = 0;
  const count = h('p.picker-count', { id: 'picker-count', role: 'status' });
  const chosenNames = h('p.picker-chosen.muted');
  const body = h('div.picker-rows');
  const el = h('section.worker-picker', { id: 'worker-picker' }, h('h4', t('coord.pickerTitle', { region: regionCode })), count, chosenNames, body);

  function drawCount() {
    count.dataset.picked = String(chosen.size);
    count.dataset.capacity = String(seats);
    count.classList.toggle('over', chosen.size > seats);
    clear(count, t('coord.pickedOf', { picked: chosen.size, capacity: seats }), chosen.size >= seats ? h('span.muted', ` · ${t('coord.seatsFull')}`) : null);
    clear(chosenNames, chosen.size ? t('coord.chosenWorkers', { names: [...chosen.values()].map((row) => row.name).join('、') }) : '');
  }

  function drawRows() {
    const full = chosen.size >= seats;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    clear(
      body,
      rows.length
        ? h(
            'ul.pick-list',
            rows.map((row) => {
              const box = h('input', {
                type: 'checkbox',
                value: row.id,
                checked: chosen.has(row.id),
                disabled: full && !chosen.has(row.id),
                onchange: () => toggle(row, box.checked),
              });
              return h(
                'li.pick',
                { dataset: { workerId: row.id } },
                h(
                  'label.check',
                  box,
                  h('span.pick-name', row.name),
                  h('span.muted', ` ${label('worker.gender', row.gender)} · ${t('coord.age', { n: row.ageYears })} · ${row.homeRegionCode}`),
                  row.priorityGroups.map((g) => badge('group', g)),
                ),
              );
            }),
          )
        : h('p.empty', t('coord.noWilling')),
      pages > 1
        ? h(
            'div.pager',
            h('button', { type: 'button', disabled: page <= 1, onclick: () => load(page - 1) }, t('common.prev')),
            h('span', t('common.page', { page, total })),
            h('button', { type: 'button', disabled: page >= pages, onclick: () => load(page + 1) }, t('common.next')),
          )
        : null,
    );
  }

  function toggle(row, on) {
    if (on && chosen.size >= seats) return drawRows();
    if (on) chosen.set(row.id, row);
    else chosen.delete(row.id);
    drawCount();
    drawRows();
    onChange([...chosen.keys()]);
  }

  async function load(next = 1) {
    body.dataset.state = 'loading';
    clear(body, h('p.muted', t('common.loading')));
    try {
      const result = await listPage('willing-to-migrate', regionCode, next, PAGE_SIZE);
      ({ items: rows, total } = result);
      page = next;
      body.dataset.state = 'ready';
      drawRows();
    } catch (error) {
      clear(body, errorBox(error));
    }
  }

  drawCount();
  load();
  return {
    el,
    picked: () => [...chosen.keys()],
    setLimit(n) {
      seats = n;
      drawCount();
      drawRows();
      onChange([...chosen.keys()]);
    },
    reset() {
      chosen.clear();
      drawCount();
      drawRows();
    },
  };
}
