import { h, show, errorBox, formValues } from '../dom.js';
import { segment } from '../api.js';
import { formatTime } from '../series.js';
import { pagedList } from './list.js';

/** #/clients: EMQX's GET /clients with its filters and paging, and a client opened by its exact id. */
export function clients(root, { api, navigate }) {
  const find = h('form.inline-form', { 'data-testid': 'client-find' },
    h('input', { name: 'clientid', placeholder: 'client id', required: true, 'aria-label': 'client id' }),
    h('button', { type: 'submit' }, 'Open'));
  find.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate('/clients/' + encodeURIComponent(formValues(find).clientid));
  });

  const { form, errors, list, load } = pagedList({
    api,
    path: '/clients',
    testid: 'clients',
    fields: [
      h('input', { name: 'like_clientid', placeholder: 'client id contains', 'aria-label': 'client id contains' }),
      h('input', { name: 'username', placeholder: 'username', 'aria-label': 'username' }),
      h('input', { name: 'ip_address', placeholder: 'IP address', 'aria-label': 'IP address' }),
      h('select', { name: 'conn_state', 'aria-label': 'connection state' }, h('option', { value: '' }, 'any state'),
        h('option', { value: 'connected' }, 'connected'), h('option', { value: 'disconnected' }, 'disconnected')),
      h('input', { name: 'node', placeholder: 'gateway', 'aria-label': 'gateway' }),
      h('select', { name: 'proto_ver', 'aria-label': 'protocol version' }, h('option', { value: '' }, 'any protocol'),
        h('option', { value: '5' }, 'MQTT 5'), h('option', { value: '4' }, 'MQTT 3.1.1'),
        h('option', { value: '3' }, 'MQTT 3.1')),
    ],
    head: ['client id', 'username', 'address', 'state', 'gateway', 'protocol', '#subscriptions', 'connected at'],
    empty: 'no client matches',
    row: (c) => h('tr', h('td', h('a', { href: '#/clients/' + encodeURIComponent(c.clientid) }, c.clientid)),
      h('td', c.username ?? ''), h('td', c.ip_address ? `${c.ip_address}:${c.port ?? ''}` : ''),
      h('td', c.connected ? 'connected' : 'disconnected'), h('td', c.node ?? ''),
      h('td', c.proto_ver ? `${c.proto_name ?? 'MQTT'} ${c.proto_ver}` : ''),
      h('td.num', c.subscriptions_cnt ?? ''), h('td', formatTime(c.connected_at))),
  });

  show(root, h('h1', 'Clients'), form, errors, list,
    h('section.card', h('h2', 'Open a client by its exact id'), find));
  load();
}

/** #/clients/{id}: one client, its subscriptions, and the kick. */
export function client(root, { api }, clientId) {
  const errors = h('div');
  const body = h('div');
  show(root, h('p', h('a', { href: '#/clients' }, '‹ clients')), h('h1', 'Client ', h('code', clientId)), errors, body);

  const load = async () => {
    let info;
    try {
      info = await api.get('/clients/' + segment(clientId));
    } catch (e) {
      if (e.status === 404 && e.code === 'CLIENTID_NOT_FOUND') {
        show(body, h('p', { 'data-testid': 'client-status' }, 'not found: no session has this client id'));
      } else {
        show(errors, errorBox(e));
      }
      return;
    }
    const subscriptions = await api.get('/clients/' + segment(clientId) + '/subscriptions').catch((e) => e);
    const kick = h('button.danger', { type: 'button', 'data-testid': 'kick', disabled: !info.connected,
      onclick: () => doKick() }, 'Kick');
    const fields = [['state', h('span', { 'data-testid': 'client-status' }, info.connected ? 'connected' : 'disconnected')],
      ['gateway', info.node ?? '–'], ['clean start', String(info.clean_start)],
      ['subscriptions', String(info.subscriptions_cnt)]];
    for (const extra of ['username', 'ip_address', 'proto_ver', 'keepalive', 'connected_at', 'created_at']) {
      if (info[extra] !== undefined && info[extra] !== null) fields.push([extra.replace('_', ' '), String(info[extra])]);
    }
    show(body,
      h('dl.fields', { 'data-testid': 'client-info' }, fields.map(([k, v]) => [h('dt', k), h('dd', v)])),
      kick,
      h('h2', 'Subscriptions'),
      subscriptions instanceof Error ? errorBox(subscriptions)
        : h('table', { 'data-testid': 'client-subscriptions' }, h('thead', h('tr', h('th', 'topic'), h('th.num', 'qos'),
          h('th.num', 'no local'), h('th.num', 'retain as published'), h('th.num', 'retain handling'))),
        h('tbody', subscriptions.length === 0 ? h('tr', h('td', { colspan: 5 }, 'none'))
          : subscriptions.map((s) => h('tr', h('td', s.topic), h('td.num', s.qos), h('td.num', s.nl), h('td.num', s.rap),
            h('td.num', s.rh))))));
  };

  const doKick = async () => {
    try {
      await api.del('/clients/' + segment(clientId));
      show(errors, h('div.ok', { role: 'status', 'data-testid': 'kick-result' },
        'Kicked: its gateway was told to disconnect it.'));
    } catch (e) {
      show(errors, errorBox(e, 'kick-result'));
    }
    await load();
  };

  load();
}
