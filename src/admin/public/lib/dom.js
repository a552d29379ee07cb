// DOM helpers: every node is built with the DOM API and filled with text, never markup (the page's
// CSP requires Trusted Types for HTML sinks, which the console never needs).

export const $ = (id) => document.getElementById(id);

/** h('a', { href: '#/x', class: 'link' }, 'text', child…): an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function formatWhen(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value) => UUID.test(value);

/** A labelled form field: <div class="field"><label for=id>label</label>control</div>. */
export function field(label, control, hint) {
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** A table whose cells carry their column's name (shown beside each value on a phone, see styles.css). */
export function table({ id, caption, columns, rows, empty = 'Nothing to show.' }) {
  const tbody = h('tbody');
  if (!rows.length) tbody.append(h('tr', {}, h('td', { class: 'empty', colspan: columns.length }, empty)));
  for (const row of rows) {
    const tr = h('tr', row.attrs ?? {});
    row.cells.forEach((value, i) => tr.append(h('td', { 'data-label': columns[i], class: row.classes?.[i] }, value ?? '—')));
    tbody.append(tr);
  }
  return h(
    'table',
    { id, class: 'stack' },
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    tbody,
  );
}
