import { h, show, errorBox, formValues } from '../dom.js';
import { segment } from '../api.js';
import { formatTime } from '../series.js';
import { pager } from './paging.js';

const SIZE = 50;
const BASE = '/auth_service';

/** The auth service's pages ({items, page from 0, size, total}) as EMQX's meta, for the same pager. */
export function metaOf(answer) {
  return { page: answer.page + 1, limit: answer.size, count: answer.total,
    hasnext: (answer.page + 1) * answer.size < answer.total };
}

/**
 * #/devices: the auth service's devices (its password registry) and access rules, through ops. Its admin
 * API takes single sign-on tokens only, so after an API key login the page says so.
 */
export function devices(root, { api }) {
  const deviceErrors = h('div');
  const deviceList = h('div');
  const deviceResult = h('div');
  const ruleErrors = h('div');
  const ruleList = h('div');
  const ruleResult = h('div');
  let devicePage = 0;
  let rulePage = 0;
  let ruleQuery = {};

  const deviceForm = h('form.card', { 'data-testid': 'device-form' },
    h('h2', 'Add a device'),
    h('label', 'Client id', h('input', { name: 'clientId', required: true })),
    h('label', 'Password', h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' })),
    h('label', 'Username (empty: any)', h('input', { name: 'username' })),
    h('label.inline', h('input', { name: 'superuser', type: 'checkbox' }), ' superuser (no access rules apply)'),
    h('button', { type: 'submit' }, 'Add'));
  deviceForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(deviceForm);
    const device = { clientId: v.clientId, password: v.password, superuser: v.superuser === 'on', enabled: true };
    if (v.username) device.username = v.username;
    try {
      await api.post(BASE + '/devices', device);
      show(deviceResult, h('div.ok', { role: 'status', 'data-testid': 'device-result' }, `Added device ${v.clientId}.`));
      deviceForm.reset();
      await loadDevices();
    } catch (err) {
      show(deviceResult, errorBox(err, 'device-result'));
    }
  });

  const ruleFilter = h('form.inline-form', { 'data-testid': 'rule-filters' },
    h('select', { name: 'scope', 'aria-label': 'scope' }, h('option', { value: '' }, 'any scope'),
      ['client', 'username', 'all'].map((s) => h('option', { value: s }, s))),
    h('input', { name: 'subject', placeholder: 'subject (client id or username)', 'aria-label': 'subject' }),
    h('button', { type: 'submit' }, 'Filter'));
  ruleFilter.addEventListener('submit', (e) => {
    e.preventDefault();
    ruleQuery = formValues(ruleFilter);
    rulePage = 0;
    loadRules();
  });

  const ruleForm = h('form.card', { 'data-testid': 'rule-form' },
    h('h2', 'Add a rule'),
    h('label', 'Scope', h('select', { name: 'scope' }, ['client', 'username', 'all'].map((s) => h('option', { value: s }, s)))),
    h('label', 'Subject (a client id or username; empty for all)', h('input', { name: 'subject' })),
    h('label', 'Priority (lower first)', h('input', { name: 'priority', type: 'number', value: '0' })),
    h('label', 'Permission', h('select', { name: 'permission' }, ['allow', 'deny'].map((p) => h('option', { value: p }, p)))),
    h('label', 'Action', h('select', { name: 'action' }, ['publish', 'subscribe', 'all'].map((a) => h('option', { value: a }, a)))),
    h('label', 'Topic filter', h('input', { name: 'topic', required: true })),
    h('button', { type: 'submit' }, 'Add'));
  ruleForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(ruleForm);
    const rule = { scope: v.scope, subject: v.subject || null, priority: Number(v.priority || 0),
      permission: v.permission, action: v.action, topic: v.topic };
    try {
      const { body } = await api.post(BASE + '/rules', rule);
      show(ruleResult, h('div.ok', { role: 'status', 'data-testid': 'rule-result' }, `Added rule ${body?.id ?? ''}.`));
      ruleForm.reset();
      await loadRules();
    } catch (err) {
      show(ruleResult, errorBox(err, 'rule-result'));
    }
  });

  show(root, h('h1', 'Devices and access rules'),
    h('p.hint', 'The auth service\'s password registry and access rules, through ops; the auth service checks your ',
      'token against its own roles.'),
    h('h2', 'Devices'), deviceErrors, deviceList, deviceForm, deviceResult,
    h('h2', 'Access rules'), ruleFilter, ruleErrors, ruleList, ruleForm, ruleResult);

  const loadDevices = async () => {
    try {
      const answer = await api.get(BASE + '/devices', { page: devicePage, size: SIZE });
      show(deviceErrors);
      show(deviceList,
        h('table', { 'data-testid': 'devices' }, h('thead', h('tr', h('th', 'client id'), h('th', 'username'),
          h('th', 'superuser'), h('th', 'enabled'), h('th', 'created'), h('th', ''))),
        h('tbody', answer.items.length === 0 ? h('tr', h('td', { colspan: 6 }, 'no device'))
          : answer.items.map((d) => h('tr', h('td', d.clientId), h('td', d.username ?? ''), h('td', d.superuser ? 'yes' : 'no'),
            h('td', d.enabled ? 'yes' : 'no'), h('td', formatTime(d.createdAt)),
            h('td', h('button.danger', { type: 'button', onclick: () => removeDevice(d.clientId) }, 'remove')))))),
        pager(metaOf(answer), (p) => { devicePage = p - 1; loadDevices(); }, 'devices-pager'));
    } catch (e) {
      show(deviceList);
      show(deviceErrors, errorBox(e, 'devices-error'));
    }
  };

  const loadRules = async () => {
    try {
      const answer = await api.get(BASE + '/rules', { ...ruleQuery, page: rulePage, size: SIZE });
      show(ruleErrors);
      show(ruleList,
        h('table', { 'data-testid': 'rules' }, h('thead', h('tr', h('th.num', 'id'), h('th', 'scope'), h('th', 'subject'),
          h('th.num', 'priority'), h('th', 'permission'), h('th', 'action'), h('th', 'topic'), h('th', ''))),
        h('tbody', answer.items.length === 0 ? h('tr', h('td', { colspan: 8 }, 'no rule'))
          : answer.items.map((r) => h('tr', h('td.num', r.id), h('td', r.scope), h('td', r.subject ?? ''),
            h('td.num', r.priority), h('td', r.permission), h('td', r.action), h('td', r.topic),
            h('td', h('button.danger', { type: 'button', onclick: () => removeRule(r) }, 'remove')))))),
        pager(metaOf(answer), (p) => { rulePage = p - 1; loadRules(); }, 'rules-pager'));
    } catch (e) {
      show(ruleList);
      show(ruleErrors, errorBox(e, 'rules-error'));
    }
  };

  const removeDevice = async (clientId) => {
    if (!confirm(`Remove device ${clientId}?`)) return;
    try {
      await api.del(BASE + '/devices/' + segment(clientId));
      show(deviceResult, h('div.ok', { role: 'status', 'data-testid': 'device-result' }, `Removed device ${clientId}.`));
      await loadDevices();
    } catch (e) {
      show(deviceResult, errorBox(e, 'device-result'));
    }
  };

  const removeRule = async (rule) => {
    if (!confirm(`Remove rule ${rule.id} (${rule.permission} ${rule.action} ${rule.topic})?`)) return;
    try {
      await api.del(BASE + '/rules/' + segment(String(rule.id)));
      show(ruleResult, h('div.ok', { role: 'status', 'data-testid': 'rule-result' }, `Removed rule ${rule.id}.`));
      await loadRules();
    } catch (e) {
      show(ruleResult, errorBox(e, 'rule-result'));
    }
  };

  loadDevices();
  loadRules();
}
