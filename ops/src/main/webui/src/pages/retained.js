import { h, show, errorBox } from '../dom.js';
import { segment } from '../api.js';
import { pager } from './paging.js';

const LIMIT = 50;

/** The payload as text when it is UTF-8, else as base64 (as the API gives it). */
export function payloadText(base64) {
  const bytes = Uint8Array.from(atob(base64 ?? ''), (c) => c.charCodeAt(0));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'text' };
  } catch {
    return { text: base64, encoding: 'base64' };
  }
}

export function retained(root, { api }) {
  const errors = h('div');
  const list = h('div');
  const detail = h('div');
  let page = 1;
  show(root, h('h1', 'Retained messages'), errors, list, detail);

  const load = async () => {
    try {
      const { data, meta } = await api.get('/mqtt/retainer/messages', { page, limit: LIMIT });
      show(errors);
      show(list,
        h('table', { 'data-testid': 'retained' }, h('thead', h('tr', h('th', 'topic'), h('th.num', 'qos'),
          h('th', 'from client'), h('th', ''))),
        h('tbody', data.length === 0 ? h('tr', h('td', { colspan: 4 }, 'no retained message'))
          : data.map((m) => h('tr', h('td', h('a', { href: '#', onclick: (e) => { e.preventDefault(); open(m.topic); } },
            m.topic)), h('td.num', m.qos), h('td', m.from_clientid ?? ''),
          h('td', h('button.danger', { type: 'button', onclick: () => remove(m.topic) }, 'delete')))))),
        pager(meta, (p) => { page = p; load(); }, 'retained-pager'));
    } catch (e) {
      show(errors, errorBox(e));
    }
  };

  const open = async (topic) => {
    try {
      const m = await api.get('/mqtt/retainer/message/' + segment(topic));
      const payload = payloadText(m.payload);
      show(detail, h('section.card', h('h2', m.topic),
        h('p', `QoS ${m.qos}`, m.from_clientid ? `, from ${m.from_clientid}` : '', `, payload as ${payload.encoding}:`),
        h('pre', { 'data-testid': 'retained-payload' }, payload.text)));
    } catch (e) {
      show(detail, errorBox(e));
    }
  };

  const remove = async (topic) => {
    if (!confirm(`Delete the retained message of ${topic}?`)) return;
    try {
      await api.del('/mqtt/retainer/message/' + segment(topic));
      show(detail);
      await load();
    } catch (e) {
      show(errors, errorBox(e));
    }
  };

  load();
}
