// Login through the OpenID Connect issuer ops trusts (Keycloak): the Authorization Code flow with PKCE
// (RFC 7636, S256) as a public client, straight from the browser. The few steps are written here rather
// than taken from a library: discovery, one redirect, one token request and a refresh are all the dashboard
// needs, and a library would bring session iframes, silent renewal and token storage it does not use.
//
// The verifier and state live in sessionStorage only from the redirect to the return; the token is kept
// like an API key's secret (the tab's session), and goes to ops as Bearer.

const PENDING_KEY = 'starling.dashboard.oidc.pending';

export function base64url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes, base64url: 43 characters, as RFC 7636 asks of a verifier. */
export function randomToken(cryptoImpl = globalThis.crypto) {
  return base64url(cryptoImpl.getRandomValues(new Uint8Array(32)));
}

/** The S256 challenge of a verifier. */
export async function challengeOf(verifier, cryptoImpl = globalThis.crypto) {
  const digest = await cryptoImpl.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(issuer, fetchImpl) {
  const response = await fetchImpl(issuer + '/.well-known/openid-configuration', { credentials: 'omit' });
  if (!response.ok) throw new Error(`the issuer's discovery document answered ${response.status}`);
  return response.json();
}

/** The page ops serves the dashboard at, without query or hash: where the issuer sends the user back. */
export function redirectUri(loc) {
  return loc.origin + loc.pathname;
}

/**
 * Sends the browser to the issuer's login page. `oidc` is ops's {issuer, client_id}; `returnTo` the hash
 * to show after the login.
 */
export async function beginLogin(oidc, { loc = location, storage = sessionStorage, fetchImpl = (...a) => fetch(...a),
  cryptoImpl = globalThis.crypto, returnTo = '' } = {}) {
  if (!cryptoImpl?.subtle) {
    throw new Error('this page is not a secure context (HTTPS or localhost), so the browser offers no SHA-256 for PKCE');
  }
  const discovery = await discover(oidc.issuer, fetchImpl);
  const verifier = randomToken(cryptoImpl);
  const state = randomToken(cryptoImpl);
  const redirect = redirectUri(loc);
  storage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, redirect, returnTo, clientId: oidc.client_id,
    tokenEndpoint: discovery.token_endpoint }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.client_id,
    redirect_uri: redirect,
    scope: 'openid',
    state,
    code_challenge: await challengeOf(verifier, cryptoImpl),
    code_challenge_method: 'S256',
  }).toString();
  loc.assign(url.toString());
}

/**
 * On the issuer's way back (`?code=...&state=...` or `?error=...`): the code exchanged for tokens, as a
 * session. Null when the page was not opened by a login's return.
 */
export async function finishLogin(search, { storage = sessionStorage, fetchImpl = (...a) => fetch(...a),
  now = Date.now } = {}) {
  const params = new URLSearchParams(search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(storage.getItem(PENDING_KEY) ?? 'null');
  storage.removeItem(PENDING_KEY);
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('the login did not start from this tab (its state does not match); log in again');
  }
  if (params.has('error')) {
    throw new Error(`the issuer refused the login: ${params.get('error_description') ?? params.get('error')}`);
  }
  const tokens = await tokenRequest(pending.tokenEndpoint, {
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: pending.redirect,
    client_id: pending.clientId,
    code_verifier: pending.verifier,
  }, fetchImpl);
  return { ...sessionOf(tokens, pending.tokenEndpoint, pending.clientId, now()), returnTo: pending.returnTo };
}

/** A new access token for the session by its refresh token. */
export async function refresh(session, { fetchImpl = (...a) => fetch(...a), now = Date.now } = {}) {
  const tokens = await tokenRequest(session.tokenEndpoint, {
    grant_type: 'refresh_token',
    refresh_token: session.refreshToken,
    client_id: session.clientId,
  }, fetchImpl);
  return sessionOf(tokens, session.tokenEndpoint, session.clientId, now());
}

async function tokenRequest(endpoint, form, fetchImpl) {
  const response = await fetchImpl(endpoint, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`the issuer's token endpoint answered ${response.status}: ${body.error_description ?? body.error ?? ''}`);
  }
  return body;
}

function sessionOf(tokens, tokenEndpoint, clientId, nowMillis) {
  return {
    method: 'oidc',
    user: tokenUser(tokens.access_token),
    authorization: 'Bearer ' + tokens.access_token,
    expiresAt: nowMillis + (tokens.expires_in ?? 60) * 1000,
    refreshToken: tokens.refresh_token,
    tokenEndpoint,
    clientId,
  };
}

/** Whom the token names (preferred_username, else sub); only shown, never trusted: ops checks the token. */
export function tokenUser(accessToken) {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    return claims.preferred_username ?? claims.sub ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
