// The console shell: header (sign-in state, language), the signed-in role's tabs, and a hash router
// that renders one view module at a time. Routes: #/feed, #/register, #/workers, #/import,
// #/worker/<id>, #/search, #/board/<id>, #/jobs, #/job-edit[/<id>], #/job/<id>, #/downloads,
// #/dashboard, #/push-settings, #/settings. Nothing secret ever goes into the URL.
import { initUrls, principal, stripAppUrlsFromUrl, stripTokenFromUrl } from './api.js';
import { h, clear } from './dom.js';
import { label, lang, onLangChange, setLang, t } from './i18n.js';
import { regionLabel } from './region-picker.js';
import * as feed from './views/feed.js';
import * as search from './views/search.js';
import * as worker from './views/worker.js';
import * as board from './views/board.js';
import * as downloads from './views/downloads.js';
import * as dashboard from './views/dashboard.js';
import * as settings from './views/settings.js';
import * as jobs from './views/jobs.js';
import * as jobEdit from './views/job-edit.js';
import * as job from './views/job.js';
import * as register from './views/register.js';
import * as workers from './views/workers.js';
import * as importView from './views/import.js';
import * as pushSettings from './views/push-settings.js';

const VIEWS = { feed, search, worker, board, downloads, dashboard, settings, jobs, 'job-edit': jobEdit, job, register, workers, import: importView, 'push-settings': pushSettings };
/** The tabs of each role, in the order it works (access is the apps' to decide; this only keeps the bar short). */
const NAV_BY_ROLE = {
  station: ['feed', 'register', 'workers', 'import', 'search', 'downloads', 'push-settings', 'settings'],
  coordinator: ['board', 'search', 'downloads', 'settings'],
  bureau: ['dashboard', 'downloads', 'workers', 'settings'],
  agency: ['jobs', 'job-edit', 'search', 'settings'],
  admin: ['feed', 'workers', 'search', 'board', 'jobs', 'downloads', 'dashboard', 'push-settings', 'settings'],
};
const navOf = (who) => (who ? (NAV_BY_ROLE[who.role] ?? ['settings']) : ['settings']);

const root = document.getElementById('app');
const banner = [];
let cleanup;

function route() {
  const [, name = '', ...rest] = location.hash.split('/');
  const view = VIEWS[name] ? name : defaultView();
  return { view, arg: rest.map(decodeURIComponent).join('/') };
}

function defaultView() {
  return navOf(principal())[0];
}

export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function header(current) {
  const who = principal();
  const expired = who?.exp && who.exp * 1000 < Date.now();
  return h(
    'header.top',
    h('div.brand', h('h1', t('app.title')), h('span.subtitle', t('app.subtitle'))),
    h(
      'div.who',
      { id: 'who' },
      who
        ? h('span', { class: expired ? 'expired' : '' }, t('auth.signedInAs', { role: label('role', who.role), sub: who.sub }), ' · ', t('auth.region'), ' ', regionLabel(who.region), expired ? ` · ${t('auth.expired')}` : '')
        : h('span.muted', t('auth.notSignedIn')),
      h('button.link', { id: 'lang-switch', type: 'button', onclick: () => setLang(lang() === 'zh-CN' ? 'en' : 'zh-CN') }, t('lang.switch')),
    ),
    h(
      'nav.tabs',
      navOf(who).map((name) =>
        h(
          'a.tab',
          { href: `#/${name}`, class: name === current ? 'active' : '', 'aria-current': name === current ? 'page' : undefined, dataset: { view: name } },
          t(`nav.${name}`),
          name === 'feed' ? feed.unseenBadge() : null,
        ),
      ),
    ),
  );
}

function render() {
  cleanup?.();
  cleanup = undefined;
  const { view, arg } = route();
  document.title = `${t(`nav.${view}`)} · ${t('app.title')}`;
  document.documentElement.lang = lang();
  const main = h('main.view', { id: `view-${view}` });
  clear(root, header(view), banner.map((text) => h('p.warning', { role: 'alert' }, text)), main);
  cleanup = VIEWS[view].render(main, { arg, navigate, refreshHeader }) ?? undefined;
}

/** Re-draws only the header (sign-in state, unseen count) without touching the view. */
export function refreshHeader() {
  const { view } = route();
  const old = root.querySelector('header.top');
  if (old) old.replaceWith(header(view));
}

if (stripTokenFromUrl()) banner.push(t('auth.urlToken'));
if (stripAppUrlsFromUrl()) banner.push(t('settings.urlIgnored'));
await initUrls();
window.addEventListener('hashchange', render);
onLangChange(render);
feed.onUnseenChange(refreshHeader);
render();
