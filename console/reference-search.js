// Search-as-you-type over a reference list (skills, occupations, labour brands, certificates):
// an input, and the hits below it as buttons. Keyboard: type, ArrowDown (or Tab) to the hits, Enter picks.
import { clear, errorBox, h } from './dom.js';
import { t } from './i18n.js';

const TYPING_PAUSE_MS = 250;
const MOST_HITS = 8;

/** search(q) → items with a `code`; describe(item) → the hit's text; onPick(item). */
export function referenceSearch({ id, search, describe, onPick }) {
  const hits = h('ul.ref-hits', { id: `${id}-hits`, 'aria-live': 'polite' });
  const input = h('input', { id, type: 'search', autocomplete: 'off', size: 18, 'aria-controls': hits.id, placeholder: t('jobEdit.typeToSearch') });
  let asked = 0;
  let timer;

  async function lookUp() {
    clearTimeout(timer);
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) return clear(hits);
    try {
      const items = await search(q);
      if (mine === asked) show(items.slice(0, MOST_HITS));
    } catch (error) {
      if (mine === asked) clear(hits, h('li', errorBox(error)));
    }
  }

  function pick(item) {
    onPick(item);
    input.value = '';
    clear(hits);
    input.focus();
  }

  function show(items) {
    clear(
      hits,
      items.length
        ? items.map((item) => h('li', h('button.hit', { type: 'button', dataset: { code: item.code }, onclick: () => pick(item) }, describe(item))))
        : h('li.muted', t('jobEdit.noHits')),
    );
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, TYPING_PAUSE_MS);
  });
  input.addEventListener('keydown', (event) => {
    // Enter searches at once instead of submitting the surrounding form.
    if (event.key === 'Enter') {
      event.preventDefault();
      lookUp();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      hits.querySelector('button')?.focus();
    }
  });
  return { input, hits };
}

const SKILL_LEVELS = [1, 2, 3, 4, 5];

/**
 * Chosen codes, each removable: skills with a level (`levels`: 'minimum' for a job, which may take
 * any level; 'exact' for a worker's own), or certificates (no levels). The `initial` codes show as
 * codes until `search`, their reference list, names them.
 */
export function codeList({ id, levels, initial = [], search }) {
  const chosen = new Map(initial.map((item) => [item.code, { ...item, name: item.code }]));
  const labelOf = (name, code) => `${name} · ${code}`;
  const el = h('ul.chosen-codes', { id: `${id}-chosen` });

  function levelSelect(item) {
    const any = levels === 'minimum' ? h('option', { value: '' }, t('jobEdit.anyLevel')) : null;
    const select = h('select', { dataset: { level: item.code } }, any, SKILL_LEVELS.map((n) => h('option', { value: n, selected: n === item.level }, `L${n}`)));
    select.addEventListener('change', () => (item.level = select.value === '' ? undefined : Number(select.value)));
    return h('label', `${item.name} · ${t(levels === 'minimum' ? 'jobEdit.minLevel' : 'refs.level')} `, select);
  }

  function draw() {
    clear(
      el,
      [...chosen.values()].map((item) =>
        h(
          'li.chosen',
          { dataset: { code: item.code } },
          levels ? levelSelect(item) : h('span', item.name),
          h('button.small', { type: 'button', 'aria-label': t('jobEdit.remove', { name: item.name }), onclick: () => (chosen.delete(item.code), draw()) }, '✕'),
        ),
      ),
    );
  }

  function rename(code, name) {
    if (!chosen.has(code)) return;
    chosen.get(code).name = labelOf(name, code);
    draw();
  }

  draw();
  if (search) for (const { code } of initial) referenceName(search, code).then((name) => rename(code, name));
  return {
    el,
    add: (code, name) => {
      if (!chosen.has(code)) chosen.set(code, { code, name: labelOf(name, code), level: levels === 'exact' ? 1 : undefined });
      draw();
    },
    values: () => [...chosen.values()],
  };
}

const names = new WeakMap();

/** The name a reference list gives `code` (asked once per list and code); the code itself when the list cannot say. */
export function referenceName(search, code) {
  if (!names.has(search)) names.set(search, new Map());
  const known = names.get(search);
  if (!known.has(code)) known.set(code, search(code).then((items) => items.find((item) => item.code === code)?.name ?? code, () => code));
  return known.get(code);
}

/** Codes as staff read them ('电焊工 L3，电工 L1'): the codes at first, the list's names once it answers. */
export function namedCodes(search, list) {
  if (!list.length) return h('span', t('common.none'));
  const text = (named) => named.map(({ name, level }) => (level === undefined ? name : `${name} L${level}`)).join('，');
  const span = h('span.named-codes', text(list.map((item) => ({ name: item.code, level: item.level }))));
  Promise.all(list.map(async (item) => ({ name: await referenceName(search, item.code), level: item.level }))).then((named) => (span.textContent = text(named)));
  return span;
}
