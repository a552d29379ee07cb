import { ApiError } from './api.js';
import { $ } from './dom.js';

/** The one status line (role=status): progress, outcomes and errors. */
export function setStatus(message, kind = 'info') {
  const el = $('status');
  el.textContent = message || '';
  el.className = `status status-${kind}`;
  el.hidden = !message;
}

/** Shows an error: the API's own message (a 403 names the permission), or the network error. */
export function showError(err) {
  if (err instanceof ApiError) setStatus(err.message, 'error');
  else setStatus(`Network error: ${err.message}`, 'error');
}
