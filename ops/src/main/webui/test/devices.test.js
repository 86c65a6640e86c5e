import { describe, expect, it } from 'vitest';
import { metaOf } from '../src/pages/devices.js';

describe('metaOf', () => {
  it('turns the auth service\'s pages (from 0) into EMQX\'s meta (from 1)', () => {
    expect(metaOf({ items: [], page: 0, size: 2, total: 5 })).toEqual({ page: 1, limit: 2, count: 5, hasnext: true });
    expect(metaOf({ items: [], page: 2, size: 2, total: 5 })).toEqual({ page: 3, limit: 2, count: 5, hasnext: false });
  });
});
