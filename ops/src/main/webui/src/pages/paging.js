import { h } from '../dom.js';

/** Previous / next buttons for EMQX's paging meta ({page, limit, count, hasnext}). */
export function pager(meta, go) {
  if (!meta) return null;
  const page = meta.page ?? 1;
  const total = meta.count === undefined ? '' : ` of ${meta.count}`;
  return h('div.pager',
    h('button', { type: 'button', disabled: page <= 1, onclick: () => go(page - 1) }, '‹ previous'),
    h('span', ` page ${page}${total} `),
    h('button', { type: 'button', disabled: !meta.hasnext, onclick: () => go(page + 1) }, 'next ›'));
}
