// Session Service — admin console. Native ES modules, no build step and no dependencies: the service
// serves these files as they are (see README, "The admin console"). One module per view in views/.
import { ApiError, getJson, messageOf, session, whenReauthNeeded, whenSignedOut } from './lib/api.js';
import { $ } from './lib/dom.js';
import { setStatus, showError } from './lib/status.js';
import { renderAudit } from './views/audit.js';
import { renderEvent } from './views/event.js';
import { renderIntegrity } from './views/integrity.js';
import { renderPeople } from './views/people.js';
import { renderUser } from './views/user.js';

/** What each view needs; the nav shows only what the admin may use. */
const VIEWS = {
  people: { permission: 'users.manage', render: renderPeople },
  users: { permission: 'users.manage', render: renderUser },
  audit: { permission: 'audit.read', render: renderAudit },
  events: { permission: 'audit.read', render: renderEvent },
  integrity: { permission: 'audit.read', render: renderIntegrity },
};
const CONSOLE_PERMISSIONS = ['users.manage', 'audit.read'];

function showSignedIn(signedIn) {
  $('login-section').hidden = signedIn;
  $('nav').hidden = !signedIn;
  $('signout').hidden = !signedIn;
  $('whoami').hidden = !signedIn;
  $('whoami').textContent = signedIn && session.me ? `Signed in as ${session.me.user.username}` : '';
  if (!signedIn) {
    $('view').replaceChildren();
    $('refusal').hidden = true;
  }
}

function toSignIn(message) {
  session.set(null);
  session.me = null;
  showSignedIn(false);
  setStatus(message, message ? 'error' : 'info');
  $('username').focus();
}

/** Renders the view the hash names (#/people, #/users/{id}, #/audit?…, #/events/{id}, #/integrity). */
let rendering = 0;
async function route() {
  if (!session.me) return;
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, id] = path.split('/');
  const allowed = Object.keys(VIEWS).filter((v) => session.can(VIEWS[v].permission));
  for (const link of $('nav').querySelectorAll('a')) {
    const view = link.id.replace('nav-', '');
    link.hidden = !allowed.includes(view);
    if (view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const refusal = $('refusal');
  if (!allowed.length) {
    $('view').replaceChildren();
    setStatus('');
    refusal.hidden = false;
    refusal.textContent = `You are signed in but hold none of the permissions the console needs (${CONSOLE_PERMISSIONS.join(', ')}): you can read neither people nor the audit trail.`;
    return;
  }
  const view = VIEWS[name] && allowed.includes(name) ? name : null;
  if (!view) {
    if (VIEWS[name]) {
      $('view').replaceChildren();
      setStatus('');
      refusal.hidden = false;
      refusal.textContent = `This view needs the ${VIEWS[name].permission} permission, which you do not hold.`;
      return;
    }
    location.replace(`#/${allowed.includes('audit') ? 'audit' : allowed[0]}`);
    return;
  }
  refusal.hidden = true;
  refusal.textContent = '';
  const turn = ++rendering;
  const container = document.createElement('div');
  container.id = 'view';
  $('view').replaceWith(container);
  setStatus('');
  try {
    await VIEWS[view].render(container, { id: id ? decodeURIComponent(id) : undefined, query: new URLSearchParams(query), current: () => turn === rendering });
  } catch (err) {
    if (turn === rendering) showError(err);
  }
}

async function startSession() {
  try {
    session.me = await getJson('/v1/auth/me');
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) showError(err);
    return;
  }
  showSignedIn(true);
  await route();
}

async function onLogin(e) {
  e.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) {
    setStatus('Enter your username or email and your password.', 'error');
    return;
  }
  const btn = $('login-submit');
  btn.disabled = true;
  setStatus('Signing in…');
  try {
    const res = await fetch('/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      credentials: 'same-origin',
    });
    if (res.status === 429) {
      const retry = res.headers.get('Retry-After');
      setStatus(`Too many sign-in attempts. Please wait${retry ? ` ${retry} seconds` : ''} and try again.`, 'error');
      return;
    }
    if (!res.ok) {
      setStatus(messageOf(await res.json().catch(() => null), res.status), 'error');
      return;
    }
    const data = await res.json();
    $('password').value = '';
    session.set(data.accessToken);
    setStatus('');
    await startSession();
  } catch (err) {
    setStatus(`Network error: ${err.message}`, 'error');
  } finally {
    btn.disabled = false;
  }
}

async function onSignOut() {
  const token = session.token;
  session.set(null);
  session.me = null;
  try {
    if (token) {
      await fetch('/v1/auth/logout', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
    }
  } catch { /* signing out locally regardless */ }
  showSignedIn(false);
  setStatus('You have been signed out.');
}

/** The fresh-authentication prompt: resolves to the password typed, or null when cancelled. */
function promptPassword() {
  const dialog = $('reauth');
  const input = $('reauth-password');
  input.value = '';
  return new Promise((resolve) => {
    const done = (value) => {
      dialog.removeEventListener('close', onClose);
      resolve(value);
    };
    const onClose = () => done(dialog.returnValue === 'ok' && input.value ? input.value : null);
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
  });
}

function init() {
  whenSignedOut(toSignIn);
  whenReauthNeeded(promptPassword);
  $('reauth-cancel').addEventListener('click', () => $('reauth').close(''));
  $('login-form').addEventListener('submit', onLogin);
  $('signout').addEventListener('click', onSignOut);
  window.addEventListener('hashchange', route);
  if (session.token) startSession();
  else showSignedIn(false);
}

init();
