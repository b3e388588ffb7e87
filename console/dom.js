// A small DOM helper: h('div.card', { onclick }, child, …). No framework, no build step.
import { label, t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) {
    children.unshift(attrs);
    attrs = {};
  }
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    // Through the CSSOM: the Content-Security-Policy refuses style="…" attributes.
    else if (key === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (key === 'class') el.className = [el.className, value].filter(Boolean).join(' ');
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled form field. */
export function field(text, input, extra) {
  return h('label.field', h('span.field-label', text), input, extra);
}

export function errorBox(error) {
  const message = typeof error?.describe === 'function' ? error.describe() : error?.message ?? String(error);
  return h('p.error', { role: 'alert' }, t('common.error', { message }));
}

export function signedOutBox() {
  return h('p.notice', h('a', { href: '#/settings' }, t('common.signedOutHint')));
}

export function badge(prefix, value, extraClass = '') {
  return h(`span.badge.${prefix.replace('.', '-')}-${value}${extraClass ? `.${extraClass}` : ''}`, label(prefix, value));
}

export function wageText(wage) {
  if (!wage) return '';
  const range = wage.min === wage.max ? `${wage.min}` : `${wage.min}–${wage.max}`;
  return `${range} ${label('wage', wage.unit)}`;
}

/** Reasons of a match: factor, contribution bar and the server's detail line. */
export function reasonsList(reasons = [], score) {
  const total = Math.max(Number(score) || 0, ...reasons.map((r) => Number(r.contribution) || 0), 0.0001);
  return h(
    'ul.reasons',
    reasons.map((reason) =>
      h(
        'li.reason',
        h('span.reason-factor', label('factor', reason.factor)),
        h('span.reason-bar', h('span.reason-fill', { style: { width: `${Math.round((100 * (Number(reason.contribution) || 0)) / total)}%` } })),
        h('span.reason-contribution', `+${Number(reason.contribution).toFixed(2)}`),
        reason.detail ? h('span.reason-detail', reason.detail) : null,
      ),
    ),
  );
}

/** One job summary line (title, kind, wage, place, start, headcount). */
export function jobSummary(job = {}, extra) {
  return h(
    'div.job',
    h('div.job-title', job.title ?? '—', ' ', job.kind ? badge('kind', job.kind) : null, job.instant ? h('span.badge.instant', t('job.instant')) : null),
    h(
      'div.job-meta',
      [
        wageText(job.wage),
        job.location?.address ?? job.location?.regionCode,
        job.startAt ? t('job.start', { time: formatShort(job.startAt) }) : null,
        job.headcountLeft !== undefined ? t('job.headcountLeft', { n: job.headcountLeft }) : null,
        extra,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

function formatShort(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getMonth() + 1}/${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function shortId(id) {
  return id ? `${String(id).slice(0, 8)}…` : '';
}

/** Splits a typed list, "a, b\nc", into ['a', 'b', 'c']. */
export function splitList(text) {
  return String(text)
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Hands a Blob to the browser as a download under `filename` (only a blob: URL, never the data or a token in one). */
export function saveBlob(blob, filename) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

const vendorLoads = new Map();

/**
 * The global a vendor build defines (window[globalName]), loading vendor/<file> once as a
 * same-origin classic script, so that the policy's script-src 'self' holds.
 */
export function loadVendorScript(file, globalName) {
  if (globalThis[globalName]) return Promise.resolve(globalThis[globalName]);
  if (!vendorLoads.has(file)) {
    vendorLoads.set(
      file,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(`vendor/${file}`, location.href).href;
        script.onload = () => (globalThis[globalName] ? resolve(globalThis[globalName]) : reject(new Error(`${file} did not load`)));
        script.onerror = () => {
          vendorLoads.delete(file);
          script.remove();
          reject(new Error(`${file} did not load`));
        };
        document.head.append(script);
      }),
    );
  }
  return vendorLoads.get(file);
}

/**
 * A list of tickable rows: ul.pick-list > li.pick > label.check (a checkbox, then the row's content),
 * or `empty` when there are no items. `row(item)` → { content, checked, disabled, value, dataset, className }
 * (className: more classes of the li, as '.job-pick'); `onToggle(item, checked)` after each tick.
 */
export function pickList(items, { row, onToggle, empty }) {
  if (!items.length) return h('p.empty', empty);
  return h(
    'ul.pick-list',
    items.map((item) => {
      const { content, checked, disabled, value, dataset, className = '' } = row(item);
      const box = h('input', { type: 'checkbox', value, checked, disabled, onchange: () => onToggle(item, box.checked) });
      return h(`li.pick${className}`, { dataset }, h('label.check', box, content));
    }),
  );
}

/**
 * An API refusal's field problems shown beside their fields. `boxes` maps a request field to its
 * labelled box and message element; a problem of `a.b` goes to the box `a.b`, else `a`. Problems no
 * box takes, or a refusal without details, go to `general`; the first refused control gets the
 * focus. Without an error, every mark is cleared.
 */
export function showFieldProblems(form, boxes, general, error) {
  const controls = (el) => el.querySelectorAll('input, select, textarea');
  for (const { el, message } of boxes.values()) {
    message.textContent = '';
    el.classList.remove('invalid');
    for (const control of controls(el)) control.removeAttribute('aria-invalid');
  }
  clear(general);
  if (!error) return;
  const unplaced = [];
  for (const detail of error.details) {
    const key = [...boxes.keys()].filter((k) => detail.field === k || detail.field.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
    if (!key) {
      unplaced.push(detail);
      continue;
    }
    const { el, message } = boxes.get(key);
    message.textContent = [message.textContent, detail.problem].filter(Boolean).join('；');
    el.classList.add('invalid');
    for (const control of controls(el)) control.setAttribute('aria-invalid', 'true');
  }
  if (unplaced.length || !error.details.length) general.append(errorBox(error));
  form.querySelector('[aria-invalid="true"]')?.focus();
}

/**
 * Previous / page / next under a paged list ({ page, pageSize, total } as the APIs page), or
 * nothing when it fits on one page unless `always`. `id`: ids for the pager and its two buttons
 * (`<id>-pager`, `<id>-prev`, `<id>-next`).
 */
export function pager({ page, pageSize, total }, go, { id, always = false } = {}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && !always) return null;
  const idOf = (part) => id && `${id}-${part}`;
  return h(
    'div.pager',
    { id: idOf('pager') },
    h('button', { type: 'button', id: idOf('prev'), disabled: page <= 1, onclick: () => go(page - 1) }, t('common.prev')),
    h('span', t('common.page', { page, total })),
    h('button', { type: 'button', id: idOf('next'), disabled: page >= pages, onclick: () => go(page + 1) }, t('common.next')),
  );
}
