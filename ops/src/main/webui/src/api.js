/** A failed call: the HTTP status, EMQX's error code when the answer had one, and a sentence for the page. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * The admin API under /api/v5, every call with the session's Authorization header.
 *
 * credentials 'omit': a 401 must come back to the app (which shows the login again) rather than make
 * the browser ask for a password in a dialog of its own; the header set here is sent all the same.
 */
export function createApi({ authorization, onUnauthorized = () => {}, fetchImpl = (...a) => fetch(...a) }) {
  async function call(method, path, { query, body } = {}) {
    const url = '/api/v5' + path + queryString(query);
    const headers = { Authorization: authorization(), Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        credentials: 'omit',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, 'NETWORK', `${method} ${path}: ops did not answer (${e.message})`);
    }
    const text = await response.text();
    const json = parse(text);
    if (response.ok) return { status: response.status, body: json };
    if (response.status === 401) onUnauthorized();
    throw failure(method, path, response.status, json);
  }
  return {
    get: (path, query) => call('GET', path, { query }).then((r) => r.body),
    post: (path, body) => call('POST', path, { body }),
    del: (path) => call('DELETE', path),
  };
}

function failure(method, path, status, json) {
  const code = json && typeof json === 'object' ? json.code : undefined;
  const detail = code ? `${code}: ${json.message ?? ''}`.trim() : STATUS_TEXT[status] ?? `HTTP ${status}`;
  let hint = '';
  if (status === 404 && !code) hint = ' (this ops does not offer it yet)';
  if (status === 401) hint = ' (the credentials were refused)';
  if (status === 403) hint = ' (your role may not do this)';
  return new ApiError(status, code, `${method} ${path} failed: ${detail}${hint}`);
}

const STATUS_TEXT = {
  400: 'bad request', 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 405: 'method not allowed',
  500: 'server error', 503: 'no router answered',
};

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

/** A path segment (a client id, a topic) encoded so that '/', '#' and '+' stay inside it. */
export function segment(value) {
  return encodeURIComponent(value);
}
