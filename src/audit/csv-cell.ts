/**
 * CSV cells for the audit export, written by hand rather than with a CSV library: RFC 4180 quoting is
 * one expression, and the libraries' formula escaping (csv-stringify's `escape_formulas`, for one) only
 * looks at a cell's first character, so the neutralising below would be needed in front of them anyway.
 */

/** What a spreadsheet runs as a formula when a cell starts with it: = + - @ and their full-width forms. */
const TRIGGER = '=+\\-@\uFF1D\uFF0B\uFF0D\uFF20';
/** Worth a closer look: a trigger anywhere, or a tab / line break (OWASP "CSV injection"). */
const SUSPECT = new RegExp(`[${TRIGGER}\\t\\r\\n]`);
/**
 * Where a reader may start a cell inside our text: the text's start, and after a `;` (a semicolon-locale
 * spreadsheet splits on it, quotes or not), a tab (TSV) or a line break. If what follows there, past
 * spaces and quotes, is a trigger, an apostrophe goes in, which spreadsheets read as "text".
 */
// (The separator is tried before `^`: an empty match at the start would skip a separator there.)
const FORMULA_START = new RegExp(`([;\\t\\r\\n]|^)(?=[\\s"]*[${TRIGGER}])`, 'g');
/** Excel drops a leading tab or carriage return and then reads on; a line break likewise starts a cell. */
const LEADING_BREAK = /^[\t\r\n]/;

/** Text a spreadsheet would read as a formula, made inert with apostrophes; anything else unchanged. */
export function neutraliseFormula(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const safe = text.replace(FORMULA_START, "$1'");
  return LEADING_BREAK.test(safe) ? `'${safe}` : safe;
}

/**
 * One RFC 4180 cell. Text is neutralised (numbers and booleans never need it); quotes, commas,
 * semicolons and line breaks are quoted.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
