/**
 * The dashboard: KPI tiles against goals, a weekly trend chart, breakdowns by team, agent,
 * channel or language, the hour × weekday heatmap and the latest alerts. Every figure links to
 * the conversations behind it; every table exports to CSV. Loaded on demand, with its chart
 * library, so the first page stays small.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { getMetrics, listAlerts, type MetricsRow } from '../api/client';
import { CHANNELS } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDuration } from '../lib/format';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** How a metric is shown: its name, unit and whether more is better. */
interface MetricInfo {
  label: string;
  unit: 'percent' | 'seconds' | 'score' | 'per_thousand';
  higherIsBetter: boolean;
}

const METRIC_INFO: Record<string, MetricInfo> = {
  csat: { label: 'CSAT', unit: 'percent', higherIsBetter: true },
  nps: { label: 'NPS', unit: 'score', higherIsBetter: true },
  frt_median: { label: 'First response (median)', unit: 'seconds', higherIsBetter: false },
  aht: { label: 'Handling time', unit: 'seconds', higherIsBetter: false },
  resolution_rate: { label: 'Resolved', unit: 'percent', higherIsBetter: true },
  fcr: { label: 'First contact resolution', unit: 'percent', higherIsBetter: true },
  complaint_rate: { label: 'Complaints per 1,000', unit: 'per_thousand', higherIsBetter: false },
  iqs: { label: 'Quality score', unit: 'percent', higherIsBetter: true },
};
const TILE_METRICS = Object.keys(METRIC_INFO);
const BREAKDOWNS = ['team', 'agent', 'channel', 'language'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const PERIODS = { '4w': 28, '12w': 84, '26w': 182, '52w': 364 } as const;
type PeriodKey = keyof typeof PERIODS;

/** A metric's value as people read it. */
export function formatMetric(metric: string, value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined || typeof value !== 'number') return '—';
  const unit = METRIC_INFO[metric]?.unit;
  if (unit === 'seconds') return formatDuration(value);
  if (unit === 'percent') return `${value.toFixed(1)} %`;
  return value.toFixed(1);
}

// Axis ticks: whole units, without the decimals a tile shows.
function axisLabel(metric: string, value: number): string {
  const unit = METRIC_INFO[metric]?.unit;
  if (unit === 'seconds') return formatDuration(value);
  return unit === 'percent' ? `${Math.round(value)} %` : String(Math.round(value * 10) / 10);
}

// Local midnight `days` days before today's, and tomorrow's: whole local days, like the list.
function periodDates(days: number): { from: string; to: string } {
  const today = new Date();
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const label = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { from: label(start), to: label(today) };
}

const localMidnight = (day: string, offset = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y as number, (m as number) - 1, (d as number) + offset).toISOString();
};

// The Monday and Sunday of an ISO week label, for links to the conversation list.
function isoWeekDays(week: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const january4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const monday = new Date(january4.getTime() - ((january4.getUTCDay() || 7) - 1) * 86_400_000);
  const start = new Date(monday.getTime() + (Number(match[2]) - 1) * 7 * 86_400_000);
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** The conversation-list link for a set of filters. */
export function conversationsLink(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `/conversations?${text}` : '/conversations';
}

/** CSV text of rows, quoting where needed. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}

function downloadCsv(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

function GoalBadge({ row, metric }: { row: MetricsRow | undefined; metric: string }) {
  const goal = row?.[`${metric}_goal`];
  const met = row?.[`${metric}_goal_met`];
  if (typeof goal !== 'number') return null;
  return (
    <span
      className={met ? 'badge badge--goal-met' : 'badge badge--goal-missed'}
      data-testid={`goal-${metric}`}
    >
      {met ? 'Goal met' : 'Goal missed'} · {formatMetric(metric, goal)}
    </span>
  );
}

function TrendChart({ rows, metric }: { rows: MetricsRow[]; metric: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element || rows.length === 0) return;
    const weeks = rows.map((row) => String(row.week));
    const values = rows.map((row) => (typeof row[metric] === 'number' ? (row[metric] as number) : null));
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 220,
        scales: { x: { time: false } },
        axes: [
          {
            space: 70,
            values: (_, ticks) => ticks.map((t) => (Number.isInteger(t) ? (weeks[t] ?? '') : '')),
          },
          { size: 70, values: (_, ticks) => ticks.map((t) => axisLabel(metric, t)) },
        ],
        series: [
          {},
          {
            label: METRIC_INFO[metric]?.label ?? metric,
            stroke: getComputedStyle(element).color,
            width: 2,
            points: { show: true },
            value: (_, v) => formatMetric(metric, v),
          },
        ],
      },
      [weeks.map((_, i) => i), values],
      element,
    );
    return () => chart.destroy();
  }, [rows, metric]);
  return <div ref={holder} className="trend-chart" data-testid="trend-chart" />;
}

function Heatmap({ rows, metric }: { rows: MetricsRow[]; metric: string }) {
  const cells = new Map(rows.map((row) => [`${row.weekday}|${row.hour}`, row]));
  const volumes = rows.map((row) => Number(row.resolution_rate_n ?? 0));
  const most = Math.max(1, ...volumes);
  return (
    <div className="heatmap-scroll">
      <table className="heatmap" data-testid="heatmap">
        <caption>
          Conversations by hour and weekday; the figure is {METRIC_INFO[metric]?.label ?? metric}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap__cell">
              Day
            </th>
            {HOURS.map((hour) => (
              <th scope="col" key={hour} className="heatmap__cell">
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, index) => (
            <tr key={day}>
              <th scope="row" className="heatmap__cell">
                {day}
              </th>
              {HOURS.map((hour) => {
                const row = cells.get(`${index + 1}|${hour}`);
                const volume = Number(row?.resolution_rate_n ?? 0);
                const share = volume / most;
                return (
                  <td
                    key={hour}
                    className="heatmap__cell"
                    style={{
                      background: `color-mix(in srgb, var(--accent) ${Math.round(share * 85)}%, transparent)`,
                    }}
                    title={`${day} ${hour}:00 — ${volume} conversations, ${formatMetric(metric, row?.[metric] as number)}`}
                  >
                    {volume > 0 ? volume : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The dashboard page. */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const [period, setPeriod] = useState<PeriodKey>('12w');
  const [channel, setChannel] = useState('');
  const [team, setTeam] = useState('');
  const [trendMetric, setTrendMetric] = useState('csat');
  const [breakdown, setBreakdown] = useState<Breakdown>('team');
  const [sort, setSort] = useState<{ column: string; descending: boolean }>({
    column: '',
    descending: false,
  });
  const days = periodDates(PERIODS[period]);
  const base = {
    from: localMidnight(days.from),
    to: localMidnight(days.to, 1),
    channel: channel || undefined,
    team: team || undefined,
  };
  const metrics = TILE_METRICS.join(',');
  const key = JSON.stringify(base);
  const totals = useApiData(`totals ${key}`, (signal) => getMetrics({ ...base, metrics }, signal));
  const trend = useApiData(`trend ${key}`, (signal) => getMetrics({ ...base, metrics, by: 'week' }, signal));
  const table = useApiData(`table ${key} ${breakdown}`, (signal) =>
    getMetrics({ ...base, metrics, by: breakdown }, signal),
  );
  const heat = useApiData(`heat ${key}`, (signal) =>
    getMetrics({ ...base, metrics: `resolution_rate,${trendMetric}`, by: 'weekday,hour' }, signal),
  );
  const alerts = useApiData('alerts', (signal) => listAlerts(signal));
  const total = totals.data?.[0];
  const listFilters = {
    from: days.from,
    to: days.to,
    channel: channel || undefined,
    team: team || undefined,
  };

  const sortedRows = useMemo(() => {
    const rows = [...(table.data ?? [])];
    if (!sort.column) return rows;
    return rows.sort((a, b) => {
      const x = a[sort.column];
      const y = b[sort.column];
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      return sort.descending ? -order : order;
    });
  }, [table.data, sort]);
  const sortBy = (column: string) =>
    setSort((current) => ({ column, descending: current.column === column ? !current.descending : true }));
  const ariaSort = (column: string) =>
    sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined;

  return (
    <div className="dashboard">
      <header className="page__header">
        <h1>Dashboard</h1>
        <form className="filter-bar dashboard__filters" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span className="field__label">Period</span>
            <select
              className="input"
              value={period}
              onChange={(e) => setPeriod(e.target.value as PeriodKey)}
              data-testid="dashboard-period"
            >
              <option value="4w">Last 4 weeks</option>
              <option value="12w">Last 12 weeks</option>
              <option value="26w">Last 26 weeks</option>
              <option value="52w">Last 52 weeks</option>
            </select>
          </label>
          <label className="field">
            <span className="field__label">Channel</span>
            <select className="input" value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">All channels</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Team</span>
            <input
              className="input"
              value={team}
              onChange={(e) => setTeam(e.target.value)}
              placeholder="All teams"
              data-testid="dashboard-team"
            />
          </label>
        </form>
      </header>
      {totals.error ? <ErrorNotice error={totals.error} onRetry={totals.reload} /> : null}

      <section aria-label="Key figures" className="tiles">
        {TILE_METRICS.map((metric) => (
          <Link
            key={metric}
            to={conversationsLink(listFilters)}
            className="tile"
            data-testid={`tile-${metric}`}
          >
            <span className="tile__label">{METRIC_INFO[metric]?.label}</span>
            <strong className="tile__value" data-testid={`tile-value-${metric}`}>
              {formatMetric(metric, total?.[metric] as number | null)}
            </strong>
            <span className="tile__count">n = {String(total?.[`${metric}_n`] ?? 0)}</span>
            <GoalBadge row={total} metric={metric} />
          </Link>
        ))}
      </section>

      <section className="panel" aria-labelledby="trend-title">
        <div className="panel__header">
          <h2 id="trend-title">Trend by week</h2>
          <select
            className="input"
            aria-label="Metric of the trend and the heatmap"
            value={trendMetric}
            onChange={(e) => setTrendMetric(e.target.value)}
          >
            {TILE_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_INFO[m]?.label}
              </option>
            ))}
          </select>
        </div>
        {trend.data && trend.data.length > 0 ? (
          <>
            <TrendChart rows={trend.data} metric={trendMetric} />
            <ul className="trend-links">
              {trend.data.map((row) => {
                const week = isoWeekDays(String(row.week));
                return (
                  <li key={String(row.week)}>
                    <Link to={conversationsLink({ ...listFilters, ...week })}>
                      {String(row.week)}: {formatMetric(trendMetric, row[trendMetric] as number | null)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="empty-state">No conversations in this period.</p>
        )}
      </section>

      <section className="panel" aria-labelledby="breakdown-title">
        <div className="panel__header">
          <h2 id="breakdown-title">Breakdown</h2>
          <select
            className="input"
            aria-label="Break down by"
            value={breakdown}
            onChange={(e) => setBreakdown(e.target.value as Breakdown)}
            data-testid="breakdown-by"
          >
            <option value="team">by team</option>
            <option value="agent">by agent</option>
            <option value="channel">by channel</option>
            <option value="language">by language</option>
          </select>
          <button
            type="button"
            className="button"
            onClick={() =>
              downloadCsv(
                `kvalita-${breakdown}.csv`,
                toCsv([breakdown, ...TILE_METRICS.flatMap((m) => [m, `${m}_n`])], sortedRows),
              )
            }
            data-testid="export-csv"
          >
            Export CSV
          </button>
        </div>
        {table.error ? <ErrorNotice error={table.error} onRetry={table.reload} /> : null}
        <div className="table-scroll">
          <table className="data-table" data-testid="breakdown-table">
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort(breakdown)}>
                  <button type="button" className="button--quiet" onClick={() => sortBy(breakdown)}>
                    {breakdown}
                  </button>
                </th>
                {TILE_METRICS.map((metric) => (
                  <th scope="col" key={metric} aria-sort={ariaSort(metric)}>
                    <button type="button" className="button--quiet" onClick={() => sortBy(metric)}>
                      {METRIC_INFO[metric]?.label}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sortedRows.map((row) => {
                const name = row[breakdown] === null ? '' : String(row[breakdown]);
                const link = conversationsLink({ ...listFilters, [breakdown]: name || undefined });
                return (
                  <tr key={name} data-testid="breakdown-row">
                    <th scope="row">{name || '—'}</th>
                    {TILE_METRICS.map((metric) => (
                      <td key={metric} className="number">
                        <Link to={link} title={`n = ${String(row[`${metric}_n`] ?? 0)}`}>
                          {formatMetric(metric, row[metric] as number | null)}
                        </Link>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">Hour × weekday</h2>
        {heat.data ? <Heatmap rows={heat.data} metric={trendMetric} /> : null}
      </section>

      {alerts.data && alerts.data.length > 0 ? (
        <section className="panel" aria-labelledby="alerts-title">
          <h2 id="alerts-title">Alerts</h2>
          <ul className="alerts" data-testid="alerts">
            {alerts.data.slice(0, 8).map((alert) => (
              <li key={alert.id}>
                <strong>{METRIC_INFO[alert.metric]?.label ?? alert.metric}</strong> {alert.scope_value ?? ''}{' '}
                {alert.bucket}: {formatMetric(alert.metric, alert.value)} ({alert.kind})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
