/** SQL of driver strength: CSAT answers, category scores and check results of the same conversations. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MetricsQuery } from '../analytics/analytics.service.js';

/** Which conversations count: created in [from, to), and the metrics' filters. */
export type DriverFilters = Pick<
  MetricsQuery,
  'from' | 'to' | 'channel' | 'team' | 'agent' | 'language' | 'tag' | 'source'
>;

/** Reads what driver strength is computed from. */
export class DriversRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // Ids of the selected conversations that have a CSAT answer: only they can pair with one.
  private answered(filters: DriverFilters) {
    let query = this.db
      .selectFrom('conversations as c')
      .select('c.id')
      .where('c.created_at', '>=', filters.from)
      .where('c.created_at', '<', filters.to)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('feedback as f')
            .select('f.conversation_id')
            .whereRef('f.conversation_id', '=', 'c.id')
            .where('f.type', '=', 'csat'),
        ),
      );
    if (filters.channel) query = query.where('c.channel', '=', filters.channel);
    if (filters.language) query = query.where('c.language', '=', filters.language);
    if (filters.source) query = query.where('c.source', '=', filters.source);
    const team = filters.team;
    if (team) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('teams as t')
            .select('t.id')
            .whereRef('t.id', '=', 'c.team_id')
            .where('t.name', '=', team),
        ),
      );
    }
    const agent = filters.agent;
    if (agent) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('agents as a')
            .select('a.id')
            .whereRef('a.id', '=', 'c.agent_id')
            .where('a.external_id', '=', agent),
        ),
      );
    }
    const tag = filters.tag;
    if (tag) {
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('conversation_tags as ct')
            .innerJoin('tags as g', 'g.id', 'ct.tag_id')
            .select('ct.conversation_id')
            .whereRef('ct.conversation_id', '=', 'c.id')
            .where('g.name', '=', tag),
        ),
      );
    }
    return query;
  }

  /** The CSAT answers of the selected conversations. */
  async csatAnswers(filters: DriverFilters) {
    return this.db
      .selectFrom('feedback')
      .select(['conversation_id', 'score', 'scale'])
      .where('type', '=', 'csat')
      .where('conversation_id', 'in', this.answered(filters))
      .execute();
  }

  /** Category scores (0–100, N/A left out) of submitted manual and automatic reviews of them. */
  async categoryScores(filters: DriverFilters) {
    return this.db
      .selectFrom('review_ratings as rr')
      .innerJoin('reviews as r', 'r.id', 'rr.review_id')
      .select(['r.conversation_id', 'r.kind', 'rr.category_key', 'rr.category_score'])
      .where('r.status', '=', 'submitted')
      .where('r.kind', 'in', ['manual', 'auto'])
      .where('rr.na', '=', 0)
      .where('rr.category_score', 'is not', null)
      .where('r.conversation_id', 'in', this.answered(filters))
      .execute();
  }

  /** Passed and failed AutoQA checks of them (not applicable left out). */
  async checkResults(filters: DriverFilters) {
    return this.db
      .selectFrom('check_results')
      .select(['conversation_id', 'check_id', 'result'])
      .where('result', 'in', ['pass', 'fail'])
      .where('conversation_id', 'in', this.answered(filters))
      .execute();
  }
}
