// Audit: filters (kept in the address, so a name is a link that filters), the events table with its
// total and pages both ways, and the chart and per-actor/per-surface counts of the same filters.
import { api, getJson } from '../lib/api.js';
import { field, formatWhen, h, isUuid, table } from '../lib/dom.js';
import { setStatus, showError } from '../lib/status.js';
import { renderChart } from './chart.js';

const DAY_MS = 86400000;
// GET /v1/audit/summary refuses a longer range: a longer one is charted for its most recent days.
const MAX_CHART_DAYS = 400;
const ACTION_SETS = {
  forced: { label: 'Forced logouts', actions: 'session.forced_logout', noun: 'Forced logouts' },
  all: { label: 'All logouts', actions: 'session.forced_logout,session.logout,session.revoked_all', noun: 'Logouts' },
  everything: { label: 'Everything', actions: '', noun: 'Events' },
};
const SURFACES = ['native', 'rocketchat', 'uberall', 'zap', 'ras', 'chime', 'system'];
const OUTCOMES = ['success', 'failure', 'denied'];
const PAGE_SIZES = [25, 50, 100, 200];
/** The address's filter keys (besides the labels of the people they name). */
const KEYS = ['actionSet', 'actorUserId', 'actorName', 'targetUserId', 'targetName', 'surface', 'outcome', 'reason', 'from', 'to', 'limit'];

const ACTION_NAMES = {
  'session.login': 'Login',
  'session.logout': 'Logout',
  'session.forced_logout': 'Forced logout',
  'session.revoked_all': 'Logout everywhere',
  'session.refresh_reuse': 'Refresh token reused',
  'auth.login_failed': 'Login failed',
  'auth.login_throttled': 'Login throttled',
  'auth.permission_denied': 'Permission denied',
};
export const actionName = (action) => ACTION_NAMES[action] ?? action;

/** The address of the audit view with these filters. */
export function auditHref(filters) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
  return `#/audit?${p}`;
}

function localToIso(value) {
  if (!value) return '';
  const d = new Date(value); // datetime-local is local time
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
function isoToLocal(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The API's query for the applied filters (the list, the export and the summary share it). */
function apiFilter(applied) {
  const p = new URLSearchParams();
  const set = ACTION_SETS[applied.get('actionSet') ?? 'forced'] ?? ACTION_SETS.forced;
  if (set.actions) p.set('action', set.actions);
  for (const k of ['actorUserId', 'actorName', 'targetUserId', 'targetName', 'surface', 'outcome', 'reason', 'from', 'to']) {
    const v = applied.get(k);
    if (v) p.set(k, v);
  }
  return p;
}

/** The chart's range for the applied filters: theirs, or its most recent MAX_CHART_DAYS days. */
function chartRange(f) {
  const to = f.get('to') || new Date().toISOString();
  const from = f.get('from') || new Date(Date.parse(to) - 30 * DAY_MS).toISOString();
  const earliest = Date.parse(to) - MAX_CHART_DAYS * DAY_MS;
  return Date.parse(from) < earliest ? { from: new Date(earliest).toISOString(), to, clipped: true } : { from, to, clipped: false };
}

/** A person's name as a link that filters the trail by them (as actor or as target). */
function personLink(applied, role, userId, label) {
  if (!userId) return label || '—';
  const next = Object.fromEntries([...applied].filter(([k]) => KEYS.includes(k) || k.endsWith('Label')));
  return h(
    'a',
    { href: auditHref({ ...next, [`${role}UserId`]: userId, [`${role}Label`]: label || '', [`${role}Name`]: '' }), class: 'person', title: `Show the events where ${label || userId} is the ${role}`, 'data-user-id': userId },
    label || userId,
  );
}

/**
 * What was typed into the actor or target filter: the person a clicked name set (kept by id), a user
 * id, or a username or email (the API matches it, exactly and case-insensitively, in the account).
 */
function personFilter(text, known) {
  if (!text) return { id: '', label: '', name: '' };
  if (known.id && text === known.label) return { id: known.id, label: known.label, name: '' };
  if (isUuid(text)) return { id: text.toLowerCase(), label: '', name: '' };
  return { id: '', label: '', name: text };
}

export async function renderAudit(container, { query: applied, current }) {
  const actionSet = ACTION_SETS[applied.get('actionSet')] ? applied.get('actionSet') : 'forced';
  const limit = PAGE_SIZES.includes(Number(applied.get('limit'))) ? Number(applied.get('limit')) : 50;
  const knownOf = (role) => ({ id: applied.get(`${role}UserId`) ?? '', label: applied.get(`${role}Label`) || applied.get(`${role}UserId`) || '' });
  const known = { actor: knownOf('actor'), target: knownOf('target') };
  const shown = (role) => [known[role].label, applied.get(`${role}Name`)].filter(Boolean).join(' ');
  const select = (id, name, options, value) =>
    h('select', { id, name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  const input = (id, name, value, type = 'text') => h('input', { id, name, type, value: value ?? '', autocomplete: 'off' });
  const form = h(
    'form',
    { id: 'filters', class: 'filters', novalidate: true },
    field('Events', select('f-action', 'actionSet', Object.entries(ACTION_SETS).map(([k, v]) => [k, v.label]), actionSet)),
    field('Actor (username, email or user ID)', input('f-actor', 'actor', shown('actor'))),
    field('Target (username, email or user ID)', input('f-target', 'target', shown('target'))),
    field('Surface', select('f-surface', 'surface', [['', 'Any'], ...SURFACES.map((s) => [s, s])], applied.get('surface') ?? '')),
    field('Outcome', select('f-outcome', 'outcome', [['', 'Any'], ...OUTCOMES.map((s) => [s, s])], applied.get('outcome') ?? '')),
    field('Reason contains', input('f-reason', 'reason', applied.get('reason'))),
    field('From (local time)', input('f-from', 'from', isoToLocal(applied.get('from')), 'datetime-local')),
    field('To (local time)', input('f-to', 'to', isoToLocal(applied.get('to')), 'datetime-local')),
    field('Page size', select('f-limit', 'limit', PAGE_SIZES.map((n) => [String(n), String(n)]), String(limit))),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', id: 'apply-filters', class: 'btn btn-primary' }, 'Apply filters'),
      h('button', { type: 'button', id: 'reset-filters', class: 'btn', onclick: () => go({}) }, 'Reset'),
    ),
  );

  /** Applying the form: a new address (hashchange renders it); the same address renders again. */
  function go(filters) {
    const href = auditHref(filters);
    if (location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = href;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const els = form.elements;
    const actor = personFilter(els.actor.value.trim(), known.actor);
    const target = personFilter(els.target.value.trim(), known.target);
    go({
      actionSet: els.actionSet.value === 'forced' ? '' : els.actionSet.value,
      actorUserId: actor.id,
      actorLabel: actor.label,
      actorName: actor.name,
      targetUserId: target.id,
      targetLabel: target.label,
      targetName: target.name,
      surface: els.surface.value,
      outcome: els.outcome.value,
      reason: els.reason.value.trim(),
      from: localToIso(els.from.value),
      to: localToIso(els.to.value),
      limit: els.limit.value === '50' ? '' : els.limit.value,
    });
  });

  const set = ACTION_SETS[actionSet];
  const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  chart.id = 'chart';
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-labelledby', 'summary-heading summary-range');
  chart.setAttribute('viewBox', '0 0 760 260');
  chart.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  const eventsBox = h('div', { id: 'events-box' });
  const pageInfo = h('span', { id: 'page-info', class: 'muted' });
  const totalEl = h('p', { id: 'events-total', class: 'muted' });
  const first = h('button', { type: 'button', id: 'first-page', class: 'btn', disabled: true }, 'First page');
  const prev = h('button', { type: 'button', id: 'prev-page', class: 'btn', disabled: true }, 'Previous page');
  const next = h('button', { type: 'button', id: 'next-page', class: 'btn', disabled: true }, 'Next page');
  const counts = (id, heading) => h('div', {}, h('h3', { id: `${id}-heading` }, heading), h('div', { id: `${id}-box` }));

  const ui = h(
    'div',
    { id: 'data-ui', 'aria-busy': 'true' },
    h('section', { class: 'card', 'aria-labelledby': 'filters-heading' }, h('h2', { id: 'filters-heading' }, 'Audit trail'), form),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'summary-heading' },
      h('h2', { id: 'summary-heading' }, `${set.noun} per day`),
      h('p', { id: 'summary-range', class: 'muted' }),
      h('p', { id: 'summary-totals', class: 'muted' }),
      h('p', { id: 'summary-note', class: 'muted', hidden: true }),
      chart,
      h('p', { class: 'legend' }, h('span', { class: 'swatch swatch-bar' }), ' events ', h('span', { class: 'swatch swatch-dry' }), ' of which dry runs (nothing changed)'),
      h('div', { class: 'breakdowns' }, counts('per-actor', 'Per actor'), counts('per-surface', 'Per surface')),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'events-heading' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'events-heading' }, 'Events'),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', id: 'export-csv', class: 'btn', onclick: () => exportEvents('csv') }, 'Export CSV'),
          h('button', { type: 'button', id: 'export-ndjson', class: 'btn', onclick: () => exportEvents('ndjson') }, 'Export NDJSON'),
        ),
      ),
      totalEl,
      eventsBox,
      h('nav', { class: 'pager', 'aria-label': 'Pagination' }, first, prev, pageInfo, next),
    ),
  );
  container.append(ui);
  /** This render's own elements (a newer render may already be on screen). */
  const own = (id) => ui.querySelector(`#${id}`);

  const filter = apiFilter(applied);
  const state = { cursor: null, before: null, page: 1, nextCursor: null, prevCursor: null };

  function clearSummary(note) {
    chart.replaceChildren();
    own('summary-range').textContent = '';
    own('summary-totals').textContent = '';
    own('per-actor-box').replaceChildren();
    own('per-surface-box').replaceChildren();
    setNote(note);
  }
  function setNote(text) {
    own('summary-note').textContent = text;
    own('summary-note').hidden = !text;
  }

  async function loadEvents() {
    const p = new URLSearchParams(filter);
    p.set('limit', String(limit));
    if (state.cursor) p.set('cursor', state.cursor);
    if (state.before) p.set('before', state.before);
    let data;
    try {
      data = await getJson(`/v1/audit/events?${p}`);
    } catch (err) {
      eventsBox.replaceChildren(h('p', { class: 'empty' }, 'No events shown: the filters could not be applied.'));
      totalEl.textContent = '';
      for (const b of [first, prev, next]) b.disabled = true;
      pageInfo.textContent = '';
      throw err;
    }
    if (!current()) return;
    eventsBox.replaceChildren(
      table({
        id: 'events',
        caption: 'Audit events',
        columns: ['When', 'Action', 'Who', 'Whom', 'Why', 'Where', 'Surface', 'Sessions', 'Outcome', 'Dry run'],
        empty: 'No events match these filters.',
        rows: data.items.map((ev) => ({
          attrs: { dataset: { eventId: ev.id } },
          classes: [null, null, null, null, null, null, null, 'num'],
          cells: [
            h('a', { href: `#/events/${ev.id}`, class: 'event-link', title: `Details of event #${ev.id} (${ev.occurredAt})` }, formatWhen(ev.occurredAt)),
            h('span', { class: 'action', title: ev.action }, actionName(ev.action)),
            personLink(applied, 'actor', ev.actor?.userId, ev.actor?.label),
            personLink(applied, 'target', ev.targetUserId, ev.targetLabel),
            `${ev.reason || '—'}${ev.ticket ? ` (ticket ${ev.ticket})` : ''}`,
            ev.ip || '—',
            ev.surface || '—',
            String(ev.sessionCount ?? 0),
            h('span', { class: `badge badge-${ev.outcome}` }, ev.outcome),
            ev.dryRun ? 'yes' : 'no',
          ],
        })),
      }),
    );
    state.nextCursor = data.nextCursor;
    state.prevCursor = data.prevCursor;
    next.disabled = !data.nextCursor;
    prev.disabled = !data.prevCursor;
    first.disabled = !data.prevCursor;
    const start = (state.page - 1) * limit;
    totalEl.textContent = `${data.totalExact ? data.total : `More than ${data.total}`} matching event${data.total === 1 ? '' : 's'}.`;
    pageInfo.textContent = data.items.length ? `Page ${state.page} · ${start + 1}–${start + data.items.length} of ${data.totalExact ? data.total : `${data.total}+`}` : `Page ${state.page}`;
  }

  async function loadSummary() {
    const { from, to, clipped } = chartRange(filter);
    setNote(clipped ? `The chart covers at most ${MAX_CHART_DAYS} days: it shows the last ${MAX_CHART_DAYS} days of the selected range. The events below cover all of it.` : '');
    const p = new URLSearchParams(filter);
    p.set('from', from);
    p.set('to', to);
    let data;
    try {
      data = await getJson(`/v1/audit/summary?${p}`);
    } catch (err) {
      // Never leave another filter's chart on screen as if it answered these.
      clearSummary('No chart for these filters.');
      throw err;
    }
    if (!current()) return;
    own('summary-range').textContent = `${formatWhen(data.from)} – ${formatWhen(data.to)}`;
    own('summary-totals').textContent = `${data.total} event${data.total === 1 ? '' : 's'} in this period, of which ${data.dryRuns} dry run${data.dryRuns === 1 ? '' : 's'}.`;
    renderChart(chart, data.perDay, set.noun);
    const countCell = (r) => `${r.count}${r.dryRuns ? ` (${r.dryRuns} dry run${r.dryRuns === 1 ? '' : 's'})` : ''}`;
    own('per-actor-box').replaceChildren(
      table({ id: 'per-actor', caption: 'Per actor', columns: ['Actor', 'Count'], empty: 'None', rows: data.perActor.map((r) => ({ classes: [null, 'num'], cells: [personLink(applied, 'actor', r.actorUserId, r.actorLabel), countCell(r)] })) }),
    );
    own('per-surface-box').replaceChildren(
      table({ id: 'per-surface', caption: 'Per surface', columns: ['Surface', 'Count'], empty: 'None', rows: data.perSurface.map((r) => ({ classes: [null, 'num'], cells: [r.surface, countCell(r)] })) }),
    );
  }

  async function exportEvents(format) {
    const p = new URLSearchParams(filter);
    p.set('format', format);
    const btn = own(`export-${format}`);
    btn.disabled = true;
    setStatus(`Preparing ${format.toUpperCase()} export…`);
    try {
      const res = await api(`/v1/audit/events/export?${p}`, { accept: '*/*' });
      const url = URL.createObjectURL(await res.blob());
      const a = h('a', { href: url, download: `audit-events.${format}`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setStatus(`Exported audit-events.${format}.`);
    } catch (err) {
      showError(err);
    } finally {
      btn.disabled = false;
    }
  }

  const page = (move) => async () => {
    move();
    try {
      await loadEvents();
      setStatus('');
    } catch (err) {
      showError(err);
    }
  };
  next.addEventListener('click', page(() => Object.assign(state, { cursor: state.nextCursor, before: null, page: state.page + 1 })));
  prev.addEventListener('click', page(() => Object.assign(state, { cursor: null, before: state.prevCursor, page: Math.max(1, state.page - 1) })));
  first.addEventListener('click', page(() => Object.assign(state, { cursor: null, before: null, page: 1 })));

  setStatus('Loading…');
  const results = await Promise.allSettled([loadEvents(), loadSummary()]);
  if (!current()) return;
  ui.setAttribute('aria-busy', 'false');
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) showError(failed.reason);
  else setStatus('');
}
