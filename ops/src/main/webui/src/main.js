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

const PAGES = [
  { path: 'overview', label: 'Overview', render: overview },
  { path: 'nodes', label: 'Nodes', render: nodes },
  { path: 'clients', label: 'Clients', render: clients },
  { path: 'subscriptions', label: 'Subscriptions', render: subscriptions },
  { path: 'topics', label: 'Topics', render: topics },
  { path: 'retained', label: 'Retained', render: retained },
  { path: 'publish', label: 'Publish', render: publish },
  { path: 'banned', label: 'Banned', render: banned },
];

const app = document.getElementById('app');
let leave = null;

function navigate(path) {
  location.hash = '#' + path;
}

function loginView(message) {
  stopPage();
  const errors = h('div', message ? errorBox(message, 'login-error') : null);
  const form = h('form.card.login', { 'data-testid': 'login' },
    h('h1', 'Starling'),
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
  const api = createApi({
    authorization: () => session.authorization,
    onUnauthorized: () => {
      clearSession();
      loginView('Your key is no longer accepted; log in again.');
    },
  });
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const page = PAGES.find((p) => p.path === name) ?? PAGES[0];
  const main = h('main');
  const logout = h('button.link', { type: 'button', onclick: () => { clearSession(); loginView(); } }, 'log out');
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

window.addEventListener('hashchange', route);
route();
