/**
 * Review scores over time (agents: their own): a line of the overall score per week or month and
 * a category × period table with the weakest category of the latest period named. The chart
 * library loads only when there is something to draw, so the page that embeds this stays small.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { getCategoryNames, getReviewTrends, type TrendPeriod } from '../api/trends';
import { useApiData } from '../lib/useApiData';
import { ErrorNotice } from './ErrorNotice';
import { type LocaleFormat, useLocaleFormat } from './localeFormat';
import './review-trends.css';
import { faded, useThemeKey } from '../lib/chartTheme';

type Bucket = 'week' | 'month';
const BUCKETS: readonly Bucket[] = ['week', 'month'];
const DAY_MS = 86_400_000;

/** A period code as a short heading: the Monday of an ISO week, or month and year. */
function periodLabel(format: LocaleFormat, period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const january4 = Date.UTC(Number(week[1]), 0, 4);
    const monday =
      january4 - ((new Date(january4).getUTCDay() || 7) - 1) * DAY_MS + (Number(week[2]) - 1) * 7 * DAY_MS;
    // Noon keeps the day the same in every browser time zone.
    return format.date(new Date(monday + DAY_MS / 2).toISOString());
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return new Intl.DateTimeFormat(format.language, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15)));
  }
  return period;
}

function TrendLine({ periods, labels }: { periods: TrendPeriod[]; labels: string[] }) {
  const holder = useRef<HTMLDivElement>(null);
  const format = useLocaleFormat();
  const theme = useThemeKey();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours come from CSS variables that change with the theme
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let resize: ResizeObserver | undefined;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (cancelled) return;
      const style = getComputedStyle(element);
      const accent = style.getPropertyValue('--accent').trim() || 'currentColor';
      const muted = style.getPropertyValue('--muted').trim() || 'currentColor';
      const axis = {
        stroke: muted,
        grid: { stroke: faded(muted, '33') },
        ticks: { stroke: faded(muted, '55') },
      };
      chart = new UPlot(
        {
          width: Math.max(260, element.clientWidth),
          height: 180,
          // Room on the right for the last period's label, which is centred on the last point.
          padding: [12, 48, 0, 0],
          scales: { x: { time: false }, y: { range: [0, 100] } },
          legend: { show: false },
          axes: [
            {
              ...axis,
              space: 80,
              values: (_, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? (labels[tick] ?? '') : '')),
            },
            { ...axis, size: 60, values: (_, ticks) => ticks.map((tick) => format.percent(tick)) },
          ],
          series: [{}, { stroke: accent, width: 2, points: { show: true }, spanGaps: true }],
        },
        [periods.map((_, index) => index), periods.map((period) => period.all.score)],
        element,
      );
      resize = new ResizeObserver(() =>
        chart?.setSize({ width: Math.max(260, element.clientWidth), height: 180 }),
      );
      resize.observe(element);
    });
    return () => {
      cancelled = true;
      resize?.disconnect();
      chart?.destroy();
    };
  }, [periods, labels, format, theme]);
  // The table below carries every figure of the chart, so the canvas is hidden from screen readers.
  return <div ref={holder} className="review-trends__chart" data-testid="trends-chart" aria-hidden="true" />;
}

/** The signed-in user's review scores per week or month, overall and per category. */
export function ReviewTrends() {
  const { t } = useTranslation('reviews');
  const format = useLocaleFormat();
  const [by, setBy] = useState<Bucket>('week');
  const trends = useApiData(`review-trends:${by}`, (signal) => getReviewTrends({ by }, signal));
  // Without names the keys still identify the categories, so a failure here is not shown.
  const names = useApiData('scorecard-category-names', (signal) =>
    getCategoryNames(signal).catch(() => new Map<string, string>()),
  );
  const periods = useMemo(
    () => (trends.data?.periods ?? []).filter((period) => period.all.n > 0),
    [trends.data],
  );
  const labels = useMemo(
    () => periods.map((period) => periodLabel(format, period.period)),
    [periods, format],
  );
  // A user who is no agent and may not see others' trends has nothing to see here.
  if (trends.error?.status === 403) return null;

  const categories = [...new Set(periods.flatMap((period) => Object.keys(period.categories)))];
  const nameOf = (key: string) => names.data?.get(key) ?? key;
  categories.sort((a, b) => nameOf(a).localeCompare(nameOf(b), format.language));
  const latest = periods.at(-1);
  let weakest: string | undefined;
  for (const [key, figure] of Object.entries(latest?.categories ?? {})) {
    if (figure.score === null) continue;
    const current = weakest === undefined ? undefined : latest?.categories[weakest]?.score;
    if (current === undefined || current === null || figure.score < current) weakest = key;
  }
  const score = (value: number | null | undefined) =>
    typeof value === 'number' ? format.percent(value) : '—';

  return (
    <section
      className="panel review-trends"
      aria-labelledby="review-trends-title"
      data-testid="review-trends"
    >
      <div className="panel__header">
        <h2 className="panel__title" id="review-trends-title">
          {t('trends.title')}
        </h2>
        <fieldset className="review-trends__switch">
          <legend className="sr-only">{t('trends.bucket')}</legend>
          {BUCKETS.map((bucket) => (
            <button
              key={bucket}
              type="button"
              className="button"
              aria-pressed={by === bucket}
              data-testid={`trends-by-${bucket}`}
              onClick={() => setBy(bucket)}
            >
              {t(`trends.by.${bucket}`)}
            </button>
          ))}
        </fieldset>
      </div>
      {trends.error ? <ErrorNotice error={trends.error} onRetry={trends.reload} /> : null}
      {!trends.data && !trends.error ? <p className="muted">{t('trends.loading')}</p> : null}
      {trends.data && periods.length === 0 ? (
        <p className="muted" data-testid="trends-empty">
          {t('trends.empty')}
        </p>
      ) : null}
      {periods.length > 0 ? (
        <>
          <TrendLine periods={periods} labels={labels} />
          {latest && weakest !== undefined ? (
            <p className="review-trends__summary" data-testid="trends-weakest-summary">
              {t('trends.weakestSummary', {
                category: nameOf(weakest),
                period: labels.at(-1),
                score: score(latest.categories[weakest]?.score),
              })}
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="data-table review-trends__table" data-testid="trends-table">
              <caption className="sr-only">{t('trends.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trends.category')}</th>
                  {periods.map((period, index) => (
                    <th scope="col" key={period.period} title={period.period} className="numeric">
                      {labels[index]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="review-trends__overall" data-testid="trends-overall">
                  <th scope="row">{t('trends.overall')}</th>
                  {periods.map((period) => (
                    <td key={period.period} className="numeric" data-period={period.period}>
                      {score(period.all.score)}
                      <span className="review-trends__count">
                        {t('trends.reviews', {
                          count: period.all.n,
                          formatted: format.number(period.all.n, 0),
                        })}
                      </span>
                    </td>
                  ))}
                </tr>
                {categories.map((key) => (
                  <tr key={key} data-testid="trends-category" data-category={key}>
                    <th scope="row">
                      <span translate="no">{nameOf(key)}</span>
                      {key === weakest ? (
                        <span className="review-trends__weakest-tag" data-testid="trends-weakest">
                          {t('trends.weakest')}
                        </span>
                      ) : null}
                    </th>
                    {periods.map((period) => {
                      const isWeakest = key === weakest && period === latest;
                      return (
                        <td
                          key={period.period}
                          className={isWeakest ? 'numeric review-trends__weakest' : 'numeric'}
                          data-period={period.period}
                        >
                          {score(period.categories[key]?.score)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
