import { describe, expect, it } from 'vitest';
import { formatUptime } from '../src/pages/nodes.js';

describe('formatUptime', () => {
  it('shows the largest two units', () => {
    expect(formatUptime(40_000)).toBe('40 s');
    expect(formatUptime((7 * 60 + 12) * 1000)).toBe('7 min 12 s');
    expect(formatUptime((5 * 3600 + 2 * 60) * 1000)).toBe('5 h 2 min');
    expect(formatUptime((3 * 86400 + 4 * 3600 + 59) * 1000)).toBe('3 d 4 h');
  });
});
