import './style.css';
import { h, show, errorBox, formValues } from './dom.js';
import { createApi } from './api.js';
import { methods, currentSession, saveSession, clearSession } from './auth.js';
import { overview } from './pages/overview.js';
import { nodes } from './pages/nodes.js';
import { retained } from './pages/retained.js';
import { publish } from './pages/publish.js';
import { clients, client } from './pages/clients.js';
import { banned } from './pages/banned.js';
import { subscriptions } from './pages/subscriptions.js';
import { topics } from './pages/topics.js';
import { devices } from './pages/devices.js';
import { beginLogin, finishLogin, refresh } from './oidc.js';

const PAGES = [
  { path: 'overview', label: 'Overview', render: overview },
  { path: 'nodes', label: 'Nodes', render: nodes },
  { path: 'clients', label: 'Clients', render: clients },
  { path: 'subscriptions', label: 'Subscriptions', render: subscriptions },
  { path: 'topics', label: 'Topics', render: topics },
  { path: 'retained', label: 'Retained', render: retained },
  { path: 'publish', label: 'Publish', render: publish },
  { path: 'banned', label: 'Banned', render: banned },
  { path: 'devices', label: 'Devices', render: devices },
];

const app = document.getElementById('app');
let leave = null;
// What ops offers before a login (GET /dashboard/config): API keys always, an OIDC issuer when it has one.
let loginConfig = { api_key: true, oidc: null };
let refreshTimer = null;

function navigate(path) {
  location.hash = '#' + path;
}

function loginView(message) {
  stopPage();
  const errors = h('div', message ? errorBox(message, 'login-error') : null);
  const sso = loginConfig.oidc ? h('div.sso',
    h('button', { type: 'button', 'data-testid': 'login-oidc', onclick: async () => {
      try {
        await beginLogin(loginConfig.oidc, { returnTo: location.hash });
      } catch (err) {
        show(errors, errorBox(`Single sign-on failed: ${err.message}`, 'login-error'));
      }
    } }, 'Log in with single sign-on'),
    h('p.hint', 'Through ', h('code', loginConfig.oidc.issuer), ', as the client ', h('code', loginConfig.oidc.client_id),
      '; or with an API key:')) : null;
  const form = h('form.card.login', { 'data-testid': 'login' },
    h('h1', 'Starling'),
    sso,
    h('p.hint', `Log in with an ${methods['api-key'].label}: its key and secret, as scripts use them.`),
    h('label', 'Key', h('input', { name: 'key', required: true, autocomplete: 'username' })),
    h('label', 'Secret', h('input', { name: 'secret', type: 'password', required: true,
      autocomplete: 'current-password' })),
    h('button', { type: 'submit' }, 'Log in'),
    errors);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const session = methods['api-key'].login(formValues(form));
    // The key is checked with a call any role may make before it is kept.
    try {
      await createApi({ authorization: () => session.authorization }).get('/nodes');
    } catch (err) {
      show(errors, errorBox(err.status === 401 ? 'The key or secret was refused.' : err, 'login-error'));
      return;
    }
    saveSession(session);
    route();
  });
  show(app, form);
}

/** Renews an OIDC session's access token shortly before it expires, while the tab is open. */
function scheduleRefresh(session) {
  clearTimeout(refreshTimer);
  if (session?.method !== 'oidc' || !session.refreshToken) return;
  const delay = Math.max(5_000, session.expiresAt - Date.now() - 30_000);
  refreshTimer = setTimeout(async () => {
    try {
      const renewed = await refresh(session);
      saveSession(renewed);
      scheduleRefresh(renewed);
    } catch (err) {
      clearSession();
      loginView(`Your single sign-on session ended (${err.message}); log in again.`);
    }
  }, delay);
}

function stopPage() {
  if (typeof leave === 'function') leave();
  leave = null;
}

function route() {
  const session = currentSession();
  if (!session) {
    loginView();
    return;
  }
  stopPage();
  if (refreshTimer === null) scheduleRefresh(session);
  const api = createApi({
    // Read at every call: a renewed token replaces the session.
    authorization: () => currentSession()?.authorization ?? session.authorization,
    onUnauthorized: () => {
      clearSession();
      loginView(session.method === 'oidc' ? 'Your token is no longer accepted; log in again.'
        : 'Your key is no longer accepted; log in again.');
    },
  });
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = PAGES.find((p) => p.path === name) ?? PAGES[0];
  const main = h('main');
  const logout = h('button.link', { type: 'button', onclick: () => {
    clearTimeout(refreshTimer);
    refreshTimer = null;
    clearSession();
    loginView();
  } }, 'log out');
  show(app,
    h('header',
      h('span.brand', 'Starling'),
      h('nav', PAGES.map((p) => h('a', { href: '#/' + p.path, class: p === page ? 'active' : null }, p.label))),
      h('span.user', { 'data-testid': 'user' }, session.user, ' ', logout)),
    main);
  const ctx = { api, navigate };
  leave = page.path === 'clients' && rest.length > 0
    ? client(main, ctx, decodeURIComponent(rest.join('/')))
    : page.render(main, ctx);
}

/** The login methods, then the issuer's way back if this is one (its code exchanged, the URL cleaned), then the page. */
async function start() {
  try {
    const response = await fetch('/api/v5/dashboard/config', { credentials: 'omit' });
    if (response.ok) loginConfig = await response.json();
  } catch {
    // Ops did not answer: the login form says so at the first try; API keys need no configuration.
  }
  let message;
  try {
    const session = await finishLogin(location.search);
    if (session) {
      // The token is checked with a call any role may make before it is kept, as a key is.
      await createApi({ authorization: () => session.authorization }).get('/nodes');
      const { returnTo, ...kept } = session;
      saveSession(kept);
      scheduleRefresh(kept);
      history.replaceState(null, '', location.pathname + (returnTo || '#/overview'));
    }
  } catch (err) {
    message = err.status === 403 ? `Logged in, but ${err.message}` : err.status === 401
      ? 'Ops refused the token (is ops configured with this issuer?).' : `Single sign-on failed: ${err.message}`;
    history.replaceState(null, '', location.pathname + location.hash);
  }
  window.addEventListener('hashchange', route);
  if (message) loginView(message);
  else route();
}

start();
