import { h, show } from '../dom.js';
import { pagedList } from './list.js';

/** #/topics: the routes (EMQX's GET /topics), each topic filter with how many subscriptions it has. */
export function topics(root, { api }) {
  const { form, errors, list, load } = pagedList({
    api,
    path: '/topics',
    testid: 'topics',
    fields: [h('input', { name: 'topic', placeholder: 'topic filter', 'aria-label': 'topic filter' })],
    head: ['topic filter', '#subscriptions'],
    empty: 'no topic matches',
    row: (t) => h('tr', h('td', t.topic), h('td.num', t.sessions)),
  });
  show(root, h('h1', 'Topics'), h('p.hint', 'Every topic filter with subscriptions; shared ones by their filter.'),
    form, errors, list);
  load();
}
