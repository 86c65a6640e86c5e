import { describe, expect, it, vi } from 'vitest';
import { webcrypto } from 'node:crypto';
import { base64url, beginLogin, challengeOf, finishLogin, redirectUri, refresh, tokenUser } from '../src/oidc.js';

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k),
  };
}

function json(status, body) {
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

const DISCOVERY = {
  authorization_endpoint: 'http://idp.test/realms/starling/protocol/openid-connect/auth',
  token_endpoint: 'http://idp.test/realms/starling/protocol/openid-connect/token',
};

function token(claims) {
  const part = (o) => base64url(new TextEncoder().encode(JSON.stringify(o)));
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', webcrypto))
      .toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('the login through the issuer', () => {
  it('redirects with a challenge and state, and exchanges the code with the verifier they belong to', async () => {
    const storage = memoryStorage();
    const loc = { origin: 'http://127.0.0.1:18083', pathname: '/', assign: vi.fn() };
    const fetchImpl = vi.fn(async () => json(200, DISCOVERY));
    await beginLogin({ issuer: 'http://idp.test/realms/starling', client_id: 'ops' },
      { loc, storage, fetchImpl, cryptoImpl: webcrypto, returnTo: '#/clients' });
    expect(fetchImpl.mock.calls[0][0]).toBe('http://idp.test/realms/starling/.well-known/openid-configuration');
    const sent = new URL(loc.assign.mock.calls[0][0]);
    expect(sent.origin + sent.pathname).toBe(DISCOVERY.authorization_endpoint);
    expect(sent.searchParams.get('response_type')).toBe('code');
    expect(sent.searchParams.get('client_id')).toBe('ops');
    expect(sent.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:18083/');
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');

    const access = token({ preferred_username: 'ops-admin' });
    const tokenFetch = vi.fn(async () => json(200, { access_token: access, expires_in: 300, refresh_token: 'r1' }));
    const state = sent.searchParams.get('state');
    const session = await finishLogin(`?state=${state}&code=the-code`, { storage, fetchImpl: tokenFetch, now: () => 1000 });
    expect(session).toMatchObject({ method: 'oidc', user: 'ops-admin', authorization: 'Bearer ' + access,
      expiresAt: 301000, refreshToken: 'r1', returnTo: '#/clients' });
    const [url, init] = tokenFetch.mock.calls[0];
    expect(url).toBe(DISCOVERY.token_endpoint);
    const form = new URLSearchParams(init.body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('the-code');
    expect(form.get('redirect_uri')).toBe('http://127.0.0.1:18083/');
    expect(await challengeOf(form.get('code_verifier'), webcrypto)).toBe(sent.searchParams.get('code_challenge'));
    expect(storage.getItem('starling.dashboard.oidc.pending')).toBeNull();
  });

  it('refuses a return whose state this tab did not send, without asking for tokens', async () => {
    const storage = memoryStorage();
    storage.setItem('starling.dashboard.oidc.pending', JSON.stringify({ state: 'mine', verifier: 'v' }));
    const fetchImpl = vi.fn();
    await expect(finishLogin('?state=theirs&code=c', { storage, fetchImpl })).rejects.toThrow(/state does not match/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('shows the issuer\'s error, and ignores a page opened without a login', async () => {
    const storage = memoryStorage();
    storage.setItem('starling.dashboard.oidc.pending', JSON.stringify({ state: 's' }));
    await expect(finishLogin('?state=s&error=access_denied', { storage })).rejects.toThrow(/access_denied/);
    expect(await finishLogin('', { storage })).toBeNull();
  });

  it('refuses to start outside a secure context', async () => {
    await expect(beginLogin({ issuer: 'x', client_id: 'ops' }, { loc: {}, storage: memoryStorage(), cryptoImpl: {}, fetchImpl: vi.fn() }))
      .rejects.toThrow(/secure context/);
  });

  it('renews the token by the refresh token', async () => {
    const fetchImpl = vi.fn(async () => json(200, { access_token: token({ sub: 'u1' }), expires_in: 60, refresh_token: 'r2' }));
    const renewed = await refresh({ refreshToken: 'r1', tokenEndpoint: 'http://idp.test/token', clientId: 'ops' },
      { fetchImpl, now: () => 0 });
    expect(renewed).toMatchObject({ user: 'u1', refreshToken: 'r2', expiresAt: 60000 });
    expect(new URLSearchParams(fetchImpl.mock.calls[0][1].body).get('grant_type')).toBe('refresh_token');
  });

  it('names the token\'s user, and the page without its query as the way back', () => {
    expect(tokenUser('not a token')).toBe('unknown');
    expect(redirectUri({ origin: 'http://localhost:5173', pathname: '/' })).toBe('http://localhost:5173/');
  });
});
