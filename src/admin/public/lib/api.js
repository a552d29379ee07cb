// The one way the console talks to the API: the bearer token from memory (mirrored to sessionStorage
// so a reload keeps you signed in; never logged or shown), errors turned into ApiError, and fresh
// authentication: a 401 insufficient_user_authentication asks for the password, calls
// POST /v1/auth/reauthenticate and retries the request once.

const TOKEN_KEY = 'console.accessToken';

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY),
  /** GET /v1/auth/me of the signed-in admin: user, permissions. */
  me: null,
  set(token) {
    this.token = token;
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  can(permission) {
    const held = this.me?.permissions ?? [];
    return held.includes(permission) || held.includes('accounts.manage');
  },
};

/** Called when the token is no longer good (set by app.js: back to the sign-in form). */
let onSignedOut = () => {};
export const whenSignedOut = (fn) => (onSignedOut = fn);
/** Asks the admin for their password (set by app.js); resolves to it, or to null when cancelled. */
let askPassword = async () => null;
export const whenReauthNeeded = (fn) => (askPassword = fn);

async function bodyOf(res) {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

export function messageOf(body, status) {
  if (body && typeof body.message === 'string') return body.message;
  if (body && Array.isArray(body.message)) return body.message.join('; ');
  return `Request failed (HTTP ${status}).`;
}

function send(path, { method = 'GET', body, accept = 'application/json' }) {
  const headers = { Accept: accept };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
}

/** The step-up contract: 401 with error insufficient_user_authentication (also named in WWW-Authenticate). */
const needsFreshAuth = (res, body) =>
  res.status === 401 && (body?.error === 'insufficient_user_authentication' || /insufficient_user_authentication/.test(res.headers.get('WWW-Authenticate') ?? ''));

/** Sends a request; answers the Response of a 2xx, throws ApiError otherwise. */
export async function api(path, options = {}, retried = false) {
  const token = session.token;
  const res = await send(path, options);
  if (res.ok) return res;
  const body = await bodyOf(res);
  if (needsFreshAuth(res, body)) {
    // Asked once per action: a second refusal after a fresh sign-in is shown, not asked again.
    if (retried) throw new ApiError(401, messageOf(body, res.status), body);
    const password = await askPassword();
    if (password === null) throw new ApiError(401, 'Fresh sign-in cancelled: nothing was done.', body);
    const again = await send('/v1/auth/reauthenticate', { method: 'POST', body: { password } });
    if (!again.ok) throw new ApiError(again.status, messageOf(await bodyOf(again), again.status), null);
    return api(path, options, true);
  }
  if (res.status === 401 && token === session.token) {
    onSignedOut('Your session has expired or is no longer valid. Please sign in again.');
  }
  throw new ApiError(res.status, messageOf(body, res.status), body);
}

export const getJson = async (path) => (await api(path)).json();
