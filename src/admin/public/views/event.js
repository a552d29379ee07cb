// One audit event with every field (GET /v1/audit/events/{id}): request id, user agent, all session
// ids, ticket, surface, outcome, details, and where its deliveries to downstream receivers stand.
import { getJson } from '../lib/api.js';
import { formatWhen, h, table } from '../lib/dom.js';
import { setStatus } from '../lib/status.js';
import { actionName, auditHref } from './audit.js';

export async function renderEvent(container, { id, current }) {
  setStatus('Loading…');
  const ev = await getJson(`/v1/audit/events/${encodeURIComponent(id)}`);
  if (!current()) return;
  const person = (role, userId, label) =>
    userId ? h('a', { href: auditHref({ actionSet: 'everything', [`${role}UserId`]: userId, [`${role}Label`]: label || '' }), class: 'person' }, label || userId) : label || '—';
  const facts = [
    ['Event', `#${ev.id}`],
    ['When', `${formatWhen(ev.occurredAt)} (${ev.occurredAt})`],
    ['Action', `${actionName(ev.action)} (${ev.action})`],
    ['Outcome', h('span', { class: `badge badge-${ev.outcome}` }, ev.outcome)],
    ['Dry run', ev.dryRun ? 'yes — nothing was changed' : 'no'],
    ['Actor', person('actor', ev.actor.userId, ev.actor.label)],
    ['Actor user ID', ev.actor.userId ?? '—'],
    ['Actor session', ev.actor.sessionId ?? '—'],
    ['Target', person('target', ev.targetUserId, ev.targetLabel)],
    ['Target user ID', ev.targetUserId ?? '—'],
    ['Reason', ev.reason ?? '—'],
    ['Ticket', ev.ticket ?? '—'],
    ['Surface', ev.surface],
    ['IP', ev.ip ?? '—'],
    ['User agent', ev.userAgent ?? '—'],
    ['Request ID', ev.requestId ?? '—'],
    ['Account', ev.accountId ?? 'none'],
    ['Sessions', String(ev.sessionCount)],
  ];
  container.append(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'event-heading', id: 'event-detail', 'data-event-id': ev.id },
      h('p', {}, h('a', { href: '#/audit' }, '← Audit trail')),
      h('h2', { id: 'event-heading' }, `${actionName(ev.action)} — event #${ev.id}`),
      h('dl', { class: 'facts', id: 'event-facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k }, v)])),
      h('h3', {}, `Session IDs (${ev.sessionIds.length}${ev.sessionIdsTruncated ? ` of ${ev.sessionCount}` : ''})`),
      ev.sessionIds.length ? h('ul', { id: 'event-sessions', class: 'mono ids' }, ev.sessionIds.map((s) => h('li', {}, s))) : h('p', { class: 'muted' }, 'None.'),
      h('h3', {}, 'Deliveries to downstream receivers'),
      table({
        id: 'event-deliveries',
        caption: 'Deliveries',
        columns: ['Receiver', 'Status', 'Attempts', 'Last attempt', 'Delivered', 'Next attempt', 'Last error'],
        empty: 'None: no receiver asked for this event.',
        rows: ev.deliveries.map((d) => ({
          cells: [`${d.destinationKind} ${d.destinationId}`, h('span', { class: `badge badge-${d.status}` }, d.status), String(d.attempts), formatWhen(d.lastAttemptAt), formatWhen(d.deliveredAt), formatWhen(d.nextAttemptAt), d.lastError ?? '—'],
        })),
      }),
      h('h3', {}, 'Details'),
      h('pre', { id: 'event-details', class: 'mono' }, JSON.stringify(ev.details, null, 2)),
    ),
  );
  setStatus('');
  container.querySelector('h2')?.focus?.();
}
