// The login kept for this browser tab: how to authorize every API call, and whom to show as logged in.
// sessionStorage, so it ends with the tab and is not shared with other tabs.
//
// A login method turns what the user gives into an Authorization header: an API key as HTTP Basic (as
// scripts use them), or a token of ops's OIDC issuer as Bearer (oidc.js). The rest of the app only sees
// the header.

const STORAGE_KEY = 'starling.dashboard.session';

export const methods = {
  'api-key': {
    label: 'API key',
    login: ({ key, secret }) => ({
      method: 'api-key',
      user: key,
      authorization: 'Basic ' + base64(`${key}:${secret}`),
    }),
  },
};

export function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function currentSession(storage = sessionStorage) {
  try {
    const session = JSON.parse(storage.getItem(STORAGE_KEY));
    return session?.authorization ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session, storage = sessionStorage) {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage = sessionStorage) {
  storage.removeItem(STORAGE_KEY);
}
