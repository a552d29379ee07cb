// A user's page: profile, roles, status, live sessions (GET /v1/users/{id}/sessions), and the forced
// logouts: one session, or the user everywhere.
import { getJson, session } from '../lib/api.js';
import { actPanel } from '../lib/act.js';
import { formatWhen, h, table } from '../lib/dom.js';
import { setStatus, showError } from '../lib/status.js';

const earliest = (a, b) => (new Date(a) < new Date(b) ? a : b);

export async function renderUser(container, { id, current }) {
  setStatus('Loading…');
  const user = await getJson(`/v1/users/${encodeURIComponent(id)}`);
  if (!current()) return;
  const sessionsCard = h('section', { class: 'card', 'aria-labelledby': 'sessions-heading' }, h('h3', { id: 'sessions-heading' }, 'Sessions'));
  const sessionsBody = h('div', { id: 'sessions-body' });
  sessionsCard.append(sessionsBody);

  async function loadSessions() {
    if (!session.can('sessions.read-any') && user.id !== session.me.user.id) {
      sessionsBody.replaceChildren(h('p', { class: 'muted', id: 'sessions-refused' }, 'Seeing this user’s sessions needs the sessions.read-any permission, which you do not hold.'));
      return;
    }
    const list = await getJson(`/v1/users/${encodeURIComponent(user.id)}/sessions`);
    if (!current()) return;
    const canEnd = session.can('sessions.revoke-any');
    sessionsBody.replaceChildren(
      table({
        id: 'sessions',
        caption: `Live sessions of ${user.username}`,
        columns: ['Device', 'Surface', 'IP', 'User agent', 'Created', 'Last seen', 'Expires', 'Action'],
        empty: 'No live sessions.',
        rows: list.map((s) => ({
          attrs: { dataset: { sessionId: s.id } },
          cells: [
            s.deviceName ?? '—',
            s.surface,
            s.ip ?? '—',
            s.userAgent ?? '—',
            formatWhen(s.createdAt),
            formatWhen(s.lastSeenAt),
            formatWhen(earliest(s.idleExpiresAt, s.expiresAt)),
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-small',
                'data-end-session': s.id,
                disabled: !canEnd,
                title: canEnd ? undefined : 'Needs the sessions.revoke-any permission',
                'aria-label': `End session on ${s.deviceName ?? 'unnamed device'} (${s.surface})`,
                onclick: () => openEndSession(s),
              },
              'End…',
            ),
          ],
        })),
      }),
      ...(canEnd ? [] : [h('p', { class: 'hint' }, 'Ending a session needs the sessions.revoke-any permission, which you do not hold.')]),
      endOne,
    );
  }

  // Ending one session: the shared act panel, for the session picked in the table.
  const endOne = h('div', { id: 'end-session-panel' });
  function openEndSession(s) {
    endOne.replaceChildren(
      actPanel({
        id: 'end-session',
        title: `End the session on ${s.deviceName ?? 'an unnamed device'}`,
        permission: 'sessions.revoke-any',
        request: (dryRun) => ({ method: 'DELETE', path: `/v1/sessions/${s.id}${dryRun ? '?dryRun=true' : ''}` }),
        done: () => loadSessions().catch(showError),
      }),
    );
    endOne.querySelector('input')?.focus();
  }

  container.append(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'user-heading' },
      h('p', {}, h('a', { href: '#/people' }, '← People')),
      h('h2', { id: 'user-heading' }, user.username),
      h(
        'dl',
        { class: 'facts', id: 'profile' },
        h('dt', {}, 'Email'), h('dd', {}, user.email),
        h('dt', {}, 'Status'), h('dd', {}, h('span', { class: `badge badge-${user.status}`, id: 'user-status' }, user.status)),
        h('dt', {}, 'Roles'), h('dd', { id: 'user-roles' }, user.roles.join(', ') || '—'),
        h('dt', {}, 'Created'), h('dd', {}, formatWhen(user.createdAt)),
        h('dt', {}, 'User ID'), h('dd', { class: 'mono' }, user.id),
      ),
      session.can('audit.read')
        ? h('p', {}, h('a', { href: `#/audit?targetUserId=${user.id}&targetLabel=${encodeURIComponent(user.username)}&actionSet=all`, id: 'user-audit-link' }, `Audit events about ${user.username}`))
        : null,
    ),
    sessionsCard,
    actPanel({
      id: 'user-logout',
      title: `Log ${user.username} out everywhere`,
      description: 'Ends every live session of this user, on every surface.',
      permission: 'sessions.revoke-any',
      request: (dryRun) => ({ method: 'POST', path: `/v1/users/${user.id}/logout${dryRun ? '?dryRun=true' : ''}` }),
      done: () => loadSessions().catch(showError),
    }),
  );
  await loadSessions();
  setStatus('');
}
