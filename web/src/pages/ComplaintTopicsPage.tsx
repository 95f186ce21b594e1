/**
 * Recurring problems: the period's complaints per topic as a table and a Pareto chart (bars most
 * frequent first, the cumulative share on a second axis, the 80 % line marked). Loaded on
 * demand with its chart library, so the first page stays small.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ApiError } from '../api/client';
import { getTopics, refreshTopics, type TopicRow } from '../api/complaints';
import { ComplaintTabs } from '../components/ComplaintTabs';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldErrors } from '../components/FieldErrors';
import { type LocaleFormat, useLocaleFormat } from '../components/localeFormat';
import { Link, navigate, useLocation } from '../lib/router';
import { useCurrentUser } from '../lib/session';
import { useApiData } from '../lib/useApiData';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import './complaints-extra.css';
import { faded, useThemeKey } from '../lib/chartTheme';

const PERIODS = [30, 90, 365] as const;
const DAY_MS = 86_400_000;
/** More bars than this turn into slivers; the table still lists every topic. */
const CHART_TOPICS = 30;
const PARETO_LINE = 80;
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

function shortLabel(text: string): string {
  return text.length > 16 ? `${text.slice(0, 15)}…` : text;
}

/** One bar of the chart. */
interface Bar {
  label: string;
  count: number;
  cumulative: number | null;
}

function ParetoChart({ bars, format }: { bars: readonly Bar[]; format: LocaleFormat }) {
  const holder = useRef<HTMLDivElement>(null);
  const theme = useThemeKey();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours come from CSS variables that change with the theme
  useEffect(() => {
    const element = holder.current;
    if (!element || bars.length === 0) return;
    const style = getComputedStyle(element);
    const colour = (name: string) => style.getPropertyValue(name).trim() || 'currentColor';
    const accent = colour('--accent');
    const danger = colour('--danger');
    const muted = colour('--muted');
    const axis = {
      stroke: muted,
      grid: { stroke: faded(muted, '33') },
      ticks: { stroke: faded(muted, '55') },
    };
    const labels = bars.map((bar) => shortLabel(bar.label));
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 280,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, bars.length - 0.5] },
          n: { range: (_, __, max) => [0, Math.max(1, max) * 1.05] },
          share: { range: [0, 100] },
        },
        axes: [
          {
            ...axis,
            space: 60,
            incrs: [1, 2, 5, 10],
            values: (_, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? (labels[tick] ?? '') : '')),
          },
          {
            ...axis,
            scale: 'n',
            size: 50,
            // Whole complaints only: no tick between 2 and 3.
            incrs: COUNT_STEPS,
            values: (_, ticks) => ticks.map((tick) => format.number(tick, 0)),
          },
          {
            ...axis,
            scale: 'share',
            side: 1,
            size: 60,
            grid: { show: false },
            values: (_, ticks) => ticks.map((tick) => format.percent(tick)),
          },
        ],
        series: [
          {},
          {
            scale: 'n',
            stroke: accent,
            fill: faded(accent, '99'),
            paths: uPlot.paths.bars?.({ size: [0.7, 80] }),
            points: { show: false },
          },
          {
            scale: 'share',
            stroke: colour('--warning'),
            width: 2,
            points: { show: true, size: 6 },
          },
        ],
        hooks: {
          // The 80 % line spans the whole plot, not only from the first bar to the last.
          draw: [
            (plot) => {
              const { ctx, bbox } = plot;
              const y = Math.round(plot.valToPos(PARETO_LINE, 'share', true));
              ctx.save();
              ctx.strokeStyle = danger;
              ctx.lineWidth = 1.5 * devicePixelRatio;
              ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
              ctx.beginPath();
              ctx.moveTo(bbox.left, y);
              ctx.lineTo(bbox.left + bbox.width, y);
              ctx.stroke();
              ctx.restore();
            },
          ],
        },
      },
      [bars.map((_, index) => index), bars.map((bar) => bar.count), bars.map((bar) => bar.cumulative)],
      element,
    );
    const resize = new ResizeObserver(() => {
      const width = Math.max(320, element.clientWidth);
      if (width !== chart.width) chart.setSize({ width, height: 280 });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [bars, format, theme]);
  return <div ref={holder} className="pareto-chart" data-testid="pareto-chart" aria-hidden="true" />;
}

/** The topics page. */
export function ComplaintTopicsPage() {
  const { t } = useTranslation('complaints');
  useDocumentTitle(t('topics.title'));
  const format = useLocaleFormat();
  const me = useCurrentUser();
  const { search } = useLocation();
  const asked = Number(new URLSearchParams(search).get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? asked : 90;
  // One instant per period choice, so re-renders ask for the same range.
  const [now] = useState(() => Date.now());
  const range = { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() };
  const overview = useApiData(`topics ${days}`, (signal) => getTopics(range, signal));
  const [refreshing, setRefreshing] = useState(false);
  const [refreshed, setRefreshed] = useState<{ complaints: number; topics: number } | null>(null);
  const [refreshError, setRefreshError] = useState<ApiError | null>(null);
  const mayRefresh = me.role === 'admin' || me.role === 'manager';

  const topics = overview.data?.topics;
  const unclassified = t('topics.unclassified');
  const labelOf = (topic: TopicRow) =>
    topic.topic === 'unclassified' ? unclassified : topic.label || topic.topic;
  // The same bars while the answer and the language stay, so the chart is not drawn anew each render.
  const bars = useMemo(
    () =>
      (topics ?? []).slice(0, CHART_TOPICS).map((topic) => ({
        label: topic.topic === 'unclassified' ? unclassified : topic.label || topic.topic,
        count: topic.count,
        cumulative: topic.cumulative_share,
      })),
    [topics, unclassified],
  );
  const rows = topics ?? [];
  const vital = rows.findIndex((topic) => (topic.cumulative_share ?? 0) >= PARETO_LINE) + 1;

  // The exact period counted here, so the list shows as many entries as the topic's count.
  const listLink = (topic: TopicRow) => {
    const params = new URLSearchParams({
      kind: 'complaint',
      from: range.from,
      to: range.to,
      topic: topic.topic,
      topic_label: labelOf(topic),
    });
    return `/complaints/list?${params}`;
  };
  const actionLink = (topic: TopicRow) =>
    `/complaints/actions?${new URLSearchParams({ topic: topic.topic, topic_label: labelOf(topic) })}`;

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      setRefreshed(await refreshTopics());
      overview.reload();
    } catch (error) {
      setRefreshError(error as ApiError);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <div className="complaints-area" data-testid="complaint-topics-page">
      <ComplaintTabs />
      <div className="complaints-toolbar">
        <h1 className="page-title">{t('topics.title')}</h1>
        <div className="row-buttons">
          <label className="field">
            <span className="field__label">{t('topics.period')}</span>
            <select
              className="input"
              value={days}
              onChange={(event) =>
                navigate(`/complaints/topics?days=${encodeURIComponent(event.target.value)}`, {
                  replace: true,
                })
              }
              data-testid="topics-period"
            >
              {PERIODS.map((period) => (
                <option key={period} value={period}>
                  {t(`topics.last${period}`)}
                </option>
              ))}
            </select>
          </label>
          {mayRefresh ? (
            <button
              type="button"
              className="button"
              disabled={refreshing}
              onClick={() => void refresh()}
              data-testid="topics-refresh"
            >
              {t('topics.refresh')}
            </button>
          ) : null}
        </div>
      </div>
      {refreshed ? (
        <p className="complaints-note" role="status" data-testid="topics-refreshed">
          {t('topics.refreshed', {
            complaints: format.number(refreshed.complaints, 0),
            topics: format.number(refreshed.topics, 0),
          })}
        </p>
      ) : null}
      {refreshError ? <FieldErrors error={refreshError} /> : null}
      {overview.error ? <ErrorNotice error={overview.error} onRetry={overview.reload} /> : null}
      {overview.data && rows.length === 0 ? <p className="empty-state">{t('topics.empty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <figure className="panel pareto">
            <figcaption>
              <h2 className="panel__title">{t('topics.chart')}</h2>
              <p className="muted" data-testid="topics-summary">
                {t('topics.summary', {
                  total: format.number(overview.data?.total ?? 0, 0),
                  vital: format.number(vital, 0),
                  topics: format.number(rows.length, 0),
                })}
                {rows.length > CHART_TOPICS
                  ? ` ${t('topics.chartTop', { n: format.number(CHART_TOPICS, 0) })}`
                  : ''}
              </p>
              <ul className="pareto-legend">
                <li className="pareto-legend__bars">{t('topics.count')}</li>
                <li className="pareto-legend__line">{t('topics.cumulative')}</li>
                <li className="pareto-legend__mark">{t('topics.line80')}</li>
              </ul>
            </figcaption>
            <ParetoChart bars={bars} format={format} />
          </figure>
          <div className="table-scroll">
            <table className="data-table" data-testid="topics-table" aria-busy={overview.loading}>
              <caption className="sr-only">{t('topics.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('topics.rank')}
                  </th>
                  <th scope="col">{t('topics.topic')}</th>
                  <th scope="col" className="numeric">
                    {t('topics.count')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('topics.share')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('topics.cumulative')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('topics.act')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((topic, index) => (
                  <tr
                    key={topic.topic}
                    className={index < vital ? 'topic-row topic-row--vital' : 'topic-row'}
                    data-testid="topic-row"
                    data-topic={topic.topic}
                    data-count={topic.count}
                    data-cumulative={topic.cumulative_share ?? ''}
                  >
                    <td className="numeric">{format.number(index + 1, 0)}</td>
                    <th scope="row">
                      <Link to={listLink(topic)} translate="no" data-testid="topic-link">
                        {labelOf(topic)}
                      </Link>
                      {topic.spike ? (
                        <span className="badge badge--complaint">{t('topics.spike')}</span>
                      ) : null}
                    </th>
                    <td className="numeric">{format.number(topic.count, 0)}</td>
                    <td className="numeric">{topic.share === null ? '—' : format.percent(topic.share)}</td>
                    <td className="numeric" data-testid="topic-cumulative">
                      {topic.cumulative_share === null ? '—' : format.percent(topic.cumulative_share)}
                    </td>
                    <td>
                      <Link to={actionLink(topic)} className="nowrap">
                        {t('topics.act')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
