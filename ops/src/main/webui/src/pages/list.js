import { h, show, errorBox, formValues } from '../dom.js';
import { pager } from './paging.js';

const DEFAULT_LIMIT = 50;

/**
 * A paged listing of EMQX's shape ({data, meta}) behind a form of filters: the form's named fields go
 * into the query as they are (empty ones left out), with `page` and `limit`. Filtering starts again at
 * page 1. `fields` are the form's inputs; a field named `limit` sets the page size.
 */
export function pagedList({ api, path, testid, fields, head, row, empty }) {
  const errors = h('div');
  const list = h('div');
  let query = {};
  let page = 1;

  const form = h('form.inline-form', { 'data-testid': testid + '-filters' }, fields,
    h('label.inline', 'per page', h('input', { name: 'limit', type: 'number', min: 1, max: 10000,
      value: String(DEFAULT_LIMIT), style: 'width: 6em' })),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    query = formValues(form);
    page = 1;
    load();
  });

  const load = async () => {
    try {
      const { data, meta } = await api.get(path, { limit: DEFAULT_LIMIT, ...query, page });
      show(errors);
      show(list,
        h('table', { 'data-testid': testid }, h('thead', h('tr', head.map((c) => h(c.startsWith('#') ? 'th.num' : 'th',
          c.replace(/^#/, ''))))),
        h('tbody', data.length === 0 ? h('tr', h('td', { colspan: head.length }, empty)) : data.map(row))),
        pager(meta, (p) => { page = p; load(); }, testid + '-pager'));
    } catch (e) {
      show(list);
      show(errors, errorBox(e, testid + '-error'));
    }
  };
  return { form, errors, list, load };
}
