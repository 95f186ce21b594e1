/**
 * The written summary of a report: plain sentences about what changed most against the previous
 * period, goals missed, the best and weakest teams and agents, complaint topics and failed AutoQA
 * checks, all generated from the figures. Pure.
 */
import type { KpiLine, Leader, ReportData } from './report-data.js';
import { formatChange, formatCount, formatValue, reportMetric } from './report-metrics.js';

/** How many KPI changes the summary names. */
export const SUMMARY_CHANGES = 3;

/**
 * How large a change is, comparable across metrics: points out of the whole scale for rates,
 * NPS and effort scores, the share of the previous value for times and complaint rates.
 */
export function changeMagnitude(line: KpiLine): number {
  if (line.value === null || line.previous === null) return 0;
  const change = Math.abs(line.value - line.previous);
  const unit = reportMetric(line.metric).unit;
  if (unit === 'percent') return change / 100;
  if (unit === 'nps') return change / 200;
  if (unit === 'score') return change / 6;
  if (line.previous === 0) return line.value === 0 ? 0 : 1;
  return Math.min(1, change / Math.abs(line.previous));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// "CSAT fell from 88.1 % to 82.4 % (−5.7 points)"
function changeClause(line: KpiLine, first: boolean): string {
  const metric = reportMetric(line.metric);
  const value = line.value as number;
  const previous = line.previous as number;
  const up = value > previous;
  const verb = metric.higherIsBetter ? (up ? 'rose' : 'fell') : up ? 'worsened' : 'improved';
  // Later clauses continue the sentence, so only acronyms keep their capitals.
  const label =
    first || /^[A-Z]{2,}/.test(metric.label)
      ? metric.label
      : metric.label.charAt(0).toLowerCase() + metric.label.slice(1);
  return `${label} ${verb} from ${formatValue(line.metric, previous)} to ${formatValue(line.metric, value)} (${formatChange(line.metric, value, previous)})`;
}

function leaderSentence(leader: Leader, minimum: number): string | null {
  if (!leader.best || leader.ranked < 2 || !leader.worst) return null;
  const what = leader.dimension === 'team' ? 'team' : 'agent';
  const metric = reportMetric(leader.metric);
  const counted = leader.metric === 'iqs' ? 'reviews' : 'answers';
  const figure = (line: NonNullable<Leader['best']>) =>
    `${formatValue(leader.metric, line[leader.metric])}, ${formatCount(line[`${leader.metric}_n`])} ${counted}`;
  return `Best ${what} by ${metric.id === 'iqs' ? 'IQS' : 'CSAT'} was ${leader.best.name} (${figure(leader.best)}); the weakest was ${leader.worst.name} (${figure(leader.worst)}), among ${leader.ranked} ${what}s with at least ${minimum} ${counted}.`;
}

/** The summary sentences of a report. */
export function writeSummary(report: Omit<ReportData, 'summary'>): string[] {
  const sentences: string[] = [];
  const { current, previous } = report.conversations;
  const scope = [
    report.filters.team && `team ${report.filters.team}`,
    report.filters.channel && `channel ${report.filters.channel}`,
  ]
    .filter(Boolean)
    .join(', ');
  sentences.push(
    `${report.period.label}${scope ? ` (${scope})` : ''} had ${formatCount(current)} conversation${current === 1 ? '' : 's'}, against ${formatCount(previous)} in ${report.previous.label}.`,
  );

  const changed = report.kpis
    .filter((line) => line.value !== null && line.previous !== null && line.value !== line.previous)
    .map((line) => ({ line, magnitude: changeMagnitude(line) }))
    .filter((entry) => entry.magnitude > 0)
    .sort((a, b) => b.magnitude - a.magnitude || a.line.metric.localeCompare(b.line.metric))
    .slice(0, SUMMARY_CHANGES);
  if (changed.length > 0) {
    const clauses = changed.map((entry, i) => changeClause(entry.line, i === 0));
    const [head, ...rest] = clauses;
    sentences.push(
      `${capitalise(head as string)}, the largest change${rest.length ? `; ${rest.join('; ')}` : ''}.`,
    );
  } else if (report.kpis.some((line) => line.value !== null && line.previous !== null)) {
    sentences.push(`No KPI changed against ${report.previous.label}.`);
  } else {
    sentences.push(`There are no figures to compare with ${report.previous.label}.`);
  }

  const withGoal = report.kpis.filter((line) => line.goal !== null && line.goal_met !== null);
  if (withGoal.length > 0) {
    const missed = withGoal.filter((line) => line.goal_met === false);
    sentences.push(
      missed.length === 0
        ? `All ${withGoal.length} KPIs with a goal met it.`
        : `${withGoal.length - missed.length} of ${withGoal.length} KPIs with a goal met it; missed: ${missed
            .map(
              (line) =>
                `${reportMetric(line.metric).label} ${formatValue(line.metric, line.value)} against ${formatValue(line.metric, line.goal)}`,
            )
            .join(', ')}.`,
    );
  }

  for (const leader of report.leaders) {
    const sentence = leaderSentence(leader, report.minimum_count);
    if (sentence) sentences.push(sentence);
  }

  const topic = report.topics[0];
  if (topic) {
    sentences.push(
      `The most frequent complaint topic was "${topic.label || topic.topic}" (${formatCount(topic.count)} complaint${topic.count === 1 ? '' : 's'}${topic.share !== null ? `, ${Math.round(topic.share)} % of all` : ''}).`,
    );
  }
  const check = report.checks[0];
  if (check) {
    sentences.push(
      `The most failed AutoQA check was ${check.label}: it failed in ${formatCount(check.failed)} of ${formatCount(check.decided)} conversations it applied to.`,
    );
  }
  return sentences;
}
