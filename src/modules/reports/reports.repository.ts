/** What reports read besides the metrics: failed AutoQA checks and the names of agents. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Which conversations a report covers. */
export interface ReportScope {
  from: number;
  to: number;
  team?: string | undefined;
  channel?: string | undefined;
}

/** One AutoQA check over the scope: how often it failed among the conversations it applied to. */
export interface CheckFailures {
  check: string;
  failed: number;
  /** Conversations where the check passed or failed (not applicable ones left out). */
  decided: number;
}

/** Reads for reports. */
export class ReportsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Failures per AutoQA check of the conversations created in the scope, most failed first. */
  async checkFailures(scope: ReportScope, limit: number): Promise<CheckFailures[]> {
    let query = this.db
      .selectFrom('check_results as r')
      .innerJoin('conversations as c', 'c.id', 'r.conversation_id')
      .select((eb) => [
        'r.check_id as check',
        eb.fn
          .sum<number | string>(eb.case().when('r.result', '=', 'fail').then(1).else(0).end())
          .as('failed'),
        eb.fn.countAll<number | string>().as('decided'),
      ])
      .where('c.created_at', '>=', scope.from)
      .where('c.created_at', '<', scope.to)
      .where('r.result', 'in', ['pass', 'fail']);
    if (scope.channel) query = query.where('c.channel', '=', scope.channel);
    if (scope.team) {
      const team = scope.team;
      query = query.where('c.team_id', 'in', (eb) =>
        eb.selectFrom('teams').select('id').where('name', '=', team),
      );
    }
    const rows = await query.groupBy('r.check_id').execute();
    return rows
      .map((row) => ({ check: row.check, failed: Number(row.failed), decided: Number(row.decided) }))
      .filter((row) => row.failed > 0)
      .sort((a, b) => b.failed - a.failed || a.check.localeCompare(b.check))
      .slice(0, limit);
  }

  /** Display names of agents by their id in the source system. */
  async agentNames(externalIds: readonly string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('agents')
      .select(['external_id', 'name'])
      .where('external_id', 'in', [...externalIds])
      .execute();
    return new Map(rows.flatMap((row) => (row.name ? [[row.external_id, row.name] as const] : [])));
  }
}
