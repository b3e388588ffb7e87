// Sign-in by pasting a token (sessionStorage only) and the four apps' base URLs.
import { APPS, changedOrigins, cleanUrl, currentUrls, defaultUrls, health, principal, resetUrls, setUrls, signIn, signOut } from '../api.js';
import { field, h, clear } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { stopFeed } from './feed.js';

export function render(main, { navigate, refreshHeader }) {
  const who = principal();
  const tokenInput = h('textarea', { id: 'token-input', rows: 4, spellcheck: false, autocomplete: 'off', placeholder: 'eyJhbGciOiJIUzI1NiIs…' });
  const authMessage = h('div.message', { id: 'auth-message' });

  const signInForm = h(
    'form.card',
    {
      id: 'sign-in',
      onsubmit: (event) => {
        event.preventDefault();
        try {
          const claims = signIn(tokenInput.value);
          tokenInput.value = '';
          stopFeed();
          refreshHeader();
          navigate(`#/${claims.role === 'coordinator' ? 'board' : claims.role === 'bureau' ? 'downloads' : claims.role === 'agency' ? 'search' : 'feed'}`);
        } catch {
          clear(authMessage, h('p.error', t('auth.invalid')));
        }
      },
    },
    h('h2', t('auth.title')),
    who ? claimsBox(who) : null,
    field(t('auth.paste'), tokenInput),
    h('p.muted', t('auth.note')),
    h(
      'div.actions',
      h('button.primary', { type: 'submit', id: 'sign-in-submit' }, t('auth.signIn')),
      who
        ? h(
            'button',
            {
              type: 'button',
              id: 'sign-out',
              onclick: () => {
                signOut();
                stopFeed();
                refreshHeader();
                navigate('#/settings');
              },
            },
            t('auth.signOut'),
          )
        : null,
    ),
    authMessage,
  );

  const urls = currentUrls();
  const inputs = {};
  const status = {};
  const rows = Object.keys(APPS).map((name) => {
    inputs[name] = h('input', { type: 'url', name, id: `url-${name}`, value: urls[name], required: true, size: 34 });
    status[name] = h('span.health', { id: `health-${name}` });
    return field(t(`settings.${name}`), inputs[name], status[name]);
  });
  const saved = h('span.muted', { id: 'settings-saved' });
  // A new origin receives the user's token with every request: it is saved only after a second,
  // explicit step that names it.
  const confirmBox = h('div.confirm', { id: 'settings-confirm-box', hidden: true });
  const readForm = () => Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value]));
  const save = (next) => {
    setUrls(next);
    stopFeed();
    clear(confirmBox);
    confirmBox.hidden = true;
    saved.textContent = t('settings.saved');
    check();
  };
  const askToConfirm = (next, changes) => {
    saved.textContent = '';
    clear(
      confirmBox,
      h('p.warning', { role: 'alert' }, t('settings.confirmIntro')),
      h(
        'ul.origins',
        changes.map(({ app, origin }) => h('li', { dataset: { app } }, h('strong', t(`settings.${app}`)), ' → ', h('code.origin', origin))),
      ),
      h('p.muted', t('settings.confirmNote')),
      h(
        'div.actions',
        h('button.primary', { type: 'button', id: 'settings-confirm', onclick: () => save(next) }, t('settings.confirm')),
        h(
          'button',
          {
            type: 'button',
            id: 'settings-cancel',
            onclick: () => {
              for (const [name, input] of Object.entries(inputs)) input.value = currentUrls()[name];
              clear(confirmBox);
              confirmBox.hidden = true;
            },
          },
          t('common.cancel'),
        ),
      ),
    );
    confirmBox.hidden = false;
  };
  const urlForm = h(
    'form.card',
    {
      id: 'settings-urls',
      onsubmit: (event) => {
        event.preventDefault();
        const next = readForm();
        const invalid = Object.keys(APPS).filter((name) => !cleanUrl(next[name]));
        if (invalid.length) {
          saved.textContent = t('settings.invalid', { apps: invalid.map((name) => t(`settings.${name}`)).join('、') });
          return;
        }
        const changes = changedOrigins(next);
        if (changes.length) askToConfirm(next, changes);
        else save(next);
      },
    },
    h('h2', t('settings.title')),
    rows,
    h(
      'div.actions',
      h('button.primary', { type: 'submit', id: 'settings-save' }, t('common.save')),
      h(
        'button',
        {
          type: 'button',
          id: 'settings-reset',
          onclick: () => {
            resetUrls();
            const defaults = defaultUrls();
            for (const [name, input] of Object.entries(inputs)) input.value = defaults[name];
            clear(confirmBox);
            confirmBox.hidden = true;
            stopFeed();
            check();
          },
        },
        t('settings.reset'),
      ),
      h('button', { type: 'button', onclick: () => check() }, t('settings.check')),
      saved,
    ),
    confirmBox,
  );

  async function check() {
    for (const name of Object.keys(APPS)) {
      status[name].textContent = '…';
      health(name)
        .then((up) => {
          status[name].textContent = up ? t('settings.up') : t('settings.down');
          status[name].className = `health ${up ? 'up' : 'down'}`;
        })
        .catch(() => {
          status[name].textContent = t('settings.down');
          status[name].className = 'health down';
        });
    }
  }

  main.append(h('div.grid-2', signInForm, urlForm));
  check();
}

function claimsBox(claims) {
  const expired = claims.exp && claims.exp * 1000 < Date.now();
  return h(
    'dl.claims',
    h('dt', 'role'),
    h('dd', `${label('role', claims.role)} (${claims.role})`),
    h('dt', 'sub'),
    h('dd', { id: 'claims-sub' }, claims.sub),
    h('dt', 'region'),
    h('dd', claims.region ?? ''),
    claims.exp ? [h('dt', 'exp'), h('dd', { class: expired ? 'error' : '' }, expired ? t('auth.expired') : t('auth.expires', { time: formatTime(new Date(claims.exp * 1000).toISOString()) }))] : null,
  );
}

