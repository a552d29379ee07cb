// One shape for every forced logout the console offers (one session, a user everywhere, the whole
// account): reason and ticket, a dry run that shows how many sessions would end, confirm, and the
// receipt with a link to its audit event. Shown disabled, with the reason, when the admin lacks the permission.
import { api, session } from './api.js';
import { h } from './dom.js';
import { setStatus, showError } from './status.js';

/**
 * @param {object} o
 * @param {string} o.id        prefix of the controls' ids
 * @param {string} o.title     the action, as a button would say it
 * @param {string} o.permission what the API requires for it
 * @param {(dryRun: boolean, body: object) => {path: string, method: string}} o.request
 * @param {boolean} [o.reasonRequired]
 * @param {() => void} [o.done] after a real (not dry-run) logout
 */
export function actPanel({ id, title, description, permission, request, reasonRequired = true, done }) {
  const allowed = session.can(permission);
  const reason = h('input', { id: `${id}-reason`, type: 'text', maxlength: 500, required: reasonRequired, autocomplete: 'off' });
  const ticket = h('input', { id: `${id}-ticket`, type: 'text', maxlength: 200, autocomplete: 'off' });
  const preview = h('button', { type: 'submit', id: `${id}-preview`, class: 'btn btn-primary', disabled: !allowed }, `Preview: ${title}`);
  const confirm = h('button', { type: 'button', id: `${id}-confirm`, class: 'btn btn-danger', hidden: true }, `Confirm: ${title}`);
  const cancel = h('button', { type: 'button', id: `${id}-cancel`, class: 'btn', hidden: true }, 'Cancel');
  const previewText = h('p', { id: `${id}-preview-text`, class: 'preview', role: 'status', hidden: true });
  const receipt = h('div', { id: `${id}-receipt`, class: 'receipt', hidden: true, tabindex: -1 });
  const why = allowed ? null : h('p', { class: 'hint', id: `${id}-why-disabled` }, `You cannot do this: it needs the ${permission} permission, which you do not hold.`);
  if (why) preview.setAttribute('aria-describedby', why.id);
  for (const input of [reason, ticket]) input.disabled = !allowed;

  const body = () => ({ ...(reason.value.trim() ? { reason: reason.value.trim() } : {}), ...(ticket.value.trim() ? { ticket: ticket.value.trim() } : {}) });
  const reset = () => {
    confirm.hidden = true;
    cancel.hidden = true;
    previewText.hidden = true;
    preview.disabled = !allowed;
  };
  async function call(dryRun) {
    const { path, method } = request(dryRun);
    return (await api(path, { method, body: body() })).json();
  }

  const form = h(
    'form',
    {
      class: 'act',
      id: `${id}-form`,
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        if (!allowed) return;
        if (reasonRequired && !reason.value.trim()) {
          setStatus('Give a reason: it is kept in the audit trail.', 'error');
          reason.focus();
          return;
        }
        receipt.hidden = true;
        preview.disabled = true;
        setStatus('Checking what this would end…');
        try {
          const dry = await call(true);
          previewText.textContent = `This will end ${dry.revokedCount} session${dry.revokedCount === 1 ? '' : 's'}. Nothing has changed yet.`;
          previewText.hidden = false;
          confirm.hidden = false;
          cancel.hidden = false;
          setStatus('');
          confirm.focus();
        } catch (err) {
          preview.disabled = false;
          showError(err);
        }
      },
    },
    description ? h('p', { class: 'muted' }, description) : null,
    h('div', { class: 'field' }, h('label', { for: reason.id }, reasonRequired ? 'Reason (required)' : 'Reason'), reason),
    h('div', { class: 'field' }, h('label', { for: ticket.id }, 'Ticket'), ticket),
    why,
    h('div', { class: 'actions' }, preview, confirm, cancel),
    previewText,
    receipt,
  );
  cancel.addEventListener('click', () => {
    reset();
    preview.focus();
  });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    setStatus('Logging out…');
    try {
      const r = await call(false);
      reset();
      receipt.replaceChildren(
        h('h4', {}, 'Receipt'),
        h('p', {}, `${r.revokedCount} session${r.revokedCount === 1 ? '' : 's'} ended at ${new Date(r.effectiveAt).toLocaleString()}.`),
        h('p', {}, h('a', { href: `#/events/${r.auditEventId}`, id: `${id}-receipt-link` }, `Audit event #${r.auditEventId}`)),
      );
      receipt.hidden = false;
      reason.value = '';
      ticket.value = '';
      setStatus('Done.', 'ok');
      receipt.focus();
      done?.(r);
    } catch (err) {
      showError(err);
    } finally {
      confirm.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': `${id}-heading` }, h('h3', { id: `${id}-heading` }, title), form);
}
