/** SQL of trend alerts and their delivery. */
import type { Kysely } from 'kysely';
import type { AlertsTable, DB } from '../../db/schema.js';

/** The columns of a new alert. */
export type NewAlertRow = Omit<AlertsTable, 'id'>;

/** Reads and writes alerts. */
export class AlertsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Stores an alert unless one with the same metric, scope, bucket and kind exists; the id of
   * the new alert, or undefined when it had been raised before.
   */
  async insertOnce(row: NewAlertRow): Promise<number | undefined> {
    const inserted = await this.db
      .insertInto('alerts')
      .values(row)
      .onConflict((oc) => oc.columns(['metric', 'scope', 'scope_value', 'bucket', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted === undefined ? undefined : Number(inserted.id);
  }

  /** Alerts, newest first. */
  async list(filters: { metric?: string | undefined; limit: number; offset: number }) {
    let query = this.db.selectFrom('alerts').selectAll();
    if (filters.metric !== undefined) query = query.where('metric', '=', filters.metric);
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute();
  }

  /** One alert, or undefined. */
  async find(id: number) {
    return this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Ids of undelivered alerts due for an attempt, oldest first. */
  async due(now: number, maxAttempts: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select('id')
      .where('delivered_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Takes an alert for delivery until `until`, unless it was delivered or another process took
   * it meanwhile; whether it was taken.
   */
  async claim(id: number, now: number, until: number): Promise<boolean> {
    const result = await this.db
      .updateTable('alerts')
      .set({ next_attempt_at: until })
      .where('id', '=', id)
      .where('delivered_at', 'is', null)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records one delivery attempt. */
  async recordAttempt(
    id: number,
    outcome: {
      attempts: number;
      deliveredAt: number | null;
      error: string | null;
      nextAttemptAt: number | null;
    },
  ): Promise<void> {
    await this.db
      .updateTable('alerts')
      .set({
        attempts: outcome.attempts,
        delivered_at: outcome.deliveredAt,
        last_error: outcome.error,
        next_attempt_at: outcome.nextAttemptAt,
      })
      .where('id', '=', id)
      .execute();
  }
}
