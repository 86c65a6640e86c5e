import { h, show, errorBox } from '../dom.js';
import { poll } from '../poll.js';
import { formatCount } from '../series.js';

export function nodes(root, { api }) {
  const errors = h('div');
  const body = h('tbody');
  show(root, h('h1', 'Nodes'), errors,
    h('p.hint', 'Routers ops is configured with, every gateway linked to one, this ops and the auth service.'),
    h('table', { 'data-testid': 'nodes' }, h('thead', h('tr', h('th', 'node'), h('th', 'role'), h('th', 'status'),
      h('th.num', 'connections'), h('th', 'seen by'), h('th.num', 'last heard'), h('th.num', 'messages/s'),
      h('th', 'version'), h('th.num', 'up'))), body));
  return poll(async () => {
    const list = await api.get('/nodes');
    show(errors);
    show(body, list.map((n) => h('tr', h('td', n.node), h('td', n.role), h('td', h(`span.status.${n.node_status}`,
      n.node_status)), h('td.num', n.connections === undefined ? '' : formatCount(n.connections)),
    h('td', (n.seen_by ?? []).join(', ')), h('td.num', n.last_heard_ms === undefined ? '' : `${n.last_heard_ms} ms`),
    h('td.num', n.messages_rate === undefined ? '' : n.messages_rate.toFixed(1)), h('td', n.version ?? ''),
    h('td.num', n.uptime === undefined ? '' : formatUptime(n.uptime)))));
  }, 5000, (e) => show(errors, errorBox(e)));
}

/** Milliseconds as the largest two units: 3 d 4 h, 5 h 2 min, 7 min 12 s, 40 s. */
export function formatUptime(ms) {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const min = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${hours} h`;
  if (hours > 0) return `${hours} h ${min} min`;
  if (min > 0) return `${min} min ${s % 60} s`;
  return `${s} s`;
}
