import { h, show, errorBox, formValues } from '../dom.js';
import { segment } from '../api.js';
import { formatTime } from '../series.js';
import { pager } from './paging.js';

const LIMIT = 50;
const KINDS = [['clientid', 'client id'], ['username', 'username'], ['peerhost', 'address'],
  ['clientid_re', 'client id pattern'], ['peerhost_net', 'network (CIDR)']];

/** EMQX's banned list: who may not connect, by client id, username, address, or a pattern or network of them. */
export function banned(root, { api }) {
  const errors = h('div');
  const list = h('div');
  const result = h('div');
  let page = 1;

  const form = h('form.card', { 'data-testid': 'ban-form' },
    h('h2', 'Ban'),
    h('label', 'By', h('select', { name: 'as' }, KINDS.map(([value, label]) => h('option', { value }, label)))),
    h('label', 'Who', h('input', { name: 'who', required: true })),
    h('label', 'Reason', h('input', { name: 'reason' })),
    h('label', 'Until (empty: for ever)', h('input', { name: 'until', type: 'datetime-local' })),
    h('button', { type: 'submit' }, 'Ban'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    const ban = { as: v.as, who: v.who };
    if (v.reason) ban.reason = v.reason;
    if (v.until) ban.until = new Date(v.until).toISOString();
    try {
      await api.post('/banned', ban);
      show(result, h('div.ok', { role: 'status', 'data-testid': 'ban-result' },
        `Banned ${v.as} ${v.who}: connected clients it covers are disconnected, and it is refused on connecting.`));
      form.reset();
      await load();
    } catch (err) {
      show(result, errorBox(err, 'ban-result'));
    }
  });

  show(root, h('h1', 'Banned'), errors, list, form, result);

  const load = async () => {
    try {
      const { data, meta } = await api.get('/banned', { page, limit: LIMIT });
      show(errors);
      show(list,
        h('table', { 'data-testid': 'banned' }, h('thead', h('tr', h('th', 'by'), h('th', 'who'), h('th', 'reason'),
          h('th', 'banned by'), h('th', 'at'), h('th', 'until'), h('th', ''))),
        h('tbody', data.length === 0 ? h('tr', h('td', { colspan: 7 }, 'nobody is banned'))
          : data.map((b) => h('tr', h('td', b.as), h('td', b.who), h('td', b.reason ?? ''), h('td', b.by ?? ''),
            h('td', formatTime(b.at)), h('td', b.until === 'infinity' ? 'for ever' : formatTime(b.until)),
            h('td', h('button.danger', { type: 'button', 'data-testid': 'lift', onclick: () => lift(b) }, 'lift')))))),
        pager(meta, (p) => { page = p; load(); }, 'banned-pager'));
    } catch (e) {
      show(list);
      show(errors, errorBox(e, 'banned-error'));
    }
  };

  const lift = async (b) => {
    if (!confirm(`Lift the ban of ${b.as} ${b.who}?`)) return;
    try {
      await api.del(`/banned/${segment(b.as)}/${segment(b.who)}`);
      show(result, h('div.ok', { role: 'status', 'data-testid': 'ban-result' }, `Lifted the ban of ${b.as} ${b.who}.`));
      await load();
    } catch (e) {
      show(errors, errorBox(e));
    }
  };

  load();
}
