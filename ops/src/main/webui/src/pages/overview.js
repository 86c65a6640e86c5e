import { h, show, errorBox } from '../dom.js';
import { timeChart } from '../charts.js';
import { poll } from '../poll.js';
import { chartData, formatCount, formatRate, gatewayConnections } from '../series.js';

const REFRESH_MILLIS = 3000;
const WINDOW_SECONDS = 3600;

export function overview(root, { api }) {
  const tile = (label, testid) => {
    const value = h('div.value', { 'data-testid': testid }, '–');
    return { el: h('div.tile', h('div.label', label), value), value };
  };
  const tiles = {
    connections: tile('Connections', 'connections'),
    subscriptions: tile('Subscriptions', 'subscriptions'),
    sessions: tile('Sessions', 'sessions'),
    retained: tile('Retained', 'retained'),
    receivedRate: tile('Received /s', 'received-rate'),
    sentRate: tile('Sent /s', 'sent-rate'),
    droppedRate: tile('Dropped /s', 'dropped-rate'),
    received: tile('Received (total)', 'received-total'),
    sent: tile('Sent (total)', 'sent-total'),
    dropped: tile('Dropped (total)', 'dropped-total'),
  };
  const errors = h('div');
  const countsBox = h('div.chart');
  const ratesBox = h('div.chart');
  const gateways = h('tbody');
  show(root,
    h('h1', 'Overview'),
    errors,
    h('div.tiles', Object.values(tiles).map((t) => t.el)),
    h('div.charts', countsBox, ratesBox),
    h('h2', 'Connections per gateway'),
    h('table', { 'data-testid': 'gateways' }, h('thead', h('tr', h('th', 'gateway'), h('th', 'status'),
      h('th.num', 'connections'))), gateways));

  const counts = timeChart(countsBox, {
    title: 'Connections and subscriptions',
    series: [{ label: 'connections', color: '#2563eb' }, { label: 'subscriptions', color: '#16a34a' }],
  });
  const rates = timeChart(ratesBox, {
    title: 'Messages per second',
    series: [{ label: 'received', color: '#2563eb' }, { label: 'sent', color: '#16a34a' },
      { label: 'dropped', color: '#dc2626' }],
  });

  const refresh = async () => {
    const [samples, current, nodes] = await Promise.all([
      api.get('/monitor', { latest: WINDOW_SECONDS }),
      api.get('/monitor_current'),
      api.get('/nodes'),
    ]);
    show(errors);
    tiles.connections.value.textContent = formatCount(current.connections);
    tiles.subscriptions.value.textContent = formatCount(current.subscriptions);
    tiles.sessions.value.textContent = formatCount(current.sessions);
    tiles.retained.value.textContent = formatCount(current.retained_msg_count);
    tiles.receivedRate.value.textContent = formatRate(current.received_msg_rate);
    tiles.sentRate.value.textContent = formatRate(current.sent_msg_rate);
    tiles.droppedRate.value.textContent = formatRate(current.dropped_msg_rate);
    tiles.received.value.textContent = formatCount(current.received);
    tiles.sent.value.textContent = formatCount(current.sent);
    tiles.dropped.value.textContent = formatCount(current.dropped);
    const data = chartData(samples, current, Date.now());
    counts.update(data.counts);
    rates.update(data.rates);
    const rows = gatewayConnections(nodes);
    show(gateways, rows.length === 0
      ? h('tr', h('td', { colspan: 3 }, 'no gateway is linked to a router'))
      : rows.map((g) => h('tr', { 'data-testid': 'gateway-row' }, h('td', g.node), h('td', g.status),
        h('td.num', formatCount(g.connections)))));
  };
  const stop = poll(refresh, REFRESH_MILLIS, (e) => show(errors, errorBox(e)));
  return () => {
    stop();
    counts.destroy();
    rates.destroy();
  };
}
