// What the overview's charts plot, from /monitor's samples (EMQX's: each sample's received, sent and
// dropped are the messages of its interval) and /monitor_current's live values.

/**
 * uPlot's columns: times in seconds, then one array per series. The counts chart plots connections and
 * subscriptions; the rates chart messages per second received, sent and dropped, each sample's count
 * over the time since the sample before it (none for the first sample, which has nothing before it).
 * The current values, when given, end both charts at `now` so they move between samples.
 */
export function chartData(samples, current, nowMillis) {
  const times = [];
  const connections = [];
  const subscriptions = [];
  const received = [];
  const sent = [];
  const dropped = [];
  let previous = null;
  for (const s of samples) {
    times.push(s.time_stamp / 1000);
    connections.push(s.connections);
    subscriptions.push(s.subscriptions);
    const seconds = previous === null ? 0 : (s.time_stamp - previous) / 1000;
    received.push(seconds > 0 ? s.received / seconds : null);
    sent.push(seconds > 0 ? s.sent / seconds : null);
    dropped.push(seconds > 0 ? s.dropped / seconds : null);
    previous = s.time_stamp;
  }
  if (current && (previous === null || nowMillis > previous)) {
    times.push(nowMillis / 1000);
    connections.push(current.connections);
    subscriptions.push(current.subscriptions);
    received.push(current.received_msg_rate);
    sent.push(current.sent_msg_rate);
    dropped.push(current.dropped_msg_rate);
  }
  return {
    counts: [times, connections, subscriptions],
    rates: [times, received, sent, dropped],
  };
}

/** Each gateway's connections from /nodes, busiest first. */
export function gatewayConnections(nodes) {
  return nodes
    .filter((n) => n.role === 'gateway')
    .map((n) => ({ node: n.node, status: n.node_status, connections: n.connections ?? 0 }))
    .sort((a, b) => b.connections - a.connections || a.node.localeCompare(b.node));
}

export function formatRate(perSecond) {
  if (perSecond === null || perSecond === undefined) return '–';
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en') : perSecond.toFixed(1);
}

export function formatCount(n) {
  return n === null || n === undefined ? '–' : Number(n).toLocaleString('en');
}

/** A time in milliseconds since the epoch, or an RFC 3339 text, as local date and time. */
export function formatTime(value) {
  if (value === null || value === undefined || value === '' || value === 'infinity') return '–';
  const date = new Date(typeof value === 'number' ? value : Date.parse(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}
