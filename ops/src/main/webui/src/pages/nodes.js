import { h, show, errorBox } from '../dom.js';
import { poll } from '../poll.js';
import { formatCount } from '../series.js';

export function nodes(root, { api }) {
  const errors = h('div');
  const body = h('tbody');
  show(root, h('h1', 'Nodes'), errors,
    h('p.hint', 'Routers ops is configured with, and every gateway linked to one.'),
    h('table', { 'data-testid': 'nodes' }, h('thead', h('tr', h('th', 'node'), h('th', 'role'), h('th', 'status'),
      h('th.num', 'connections'), h('th', 'seen by'), h('th.num', 'last heard'))), body));
  return poll(async () => {
    const list = await api.get('/nodes');
    show(errors);
    show(body, list.map((n) => h('tr', h('td', n.node), h('td', n.role), h('td', h(`span.status.${n.node_status}`,
      n.node_status)), h('td.num', n.connections === undefined ? '' : formatCount(n.connections)),
    h('td', (n.seen_by ?? []).join(', ')), h('td.num', n.last_heard_ms === undefined ? '' : `${n.last_heard_ms} ms`))));
  }, 5000, (e) => show(errors, errorBox(e)));
}
