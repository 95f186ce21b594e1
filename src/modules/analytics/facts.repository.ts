/**
 * Reads what the metric formulas need of each conversation (`MetricFacts`): the conversation
 * row, first replies and message counts, survey answers, submitted reviews, the customer's next
 * contact, and the first-response target of its channel. Used by the exact query path and to
 * build rollup cells, so both read the same facts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { MetricFacts } from '../../domain/metrics.js';
import { loadEngineSettings } from '../autoqa/autoqa.settings.js';
import { SettingsRepository } from '../settings/settings.repository.js';

/** Setting: days after a resolved conversation in which a new one from the same customer undoes first-contact resolution. */
export const FCR_WINDOW_SETTING = 'analytics.fcr_window_days';
const DEFAULT_FCR_WINDOW_DAYS = 7;
const PAGE = 1000;

/** A conversation with what grouping and rollups need besides the facts. */
export type Fact = MetricFacts & {
  id: number;
  team_id: number | null;
  agent_id: number | null;
  customer_id: number | null;
  language: string | null;
  source: string;
};

/** The settings that change facts: the first-contact window and the first-response targets. */
export interface FactSettings {
  fcrWindowMs: number;
  frtTargets: Record<string, number>;
}

/** The organisation's settings that facts depend on. */
export async function loadFactSettings(database: Database): Promise<FactSettings> {
  const stored = await new SettingsRepository(database.kysely).get(FCR_WINDOW_SETTING);
  const days = stored !== undefined && stored !== null ? Number(stored) : Number.NaN;
  const engine = await loadEngineSettings(database);
  return {
    fcrWindowMs: (Number.isFinite(days) && days >= 0 ? days : DEFAULT_FCR_WINDOW_DAYS) * 86_400_000,
    frtTargets: engine.firstResponseTargetS,
  };
}

/** The conversation columns facts are made from. */
export const FACT_COLUMNS = [
  'c.id',
  'c.channel',
  'c.status',
  'c.language',
  'c.source',
  'c.created_at',
  'c.resolved_at',
  'c.handle_s',
  'c.wait_s',
  'c.transfers',
  'c.abandoned',
  'c.reopened',
  'c.outcome',
  'c.complaint',
  'c.team_id',
  'c.agent_id',
  'c.customer_id',
] as const;

/** One conversation row as selected with `FACT_COLUMNS`. */
export interface FactRow {
  id: number;
  channel: string;
  status: string | null;
  language: string | null;
  source: string;
  created_at: number;
  resolved_at: number | null;
  handle_s: number | null;
  wait_s: number | null;
  transfers: number | null;
  abandoned: number | null;
  reopened: number | null;
  outcome: string | null;
  complaint: number;
  team_id: number | null;
  agent_id: number | null;
  customer_id: number | null;
}

const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Loads facts for conversation rows. */
export class FactsRepository {
  private readonly db: Kysely<DB>;

  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  /** The facts of these conversations, in their order; category scores only when asked for. */
  async factsOf(
    rows: readonly FactRow[],
    settings: FactSettings,
    options: {
      categories?: boolean;
      scorecardId?: number | undefined;
      categoryKey?: string | undefined;
    } = {},
  ): Promise<Fact[]> {
    const facts: Fact[] = [];
    for (let at = 0; at < rows.length; at += PAGE) {
      const page = rows.slice(at, at + PAGE);
      const ids = page.map((row) => row.id);
      let reviewQuery = this.db
        .selectFrom('reviews as r')
        .select(['r.id', 'r.conversation_id', 'r.kind', 'r.score', 'r.passed', 'r.auto_failed'])
        .where('r.conversation_id', 'in', ids)
        .where('r.status', '=', 'submitted')
        .where('r.kind', 'in', ['manual', 'auto']);
      if (options.scorecardId !== undefined) {
        const scorecardId = options.scorecardId;
        reviewQuery = reviewQuery.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('scorecard_versions as v')
              .select('v.id')
              .whereRef('v.id', '=', 'r.scorecard_version_id')
              .where('v.scorecard_id', '=', scorecardId),
          ),
        );
      }
      const [messages, feedback, reviews, repeats] = await Promise.all([
        this.db
          .selectFrom('messages')
          .select((eb) => [
            'conversation_id',
            eb.fn
              .min(eb.case().when('role', '=', 'customer').then(eb.ref('at')).end())
              .as('first_customer_at'),
            eb.fn
              .min(
                eb
                  .case()
                  .when(eb.and([eb('role', '=', 'agent'), eb('internal', '=', 0)]))
                  .then(eb.ref('at'))
                  .end(),
              )
              .as('first_agent_at'),
            eb.fn.min('at').as('first_at'),
            eb.fn.max('at').as('last_at'),
            eb.fn
              .sum(
                eb
                  .case()
                  .when(eb.and([eb('role', '=', 'agent'), eb('internal', '=', 0)]))
                  .then(1)
                  .else(0)
                  .end(),
              )
              .as('agent_messages'),
          ])
          .where('conversation_id', 'in', ids)
          .groupBy('conversation_id')
          .execute(),
        this.db
          .selectFrom('feedback')
          .select(['conversation_id', 'type', 'score', 'scale'])
          .where('conversation_id', 'in', ids)
          .execute(),
        reviewQuery.execute(),
        this.repeatContacts(page, settings.fcrWindowMs),
      ]);
      const messagesOf = new Map(messages.map((m) => [m.conversation_id, m]));
      const feedbackOf = new Map<number, Fact['feedback'][number][]>();
      for (const f of feedback) {
        const list = feedbackOf.get(f.conversation_id);
        if (list) list.push(f);
        else feedbackOf.set(f.conversation_id, [f]);
      }
      const reviewsOf = new Map<number, Fact['review_scores'][number][]>();
      for (const r of reviews) {
        const review = {
          kind: r.kind,
          score: r.score,
          passed: r.passed === null ? null : r.passed === 1,
          auto_failed: r.auto_failed === 1,
        };
        const list = reviewsOf.get(r.conversation_id);
        if (list) list.push(review);
        else reviewsOf.set(r.conversation_id, [review]);
      }
      const categoriesOf = options.categories
        ? await this.categoryScores(reviews, options.categoryKey)
        : undefined;
      for (const row of page) {
        const m = messagesOf.get(row.id);
        const target = settings.frtTargets[row.channel] ?? settings.frtTargets.default;
        const fact: Fact = {
          id: row.id,
          channel: row.channel,
          status: row.status,
          created_at: row.created_at,
          resolved_at: row.resolved_at,
          handle_s: row.handle_s,
          wait_s: row.wait_s,
          transfers: row.transfers,
          abandoned: row.abandoned === null ? null : row.abandoned === 1,
          complaint: row.complaint === 1,
          first_customer_at: number(m?.first_customer_at),
          first_agent_at: number(m?.first_agent_at),
          first_at: number(m?.first_at),
          last_at: number(m?.last_at),
          agent_messages: number(m?.agent_messages) ?? 0,
          reopened: row.reopened,
          outcome: row.outcome,
          customer: row.customer_id,
          repeat_contact: repeats.has(row.id),
          frt_target_s: target ?? null,
          feedback: feedbackOf.get(row.id) ?? [],
          review_scores: reviewsOf.get(row.id) ?? [],
          team_id: row.team_id,
          agent_id: row.agent_id,
          customer_id: row.customer_id,
          language: row.language,
          source: row.source,
        };
        if (categoriesOf) fact.category_scores = categoriesOf.get(row.id) ?? [];
        facts.push(fact);
      }
    }
    return facts;
  }

  // Conversations of the page followed, within the window, by another from the same customer.
  private async repeatContacts(page: readonly FactRow[], windowMs: number): Promise<Set<number>> {
    const withCustomer = page.filter((row) => row.customer_id !== null);
    if (withCustomer.length === 0) return new Set();
    const customers = [...new Set(withCustomer.map((row) => row.customer_id as number))];
    const first = Math.min(...withCustomer.map((row) => row.created_at));
    const last = Math.max(...withCustomer.map((row) => row.created_at));
    const later = await this.db
      .selectFrom('conversations')
      .select(['id', 'customer_id', 'created_at'])
      .where('customer_id', 'in', customers)
      .where('created_at', '>', first)
      .where('created_at', '<=', last + windowMs)
      .execute();
    const byCustomer = new Map<number, Array<{ id: number; created_at: number }>>();
    for (const row of later) {
      const list = byCustomer.get(row.customer_id as number);
      if (list) list.push(row);
      else byCustomer.set(row.customer_id as number, [row]);
    }
    const repeated = new Set<number>();
    for (const row of withCustomer) {
      const next = byCustomer.get(row.customer_id as number) ?? [];
      if (
        next.some(
          (other) =>
            other.id !== row.id &&
            other.created_at > row.created_at &&
            other.created_at <= row.created_at + windowMs,
        )
      )
        repeated.add(row.id);
    }
    return repeated;
  }

  private async categoryScores(
    reviews: ReadonlyArray<{ id: number; conversation_id: number }>,
    categoryKey: string | undefined,
  ): Promise<Map<number, Array<{ key: string; score: number }>>> {
    const conversationOf = new Map(reviews.map((r) => [r.id, r.conversation_id]));
    const result = new Map<number, Array<{ key: string; score: number }>>();
    if (reviews.length === 0) return result;
    let query = this.db
      .selectFrom('review_ratings')
      .select(['review_id', 'category_key', 'category_score'])
      .where('review_id', 'in', [...conversationOf.keys()])
      .where('na', '=', 0)
      .where('category_score', 'is not', null);
    if (categoryKey !== undefined) query = query.where('category_key', '=', categoryKey);
    for (const rating of await query.execute()) {
      const conversation = conversationOf.get(rating.review_id) as number;
      const list = result.get(conversation) ?? [];
      list.push({ key: rating.category_key, score: rating.category_score as number });
      result.set(conversation, list);
    }
    return result;
  }
}
