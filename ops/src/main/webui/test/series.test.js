import { describe, expect, it } from 'vitest';
import { chartData, formatRate, gatewayConnections } from '../src/series.js';

const sample = (t, extra) => ({ time_stamp: t, connections: 0, subscriptions: 0, received: 0, sent: 0, dropped: 0, ...extra });

describe('chartData', () => {
  it('turns each interval count into a per-second rate, none for the first sample', () => {
    const { counts, rates } = chartData([
      sample(10_000, { connections: 1, subscriptions: 2 }),
      sample(20_000, { connections: 3, subscriptions: 4, received: 50, sent: 20, dropped: 0 }),
      sample(25_000, { connections: 3, subscriptions: 4, received: 5, sent: 10, dropped: 1 }),
    ], null, 26_000);
    expect(counts).toEqual([[10, 20, 25], [1, 3, 3], [2, 4, 4]]);
    expect(rates).toEqual([[10, 20, 25], [null, 5, 1], [null, 2, 2], [null, 0, 0.2]]);
  });

  it('ends with the current values at now, after the last sample only', () => {
    const current = { connections: 9, subscriptions: 8, received_msg_rate: 1.5, sent_msg_rate: 2, dropped_msg_rate: 0 };
    const { counts, rates } = chartData([sample(10_000)], current, 12_000);
    expect(counts).toEqual([[10, 12], [0, 9], [0, 8]]);
    expect(rates[1]).toEqual([null, 1.5]);
    expect(chartData([sample(10_000)], current, 10_000).counts[0]).toEqual([10]);
  });
});

describe('gatewayConnections', () => {
  it('keeps the gateways of /nodes, busiest first', () => {
    const nodes = [
      { node: '127.0.0.1:9090', role: 'router', node_status: 'running' },
      { node: 'gw-b', role: 'gateway', node_status: 'running', connections: 2 },
      { node: 'gw-a', role: 'gateway', node_status: 'draining', connections: 5 },
      { node: 'gw-c', role: 'gateway', node_status: 'running', connections: 2 },
    ];
    expect(gatewayConnections(nodes).map((g) => [g.node, g.connections])).toEqual([['gw-a', 5], ['gw-b', 2], ['gw-c', 2]]);
  });
});

describe('formatRate', () => {
  it('shows a tenth below 100 a second and whole numbers above', () => {
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(2.345)).toBe('2.3');
    expect(formatRate(1234.6)).toBe('1,235');
    expect(formatRate(null)).toBe('–');
  });
});
