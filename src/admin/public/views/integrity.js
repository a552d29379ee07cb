// Integrity: recompute the account's hash chains (GET /v1/audit/verify) and show intact or the first
// broken link, with the head hash to note (and copy) to detect a later truncation.
import { getJson } from '../lib/api.js';
import { formatWhen, h } from '../lib/dom.js';
import { setStatus, showError } from '../lib/status.js';

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export async function renderIntegrity(container, { current }) {
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', id: 'verify-run', class: 'btn btn-primary' }, 'Verify again');
  container.append(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'integrity-heading' },
      h('h2', { id: 'integrity-heading' }, 'Audit trail integrity'),
      h('p', { class: 'muted' }, 'Recomputes the hash chains of your account’s audit events and reports the first event that was altered, removed or replaced.'),
      run,
      result,
    ),
  );

  async function verify() {
    run.disabled = true;
    setStatus('Verifying…');
    try {
      const r = await getJson('/v1/audit/verify');
      if (!current()) return;
      const hash = h('input', { id: 'head-hash', type: 'text', readonly: true, value: r.headHash ?? '', class: 'mono', size: 64 });
      const copied = h('span', { id: 'copy-status', role: 'status', class: 'muted' });
      result.replaceChildren(
        r.ok
          ? h('p', { id: 'verify-verdict', class: 'verdict verdict-ok' }, `Intact: ${r.checked} event${r.checked === 1 ? '' : 's'} checked, every link verifies.`)
          : h(
              'div',
              { id: 'verify-verdict', class: 'verdict verdict-broken' },
              h('p', {}, `Broken: the first link that does not verify is event #${r.firstBroken.id} (chain ${r.firstBroken.chainStripe}, position ${r.firstBroken.chainSeq}, ${formatWhen(r.firstBroken.occurredAt)}): ${r.firstBroken.reason.replace(/_/g, ' ')}.`),
              h('p', {}, h('a', { href: `#/events/${r.firstBroken.id}` }, `Open event #${r.firstBroken.id}`)),
            ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'head-hash' }, 'Head hash (note it to detect a later truncation)'),
          h(
            'div',
            { class: 'copy-row' },
            hash,
            h(
              'button',
              {
                type: 'button',
                id: 'copy-hash',
                class: 'btn',
                disabled: !r.headHash,
                onclick: async () => {
                  copied.textContent = (await copy(r.headHash)) ? 'Copied.' : 'Could not copy: select the hash and copy it.';
                  if (!copied.textContent.startsWith('Copied')) hash.select();
                },
              },
              'Copy',
            ),
            copied,
          ),
        ),
      );
      setStatus('');
    } catch (err) {
      result.replaceChildren();
      showError(err);
    } finally {
      run.disabled = false;
    }
  }
  run.addEventListener('click', verify);
  await verify();
}
