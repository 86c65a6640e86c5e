import { h } from '../dom.js';

/** Previous / next buttons for EMQX's paging meta ({page, limit, count, hasnext}). */
export function pager(meta, go, testid = 'pager') {
  if (!meta) return null;
  const page = meta.page ?? 1;
  const total = meta.count === undefined ? '' : ` of ${Math.max(1, Math.ceil(meta.count / meta.limit))}`;
  const counted = meta.count === undefined ? '' : ` (${meta.count} in all)`;
  return h('div.pager', { 'data-testid': testid },
    h('button', { type: 'button', name: 'previous', disabled: page <= 1, onclick: () => go(page - 1) }, '‹ previous'),
    h('span', { 'data-testid': testid + '-page' }, `page ${page}${total}${counted}`),
    h('button', { type: 'button', name: 'next', disabled: !meta.hasnext, onclick: () => go(page + 1) }, 'next ›'));
}
