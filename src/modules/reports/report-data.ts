/** The content of a KPI report, as the service builds it and every renderer reads it. */
import type { PeriodKind } from './report-period.js';

/** One line of the KPI table. */
export interface KpiLine {
  metric: string;
  label: string;
  value: number | null;
  /** The count the value was computed from. */
  n: number;
  previous: number | null;
  previous_n: number;
  /** value − previous, when both exist. */
  change: number | null;
  /** The goal the metrics service held the value against, when it carries goals. */
  goal: number | null;
  goal_met: boolean | null;
}

/** A group (team or agent) with its quality and satisfaction figures. */
export interface GroupLine {
  /** Team name, or the agent's id in the source system. */
  key: string;
  /** What a person reads: the team name, or the agent's name and id. */
  name: string;
  iqs: number | null;
  iqs_n: number;
  csat: number | null;
  csat_n: number;
}

/** The best and the worst group by one metric, among groups with enough data. */
export interface Leader {
  dimension: 'team' | 'agent';
  metric: 'iqs' | 'csat';
  best: GroupLine | null;
  worst: GroupLine | null;
  /** Groups that had at least the minimum count. */
  ranked: number;
}

/** The content of a report. */
export interface ReportData {
  title: string;
  period: { label: string; kind: PeriodKind; from: string; to: string };
  previous: { label: string; from: string; to: string };
  timeZone: string;
  filters: { team: string | null; channel: string | null };
  generated_at: string;
  /** Conversations created in the period and in the previous one. */
  conversations: { current: number; previous: number };
  kpis: KpiLine[];
  trend: {
    bucket: 'day' | 'week' | null;
    metrics: string[];
    rows: Array<Record<string, string | number | null>>;
  };
  /** Groups need at least this many reviews (IQS) or answers (CSAT) to be ranked. */
  minimum_count: number;
  teams: GroupLine[];
  agents: GroupLine[];
  leaders: Leader[];
  topics: Array<{ topic: string; label: string; count: number; share: number | null }>;
  complaints: {
    received: number;
    acknowledged_within_target: number | null;
    resolved_within_target: number | null;
    time_to_resolve_median: number | null;
  };
  checks: Array<{ check: string; label: string; failed: number; decided: number; fail_rate: number | null }>;
  /** The written summary, one sentence per entry. */
  summary: string[];
}
