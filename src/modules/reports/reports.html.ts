/**
 * A report as one self-contained HTML page: inline CSS and SVG, no scripts, no external
 * resources, every name from the data (teams, agents, topics) escaped, so it can be mailed,
 * printed or put on a shared drive as it is.
 */
import type { GroupLine, ReportData } from './report-data.js';
import {
  formatChange,
  formatCount,
  formatDuration,
  formatPercent,
  formatValue,
  reportMetric,
} from './report-metrics.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:2px solid #d9e2ec;padding-bottom:.25rem}
.meta{color:#52606d;margin:0}.summary p{margin:.35rem 0}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{padding:.35rem .5rem;border-bottom:1px solid #e4e7eb;text-align:left}
th{background:#f0f4f8;font-weight:600}td.num,th.num,.trend td{white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.met{color:#1f7a3a}.missed{color:#b42318}.muted{color:#7b8794}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{flex:1 1 16rem}.chart svg{width:100%;height:auto;background:#f8fafc;border:1px solid #e4e7eb}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
`;

function table(headers: Array<[string, boolean]>, rows: string[][]): string {
  if (rows.length === 0) return '<p class="muted">No data.</p>';
  const head = headers
    .map(([text, numeric]) => `<th${numeric ? ' class="num"' : ''}>${e(text)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cellHtml, i) => `<td${headers[i]?.[1] ? ' class="num"' : ''}>${cellHtml}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

// A small line chart of one metric across the trend buckets; gaps where a bucket has no data.
function sparkline(report: ReportData, metric: string): string {
  const points = report.trend.rows.map((row) => {
    const value = row[metric];
    return typeof value === 'number' ? value : null;
  });
  const values = points.filter((v): v is number => v !== null);
  if (values.length === 0) return '';
  const [width, height, pad] = [300, 90, 8];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const segments: string[][] = [[]];
  points.forEach((value, i) => {
    if (value === null) {
      segments.push([]);
      return;
    }
    const x = pad + i * step;
    const y = height - pad - ((value - low) / span) * (height - 2 * pad);
    segments[segments.length - 1]?.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  const lines = segments
    .filter((s) => s.length > 0)
    .map((s) =>
      s.length === 1
        ? `<circle cx="${s[0]?.split(',')[0]}" cy="${s[0]?.split(',')[1]}" r="2.5" fill="#2563eb"/>`
        : `<polyline fill="none" stroke="#2563eb" stroke-width="2" points="${s.join(' ')}"/>`,
    )
    .join('');
  const label = reportMetric(metric).label;
  return `<div class="chart"><strong>${e(label)}</strong> <span class="muted">${e(formatValue(metric, low))} – ${e(formatValue(metric, high))}</span>
<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(label)} by ${e(report.trend.bucket ?? '')}">${lines}</svg></div>`;
}

function groupRows(groups: readonly GroupLine[]): string[][] {
  return groups.map((g) => [
    e(g.name),
    e(formatValue('iqs', g.iqs)),
    e(formatCount(g.iqs_n)),
    e(formatPercent(g.csat)),
    e(formatCount(g.csat_n)),
  ]);
}

// The best and the worst few of a long list; all of a short one.
function bestAndWorst(groups: readonly GroupLine[], each = 5): GroupLine[] {
  return groups.length <= each * 2 ? [...groups] : [...groups.slice(0, each), ...groups.slice(-each)];
}

/** The report as an HTML page. */
export function renderHtml(report: ReportData): string {
  const scope = [
    report.filters.team ? `team ${report.filters.team}` : '',
    report.filters.channel ? `channel ${report.filters.channel}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const kpiRows = report.kpis.map((k) => {
    const goal =
      k.goal === null
        ? '<span class="muted">—</span>'
        : `${e(formatValue(k.metric, k.goal))}${k.goal_met === null ? '' : k.goal_met ? ' <span class="met">met</span>' : ' <span class="missed">missed</span>'}`;
    return [
      e(k.label),
      e(formatValue(k.metric, k.value)),
      goal,
      e(formatValue(k.metric, k.previous)),
      e(formatChange(k.metric, k.value, k.previous)),
      e(formatCount(k.n)),
    ];
  });
  const trendMetrics = report.trend.metrics;
  const trendRows = report.trend.rows.map((row) => [
    e(String(row[report.trend.bucket ?? ''] ?? '')),
    ...trendMetrics.map((m) => e(formatValue(m, typeof row[m] === 'number' ? (row[m] as number) : null))),
  ]);
  const leaders = report.leaders.map((l) => [
    e(`${l.dimension === 'team' ? 'Teams' : 'Agents'} by ${l.metric === 'iqs' ? 'IQS' : 'CSAT'}`),
    l.best
      ? `${e(l.best.name)} <span class="muted">${e(formatValue(l.metric, l.best[l.metric]))}</span>`
      : '—',
    l.worst
      ? `${e(l.worst.name)} <span class="muted">${e(formatValue(l.metric, l.worst[l.metric]))}</span>`
      : '—',
    e(String(l.ranked)),
  ]);
  const complaints = report.complaints;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${report.title} ${report.period.label}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(report.title)}: ${e(report.period.label)}${scope ? ` <span class="muted">(${e(scope)})</span>` : ''}</h1>
<p class="meta">${e(`${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)} (exclusive), ${report.timeZone}; compared with ${report.previous.label}. Generated ${report.generated_at.replace('T', ' ').slice(0, 16)} UTC.`)}</p>

<h2>Summary</h2>
<div class="summary">${report.summary.map((s) => `<p>${e(s)}</p>`).join('\n')}</div>

<h2>Key figures</h2>
${table(
  [
    ['KPI', false],
    [report.period.label, true],
    ['Goal', true],
    [report.previous.label, true],
    ['Change', true],
    ['n', true],
  ],
  kpiRows,
)}

<h2>Trend${report.trend.bucket ? ` by ${e(report.trend.bucket)}` : ''}</h2>
${
  report.trend.bucket
    ? `<div class="charts">${trendMetrics.map((m) => sparkline(report, m)).join('\n')}</div>
<div class="trend">${table([[report.trend.bucket, false], ...trendMetrics.map((m): [string, boolean] => [reportMetric(m).short, true])], trendRows)}</div>`
    : '<p class="muted">A one-day report has no trend.</p>'
}

<h2>Best and weakest</h2>
<p class="muted">${e(`Ranked among teams and agents with at least ${report.minimum_count} reviews (IQS) or survey answers (CSAT).`)}</p>
${table(
  [
    ['', false],
    ['Best', false],
    ['Weakest', false],
    ['Ranked', true],
  ],
  leaders,
)}
<h2>Teams</h2>
${table(
  [
    ['Team', false],
    ['IQS', true],
    ['Reviews', true],
    ['CSAT', true],
    ['Answers', true],
  ],
  groupRows(report.teams),
)}
<h2>Agents${report.agents.length > 10 ? ' (best and weakest five)' : ''}</h2>
${table(
  [
    ['Agent', false],
    ['IQS', true],
    ['Reviews', true],
    ['CSAT', true],
    ['Answers', true],
  ],
  groupRows(bestAndWorst(report.agents)),
)}

<h2>Complaints</h2>
<p>${e(
    `${formatCount(complaints.received)} received; acknowledged within target ${formatPercent(complaints.acknowledged_within_target)}, resolved within target ${formatPercent(complaints.resolved_within_target)}, median time to resolve ${complaints.time_to_resolve_median === null ? '—' : formatDuration(complaints.time_to_resolve_median)}.`,
  )}</p>
${table(
  [
    ['Topic', false],
    ['Complaints', true],
    ['Share', true],
  ],
  report.topics.map((t) => [e(t.label || t.topic), e(formatCount(t.count)), e(formatPercent(t.share))]),
)}

<h2>Most failed AutoQA checks</h2>
${table(
  [
    ['Check', false],
    ['Failed', true],
    ['Applied', true],
    ['Fail rate', true],
  ],
  report.checks.map((c) => [
    e(c.label),
    e(formatCount(c.failed)),
    e(formatCount(c.decided)),
    e(formatPercent(c.fail_rate)),
  ]),
)}
</body>
</html>
`;
}
