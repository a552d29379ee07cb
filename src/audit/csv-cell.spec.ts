import { parse } from 'csv-parse/sync';
import { csvCell, neutraliseFormula } from './csv-cell.js';

/** What a spreadsheet would run, at the start of a cell, once it has trimmed the cell's whitespace. */
const FORMULA = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

const HOSTILE = [
  '=HYPERLINK("http://evil.test","x")',
  '+1+2',
  '-3',
  '@SUM(A1)',
  ' =1+1',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\u3000=1+1', // ideographic space
  '\uFF1D1+1', // full-width =
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20SUM(A1)',
  'Laptop stolen;=HYPERLINK("http://evil.test")',
  'a; +1;\t-2;"@x"',
  'two lines\n=cmd|"/c calc"!A0',
  'tab\t=1',
  '"=1+1"',
  'a;\uFF1D1',
  '\tplain',
];
const HARMLESS = ['Offboarding: last day', 'comma, "quoted"\nand a new line', 'naïve ✓ 日本', 'a-b@c.test', '1 + 1 = 2', 'x;y'];

/** A whole export line of these cells, as the service writes it. */
const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
const csv = [line(['id', 'reason', 'count']), ...[...HOSTILE, ...HARMLESS].map((text, i) => line([i + 1, text, i]))].join('');

describe('CSV cells of the audit export', () => {
  it('read back with a comma reader, every cell is the original text or the original behind apostrophes', () => {
    const rows: string[][] = parse(csv, { delimiter: ',', record_delimiter: '\r\n' });
    expect(rows[0]).toEqual(['id', 'reason', 'count']);
    const reasons = rows.slice(1).map((r) => r[1]);
    expect(reasons.slice(HOSTILE.length)).toEqual(HARMLESS); // unchanged
    reasons.slice(0, HOSTILE.length).forEach((cell, i) => {
      expect(cell).not.toBe(HOSTILE[i]);
      expect(cell.replace(/'/g, '')).toBe(HOSTILE[i].replace(/'/g, ''));
    });
  });

  it.each([
    ['comma', ','],
    ['semicolon (the list separator of many locales)', ';'],
    ['tab', '\t'],
  ])('read with a %s separator, no cell starts with a formula trigger after trimming', (_name, delimiter) => {
    // A reader of another locale ignores our quoting where it does not start a cell: relax it as they do.
    const rows: string[][] = parse(csv, { delimiter, relax_quotes: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] });
    const cells = rows.flat();
    expect(rows.length).toBeGreaterThan(HOSTILE.length + HARMLESS.length);
    for (const cell of cells) expect(cell.trim()).not.toMatch(FORMULA);
  });

  it('neutralises text only: numbers and booleans are left as they are; null is an empty cell', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell('-3')).toBe("'-3");
    expect(neutraliseFormula('a;=b')).toBe("a;'=b");
    expect(neutraliseFormula('routine offboarding #7')).toBe('routine offboarding #7');
  });
});
