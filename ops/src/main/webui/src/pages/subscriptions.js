import { h, show } from '../dom.js';
import { pagedList } from './list.js';

/** #/subscriptions: every session's subscriptions (EMQX's GET /subscriptions), filtered and paged. */
export function subscriptions(root, { api }) {
  const { form, errors, list, load } = pagedList({
    api,
    path: '/subscriptions',
    testid: 'subscriptions',
    fields: [
      h('input', { name: 'clientid', placeholder: 'client id', 'aria-label': 'client id' }),
      h('input', { name: 'topic', placeholder: 'topic filter, as subscribed', 'aria-label': 'topic filter' }),
      h('input', { name: 'match_topic', placeholder: 'under filter', 'aria-label': 'filters under' }),
      h('input', { name: 'share_group', placeholder: 'share group', 'aria-label': 'share group' }),
      h('select', { name: 'qos', 'aria-label': 'QoS' }, h('option', { value: '' }, 'any QoS'),
        [0, 1, 2].map((q) => h('option', { value: String(q) }, `QoS ${q}`))),
    ],
    head: ['client id', 'topic filter', '#qos', '#no local', '#retain as published', '#retain handling'],
    empty: 'no subscription matches',
    row: (s) => h('tr', h('td', h('a', { href: '#/clients/' + encodeURIComponent(s.clientid) }, s.clientid)),
      h('td', s.topic), h('td.num', s.qos), h('td.num', s.nl), h('td.num', s.rap), h('td.num', s.rh)),
  });
  show(root, h('h1', 'Subscriptions'),
    h('p.hint', '"Under filter" finds the subscriptions whose filters fall under the one given (a/# finds a/b and a/+).'),
    form, errors, list);
  load();
}
