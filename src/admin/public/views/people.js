// People: search users by a prefix of their name or email (GET /v1/users?q=), and the account-wide logout.
import { getJson, session } from '../lib/api.js';
import { actPanel } from '../lib/act.js';
import { field, h, table } from '../lib/dom.js';
import { setStatus, showError } from '../lib/status.js';

const PAGE = 25;

export async function renderPeople(container, { query, current }) {
  const q = query.get('q') ?? '';
  const input = h('input', { id: 'people-q', type: 'search', value: q, autocomplete: 'off', maxlength: 254 });
  const results = h('div', { id: 'people-results', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: 'people-more', class: 'btn', hidden: true }, 'More results');
  let cursor = null;
  let shown = [];

  async function load(append) {
    const p = new URLSearchParams({ limit: String(PAGE) });
    if (q) p.set('q', q);
    if (append && cursor) p.set('cursor', cursor);
    setStatus('Searching…');
    try {
      const page = await getJson(`/v1/users?${p}`);
      if (!current()) return;
      shown = append ? [...shown, ...page.items] : page.items;
      cursor = page.nextCursor;
      more.hidden = !cursor;
      results.replaceChildren(
        table({
          id: 'people',
          caption: 'People',
          columns: ['Name', 'Email', 'Status', 'Roles'],
          empty: q ? `No one whose name or email starts with “${q}”.` : 'No users.',
          rows: shown.map((u) => ({
            attrs: { dataset: { userId: u.id } },
            cells: [h('a', { href: `#/users/${u.id}` }, u.username), u.email, h('span', { class: `badge badge-${u.status}` }, u.status), u.roles.join(', ')],
          })),
        }),
      );
      setStatus('');
    } catch (err) {
      results.replaceChildren();
      showError(err);
    }
  }
  more.addEventListener('click', () => load(true));

  container.append(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'people-heading' },
      h('h2', { id: 'people-heading' }, 'People'),
      h(
        'form',
        {
          id: 'people-search',
          class: 'inline-form',
          role: 'search',
          onsubmit: (e) => {
            e.preventDefault();
            location.hash = `#/people${input.value.trim() ? `?q=${encodeURIComponent(input.value.trim())}` : ''}`;
          },
        },
        field('Search by name or email (starts with)', input),
        h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'people-submit', class: 'btn btn-primary' }, 'Search')),
      ),
      results,
      more,
    ),
  );
  if (session.me) {
    container.append(
      actPanel({
        id: 'account-logout',
        title: 'Log out the whole account',
        description: 'Ends every session of every user in your account except this one.',
        permission: 'sessions.revoke-account',
        request: (dryRun) => ({ method: 'POST', path: `/v1/accounts/${session.me.user.accountId}/logout${dryRun ? '?dryRun=true' : ''}` }),
      }),
    );
  }
  await load(false);
  input.focus();
}
