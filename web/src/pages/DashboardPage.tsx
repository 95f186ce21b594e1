/**
 * The dashboard: KPI tiles against their goals, weekly trend charts, breakdowns by team, agent,
 * channel or language, the hour × weekday heatmap and the latest alerts. Every figure links to
 * the conversations behind it; every table exports to CSV. Loaded on demand, with its chart
 * library, so the first page stays small. Agents see their own figures: the API narrows them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { buildQueryString, getMetrics, listAlerts, type MetricsQuery, type MetricsRow } from '../api/client';
import { CHANNELS } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { type LocaleFormat, localDay, localMidnight, useLocaleFormat } from '../components/localeFormat';
import { Link } from '../lib/router';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './pages-extra.css';
import { faded, useThemeKey } from '../lib/chartTheme';

/** How a metric reads: its unit and whether more is better. */
interface MetricInfo {
  unit: 'percent' | 'seconds' | 'score' | 'per_thousand';
  /** Extra filter of the conversation list that selects the rows the metric is computed over. */
  rows?: Record<string, string>;
}

const METRIC_INFO: Record<string, MetricInfo> = {
  csat: { unit: 'percent', rows: { has_feedback: 'true' } },
  nps: { unit: 'score', rows: { has_feedback: 'true' } },
  frt_median: { unit: 'seconds' },
  aht: { unit: 'seconds' },
  resolution_rate: { unit: 'percent' },
  complaint_rate: { unit: 'per_thousand' },
  iqs: { unit: 'percent' },
  pass_rate: { unit: 'percent' },
};
const TILE_METRICS = Object.keys(METRIC_INFO);
/** `resolution_rate_n` counts every conversation of a group: the volume column and heatmap figure. */
const VOLUME = 'resolution_rate_n';
const BREAKDOWNS = ['team', 'agent', 'channel', 'language'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const PERIODS = ['week', 'month', 'quarter', '4w', '12w', '26w', '52w', 'custom'] as const;
type Period = (typeof PERIODS)[number];
const ROLLING_DAYS: Partial<Record<Period, number>> = { '4w': 28, '12w': 84, '26w': 182, '52w': 364 };

/** Whole local days of a period, `to` included. */
export function periodDays(
  period: Period,
  custom: { from: string; to: string },
  today = new Date(),
): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const to = localDay(today);
  switch (period) {
    case 'week':
      return { from: localDay(new Date(y, m, d - ((today.getDay() + 6) % 7))), to };
    case 'month':
      return { from: localDay(new Date(y, m, 1)), to };
    case 'quarter':
      return { from: localDay(new Date(y, m - (m % 3), 1)), to };
    case 'custom':
      return custom;
    default:
      return { from: localDay(new Date(y, m, d - (ROLLING_DAYS[period] ?? 84) + 1)), to };
  }
}

/** A metric's value as people read it; '—' where there is no data. */
export function formatMetric(format: LocaleFormat, metric: string, value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  const unit = METRIC_INFO[metric]?.unit;
  if (unit === 'seconds') return format.duration(value);
  if (unit === 'percent') return format.percent(value);
  return format.number(value, 1);
}

/** The conversation-list link for a set of filters. */
export function conversationsLink(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `/conversations?${text}` : '/conversations';
}

/** CSV text of rows, quoting where needed; a leading =, +, - or @ is escaped for spreadsheets. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

function Goal({ row, metric }: { row: MetricsRow | undefined; metric: string }) {
  const { t } = useTranslation('dashboard');
  const format = useLocaleFormat();
  const goal = row?.[`${metric}_goal`];
  const met = row?.[`${metric}_goal_met`];
  if (typeof goal !== 'number') return null;
  const value = formatMetric(format, metric, goal);
  if (typeof met !== 'boolean') {
    return (
      <span className="goal" data-testid={`goal-${metric}`}>
        {t('goal.target', { value })}
      </span>
    );
  }
  return (
    <span className={met ? 'goal goal--met' : 'goal goal--missed'} data-testid={`goal-${metric}`}>
      {met ? t('goal.met', { value }) : t('goal.missed', { value })}
    </span>
  );
}

function TrendChart({ rows, metric, label }: { rows: MetricsRow[]; metric: string; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const format = useLocaleFormat();
  const theme = useThemeKey();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours come from CSS variables that change with the theme
  useEffect(() => {
    const element = holder.current;
    if (!element || rows.length === 0) return;
    const weeks = rows.map((row) => String(row.week));
    const values = rows.map((row) => (typeof row[metric] === 'number' ? (row[metric] as number) : null));
    const accent = getComputedStyle(element).getPropertyValue('--accent').trim() || 'currentColor';
    const muted = getComputedStyle(element).getPropertyValue('--muted').trim() || 'currentColor';
    const axis = {
      stroke: muted,
      grid: { stroke: faded(muted, '33') },
      ticks: { stroke: faded(muted, '55') },
    };
    const chart = new uPlot(
      {
        width: Math.max(300, element.clientWidth),
        height: 200,
        scales: { x: { time: false } },
        legend: { show: false },
        axes: [
          {
            ...axis,
            space: 70,
            values: (_, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? (weeks[tick] ?? '') : '')),
          },
          {
            ...axis,
            size: 70,
            values: (_, ticks) => ticks.map((tick) => formatMetric(format, metric, tick)),
          },
        ],
        series: [{}, { label, stroke: accent, width: 2, points: { show: true }, spanGaps: true }],
      },
      [weeks.map((_, index) => index), values],
      element,
    );
    return () => chart.destroy();
  }, [rows, metric, label, format, theme]);
  return <div ref={holder} className="trend-chart" data-testid="trend-chart" aria-hidden="true" />;
}

function Heatmap({
  rows,
  metric,
  colourBy,
  cellLink,
}: {
  rows: MetricsRow[];
  metric: string;
  colourBy: 'volume' | 'metric';
  /** The conversation list behind one weekday × hour cell. */
  cellLink: (weekday: number, hour: number) => string;
}) {
  const { t } = useTranslation('dashboard');
  const format = useLocaleFormat();
  const cells = new Map(rows.map((row) => [`${String(row.weekday)}|${String(row.hour)}`, row]));
  const figure = (row: MetricsRow | undefined) =>
    colourBy === 'volume'
      ? Number(row?.[VOLUME] ?? 0)
      : typeof row?.[metric] === 'number'
        ? (row[metric] as number)
        : null;
  const figures = rows.map(figure).filter((value): value is number => value !== null);
  const low = Math.min(0, ...figures);
  const high = Math.max(1, ...figures);
  const metricLabel = t(`metric.${metric}`);
  return (
    <>
      <div className="heatmap-scroll">
        <table className="heatmap heat-grid" data-testid="heatmap">
          <caption className="sr-only">{t('heatmap.caption', { metric: metricLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('heatmap.day')}</th>
              {HOURS.map((hour) => (
                <th scope="col" key={hour}>
                  {hour}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day) => (
              <tr key={day}>
                <th scope="row">{format.weekday(day)}</th>
                {HOURS.map((hour) => {
                  const row = cells.get(`${day}|${hour}`);
                  const volume = Number(row?.[VOLUME] ?? 0);
                  const value = figure(row);
                  const share = value === null ? 0 : (value - low) / (high - low || 1);
                  const description = t('heatmap.cell', {
                    day: format.weekday(day),
                    hour,
                    count: volume,
                    metric: metricLabel,
                    value: formatMetric(format, metric, row?.[metric]),
                  });
                  return (
                    <td
                      key={hour}
                      style={{
                        background: `color-mix(in srgb, var(--accent) ${Math.round(share * 85)}%, transparent)`,
                      }}
                      title={description}
                      data-testid="heatmap-cell"
                    >
                      {volume > 0 ? (
                        <Link
                          to={cellLink(day, hour)}
                          className="heatmap__link"
                          data-testid={`heatmap-link-${day}-${hour}`}
                        >
                          {volume}
                          <span className="sr-only">{description}</span>
                        </Link>
                      ) : (
                        <span className="sr-only">{description}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="heat-legend">
        <span>{colourBy === 'volume' ? format.number(low, 0) : formatMetric(format, metric, low)}</span>
        <span className="heat-legend__bar" aria-hidden="true" />
        <span>{colourBy === 'volume' ? format.number(high, 0) : formatMetric(format, metric, high)}</span>
        <span>
          {colourBy === 'volume'
            ? t('heatmap.legendVolume')
            : t('heatmap.legendMetric', { metric: metricLabel })}
        </span>
      </p>
    </>
  );
}

/** The dashboard page. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const format = useLocaleFormat();
  useDocumentTitle(t('title'));
  const [period, setPeriod] = useState<Period>('12w');
  const [custom, setCustom] = useState(() => periodDays('4w', { from: '', to: '' }));
  const [channel, setChannel] = useState('');
  const [team, setTeam] = useState('');
  const [trendMetrics, setTrendMetrics] = useState<string[]>(['csat']);
  const [heatMetric, setHeatMetric] = useState('csat');
  const [colourBy, setColourBy] = useState<'volume' | 'metric'>('volume');
  const [breakdown, setBreakdown] = useState<Breakdown>('team');
  const [sort, setSort] = useState<{ column: string; descending: boolean }>({
    column: '',
    descending: false,
  });

  const days = periodDays(period, custom);
  const validPeriod = Boolean(days.from && days.to && days.from <= days.to);
  const base: Omit<MetricsQuery, 'metrics'> = validPeriod
    ? { from: localMidnight(days.from), to: localMidnight(days.to, 1) }
    : {};
  if (channel) base.channel = channel;
  if (team) base.team = team;
  const metrics = TILE_METRICS.join(',');
  const key = JSON.stringify(base);
  const load = (query: MetricsQuery) => (signal: AbortSignal) =>
    validPeriod ? getMetrics(query, signal) : Promise.resolve<MetricsRow[]>([]);
  const totals = useApiData(`totals ${key}`, load({ ...base, metrics }));
  const trend = useApiData(`trend ${key}`, load({ ...base, metrics, by: 'week' }));
  const table = useApiData(`table ${key} ${breakdown}`, load({ ...base, metrics, by: breakdown }));
  const heat = useApiData(
    `heat ${key} ${heatMetric}`,
    load({ ...base, metrics: `resolution_rate,${heatMetric}`, by: 'weekday,hour' }),
  );
  // The team list of the filter: every team with conversations in the period, whatever is picked.
  const teamBase = { ...base, team: undefined };
  const teams = useApiData(
    `teams ${JSON.stringify(teamBase)}`,
    load({ ...teamBase, metrics: 'resolution_rate', by: 'team' }),
  );
  const alerts = useApiData('alerts', (signal) => listAlerts(signal));
  const total = totals.data?.[0];
  const listFilters = {
    from: days.from,
    to: days.to,
    channel: channel || undefined,
    team: team || undefined,
  };
  const metricLink = (metric: string, extra: Record<string, string | undefined> = {}) =>
    conversationsLink({ ...listFilters, ...extra, ...(METRIC_INFO[metric]?.rows ?? {}) });

  const sortedRows = useMemo(() => {
    const rows = [...(table.data ?? [])];
    if (!sort.column) return rows;
    return rows.sort((a, b) => {
      const x = a[sort.column];
      const y = b[sort.column];
      // Groups without a figure go last in either direction.
      if (typeof x !== 'number' && typeof y === 'number' && sort.column !== breakdown) return 1;
      if (typeof y !== 'number' && typeof x === 'number' && sort.column !== breakdown) return -1;
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      return sort.descending ? -order : order;
    });
  }, [table.data, sort, breakdown]);
  const sortBy = (column: string) =>
    setSort((current) => ({
      column,
      descending: current.column === column ? !current.descending : column !== breakdown,
    }));
  const ariaSort = (column: string) =>
    sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const csvColumns = [breakdown, VOLUME, ...TILE_METRICS.flatMap((m) => [m, `${m}_n`])];
  const serverCsv = `/api/v1/metrics${buildQueryString({ ...base, metrics, by: breakdown, format: 'csv' })}`;
  const toggleTrend = (metric: string) =>
    setTrendMetrics((current) =>
      current.includes(metric) ? current.filter((m) => m !== metric) : [...current, metric],
    );
  const sortHeader = (column: string, label: string, numeric: boolean) => (
    <th scope="col" aria-sort={ariaSort(column)} className={numeric ? 'numeric' : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => sortBy(column)}
        data-testid={`sort-${column}`}
      >
        {label}
        <span aria-hidden="true">{sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );

  return (
    <div className="dashboard stack" data-testid="dashboard-page">
      <header className="page-toolbar">
        <h1 className="page-title">{t('title')}</h1>
        <form className="filter-row" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span className="field__label">{t('filters.period')}</span>
            <select
              className="input"
              value={period}
              onChange={(e) => setPeriod(e.target.value as Period)}
              data-testid="dashboard-period"
            >
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`period.${p}`)}
                </option>
              ))}
            </select>
          </label>
          {period === 'custom' ? (
            <>
              <label className="field">
                <span className="field__label">{t('filters.from')}</span>
                <input
                  type="date"
                  className="input"
                  value={custom.from}
                  max={custom.to || undefined}
                  onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
                  data-testid="dashboard-from"
                />
              </label>
              <label className="field">
                <span className="field__label">{t('filters.to')}</span>
                <input
                  type="date"
                  className="input"
                  value={custom.to}
                  min={custom.from || undefined}
                  onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
                  data-testid="dashboard-to"
                />
              </label>
            </>
          ) : null}
          <label className="field">
            <span className="field__label">{t('filters.channel')}</span>
            <select
              className="input"
              value={channel}
              onChange={(e) => setChannel(e.target.value)}
              data-testid="dashboard-channel"
            >
              <option value="">{t('filters.allChannels')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('filters.team')}</span>
            <select
              className="input"
              value={team}
              onChange={(e) => setTeam(e.target.value)}
              data-testid="dashboard-team"
            >
              <option value="">{t('filters.allTeams')}</option>
              {team && !(teams.data ?? []).some((row) => row.team === team) ? (
                <option value={team}>{team}</option>
              ) : null}
              {(teams.data ?? [])
                .filter((row) => typeof row.team === 'string' && row.team !== '')
                .map((row) => (
                  <option key={String(row.team)} value={String(row.team)}>
                    {String(row.team)}
                  </option>
                ))}
            </select>
          </label>
        </form>
      </header>
      {!validPeriod ? (
        <p className="notice notice--error" role="alert" data-testid="period-invalid">
          {t('filters.invalidPeriod')}
        </p>
      ) : null}
      {totals.error ? (
        <ErrorNotice error={totals.error} onRetry={totals.reload} retryLabel={t('retry')} />
      ) : null}

      <section aria-label={t('tiles.label')} className="tiles" aria-busy={totals.loading}>
        {TILE_METRICS.map((metric) => (
          <Link key={metric} to={metricLink(metric)} className="tile" data-testid={`tile-${metric}`}>
            <span className="tile__label">{t(`metric.${metric}`)}</span>
            <strong
              className="tile__value"
              data-testid={`tile-value-${metric}`}
              data-value={typeof total?.[metric] === 'number' ? String(total[metric]) : ''}
            >
              {formatMetric(format, metric, total?.[metric])}
            </strong>
            <span
              className="tile__count"
              data-testid={`tile-count-${metric}`}
              data-count={String(total?.[`${metric}_n`] ?? '')}
            >
              {t('tiles.count', {
                count: Number(total?.[`${metric}_n`] ?? 0),
                value: format.number(Number(total?.[`${metric}_n`] ?? 0), 0),
              })}
            </span>
            <Goal row={total} metric={metric} />
          </Link>
        ))}
      </section>

      <section className="panel" aria-labelledby="trend-title">
        <div className="panel__header">
          <h2 id="trend-title">{t('trend.title')}</h2>
        </div>
        <fieldset className="row-actions">
          <legend className="sr-only">{t('trend.pick')}</legend>
          {TILE_METRICS.map((metric) => (
            <label key={metric} className="checkbox-label">
              <input
                type="checkbox"
                checked={trendMetrics.includes(metric)}
                onChange={() => toggleTrend(metric)}
                data-testid={`trend-toggle-${metric}`}
              />
              {t(`metric.${metric}`)}
            </label>
          ))}
        </fieldset>
        {trend.error ? (
          <ErrorNotice error={trend.error} onRetry={trend.reload} retryLabel={t('retry')} />
        ) : null}
        {trend.data && trend.data.length > 0 ? (
          <div className="trend-grid">
            {trendMetrics.map((metric) => (
              <figure key={metric} className="trend-card">
                <h3>{t(`metric.${metric}`)}</h3>
                <TrendChart rows={trend.data ?? []} metric={metric} label={t(`metric.${metric}`)} />
                <figcaption>
                  <details>
                    <summary>{t('trend.asTable')}</summary>
                    <table className="data-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('trend.week')}</th>
                          <th scope="col" className="numeric">
                            {t(`metric.${metric}`)}
                          </th>
                          <th scope="col" className="numeric">
                            {t('table.n')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {(trend.data ?? []).map((row) => (
                          <tr key={String(row.week)}>
                            <th scope="row">{String(row.week)}</th>
                            <td className="numeric">
                              <Link to={metricLink(metric, isoWeekDays(String(row.week)) ?? {})}>
                                {formatMetric(format, metric, row[metric])}
                              </Link>
                            </td>
                            <td className="numeric">{format.number(Number(row[`${metric}_n`] ?? 0), 0)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </figcaption>
              </figure>
            ))}
          </div>
        ) : trend.loading ? null : (
          <p className="empty-state">{t('empty')}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="breakdown-title">
        <div className="panel__header row-actions">
          <h2 id="breakdown-title">{t('breakdown.title')}</h2>
          <label className="field">
            <span className="sr-only">{t('breakdown.by')}</span>
            <select
              className="input"
              value={breakdown}
              onChange={(e) => {
                setBreakdown(e.target.value as Breakdown);
                setSort({ column: '', descending: false });
              }}
              data-testid="breakdown-by"
            >
              {BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {t(`breakdown.${b}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() => downloadCsv(`kvalita-${breakdown}.csv`, toCsv(csvColumns, sortedRows))}
            data-testid="export-csv"
          >
            {t('breakdown.exportCsv')}
          </button>
          <a className="button button--quiet" href={serverCsv} download data-testid="export-server-csv">
            {t('breakdown.serverCsv')}
          </a>
        </div>
        {table.error ? (
          <ErrorNotice error={table.error} onRetry={table.reload} retryLabel={t('retry')} />
        ) : null}
        <div className="table-scroll">
          <table className="data-table" data-testid="breakdown-table" aria-busy={table.loading}>
            <thead>
              <tr>
                {sortHeader(breakdown, t(`dimension.${breakdown}`), false)}
                {sortHeader(VOLUME, t('table.conversations'), true)}
                {TILE_METRICS.map((metric) => (
                  <th key={metric} scope="col" aria-sort={ariaSort(metric)} className="numeric">
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => sortBy(metric)}
                      data-testid={`sort-${metric}`}
                    >
                      {t(`metric.${metric}`)}
                      <span aria-hidden="true">
                        {sort.column === metric ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sortedRows.length === 0 && !table.loading ? (
                <tr>
                  <td colSpan={TILE_METRICS.length + 2} className="data-table__empty">
                    {t('empty')}
                  </td>
                </tr>
              ) : null}
              {sortedRows.map((row) => {
                const name =
                  row[breakdown] === null || row[breakdown] === undefined ? '' : String(row[breakdown]);
                const group = { [breakdown]: name || undefined };
                return (
                  <tr key={name} data-testid="breakdown-row" data-group={name}>
                    <th scope="row">
                      {!name
                        ? t('breakdown.none')
                        : breakdown === 'channel'
                          ? t(`channel.${name}`, { defaultValue: name })
                          : name}
                    </th>
                    <td className="numeric">
                      <Link
                        to={conversationsLink({ ...listFilters, ...group })}
                        data-testid="breakdown-volume"
                      >
                        {format.number(Number(row[VOLUME] ?? 0), 0)}
                      </Link>
                    </td>
                    {TILE_METRICS.map((metric) => (
                      <td key={metric} className="numeric">
                        <Link
                          to={metricLink(metric, group)}
                          title={t('tiles.count', {
                            count: Number(row[`${metric}_n`] ?? 0),
                            value: format.number(Number(row[`${metric}_n`] ?? 0), 0),
                          })}
                        >
                          {formatMetric(format, metric, row[metric])}
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
        <div className="panel__header row-actions">
          <h2 id="heatmap-title">{t('heatmap.title')}</h2>
          <label className="field">
            <span className="field__label">{t('heatmap.metric')}</span>
            <select
              className="input"
              value={heatMetric}
              onChange={(e) => setHeatMetric(e.target.value)}
              data-testid="heatmap-metric"
            >
              {TILE_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('heatmap.colourBy')}</span>
            <select
              className="input"
              value={colourBy}
              onChange={(e) => setColourBy(e.target.value as 'volume' | 'metric')}
              data-testid="heatmap-colour"
            >
              <option value="volume">{t('heatmap.byVolume')}</option>
              <option value="metric">{t('heatmap.byMetric')}</option>
            </select>
          </label>
        </div>
        {heat.error ? <ErrorNotice error={heat.error} onRetry={heat.reload} retryLabel={t('retry')} /> : null}
        {heat.data ? (
          <Heatmap
            rows={heat.data}
            metric={heatMetric}
            colourBy={colourBy}
            cellLink={(weekday, hour) =>
              conversationsLink({ ...listFilters, weekday: String(weekday), hour: String(hour) })
            }
          />
        ) : null}
      </section>

      {alerts.data && alerts.data.length > 0 ? (
        <section className="panel" aria-labelledby="alerts-title">
          <h2 id="alerts-title">{t('alerts.title')}</h2>
          <ul className="alerts" data-testid="alerts">
            {alerts.data.slice(0, 10).map((alert) => (
              <li key={alert.id} className={alert.worse === true ? 'text-danger' : undefined}>
                <strong>{t(`metric.${alert.metric}`, { defaultValue: alert.metric })}</strong>{' '}
                {alert.scope_value ?? t('alerts.organisation')} · {alert.bucket}:{' '}
                {formatMetric(format, alert.metric, alert.value)} ·{' '}
                {t(`alerts.${alert.kind}_${String(alert.direction)}`, {
                  defaultValue: `${alert.kind} ${String(alert.direction)}`,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
