/**
 * The complaint figures of the metric definitions, from register rows: complaint rate per
 * 1,000 conversations, acknowledged and resolved within target, median time to resolve,
 * reopened share, and the share of each resolution type. A figure without data is null.
 */
import { median } from './statistics.js';

/** The fields of a register entry the figures read (times in epoch ms). */
export interface ComplaintFacts {
  status: string;
  received_at: number;
  acknowledge_due_at: number | null;
  resolve_due_at: number | null;
  acknowledged_at: number | null;
  resolved_at: number | null;
  reopen_count: number;
  resolution_type: string | null;
}

/** The figures. Percentages are 0–100, times seconds; each has the count it came from. */
export interface ComplaintFigures {
  complaints: number;
  complaint_rate: number | null;
  complaint_rate_n: number;
  acknowledged_within_target: number | null;
  acknowledged_within_target_n: number;
  resolved_within_target: number | null;
  resolved_within_target_n: number;
  time_to_resolve_median: number | null;
  time_to_resolve_median_n: number;
  reopened: number | null;
  reopened_n: number;
  resolution_types: Record<string, number>;
  resolution_types_n: number;
}

const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/**
 * Figures of the complaints received in a period. A deadline counts once it is decided: met
 * (done by the due time) or missed (done late, or not done and the due time has passed at `now`).
 */
export function complaintFigures(
  rows: readonly ComplaintFacts[],
  conversations: number,
  now: number,
): ComplaintFigures {
  let ackDecided = 0;
  let ackMet = 0;
  let resolveDecided = 0;
  let resolveMet = 0;
  const resolveSeconds: number[] = [];
  let everResolved = 0;
  let reopened = 0;
  const types: Record<string, number> = {};
  let typed = 0;
  for (const row of rows) {
    if (row.acknowledge_due_at !== null) {
      if (row.acknowledged_at !== null) {
        ackDecided += 1;
        if (row.acknowledged_at <= row.acknowledge_due_at) ackMet += 1;
      } else if (row.acknowledge_due_at < now) ackDecided += 1;
    }
    if (row.resolve_due_at !== null) {
      if (row.resolved_at !== null) {
        resolveDecided += 1;
        if (row.resolved_at <= row.resolve_due_at) resolveMet += 1;
      } else if (row.resolve_due_at < now && row.status !== 'withdrawn' && row.status !== 'rejected')
        resolveDecided += 1;
    }
    if (row.resolved_at !== null) resolveSeconds.push((row.resolved_at - row.received_at) / 1000);
    if (row.resolved_at !== null || row.reopen_count > 0 || row.status === 'closed') {
      everResolved += 1;
      if (row.reopen_count > 0) reopened += 1;
    }
    if (row.resolution_type && (row.status === 'resolved' || row.status === 'closed')) {
      types[row.resolution_type] = (types[row.resolution_type] ?? 0) + 1;
      typed += 1;
    }
  }
  const shares: Record<string, number> = {};
  for (const [type, count] of Object.entries(types)) shares[type] = (count / typed) * 100;
  return {
    complaints: rows.length,
    complaint_rate: conversations > 0 ? (rows.length / conversations) * 1000 : null,
    complaint_rate_n: conversations,
    acknowledged_within_target: percent(ackMet, ackDecided),
    acknowledged_within_target_n: ackDecided,
    resolved_within_target: percent(resolveMet, resolveDecided),
    resolved_within_target_n: resolveDecided,
    time_to_resolve_median: median(resolveSeconds) ?? null,
    time_to_resolve_median_n: resolveSeconds.length,
    reopened: percent(reopened, everResolved),
    reopened_n: everResolved,
    resolution_types: shares,
    resolution_types_n: typed,
  };
}
