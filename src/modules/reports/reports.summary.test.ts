/** Report periods, human-readable figures and the written summary, without a database. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KpiLine, ReportData } from './report-data.js';
import { formatChange, formatDuration, formatValue } from './report-metrics.js';
import { lastCompletePeriod, parseReportPeriod, previousPeriod } from './report-period.js';
import { changeMagnitude, writeSummary } from './reports.summary.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('Report periods', () => {
  it('reads days, ISO weeks, months and quarters in the organisation time zone', () => {
    const month = parseReportPeriod('2026-03', 'Europe/Zagreb');
    assert.equal(iso(month.from), '2026-02-28T23:00:00.000Z');
    assert.equal(iso(month.to), '2026-03-31T22:00:00.000Z', 'summer time starts on 29 March');
    const week = parseReportPeriod('2026-W10', 'UTC');
    assert.deepEqual(
      [iso(week.from), iso(week.to)],
      ['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
    );
    const quarter = parseReportPeriod('2026-Q1', 'UTC');
    assert.deepEqual(
      [iso(quarter.from), iso(quarter.to)],
      ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    );
    const day = parseReportPeriod('2026-03-15', 'UTC');
    assert.equal(day.to - day.from, 86_400_000);
  });

  it('finds the period before, across years', () => {
    const before = (label: string) =>
      previousPeriod(parseReportPeriod(label, 'Europe/Zagreb'), 'Europe/Zagreb').label;
    assert.equal(before('2026-W01'), '2025-W52');
    assert.equal(before('2026-01'), '2025-12');
    assert.equal(before('2026-Q1'), '2025-Q4');
    assert.equal(before('2026-03-01'), '2026-02-28');
    assert.equal(before('2026-03-30'), '2026-03-29', 'the 23-hour day of the clock change');
  });

  it('takes the last complete week at an instant in the time zone', () => {
    // Monday 00:30 in Zagreb is still Sunday in UTC.
    const now = Date.parse('2026-11-22T23:30:00Z');
    assert.equal(lastCompletePeriod('week', now, 'Europe/Zagreb').label, '2026-W47');
    assert.equal(lastCompletePeriod('week', now, 'UTC').label, '2026-W46');
    assert.equal(lastCompletePeriod('month', now, 'UTC').label, '2026-10');
    assert.equal(lastCompletePeriod('day', now, 'Europe/Zagreb').label, '2026-11-22');
  });

  it('refuses a bad period naming the period field and the reason', () => {
    for (const bad of ['2026-13', '2026-W54', '2026-02-30', '2026-Q5', 'March', '']) {
      assert.throws(
        () => parseReportPeriod(bad, 'UTC'),
        (error: Error & { details?: Array<{ field: string }> }) =>
          error.details?.[0]?.field === 'period' && /period: /.test(error.message),
        bad,
      );
    }
  });
});

describe('Report figures', () => {
  it('shows times, percentages and changes as a person reads them', () => {
    assert.equal(formatDuration(252), '4 min 12 s');
    assert.equal(formatDuration(45), '45 s');
    assert.equal(formatDuration(7500), '2 h 5 min');
    assert.equal(formatDuration(3 * 86_400 + 4 * 3600), '3 d 4 h');
    assert.equal(formatValue('csat', 88.125), '88.1\u00a0%');
    assert.equal(formatValue('frt_median', null), '\u2014');
    assert.equal(formatChange('csat', 82.4, 88.1), '\u22125.7 points');
    assert.equal(formatChange('frt_median', 180, 240), '\u22121 min, \u221225 %');
    assert.equal(formatValue('nps', -12.5), '\u221212.5');
  });
});

const line = (metric: string, value: number | null, previous: number | null, goal?: number): KpiLine => ({
  metric,
  label: metric,
  value,
  n: 10,
  previous,
  previous_n: 10,
  change: value !== null && previous !== null ? value - previous : null,
  goal: goal ?? null,
  goal_met: goal === undefined || value === null ? null : value >= goal,
});

function report(kpis: KpiLine[]): Omit<ReportData, 'summary'> {
  return {
    title: 'Kvalita KPI report',
    period: { label: '2026-03', kind: 'month', from: '', to: '' },
    previous: { label: '2026-02', from: '', to: '' },
    timeZone: 'UTC',
    filters: { team: null, channel: null },
    generated_at: '',
    conversations: { current: 1200, previous: 1100 },
    kpis,
    trend: { bucket: 'day', metrics: [], rows: [] },
    minimum_count: 5,
    teams: [],
    agents: [],
    leaders: [],
    topics: [{ topic: 't1', label: 'late delivery', count: 12, share: 34.2 }],
    complaints: {
      received: 12,
      acknowledged_within_target: null,
      resolved_within_target: null,
      time_to_resolve_median: null,
    },
    checks: [{ check: 'greeting', label: 'Greeting', failed: 41, decided: 120, fail_rate: 34.2 }],
  };
}

describe('Report summary', () => {
  it('names the largest change first, in points for rates and relatively for times', () => {
    const summary = writeSummary(
      report([line('csat', 82.4, 88.1, 85), line('frt_median', 240, 252), line('iqs', 80, 80)]),
    );
    assert.equal(summary[0], '2026-03 had 1,200 conversations, against 1,100 in 2026-02.');
    assert.equal(
      summary[1],
      'CSAT fell from 88.1\u00a0% to 82.4\u00a0% (\u22125.7 points), the largest change; first response time (median) improved from 4 min 12 s to 4 min (\u221212 s, \u22125 %).',
    );
    assert.match(
      summary[2] ?? '',
      /^0 of 1 KPIs with a goal met it; missed: CSAT 82\.4.% against 85\.0.%\.$/,
    );
    assert.ok(
      summary.includes('The most frequent complaint topic was "late delivery" (12 complaints, 34 % of all).'),
    );
    assert.ok(
      summary.some((s) => s.startsWith('The most failed AutoQA check was Greeting: it failed in 41 of 120')),
    );
  });

  it('says when there is nothing to compare with', () => {
    const summary = writeSummary(report([line('csat', 82.4, null)]));
    assert.equal(summary[1], 'There are no figures to compare with 2026-02.');
    assert.equal(changeMagnitude(line('csat', 82.4, null)), 0);
  });
});
