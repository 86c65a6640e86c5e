import { describe, expect, it, vi } from 'vitest';
import { createApi, queryString } from '../src/api.js';
import { base64, currentSession, methods, saveSession, clearSession } from '../src/auth.js';

function answering(status, body) {
  const fetchImpl = vi.fn(async () => ({
    ok: status >= 200 && status < 300,
    status,
    text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
  }));
  return fetchImpl;
}

describe('createApi', () => {
  it('sends the session header without ambient credentials, and the body as JSON', async () => {
    const fetchImpl = answering(200, { id: 'x' });
    const api = createApi({ authorization: () => 'Basic abc', fetchImpl });
    const answer = await api.post('/publish', { topic: 'a/b' });
    expect(answer).toEqual({ status: 200, body: { id: 'x' } });
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('/api/v5/publish');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('omit');
    expect(init.headers.Authorization).toBe('Basic abc');
    expect(init.body).toBe('{"topic":"a/b"}');
  });

  it('names EMQX error codes', async () => {
    const api = createApi({ authorization: () => '', fetchImpl: answering(404, { code: 'CLIENTID_NOT_FOUND', message: 'Client ID not found' }) });
    await expect(api.get('/clients/x')).rejects.toMatchObject({ status: 404, code: 'CLIENTID_NOT_FOUND',
      message: 'GET /clients/x failed: CLIENTID_NOT_FOUND: Client ID not found' });
  });

  it('says an endpoint ops lacks is not offered, rather than failing silently', async () => {
    const api = createApi({ authorization: () => '', fetchImpl: answering(404, '<html>Not Found</html>') });
    await expect(api.get('/banned', { page: 1 })).rejects.toMatchObject({ status: 404, code: undefined,
      message: 'GET /banned failed: not found (this ops does not offer it yet)' });
  });

  it('hands a 401 to the session, and an unreachable ops is an error too', async () => {
    const onUnauthorized = vi.fn();
    const api = createApi({ authorization: () => '', onUnauthorized, fetchImpl: answering(401) });
    await expect(api.get('/nodes')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    const down = createApi({ authorization: () => '', fetchImpl: async () => { throw new TypeError('Failed to fetch'); } });
    await expect(down.get('/nodes')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('leaves empty filters out of the query', () => {
    expect(queryString({ page: 1, like_clientid: '', username: undefined, node: 'gw a' })).toBe('?page=1&node=gw+a');
    expect(queryString({})).toBe('');
  });
});

describe('the API key login', () => {
  it('is HTTP Basic of key and secret, kept in the given storage', () => {
    const store = new Map();
    const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
    const session = methods['api-key'].login({ key: 'k', secret: 'sécret' });
    expect(session.authorization).toBe('Basic ' + Buffer.from('k:sécret', 'utf8').toString('base64'));
    expect(base64('k:s')).toBe('azpz');
    expect(currentSession(storage)).toBeNull();
    saveSession(session, storage);
    expect(currentSession(storage)).toEqual(session);
    clearSession(storage);
    expect(currentSession(storage)).toBeNull();
  });
});
