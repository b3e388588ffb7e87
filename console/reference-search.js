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
