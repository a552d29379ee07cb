// Session Service — Audit admin page. Plain ES2020 module, no dependencies.
// The access token lives in memory (mirrored to sessionStorage so a reload
// keeps you signed in). It is never logged or rendered.

const TOKEN_KEY = 'audit.accessToken';
const USER_KEY = 'audit.username';
const PAGE_SIZE = 50;
const DAY_MS = 86400000;
// GET /v1/audit/summary refuses a longer range: a longer one is charted for its most recent days.
const MAX_CHART_DAYS = 400;
const ACTION_SETS = {
  forced: 'session.forced_logout',
  all: 'session.forced_logout,session.logout,session.revoked_all',
  everything: '',
};
const REFUSAL_TEXT =
  'You are signed in but lack the audit.read permission needed to read the audit trail.';

const $ = (id) => document.getElementById(id);
const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  username: sessionStorage.getItem(USER_KEY),
  // The filters as last applied: pages, the chart and exports read these, never the form's unapplied edits.
  applied: new URLSearchParams(),
  cursor: null, // cursor used for the current page (null = first page), of the applied filters
  nextCursor: null,
  page: 1,
};

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
class Superseded extends Error {}

// ---------- status / view helpers ----------

function setStatus(message, kind = 'info') {
  const el = $('status');
  el.textContent = message || '';
  el.className = `status status-${kind}`;
  el.hidden = !message;
}

function showView(view) {
  $('login-section').hidden = view !== 'login';
  $('data-ui').hidden = view !== 'data';
  $('refusal').hidden = view !== 'refusal';
  if (view !== 'refusal') $('refusal').textContent = '';
  const signedIn = view !== 'login';
  $('signout').hidden = !signedIn;
  $('whoami').hidden = !signedIn || !state.username;
  $('whoami').textContent = state.username ? `Signed in as ${state.username}` : '';
}

function setToken(token, username) {
  state.token = token;
  state.username = username;
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    if (username) sessionStorage.setItem(USER_KEY, username);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  }
}

function toSignIn(message) {
  setToken(null, null);
  showView('login');
  setStatus(message, message ? 'error' : 'info');
  $('username').focus();
}

function refuse() {
  showView('refusal');
  $('refusal').textContent = REFUSAL_TEXT;
}

async function errorMessage(res) {
  try {
    const body = await res.json();
    if (body && typeof body.message === 'string') return body.message;
    if (body && Array.isArray(body.message)) return body.message.join('; ');
  } catch { /* not JSON */ }
  return `Request failed (HTTP ${res.status}).`;
}

// ---------- API ----------

async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const token = state.token;
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  // A sign-out / sign-in happened while this request was in flight.
  if (token !== state.token) throw new Superseded();
  if (res.status === 401) {
    toSignIn('Your session has expired or is no longer valid. Please sign in again.');
    throw new ApiError(401, 'unauthorized');
  }
  if (res.status === 403) {
    refuse();
    throw new ApiError(403, 'forbidden');
  }
  if (!res.ok) {
    const msg = await errorMessage(res);
    setStatus(msg, 'error');
    throw new ApiError(res.status, msg);
  }
  return res;
}

function handled(err) {
  if (err instanceof ApiError || err instanceof Superseded) return;
  setStatus(`Network error: ${err.message}`, 'error');
}

// ---------- filters ----------

function localToIso(value) {
  if (!value) return '';
  const d = new Date(value); // datetime-local is interpreted as local time
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

function filterParams() {
  const form = $('filters');
  const p = new URLSearchParams();
  const action = ACTION_SETS[form.elements.actionSet.value];
  if (action) p.set('action', action);
  for (const name of ['actorUserId', 'targetUserId', 'surface', 'outcome', 'reason']) {
    const v = form.elements[name].value.trim();
    if (v) p.set(name, v);
  }
  const from = localToIso(form.elements.from.value);
  const to = localToIso(form.elements.to.value);
  if (from) p.set('from', from);
  if (to) p.set('to', to);
  return p;
}

// ---------- events table ----------

function cell(text, title) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  if (title) td.title = title;
  return td;
}

function formatWhen(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function renderEvents(items) {
  const tbody = $('events').tBodies[0];
  tbody.replaceChildren();
  if (!items.length) {
    const tr = tbody.insertRow();
    const td = cell('No events match these filters.');
    td.colSpan = 9;
    td.className = 'empty';
    tr.append(td);
    return;
  }
  for (const ev of items) {
    const tr = tbody.insertRow();
    tr.dataset.eventId = ev.id;
    const actor = ev.actor || {};
    let why = ev.reason || '—';
    if (ev.ticket) why += ` (ticket ${ev.ticket})`;

    const sessions = document.createElement('td');
    sessions.className = 'num';
    const ids = Array.isArray(ev.sessionIds) ? ev.sessionIds : [];
    if (ids.length) {
      const det = document.createElement('details');
      const sum = document.createElement('summary');
      sum.textContent = String(ev.sessionCount ?? ids.length);
      const ul = document.createElement('ul');
      for (const id of ids) {
        const li = document.createElement('li');
        li.textContent = id;
        ul.append(li);
      }
      det.append(sum, ul);
      sessions.append(det);
    } else {
      sessions.textContent = String(ev.sessionCount ?? 0);
    }

    const outcome = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `badge badge-${ev.outcome}`;
    badge.textContent = ev.outcome;
    outcome.append(badge);

    tr.append(
      cell(formatWhen(ev.occurredAt), ev.occurredAt),
      cell(actor.label || actor.userId || '—', actor.userId || undefined),
      cell(ev.targetLabel || ev.targetUserId || '—', ev.targetUserId || undefined),
      cell(why),
      cell(ev.ip || '—', ev.userAgent || undefined),
      cell(ev.surface || '—'),
      sessions,
      outcome,
      cell(ev.dryRun ? 'yes' : 'no'),
    );
  }
}

async function loadEvents() {
  const p = new URLSearchParams(state.applied);
  p.set('limit', String(PAGE_SIZE));
  if (state.cursor) p.set('cursor', state.cursor);
  const res = await api(`/v1/audit/events?${p}`);
  const data = await res.json();
  renderEvents(Array.isArray(data.items) ? data.items : []);
  state.nextCursor = data.nextCursor || null;
  $('next-page').disabled = !state.nextCursor;
  $('first-page').disabled = !state.cursor;
  $('page-info').textContent = `Page ${state.page}`;
}

// ---------- summary chart ----------

const SVG_NS = 'http://www.w3.org/2000/svg';
function svgEl(name, attrs = {}, text) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function renderChart(perDay) {
  const svg = $('chart');
  svg.replaceChildren();
  const W = 760, H = 260, L = 48, R = 12, T = 12, B = 52;
  const pw = W - L - R, ph = H - T - B;
  const days = [...perDay].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const max = Math.max(1, ...days.map((d) => d.count));

  // axes
  svg.append(
    svgEl('line', { x1: L, y1: T, x2: L, y2: T + ph, class: 'axis' }),
    svgEl('line', { x1: L, y1: T + ph, x2: L + pw, y2: T + ph, class: 'axis' }),
  );
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  for (const t of ticks) {
    const y = T + ph - (t / max) * ph;
    svg.append(
      svgEl('line', { x1: L - 4, y1: y, x2: L + pw, y2: y, class: t ? 'grid' : 'axis' }),
      svgEl('text', { x: L - 8, y: y + 4, 'text-anchor': 'end', class: 'tick' }, String(t)),
    );
  }
  svg.append(
    svgEl('text', { x: 14, y: T + ph / 2, 'text-anchor': 'middle', class: 'axis-label',
      transform: `rotate(-90 14 ${T + ph / 2})` }, 'Forced logouts'),
    svgEl('text', { x: L + pw / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' }, 'Day'),
  );

  if (!days.length) {
    svg.append(svgEl('text', { x: L + pw / 2, y: T + ph / 2, 'text-anchor': 'middle', class: 'tick' },
      'No forced logouts in this period.'));
    return;
  }
  const slot = pw / days.length;
  const bw = Math.max(1, Math.min(40, slot * 0.8));
  const every = Math.ceil(days.length / 10);
  days.forEach((d, i) => {
    const h = (d.count / max) * ph;
    const x = L + i * slot + (slot - bw) / 2;
    const rect = svgEl('rect', { x, y: T + ph - h, width: bw, height: Math.max(h, 0), class: 'bar' });
    rect.append(svgEl('title', {}, `${d.day}: ${d.count}`));
    svg.append(rect);
    if (i % every === 0 || i === days.length - 1) {
      svg.append(svgEl('text', { x: x + bw / 2, y: T + ph + 16, 'text-anchor': 'middle', class: 'tick' },
        d.day.slice(5)));
    }
  });
}

function renderCounts(tableId, rows, labelOf) {
  const tbody = $(tableId).tBodies[0];
  tbody.replaceChildren();
  if (!rows.length) {
    const tr = tbody.insertRow();
    const td = cell('None');
    td.colSpan = 2;
    td.className = 'empty';
    tr.append(td);
    return;
  }
  for (const r of rows) {
    const tr = tbody.insertRow();
    const [label, title] = labelOf(r);
    const count = cell(String(r.count));
    count.className = 'num';
    tr.append(cell(label, title), count);
  }
}

/** The chart's range for the applied filters: theirs, or its most recent MAX_CHART_DAYS days. */
function chartRange(f) {
  const to = f.get('to') || new Date().toISOString();
  const from = f.get('from') || new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  const earliest = Date.parse(to) - MAX_CHART_DAYS * DAY_MS;
  return Date.parse(from) < earliest
    ? { from: new Date(earliest).toISOString(), to, clipped: true }
    : { from, to, clipped: false };
}

function setSummaryNote(text) {
  $('summary-note').textContent = text;
  $('summary-note').hidden = !text;
}

async function loadSummary() {
  const { from, to, clipped } = chartRange(state.applied);
  setSummaryNote(clipped
    ? `The chart covers at most ${MAX_CHART_DAYS} days: it shows the last ${MAX_CHART_DAYS} days of the selected range. The events below cover all of it.`
    : '');
  let data;
  try {
    const res = await api(`/v1/audit/summary?${new URLSearchParams({ from, to })}`);
    data = await res.json();
  } catch (err) {
    // Never leave the previous filters' chart on screen as if it answered these.
    $('chart').replaceChildren();
    $('summary-range').textContent = '';
    for (const id of ['per-actor', 'per-surface']) $(id).tBodies[0].replaceChildren();
    setSummaryNote('No chart for these filters.');
    throw err;
  }
  $('summary-range').textContent =
    `${formatWhen(data.from || from)} – ${formatWhen(data.to || to)}`;
  renderChart(Array.isArray(data.perDay) ? data.perDay : []);
  renderCounts('per-actor', data.perActor || [], (r) =>
    [r.actorLabel || r.actorUserId || '—', r.actorUserId || undefined]);
  renderCounts('per-surface', data.perSurface || [], (r) => [r.surface || '—']);
}

// ---------- flows ----------

async function loadAll() {
  setStatus('Loading…');
  $('data-ui').setAttribute('aria-busy', 'true');
  const results = await Promise.allSettled([loadEvents(), loadSummary()]);
  $('data-ui').setAttribute('aria-busy', 'false');
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) handled(failed.reason);
  else setStatus('');
}

function startSession() {
  showView('data');
  state.applied = filterParams();
  state.cursor = null;
  state.nextCursor = null;
  state.page = 1;
  loadAll();
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
      setStatus(await errorMessage(res), 'error');
      return;
    }
    const data = await res.json();
    $('password').value = '';
    // Shown in the header: the name the admin signed in with (the user id is in every event row anyway).
    setToken(data.accessToken, username);
    startSession();
  } catch (err) {
    setStatus(`Network error: ${err.message}`, 'error');
  } finally {
    btn.disabled = false;
  }
}

async function onSignOut() {
  const token = state.token;
  setToken(null, null); // clear state first so nothing else uses the token
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
  $('events').tBodies[0].replaceChildren();
  showView('login');
  setStatus('You have been signed out.');
}

async function exportEvents(format) {
  const p = new URLSearchParams(state.applied);
  p.set('format', format);
  const btn = $(`export-${format}`);
  btn.disabled = true;
  setStatus(`Preparing ${format.toUpperCase()} export…`);
  try {
    const res = await api(`/v1/audit/events/export?${p}`, { accept: '*/*' });
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `audit-events.${format}`;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Exported audit-events.${format}.`);
  } catch (err) {
    handled(err);
  } finally {
    btn.disabled = false;
  }
}

function init() {
  $('login-form').addEventListener('submit', onLogin);
  $('signout').addEventListener('click', onSignOut);
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    startSession();
  });
  $('filters').addEventListener('reset', () => setTimeout(startSession, 0));
  $('next-page').addEventListener('click', () => {
    if (!state.nextCursor) return;
    state.cursor = state.nextCursor;
    state.page += 1;
    loadEvents().then(() => setStatus('')).catch(handled);
  });
  $('first-page').addEventListener('click', () => {
    state.cursor = null;
    state.page = 1;
    loadEvents().then(() => setStatus('')).catch(handled);
  });
  $('export-csv').addEventListener('click', () => exportEvents('csv'));
  $('export-ndjson').addEventListener('click', () => exportEvents('ndjson'));

  if (state.token) startSession();
  else showView('login');
}

init();
