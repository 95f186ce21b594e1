/**
 * Driver strength over the store: which scorecard categories (manual and automatic reviews apart)
 * and AutoQA checks move with the CSAT of the same conversations, strongest first.
 */
import type { Database } from '../../db/database.js';
import { csatPercent, type Driver, type DriverObservation, rankDrivers } from '../../domain/drivers.js';
import { invalidInput } from '../common/service-errors.js';
import { type DriverFilters, DriversRepository } from './drivers.repository.js';

/** The default period: the 90 days before `to`. */
export const DRIVER_DEFAULT_DAYS = 90;

/** Driver strength of a period. */
export interface DriversReport {
  /** Start of the period, ISO 8601. */
  from: string;
  /** End of the period (exclusive), ISO 8601. */
  to: string;
  /** Conversations with a CSAT answer in the selection. */
  conversations_with_csat: number;
  /** Every category and check with its ρ, strongest |ρ| first. */
  drivers: Driver[];
}

/** Parses the period of a drivers question; names the field at fault. */
export function parseDriverPeriod(input: { from?: string | undefined; to?: string | undefined }): {
  from: number;
  to: number;
} {
  const to = input.to ? Date.parse(input.to) : Date.now();
  const from = input.from ? Date.parse(input.from) : to - DRIVER_DEFAULT_DAYS * 86_400_000;
  const problems: Array<{ field: string; reason: string }> = [];
  if (Number.isNaN(from)) problems.push({ field: 'from', reason: `not a date: "${input.from}"` });
  if (Number.isNaN(to)) problems.push({ field: 'to', reason: `not a date: "${input.to}"` });
  if (problems.length === 0 && from >= to) problems.push({ field: 'from', reason: 'must be before to' });
  if (problems.length > 0) throw invalidInput(problems);
  return { from, to };
}

/** Computes driver strength. */
export class DriversService {
  private readonly repository: DriversRepository;

  constructor(database: Database) {
    this.repository = new DriversRepository(database.kysely);
  }

  /** Spearman's ρ of each category and check with CSAT over the selected conversations. */
  async drivers(filters: DriverFilters): Promise<DriversReport> {
    const [answers, ratings, checks] = await Promise.all([
      this.repository.csatAnswers(filters),
      this.repository.categoryScores(filters),
      this.repository.checkResults(filters),
    ]);
    // Several answers of one conversation count as their mean.
    const sums = new Map<number, { sum: number; count: number }>();
    for (const answer of answers) {
      const id = Number(answer.conversation_id);
      const entry = sums.get(id) ?? { sum: 0, count: 0 };
      entry.sum += csatPercent(Number(answer.score), Number(answer.scale));
      entry.count += 1;
      sums.set(id, entry);
    }
    const csat = new Map([...sums].map(([id, { sum, count }]) => [id, sum / count]));
    const observations: DriverObservation[] = [
      ...ratings.map((row) => ({
        source: row.kind === 'auto' ? ('auto_review' as const) : ('manual_review' as const),
        key: row.category_key,
        conversation_id: Number(row.conversation_id),
        value: Number(row.category_score),
      })),
      ...checks.map((row) => ({
        source: 'autoqa_check' as const,
        key: row.check_id,
        conversation_id: Number(row.conversation_id),
        value: row.result === 'pass' ? 1 : 0,
      })),
    ];
    return {
      from: new Date(filters.from).toISOString(),
      to: new Date(filters.to).toISOString(),
      conversations_with_csat: csat.size,
      drivers: rankDrivers(csat, observations),
    };
  }
}
