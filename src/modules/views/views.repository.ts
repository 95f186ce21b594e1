/** SQL of saved views. */
import type { Kysely } from 'kysely';
import type { DB, SavedViewsTable } from '../../db/schema.js';

/** A saved view row with its owner's name. */
export interface SavedViewRow extends Omit<SavedViewsTable, 'id'> {
  id: number;
  owner_name: string;
}

/** Reads and writes saved views. */
export class ViewsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('saved_views as v')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .select([
        'v.id',
        'v.user_id',
        'v.page',
        'v.name',
        'v.query',
        'v.shared',
        'v.created_at',
        'v.updated_at',
        'u.name as owner_name',
      ]);
  }

  /** The user's own views of a page and those others share, by name. */
  visible(userId: number, page: string): Promise<SavedViewRow[]> {
    return this.select()
      .where('v.page', '=', page)
      .where((eb) => eb.or([eb('v.user_id', '=', userId), eb('v.shared', '=', 1)]))
      .orderBy('v.name')
      .orderBy('v.id')
      .execute();
  }

  /** One view, or undefined. */
  find(id: number): Promise<SavedViewRow | undefined> {
    return this.select().where('v.id', '=', id).executeTakeFirst();
  }

  /**
   * Stores the view under its owner, page and name, replacing one of the same name; whether it
   * was new. One statement, so a retried request or two at once cannot make two of a name.
   */
  async upsert(row: Omit<SavedViewsTable, 'id' | 'created_at'>): Promise<{ id: number; created: boolean }> {
    const stored = await this.db
      .insertInto('saved_views')
      .values({ ...row, created_at: row.updated_at })
      .onConflict((oc) =>
        oc.columns(['user_id', 'page', 'name']).doUpdateSet((eb) => ({
          query: eb.ref('excluded.query'),
          shared: eb.ref('excluded.shared'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    return { id: Number(stored.id), created: Number(stored.created_at) === row.updated_at };
  }

  /** Deletes a view. */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('saved_views').where('id', '=', id).execute();
  }
}
