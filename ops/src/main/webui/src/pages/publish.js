import { h, show, errorBox, formValues } from '../dom.js';

export function publish(root, { api }) {
  const result = h('div');
  const form = h('form.card', { 'data-testid': 'publish-form' },
    h('label', 'Topic', h('input', { name: 'topic', required: true, placeholder: 'a/b' })),
    h('label', 'Payload', h('textarea', { name: 'payload', rows: 4 })),
    h('label', 'Payload encoding', h('select', { name: 'payload_encoding' },
      h('option', { value: 'plain' }, 'plain'), h('option', { value: 'base64' }, 'base64'))),
    h('label', 'QoS', h('select', { name: 'qos' }, [0, 1, 2].map((q) => h('option', { value: q }, String(q))))),
    h('label.inline', h('input', { type: 'checkbox', name: 'retain' }), ' retain'),
    h('button', { type: 'submit' }, 'Publish'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    try {
      const answer = await api.post('/publish', {
        topic: v.topic,
        payload: v.payload ?? '',
        payload_encoding: v.payload_encoding,
        qos: Number(v.qos),
        retain: v.retain === 'on',
      });
      show(result, h('div.ok', { role: 'status', 'data-testid': 'publish-result' }, answer.status === 200
        ? `Published (id ${answer.body.id}); a subscription matched.`
        : `Published; no subscription matched (${answer.body?.message ?? 'no_matching_subscribers'}).`));
    } catch (err) {
      show(result, errorBox(err, 'publish-result'));
    }
  });
  show(root, h('h1', 'Publish'),
    h('p.hint', 'The message is routed as the broker\'s own (as a will or a $SYS message).'), form, result);
}
