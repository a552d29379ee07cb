import os from 'node:os';

const fmt = (v, unit) => (v === null || v === undefined || Number.isNaN(v) ? '—' : typeof v === 'string' ? v : `${Number(v.toFixed(v >= 100 ? 0 : 1)).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`);

/** One table row: figure | this service | baseline | ratio | goal | pass/fail. */
export function row(figure, value, unit, baseline, baselineUnit, ratio, goal, pass) {
  return {
    figure,
    value: fmt(value, unit),
    baseline: fmt(baseline, baselineUnit ?? unit),
    ratio: ratio === null || ratio === undefined || Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`,
    goal: goal ?? '—',
    pass: pass === null || pass === undefined ? 'info' : pass ? 'PASS' : 'FAIL',
  };
}

export function markdownTable(rows) {
  const head = ['figure', 'this service', 'baseline', 'ratio', 'goal', 'pass/fail'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${[r.figure, r.value, r.baseline, r.ratio, r.goal, r.pass].join(' | ')} |`);
  return lines.join('\n');
}

export function consoleTable(rows) {
  const cols = ['figure', 'value', 'baseline', 'ratio', 'goal', 'pass'];
  const head = { figure: 'figure', value: 'this service', baseline: 'baseline', ratio: 'ratio', goal: 'goal', pass: 'pass/fail' };
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => String(r[c]).length))]));
  const line = (r) => cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ');
  return [line(head), cols.map((c) => '-'.repeat(width[c])).join('-|-'), ...rows.map(line)].join('\n');
}

export function machine(pgVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    postgres: pgVersion,
    date: new Date().toISOString(),
  };
}
