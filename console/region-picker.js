// Cascading province → city → county selects fed by job-collection's GET /v1/reference/regions.
import { regions } from './api.js';
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { regionPath } from './util.js';

const cache = new Map();
function children(parent) {
  const key = parent ?? '';
  if (!cache.has(key)) cache.set(key, regions(parent).catch((error) => (cache.delete(key), Promise.reject(error))));
  return cache.get(key);
}

/**
 * A region picker. value() gives the deepest chosen code ('' for any); onChange(code, region).
 * The chosen region carries lat/lon (its centre), useful as a typed "near" point.
 */
export function regionPicker({ name = 'region', initial = '', onChange = () => {} } = {}) {
  const levels = ['province', 'city', 'county'];
  const selects = levels.map((level) =>
    h('select', { name: `${name}-${level}`, 'aria-label': t(`region.${level}`), disabled: level !== 'province' }),
  );
  const chosen = [undefined, undefined, undefined];
  const error = h('span.error-inline');
  const el = h('span.region-picker', selects, error);

  async function fill(index, parent) {
    const select = selects[index];
    clear(select, h('option', { value: '' }, `${t(`region.${levels[index]}`)} · ${t('region.any')}`));
    select.disabled = true;
    for (let i = index + 1; i < selects.length; i++) {
      selects[i].replaceChildren(h('option', { value: '' }, `${t(`region.${levels[i]}`)} · ${t('region.any')}`));
      selects[i].disabled = true;
    }
    if (index > 0 && !parent) return [];
    let list;
    try {
      list = await children(parent);
      error.textContent = '';
    } catch (e) {
      error.textContent = e.message;
      return [];
    }
    for (const region of list) select.append(h('option', { value: region.code }, `${region.name} ${region.code}`));
    select.disabled = list.length === 0;
    select._regions = list;
    return list;
  }

  selects.forEach((select, index) =>
    select.addEventListener('change', async () => {
      const code = select.value;
      chosen[index] = (select._regions ?? []).find((r) => r.code === code);
      for (let i = index + 1; i < chosen.length; i++) chosen[i] = undefined;
      if (index + 1 < selects.length) await fill(index + 1, code || undefined);
      const deepest = value();
      onChange(deepest, chosen.filter(Boolean).at(-1));
    }),
  );

  function value() {
    const last = chosen.filter(Boolean).at(-1);
    return last ? last.code : '';
  }

  /** Selects a code (and its parents) programmatically. */
  async function set(code) {
    await fill(0);
    if (!/^\d{6}$/.test(code ?? '')) return;
    const path = regionPath(code);
    for (let i = 0; i < path.length && i < selects.length; i++) {
      const region = (selects[i]._regions ?? []).find((r) => r.code === path[i]);
      if (!region) break;
      selects[i].value = region.code;
      chosen[i] = region;
      if (i + 1 < selects.length) await fill(i + 1, region.code);
    }
  }

  const ready = set(initial);
  return { el, value, set, ready, region: () => chosen.filter(Boolean).at(-1) };
}

/** A region's name ('巴塘县') from its parent's children (cached); the code itself when unknown. */
export async function regionName(code) {
  if (!/^\d{6}$/.test(code ?? '')) return code ?? '';
  const parent = regionPath(code).at(-2);
  try {
    return (await children(parent)).find((r) => r.code === code)?.name ?? code;
  } catch {
    return code;
  }
}

/** A span showing a region's code, then its name and code once known ('南海区 440605'). */
export function regionLabel(code) {
  const span = h('span.region-label', code);
  regionName(code).then((name) => name !== code && (span.textContent = `${name} ${code}`));
  return span;
}
