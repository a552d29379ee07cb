// The per-day chart of the summary: one stacked bar per UTC day, events (class "bar") and, on top,
// the dry runs among them (class "bar-dry"), labelled in a legend and in each bar's title.
const SVG_NS = 'http://www.w3.org/2000/svg';
function svgEl(name, attrs = {}, text) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function renderChart(svg, perDay, noun) {
  svg.replaceChildren();
  const W = 760, H = 260, L = 48, R = 12, T = 12, B = 52;
  const pw = W - L - R, ph = H - T - B;
  const days = [...perDay].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const max = Math.max(1, ...days.map((d) => d.count));
  svg.append(
    svgEl('line', { x1: L, y1: T, x2: L, y2: T + ph, class: 'axis' }),
    svgEl('line', { x1: L, y1: T + ph, x2: L + pw, y2: T + ph, class: 'axis' }),
  );
  for (const t of [...new Set([0, Math.round(max / 2), max])]) {
    const y = T + ph - (t / max) * ph;
    svg.append(
      svgEl('line', { x1: L - 4, y1: y, x2: L + pw, y2: y, class: t ? 'grid' : 'axis' }),
      svgEl('text', { x: L - 8, y: y + 4, 'text-anchor': 'end', class: 'tick' }, String(t)),
    );
  }
  svg.append(
    svgEl('text', { x: 14, y: T + ph / 2, 'text-anchor': 'middle', class: 'axis-label', transform: `rotate(-90 14 ${T + ph / 2})` }, noun),
    svgEl('text', { x: L + pw / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' }, 'Day (UTC)'),
  );
  if (!days.length) return;
  if (!days.some((d) => d.count)) {
    svg.append(svgEl('text', { x: L + pw / 2, y: T + ph / 2, 'text-anchor': 'middle', class: 'tick' }, 'No matching events in this period.'));
  }
  const slot = pw / days.length;
  const bw = Math.max(1, Math.min(40, slot * 0.8));
  const every = Math.ceil(days.length / 10);
  days.forEach((d, i) => {
    const dry = d.dryRuns ?? 0;
    const real = d.count - dry;
    const x = L + i * slot + (slot - bw) / 2;
    const hReal = (real / max) * ph;
    const hDry = (dry / max) * ph;
    const label = `${d.day}: ${d.count} event${d.count === 1 ? '' : 's'}${dry ? `, of which ${dry} dry run${dry === 1 ? '' : 's'}` : ''}`;
    const bar = svgEl('rect', { x, y: T + ph - hReal, width: bw, height: Math.max(hReal, 0), class: 'bar', 'data-day': d.day, 'data-count': real });
    bar.append(svgEl('title', {}, label));
    svg.append(bar);
    if (dry) {
      const top = svgEl('rect', { x, y: T + ph - hReal - hDry, width: bw, height: hDry, class: 'bar-dry', 'data-day': d.day, 'data-count': dry });
      top.append(svgEl('title', {}, label));
      svg.append(top);
    }
    if (i % every === 0 || i === days.length - 1) {
      svg.append(svgEl('text', { x: x + bw / 2, y: T + ph + 16, 'text-anchor': 'middle', class: 'tick' }, d.day.slice(5)));
    }
  });
}
