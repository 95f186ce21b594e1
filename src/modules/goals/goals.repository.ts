/** SQL of goals. */
import type { Kysely, Updateable } from 'kysely';
import type { DB, GoalsTable } from '../../db/schema.js';

/** The columns of a new goal. */
export type NewGoalRow = Omit<GoalsTable, 'id'>;

/** Reads and writes goals. */
export class GoalsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Goals, by metric, scope and start. */
  async list(filters: { metrics?: readonly string[] | undefined; scope?: string | undefined } = {}) {
    let query = this.db.selectFrom('goals').selectAll();
    if (filters.metrics !== undefined) {
      if (filters.metrics.length === 0) return [];
      query = query.where('metric', 'in', [...filters.metrics]);
    }
    if (filters.scope !== undefined) query = query.where('scope', '=', filters.scope);
    return query
      .orderBy('metric')
      .orderBy('scope')
      .orderBy('scope_value')
      .orderBy('valid_from')
      .orderBy('id')
      .execute();
  }

  /** One goal, or undefined. */
  async find(id: number) {
    return this.db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Stores a goal and returns its id. */
  async insert(row: NewGoalRow): Promise<number> {
    const inserted = await this.db.insertInto('goals').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  /** Changes a goal. */
  async update(id: number, changes: Updateable<GoalsTable>): Promise<void> {
    await this.db.updateTable('goals').set(changes).where('id', '=', id).execute();
  }

  /** Deletes a goal; whether there was one. */
  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('goals').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Whether a team of this name exists. */
  async teamExists(name: string): Promise<boolean> {
    return (
      (await this.db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst()) !==
      undefined
    );
  }

  /** Whether an agent with this id in the source system exists. */
  async agentExists(externalId: string): Promise<boolean> {
    return (
      (await this.db
        .selectFrom('agents')
        .select('id')
        .where('external_id', '=', externalId)
        .executeTakeFirst()) !== undefined
    );
  }
}
